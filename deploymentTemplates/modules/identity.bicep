// User-assigned managed identity: the bot's Microsoft App ID when MicrosoftAppType is UserAssignedMSI.

import { tagMap } from 'types.bicep'

@description('Name of the managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags tagMap

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output tenantId string = identity.properties.tenantId
