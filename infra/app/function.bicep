// The Function App: Flex Consumption, Node 22, the user-assigned identity for everything
// (storage, Event Hubs, Key Vault references, Application Insights, the lookups).
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param storageTableEndpoint string
param deploymentContainerUrl string
param appInsightsConnectionString string
param eventHubsNamespaceHost string
@description('The namespaces of the other regions of the vaults: [{ region, host }]; the app reads each with its own trigger.')
param extraEventHubs array = []
param eventHubName string
param consumerGroupName string
@description('Empty when the output hub is not enabled.')
param outputEventHubName string = ''
param keyVaultUri string
param hasWebhookUrl bool
param hasWebhookSecret bool
param hasSmtpPassword bool
param webhookFormat string
param digestTo string
param digestFrom string
param smtpHost string
param smtpUser string
param digestSchedule string
param triageLang string
param notifyMinPriority string
@description('Workspace id (GUID) of the backup workspace; empty: no history probe.')
param workspaceCustomerId string = ''
param backupManagementServiceObjectId string = ''
param maximumInstanceCount int
@description('Client id of the Microsoft Entra app registration that signs people in to the dashboard; empty: function keys.')
param dashboardEntraClientId string = ''

@description('An app setting the platform resolves from Key Vault with the app\'s identity.')
func keyVaultReference(vaultUri string, secret string) string => '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secret}/)'

// app-settings:start (every name here is declared in src/config/settings.ts; a test checks both ways)
var coreSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  EventHubConnection__fullyQualifiedNamespace: eventHubsNamespaceHost
  EventHubConnection__credential: 'managedidentity'
  EventHubConnection__clientId: identityClientId
  EVENTHUB_NAME: eventHubName
  EVENTHUB_CONSUMER_GROUP: consumerGroupName
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  AZURE_CLIENT_ID: identityClientId
  TRIAGE_LANG: triageLang
  LOOKUPS_ENABLED: 'true'
  WEBHOOK_FORMAT: webhookFormat
  NOTIFY_MIN_PRIORITY: notifyMinPriority
  DIGEST_SCHEDULE: digestSchedule
  RETENTION_DAYS: '90'
}

var webhookSettings = union(
  hasWebhookUrl ? { WEBHOOK_URL: keyVaultReference(keyVaultUri, 'webhook-url') } : {},
  hasWebhookSecret ? { WEBHOOK_SECRET: keyVaultReference(keyVaultUri, 'webhook-secret') } : {}
)

var digestSettings = empty(digestTo) ? {} : union(
  {
    DIGEST_TO: digestTo
    DIGEST_FROM: digestFrom
    SMTP_HOST: smtpHost
    SMTP_PORT: '587'
    SMTP_USER: smtpUser
  },
  hasSmtpPassword ? { SMTP_PASSWORD: keyVaultReference(keyVaultUri, 'smtp-password') } : {}
)

var lookupSettings = union(
  empty(workspaceCustomerId) ? {} : { LOG_ANALYTICS_WORKSPACE_ID: workspaceCustomerId },
  empty(backupManagementServiceObjectId) ? {} : { BACKUP_MANAGEMENT_SERVICE_OBJECT_ID: backupManagementServiceObjectId }
)

var outputSettings = empty(outputEventHubName) ? {} : {
  EVENTS_OUTPUT_EVENTHUB_NAME: outputEventHubName
  EventsOutput__fullyQualifiedNamespace: eventHubsNamespaceHost
}

// One identity-based connection per other region, EventHubConnection_<region>; the app registers a trigger on each.
var regionalSettings = union(
  empty(extraEventHubs) ? {} : { EVENTHUB_REGIONS: join(map(extraEventHubs, hub => hub.region), ',') },
  reduce(extraEventHubs, {}, (settings, hub) => union(settings, {
    'EventHubConnection_${hub.region}__fullyQualifiedNamespace': hub.host
    'EventHubConnection_${hub.region}__credential': 'managedidentity'
    'EventHubConnection_${hub.region}__clientId': identityClientId
  }))
)

// Microsoft Entra ID sign-in in front of the dashboard: App Service authentication proves the app registration's
// identity with a federated credential of the app's identity, no secret ("Use a managed identity instead of a
// secret", Configure Microsoft Entra authentication).
var dashboardSettings = empty(dashboardEntraClientId) ? {} : {
  DASHBOARD_AUTH: 'entra'
  OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID: identityClientId
  WEBSITE_AUTH_AAD_ALLOWED_TENANTS: tenant().tenantId
}
// app-settings:end

var appSettings = union(
  coreSettings,
  webhookSettings,
  digestSettings,
  lookupSettings,
  outputSettings,
  regionalSettings,
  dashboardSettings
)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      runtime: { name: 'node', version: '22' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: map(items(appSettings), setting => { name: setting.key, value: setting.value })
    }
  }
}

resource authentication 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(dashboardEntraClientId)) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
    }
    httpSettings: { requireHttps: true }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: dashboardEntraClientId
          clientSecretSettingName: 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID'
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
      }
    }
    login: { tokenStore: { enabled: false } }
  }
}

// No publishing with user names and passwords: deployments go through Entra ID (azd, az).
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
