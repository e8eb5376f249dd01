// Logs of the app: a workspace and Application Insights accepting only Entra ID-authenticated telemetry.
param workspaceName string
param appInsightsName string
param location string
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
    features: { disableLocalAuth: true }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

output appInsightsName string = appInsights.name
// Not a secret with DisableLocalAuth: ingestion needs an Entra token (Monitoring Metrics Publisher).
output appInsightsConnectionString string = appInsights.properties.ConnectionString
