// Optional Azure OpenAI account with a chat and an embedding deployment.
// With enabled = false nothing is deployed and the outputs are empty.

import { tagMap } from 'types.bicep'

@description('Deploy the Azure OpenAI account and its deployments.')
param enabled bool

@description('Name of the Azure OpenAI account; also its custom subdomain.')
param name string

@description('Azure region for Azure OpenAI (models are not offered in every region).')
param location string

@description('Tags for the resources.')
param tags tagMap

@description('Chat deployment: name, model name, model version, SKU and capacity (thousands of tokens per minute).')
param chat deploymentSpec

@description('Embedding deployment: name, model name, model version, SKU and capacity (thousands of tokens per minute).')
param embedding deploymentSpec

@export()
@description('One model deployment of the Azure OpenAI account.')
type deploymentSpec = {
  @description('Deployment name the bot calls (AzureOpenAI:ChatDeployment / AzureOpenAI:EmbeddingDeployment).')
  deploymentName: string
  @description('Model name, e.g. gpt-4o-mini or text-embedding-3-small.')
  modelName: string
  @description('Model version, e.g. 2024-07-18.')
  modelVersion: string
  @description('Deployment SKU, e.g. GlobalStandard or Standard.')
  skuName: string
  @description('Capacity in thousands of tokens per minute.')
  capacity: int
}

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = if (enabled) {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    publicNetworkAccess: 'Enabled'
    disableLocalAuth: false
  }
}

resource chatDeployment 'Microsoft.CognitiveServices/accounts/deployments@2025-06-01' = if (enabled) {
  parent: account
  name: chat.deploymentName
  sku: {
    name: chat.skuName
    capacity: chat.capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: chat.modelName
      version: chat.modelVersion
    }
  }
}

// Deployments of one account must be created one after the other.
resource embeddingDeployment 'Microsoft.CognitiveServices/accounts/deployments@2025-06-01' = if (enabled) {
  parent: account
  name: embedding.deploymentName
  sku: {
    name: embedding.skuName
    capacity: embedding.capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: embedding.modelName
      version: embedding.modelVersion
    }
  }
  dependsOn: [
    chatDeployment
  ]
}

output name string = enabled ? account.name : ''
output endpoint string = enabled ? account!.properties.endpoint : ''
output chatDeploymentName string = enabled ? chatDeployment.name : ''
output embeddingDeploymentName string = enabled ? embeddingDeployment.name : ''

@description('API key the bot sends as AzureOpenAI:ApiKey.')
@secure()
output apiKey string = enabled ? account!.listKeys().key1 : ''
