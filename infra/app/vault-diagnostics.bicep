// One Recovery Services vault: stream its backup jobs to the hub, and let the app read its jobs.
param vaultName string
param eventHubName string
@description('Namespace-level Send rule of the hub (Azure Monitor needs one to deliver).')
param eventHubAuthorizationRuleId string
param principalId string

// Backup Reader: view backup items, jobs and policies of the vault, change nothing.
var backupReader = 'a795c7a0-d4a2-40c1-ae25-d81f01202912'

resource vault 'Microsoft.RecoveryServices/vaults@2023-04-01' existing = {
  name: vaultName
}

// Resource-specific categories only (the legacy AzureBackupReport would repeat every job).
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'azure-backup-triage'
  scope: vault
  properties: {
    eventHubName: eventHubName
    eventHubAuthorizationRuleId: eventHubAuthorizationRuleId
    logs: [
      { category: 'AddonAzureBackupJobs', enabled: true }
      { category: 'CoreAzureBackup', enabled: true }
    ]
  }
}

resource backupReaderAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, backupReader)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', backupReader)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
