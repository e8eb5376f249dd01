// One region's namespace: the hub its vaults stream to, the app's consumer group, the Send-only rule Azure
// Monitor delivers with, and the app's right to read the hub. main.bicep makes one per region of the vaults
// (diagnostic settings deliver only to an event hub in the vault's region); the first also has the output hub.
param name string
param location string
param tags object
param eventHubName string
param consumerGroupName string
@description('Empty: no output hub.')
param outputEventHubName string = ''
@description('See main.bicep: Azure Monitor diagnostic settings deliver only through a shared access rule.')
param diagnosticsNeedSharedAccess bool
@description('The app\'s identity: reads the hub (the trigger).')
param receiverPrincipalId string

// Azure Event Hubs Data Receiver: read events of the hub (the trigger).
var eventHubsDataReceiver = 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde'

resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Standard', capacity: 1 }
  properties: {
    disableLocalAuth: !diagnosticsNeedSharedAccess
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    isAutoInflateEnabled: true
    maximumThroughputUnits: 4
  }
}

resource hub 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = {
  parent: namespace
  name: eventHubName
  properties: {
    partitionCount: 4
    // Three days: a weekend-long outage of the app loses nothing.
    retentionDescription: { cleanupPolicy: 'Delete', retentionTimeInHours: 72 }
  }
}

resource consumerGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2024-01-01' = {
  parent: hub
  name: consumerGroupName
}

resource outputHub 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = if (!empty(outputEventHubName)) {
  parent: namespace
  name: empty(outputEventHubName) ? 'unused' : outputEventHubName
  properties: {
    partitionCount: 2
    retentionDescription: { cleanupPolicy: 'Delete', retentionTimeInHours: 24 }
  }
}

// Send only, namespace level (diagnostic settings take no hub-level rule), used by Azure Monitor alone. Send
// suffices because every diagnostic setting names the hub: Azure Monitor asks for Manage and Listen only when it
// must create hubs itself (its error: "If a valid EventHub name is not specified in the diagnostic setting, the
// EventHub authorization rule requires manage|send|listen access", Azure/azure-cli#24425).
resource diagnosticsRule 'Microsoft.EventHub/namespaces/authorizationRules@2024-01-01' = if (diagnosticsNeedSharedAccess) {
  parent: namespace
  name: 'azure-monitor-send'
  properties: { rights: ['Send'] }
}

resource hubReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hub.id, receiverPrincipalId, eventHubsDataReceiver)
  scope: hub
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', eventHubsDataReceiver)
    principalId: receiverPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output region string = location
output namespaceName string = namespace.name
// The host name as this cloud spells it (serviceBusEndpoint is https://<namespace>.<suffix>:443/).
output namespaceHost string = replace(split(split(namespace.properties.serviceBusEndpoint, '//')[1], ':')[0], '/', '')
output diagnosticsRuleId string = diagnosticsNeedSharedAccess ? diagnosticsRule.id : ''
