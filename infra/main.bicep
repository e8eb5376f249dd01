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

@description('Recovery Services vaults to connect, comma-separated resource ids. Each gets a diagnostic setting streaming AddonAzureBackupJobs and CoreAzureBackup (resource-specific) to the hub of its region, and the app gets Backup Reader on it.')
param vaultResourceIds string = ''

@description('Regions of those vaults other than `location`, comma-separated (e.g. "northeurope,eastus2"). A diagnostic setting streams only to an event hub in the vault\'s region: each region gets its namespace, and the app a trigger on it. A vault in a region not listed fails its deployment, naming the vault and both regions.')
param vaultRegions string = ''

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

@description('Client id of a Microsoft Entra app registration: people then sign in with Microsoft Entra ID to open the dashboard (App Service authentication, docs/deploy.md). Empty: the dashboard\'s data routes take a function key.')
param dashboardEntraClientId string = ''

@description('Purge protection on the key vault. On, a deleted vault cannot be purged and its name stays taken for 7 days: after `azd down`, set keyVaultName to a new name before `azd up`.')
param keyVaultPurgeProtection bool = false

@description('Name of the key vault; empty: kv-<unique suffix>.')
@maxLength(24)
param keyVaultName string = ''

@description('Also publish every enriched event to a second event hub (streaming dashboards); the app then gets Event Hubs Data Sender on it.')
param enableEventsOutput bool = false

@description('Azure Monitor diagnostic settings can deliver to Event Hubs only through a shared access rule (docs/deploy.md, "Why the namespaces keep shared access keys"). True: local auth stays enabled on each namespace, whose Send-only rule the vaults\' diagnostic settings use; nothing of the app uses a key. False: local auth disabled; feed the hub some other way.')
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
// The app's region first: its namespace keeps the short name and holds the output hub.
var regions = union([location], empty(vaultRegions) ? [] : split(toLower(replace(vaultRegions, ' ', '')), ','))
// One setting per environment on a vault: a second environment adds its own instead of taking this one over.
var diagnosticSettingName = 'backup-triage-${environmentName}'
var namespaceNames = [for region in regions: region == location ? 'evhns-${token}' : 'evhns-${token}-${region}']
// The Send rule of each namespace (eventhubs.bicep), known before deployment so that each vault can pick its own.
var diagnosticsRuleIds = [
  for name in namespaceNames: '${subscription().id}/resourceGroups/rg-${environmentName}/providers/Microsoft.EventHub/namespaces/${name}/authorizationRules/azure-monitor-send'
]
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

module eventHubs 'app/eventhubs.bicep' = [
  for (region, i) in regions: {
    name: 'eventhubs-${region}'
    scope: rg
    params: {
      name: namespaceNames[i]
      location: region
      tags: tags
      eventHubName: eventHubName
      consumerGroupName: consumerGroupName
      outputEventHubName: region == location && enableEventsOutput ? outputEventHubName : ''
      diagnosticsNeedSharedAccess: diagnosticsNeedSharedAccess
      receiverPrincipalId: identity.outputs.principalId
    }
  }
]

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: empty(keyVaultName) ? 'kv-${token}' : keyVaultName
    location: location
    tags: tags
    purgeProtection: keyVaultPurgeProtection
    webhookUrl: webhookUrl
    webhookSecret: webhookSecret
    smtpPassword: smtpPassword
  }
}

module workspace 'app/workspace-reader.bicep' = if (!empty(backupWorkspaceResourceId)) {
  name: 'workspace-reader-${token}'
  scope: resourceGroup(split(workspaceId, '/')[2], split(workspaceId, '/')[4])
  params: { workspaceName: last(split(workspaceId, '/')), principalId: identity.outputs.principalId }
}

// After the role assignments: the site resolves its Key Vault references with its identity as it is created, and an
// identity without "Key Vault Secrets User" yet leaves them unresolved ("Access vaults with a user-assigned
// identity": grant access in advance).
module function 'app/function.bicep' = {
  name: 'function'
  scope: rg
  dependsOn: [rbac]
  params: {
    name: 'func-triage-${token}'
    planName: 'plan-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    eventHubsNamespaceHost: eventHubs[0].outputs.namespaceHost
    extraEventHubs: [for i in range(1, length(regions) - 1): { region: regions[i], host: eventHubs[i].outputs.namespaceHost }]
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
    dashboardEntraClientId: dashboardEntraClientId
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
    eventHubsNamespaceName: eventHubs[0].outputs.namespaceName
    eventHubName: eventHubName
    outputEventHubName: enableEventsOutput ? outputEventHubName : ''
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

// Reader where the lookups read: a subscription or a resource group per entry. Deployments outside rg-<env> are
// named after the environment too: a subscription-scope deployment of the same name from another environment in
// another region fails (InvalidDeploymentLocation), and one in the same resource group replaces the other's.
module subscriptionReaders 'app/reader-subscription.bicep' = [
  for target in filter(scopes, s => length(split(s, '/')) == 3): {
    name: 'reader-${uniqueString(target, token)}'
    scope: subscription(split(target, '/')[2])
    params: { principalId: identity.outputs.principalId }
  }
]

module resourceGroupReaders 'app/reader-resource-group.bicep' = [
  for target in filter(scopes, s => length(split(s, '/')) == 5): {
    name: 'reader-${uniqueString(target, token)}'
    scope: resourceGroup(split(target, '/')[2], split(target, '/')[4])
    params: { principalId: identity.outputs.principalId }
  }
]

// Each vault streams its backup jobs to the hub of its region; the app may read its jobs (Backup Reader).
// Without the shared access rule Azure Monitor cannot deliver, so no diagnostic setting is made.
module vaultDiagnostics 'app/vault-diagnostics.bicep' = [
  for vault in (diagnosticsNeedSharedAccess ? vaults : []): {
    name: 'vault-${take(last(split(vault, '/')), 24)}-${uniqueString(vault, token)}'
    scope: resourceGroup(split(vault, '/')[2], split(vault, '/')[4])
    dependsOn: [eventHubs]
    params: {
      vaultName: last(split(vault, '/'))
      eventHubName: eventHubName
      settingName: diagnosticSettingName
      regions: regions
      ruleIds: diagnosticsRuleIds
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
output EventHubConnection__fullyQualifiedNamespace string = eventHubs[0].outputs.namespaceHost
output EVENTHUB_REGIONS string = join(skip(regions, 1), ',')
output AzureWebJobsStorage__accountName string = storage.outputs.name
output EVENTS_OUTPUT_EVENTHUB_NAME string = enableEventsOutput ? outputEventHubName : ''
output KEY_VAULT_NAME string = keyVault.outputs.name
// For the federated credential of the dashboard's app registration (docs/deploy.md).
output AZURE_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output DIAGNOSTICS_CONNECTED_VAULTS int = length(vaults)
