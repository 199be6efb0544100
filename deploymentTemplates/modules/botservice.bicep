// Azure Bot resource with the Microsoft Teams, Web Chat and Direct Line channels.

import { tagMap } from 'types.bicep'

@description('Bot handle (globally unique).')
param name string

@description('Tags for the resources.')
param tags tagMap

@description('Display name shown in channels.')
param displayName string

@description('Messaging endpoint, https://<app>.azurewebsites.net/api/messages.')
param endpoint string

@description('Bot pricing tier. F0 is free for standard channels such as Teams.')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('How the bot authenticates.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
  'MultiTenant'
])
param appType string

@description('Microsoft App ID: the client id of the managed identity or of the app registration.')
param appId string

@description('Entra tenant of the app registration or identity (ignored for MultiTenant).')
param tenantId string

@description('Resource ID of the user-assigned managed identity (UserAssignedMSI only).')
param identityId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: appType == 'MultiTenant' ? null : tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : null
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
  dependsOn: [
    teams
  ]
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
          isBlockUserUploadEnabled: false
        }
      ]
    }
  }
  dependsOn: [
    webChat
  ]
}

output name string = bot.name
