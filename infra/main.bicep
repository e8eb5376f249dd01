// azure-backup-triage: everything `azd up` creates, least privilege, no keys where an identity works.
// Resource group scope for the app; the vaults, the scopes to read and the backup workspace may live
// elsewhere (other resource groups or subscriptions of the tenant) and are reached through modules.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name: names the resource group and seeds the unique suffix of every resource.')
param environmentName string

@minLength(1)
@description('Region of every resource created here (Flex Consumption must be available in it).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the person deploying (azd sets it): gets Event Hubs Data Sender on the hub for the smoke test and Table Data Reader for `backup-triage digest`. Empty: no human access.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal'])
@description('Kind of principalId: ServicePrincipal when azd runs from a pipeline.')
param principalType string = 'User'

@description('Recovery Services vaults to connect, comma-separated resource ids. Each gets a diagnostic setting streaming AddonAzureBackupJobs and CoreAzureBackup (resource-specific) to the hub, and the app gets Backup Reader on it.')
param vaultResourceIds string = ''

@description('Where the lookups may read (Reader): comma-separated subscription ids (/subscriptions/<id>) or resource group ids. Empty: the subscriptions of the vaults.')
param readerScopes string = ''

@description('Log Analytics workspace (resource id) that already receives the vaults\' AddonAzureBackupJobs: enables the history probe (Log Analytics Reader on it). Empty: no history probe.')
param backupWorkspaceResourceId string = ''

@secure()
@description('Webhook URL (Teams Workflows, Slack incoming webhook or your endpoint). Kept in Key Vault. Empty: messages wait in the outbox until it is set.')
param webhookUrl string = ''

@allowed(['generic', 'teams', 'slack', 'markdown'])
@description('Format of the messages.')
param webhookFormat string = 'teams'

@secure()
@description('Standard Webhooks secret (whsec_…) signing generic messages. Kept in Key Vault.')
param webhookSecret string = ''

@description('Digest recipients, comma-separated. Empty: no digest mail.')
param digestTo string = ''

@description('Digest sender (a verified sender of your SMTP service).')
param digestFrom string = ''

@description('SMTP server for the digest (smtp.azurecomm.net, smtp.office365.com, smtp.sendgrid.net).')
param smtpHost string = ''

@description('SMTP user name.')
param smtpUser string = ''

@secure()
@description('SMTP password. Kept in Key Vault.')
param smtpPassword string = ''

@description('When the digest is sent, NCRONTAB in UTC.')
param digestSchedule string = '0 0 6 * * *'

@allowed(['en', 'fr'])
@description('Language of the messages, the digest and the dashboard.')
param triageLang string = 'en'

@allowed(['P1', 'P2', 'P3', 'P4'])
@description('Findings below this priority are stored but not sent.')
param notifyMinPriority string = 'P3'

@description('Object id of the "Backup Management Service" principal in your tenant (az ad sp list --display-name "Backup Management Service" --query [0].id): makes the key vault check exact.')
param backupManagementServiceObjectId string = ''

@description('Also publish every enriched event to a second event hub (streaming dashboards); the app then gets Event Hubs Data Sender on it.')
param enableEventsOutput bool = false

@description('Azure Monitor diagnostic settings can deliver to Event Hubs only through a shared access rule (see the README, "Why the hub keeps one SAS rule"). True: local auth stays enabled on the namespace with one Send-only rule used by the vaults\' diagnostic settings, and nothing else uses a key. False: local auth disabled; feed the hub some other way.')
param diagnosticsNeedSharedAccess bool = true

@minValue(1)
@maxValue(1000)
@description('Upper bound of Flex Consumption instances (cost and ARM read budget).')
param maximumInstanceCount int = 40

var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var vaults = empty(vaultResourceIds) ? [] : split(replace(vaultResourceIds, ' ', ''), ',')
var vaultSubscriptions = union(map(vaults, id => '/subscriptions/${split(id, '/')[2]}'), [])
var scopes = empty(readerScopes) ? vaultSubscriptions : split(replace(readerScopes, ' ', ''), ',')
// ARM evaluates the scope of a module even when its condition is false: give it a well-formed id.
var workspaceId = empty(backupWorkspaceResourceId) ? '/subscriptions/${subscription().subscriptionId}/resourceGroups/unused/providers/Microsoft.OperationalInsights/workspaces/unused' : backupWorkspaceResourceId
var eventHubName = 'backup-jobs'
var consumerGroupName = 'backup-triage'
var outputEventHubName = 'enriched-events'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: { name: 'id-triage-${token}', location: location, tags: tags }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: { workspaceName: 'log-${token}', appInsightsName: 'appi-${token}', location: location, tags: tags }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: { name: 'st${token}', location: location, tags: tags, deploymentContainerName: 'app-package-${token}' }
}

module eventHubs 'app/eventhubs.bicep' = {
  name: 'eventhubs'
  scope: rg
  params: {
    name: 'evhns-${token}'
    location: location
    tags: tags
    eventHubName: eventHubName
    consumerGroupName: consumerGroupName
    outputEventHubName: enableEventsOutput ? outputEventHubName : ''
    diagnosticsNeedSharedAccess: diagnosticsNeedSharedAccess
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${token}'
    location: location
    tags: tags
    webhookUrl: webhookUrl
    webhookSecret: webhookSecret
    smtpPassword: smtpPassword
  }
}

module workspace 'app/workspace-reader.bicep' = if (!empty(backupWorkspaceResourceId)) {
  name: 'backup-workspace-reader'
  scope: resourceGroup(split(workspaceId, '/')[2], split(workspaceId, '/')[4])
  params: { workspaceName: last(split(workspaceId, '/')), principalId: identity.outputs.principalId }
}

module function 'app/function.bicep' = {
  name: 'function'
  scope: rg
  params: {
    name: 'func-triage-${token}'
    planName: 'plan-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    eventHubsNamespaceHost: eventHubs.outputs.namespaceHost
    eventHubName: eventHubName
    consumerGroupName: consumerGroupName
    outputEventHubName: enableEventsOutput ? outputEventHubName : ''
    keyVaultUri: keyVault.outputs.uri
    hasWebhookUrl: !empty(webhookUrl)
    hasWebhookSecret: !empty(webhookSecret)
    hasSmtpPassword: !empty(smtpPassword)
    webhookFormat: webhookFormat
    digestTo: digestTo
    digestFrom: digestFrom
    smtpHost: smtpHost
    smtpUser: smtpUser
    digestSchedule: digestSchedule
    triageLang: triageLang
    notifyMinPriority: notifyMinPriority
    workspaceCustomerId: empty(backupWorkspaceResourceId) ? '' : workspace!.outputs.customerId
    backupManagementServiceObjectId: backupManagementServiceObjectId
    maximumInstanceCount: maximumInstanceCount
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
    storageAccountName: storage.outputs.name
    eventHubsNamespaceName: eventHubs.outputs.namespaceName
    eventHubName: eventHubName
    outputEventHubName: enableEventsOutput ? outputEventHubName : ''
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

// Reader where the lookups read: a subscription or a resource group per entry.
module subscriptionReaders 'app/reader-subscription.bicep' = [
  for target in filter(scopes, s => length(split(s, '/')) == 3): {
    name: 'reader-${uniqueString(target)}'
    scope: subscription(split(target, '/')[2])
    params: { principalId: identity.outputs.principalId }
  }
]

module resourceGroupReaders 'app/reader-resource-group.bicep' = [
  for target in filter(scopes, s => length(split(s, '/')) == 5): {
    name: 'reader-${uniqueString(target)}'
    scope: resourceGroup(split(target, '/')[2], split(target, '/')[4])
    params: { principalId: identity.outputs.principalId }
  }
]

// Each vault streams its backup jobs to the hub; the app may read its jobs (Backup Reader).
// Without the shared access rule Azure Monitor cannot deliver, so no diagnostic setting is made.
module vaultDiagnostics 'app/vault-diagnostics.bicep' = [
  for vault in (diagnosticsNeedSharedAccess ? vaults : []): {
    name: 'vault-${uniqueString(vault)}'
    scope: resourceGroup(split(vault, '/')[2], split(vault, '/')[4])
    params: {
      vaultName: last(split(vault, '/'))
      eventHubName: eventHubName
      eventHubAuthorizationRuleId: eventHubs.outputs.diagnosticsRuleId
      principalId: identity.outputs.principalId
    }
  }
]

// Named like the settings they feed, so `azd env get-values` can drive the CLI against this deployment.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_CLIENT_ID string = identity.outputs.clientId
output SERVICE_API_NAME string = function.outputs.name
output SERVICE_API_URI string = function.outputs.uri
output EVENTHUB_NAME string = eventHubName
output EVENTHUB_CONSUMER_GROUP string = consumerGroupName
output EventHubConnection__fullyQualifiedNamespace string = eventHubs.outputs.namespaceHost
output AzureWebJobsStorage__accountName string = storage.outputs.name
output EVENTS_OUTPUT_EVENTHUB_NAME string = enableEventsOutput ? outputEventHubName : ''
output KEY_VAULT_NAME string = keyVault.outputs.name
output DIAGNOSTICS_CONNECTED_VAULTS int = length(vaults)
