// Linux App Service plan + .NET 10 web app running the bot, its app settings and the optional Azure Files mount.

import { tagMap } from 'types.bicep'

@description('Name of the web app (globally unique: <name>.azurewebsites.net).')
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags tagMap

@description('Name of the App Service plan to create, or of an existing Linux plan in this resource group when useExistingPlan is true.')
param planName string

@description('Use an existing App Service plan instead of creating one.')
param useExistingPlan bool

@description('SKU of a new App Service plan.')
param planSku string

@description('Resource ID of a user-assigned managed identity to attach, or empty for none.')
param identityId string

@description('App settings (environment variables) of the bot, name to value.')
@secure()
param appSettings {
  *: string
}

@description('Azure Files mount for the LiteDB file; empty accountName for none.')
param filesMount filesMountSpec

@description('Storage account key for the Azure Files mount (empty when there is no mount).')
@secure()
param filesAccessKey string

@description('Startup command; empty lets App Service find the published .NET app by itself.')
param startupCommand string

@description('Instances of the web app: 1 on LiteDB (a single-writer file), 2 or more on PostgreSQL.')
@minValue(1)
param instanceCount int

@description('true: the bot keeps its data in PostgreSQL and gets postgresConnectionString.')
param usePostgres bool

@description('ConnectionStrings:PostgreSql of the bot (with usePostgres).')
@secure()
param postgresConnectionString string

@export()
@description('Where the Azure Files share is mounted into the web app.')
type filesMountSpec = {
  @description('Storage account name; empty for no mount.')
  accountName: string
  @description('File share name.')
  shareName: string
  @description('Absolute path inside the web app, e.g. /mounts/botdata.')
  mountPath: string
}

resource newPlan 'Microsoft.Web/serverfarms@2025-03-01' = if (!useExistingPlan) {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource existingPlan 'Microsoft.Web/serverfarms@2025-03-01' existing = if (useExistingPlan) {
  name: planName
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: empty(identityId)
    ? null
    : {
        type: 'UserAssigned'
        userAssignedIdentities: {
          '${identityId}': {}
        }
      }
  properties: {
    serverFarmId: useExistingPlan ? existingPlan.id : newPlan.id
    httpsOnly: true
    // No ARR affinity cookie: on PostgreSQL every instance sees every conversation (web chat included), so a
    // request need not come back to the instance that served the last one.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: startupCommand
      alwaysOn: true
      webSocketsEnabled: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      // LiteDB is a single-writer file: never run two instances on it (main.bicep gives 1 unless on PostgreSQL).
      numberOfWorkers: instanceCount
    }
  }
}

resource mount 'Microsoft.Web/sites/config@2025-03-01' = if (!empty(filesMount.accountName)) {
  parent: site
  name: 'azurestorageaccounts'
  properties: {
    botdata: {
      type: 'AzureFiles'
      protocol: 'Smb'
      accountName: filesMount.accountName
      shareName: filesMount.shareName
      mountPath: filesMount.mountPath
      accessKey: filesAccessKey
    }
  }
}

// A connection string of type Custom reaches the app as CUSTOMCONNSTR_PostgreSql, which .NET configuration reads as
// ConnectionStrings:PostgreSql; App Service keeps it out of the app settings list and masks it in the portal.
resource connectionStrings 'Microsoft.Web/sites/config@2025-03-01' = if (usePostgres) {
  parent: site
  name: 'connectionstrings'
  properties: {
    PostgreSql: {
      type: 'Custom'
      value: postgresConnectionString
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
  dependsOn: [
    mount
  ]
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
