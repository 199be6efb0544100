// Azure Database for PostgreSQL Flexible Server + the bot's database, reachable from Azure services only
// (Storage:Provider = PostgreSql). Deployed only when main.bicep chooses PostgreSql.

import { tagMap } from 'types.bicep'

@description('Server name (globally unique: <name>.postgres.database.azure.com).')
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags tagMap

@description('Compute SKU, e.g. Standard_B1ms (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param skuName string

@description('Tier that skuName belongs to.')
param skuTier string

@description('PostgreSQL major version.')
param version string

@description('Storage in GiB.')
param storageSizeGB int

@description('Days point-in-time backups are kept.')
param backupRetentionDays int

@description('Name of the database the bot uses.')
param databaseName string

@description('Administrator login, used by the bot (it creates its tables at start-up).')
param administratorLogin string

@description('Administrator password (Azure asks for 8 to 128 characters).')
@minLength(8)
@maxLength(128)
@secure()
param administratorPassword string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0 to 0.0.0.0 is Azure's "allow public access from any Azure service": App Service's outbound addresses are
// shared and change with scaling, so they cannot be listed one by one. Everything else stays shut out.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

output serverName string = server.name
output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
