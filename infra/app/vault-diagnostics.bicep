// One Recovery Services vault: stream its backup jobs to the event hub of its own region, and let the app read
// its jobs. Diagnostic settings deliver to an event hub only in the resource's region ("Diagnostic settings in
// Azure Monitor", Destinations), so the rule is picked by the vault's location among the regions that have one.
param vaultName string
param eventHubName string
@description('Name of the diagnostic setting: one per environment, so that two environments never take over each other\'s.')
param settingName string
@description('Regions that have a namespace, and the Send rule of each (same order).')
param regions array
param ruleIds array
param principalId string

// Backup Reader: view backup items, jobs and policies of the vault, change nothing.
var backupReader = 'a795c7a0-d4a2-40c1-ae25-d81f01202912'

resource vault 'Microsoft.RecoveryServices/vaults@2023-04-01' existing = {
  name: vaultName
}

// A vault in a region without a namespace fails here, with an id that says what to do.
var regionIndex = indexOf(regions, vault.location)
var missing = '${resourceGroup().id}/providers/Microsoft.EventHub/namespaces/vault-${vaultName}-is-in-${vault.location}-but-the-event-hubs-are-in-${join(regions, '-')}-add-${vault.location}-to-BACKUP_VAULT_REGIONS/authorizationRules/azure-monitor-send'

// Resource-specific categories only (the legacy AzureBackupReport would repeat every job).
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: settingName
  scope: vault
  properties: {
    eventHubName: eventHubName
    eventHubAuthorizationRuleId: regionIndex < 0 ? missing : ruleIds[max(regionIndex, 0)]
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
