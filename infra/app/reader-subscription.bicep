// Reader on a watched subscription: VM instance views, extensions, locks, restore points, disks, key vaults.
targetScope = 'subscription'
param principalId string

// Reader: view everything, change nothing.
var reader = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'

resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, principalId, reader)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', reader)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
