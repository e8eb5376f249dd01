// The hub the vaults stream to, the app's consumer group, and the optional output hub.
param name string
param location string
param tags object
param eventHubName string
param consumerGroupName string
@description('Empty: no output hub.')
param outputEventHubName string = ''
@description('See main.bicep: Azure Monitor diagnostic settings deliver only through a shared access rule.')
param diagnosticsNeedSharedAccess bool

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

// Send only, namespace level (diagnostic settings accept no hub-level rule): used by Azure Monitor alone.
resource diagnosticsRule 'Microsoft.EventHub/namespaces/authorizationRules@2024-01-01' = if (diagnosticsNeedSharedAccess) {
  parent: namespace
  name: 'azure-monitor-send'
  properties: { rights: ['Send'] }
}

output namespaceName string = namespace.name
output namespaceHost string = '${namespace.name}.servicebus.windows.net'
output diagnosticsRuleId string = diagnosticsNeedSharedAccess ? diagnosticsRule.id : ''
