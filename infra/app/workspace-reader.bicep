// The workspace that receives the vaults' AddonAzureBackupJobs: the history probe queries it.
param workspaceName string
param principalId string

// Log Analytics Reader: read workspace data and run queries.
var logAnalyticsReader = '73c42c96-874c-492b-b04d-ab87d138a893'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(workspace.id, principalId, logAnalyticsReader)
  scope: workspace
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', logAnalyticsReader)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

output customerId string = workspace.properties.customerId
