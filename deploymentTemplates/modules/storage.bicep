// Storage account + Azure Files share that holds the LiteDB file (mounted into the web app).
// With enabled = false nothing is deployed and the outputs are empty.

import { tagMap } from 'types.bicep'

@description('Deploy the storage account and share.')
param enabled bool

@description('Storage account name (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags tagMap

@description('Name of the file share mounted into the web app.')
param shareName string

@description('Quota of the share in GiB.')
@minValue(1)
@maxValue(5120)
param shareQuotaGiB int

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = if (enabled) {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // App Service mounts Azure Files with the account key.
    allowSharedKeyAccess: true
    largeFileSharesState: 'Disabled'
  }
}

resource fileService 'Microsoft.Storage/storageAccounts/fileServices@2025-06-01' = if (enabled) {
  parent: account
  name: 'default'
  properties: {
    shareDeleteRetentionPolicy: {
      enabled: true
      days: 14
    }
  }
}

resource share 'Microsoft.Storage/storageAccounts/fileServices/shares@2025-06-01' = if (enabled) {
  parent: fileService
  name: shareName
  properties: {
    shareQuota: shareQuotaGiB
    enabledProtocols: 'SMB'
  }
}

output accountName string = enabled ? account.name : ''
output shareName string = enabled ? share.name : ''

@description('Account key used by the web app to mount the share.')
@secure()
output accessKey string = enabled ? account!.listKeys().keys[0].value : ''
