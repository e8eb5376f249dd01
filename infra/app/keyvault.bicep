// Secrets of the app, read by the platform through Key Vault references with the app's identity
// (Key Vault Secrets User, granted in rbac.bicep). RBAC authorization: no access policies, no keys.
param name string
param location string
param tags object
@secure()
param webhookUrl string
@secure()
param webhookSecret string
@secure()
param smtpPassword string
@description('Purge protection: a deleted vault can then not be purged, and its name stays taken, for the retention period.')
param purgeProtection bool

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // The property accepts only true: off is left unset.
    enablePurgeProtection: purgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

// Names are what the app settings reference (function.bicep); rotate by adding a new version.
resource webhookUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(webhookUrl)) {
  parent: vault
  name: 'webhook-url'
  properties: { value: webhookUrl, contentType: 'text/uri-list' }
}

resource webhookSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(webhookSecret)) {
  parent: vault
  name: 'webhook-secret'
  properties: { value: webhookSecret }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: 'smtp-password'
  properties: { value: smtpPassword }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
