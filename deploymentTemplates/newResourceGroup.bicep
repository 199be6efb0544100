// 区政协委员助手: creates a NEW resource group and deploys main.bicep into it.
//   az deployment sub create -l <region> -f newResourceGroup.bicep -p @parameters.new-rg.json
// The parameters are those of main.bicep (same names, same meaning) plus resourceGroupName.

metadata description = 'Creates a resource group and deploys the CPPCC assistant bot (main.bicep) into it.'

targetScope = 'subscription'

import { deploymentSpec } from 'modules/openai.bicep'
import { settingMap, tagMap } from 'modules/types.bicep'

@description('Name of the resource group to create.')
@minLength(1)
@maxLength(90)
param resourceGroupName string

// ---------- names and placement ----------

@description('Short name that the resource names are derived from (letters, digits and hyphens).')
@minLength(3)
@maxLength(20)
param name string = 'cppcc-bot'

@description('Azure region of the new resource group and its resources (the bot resource itself is global).')
param location string = deployment().location

@description('Tags put on every resource.')
param tags tagMap = {
  application: 'cppcc-assistant-bot'
}

@description('Web app name, the host name is <webAppName>.azurewebsites.net. Empty: <name>-<6 characters unique to the resource group>.')
param webAppName string = ''

@description('Azure Bot handle (globally unique). Empty: same as the web app name.')
param botName string = ''

@description('Bot display name shown in Teams.')
@maxLength(42)
param botDisplayName string = '区政协委员助手'

@description('Azure Bot pricing tier. F0 is free for standard channels (Teams, Web Chat, Direct Line).')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

// ---------- App Service ----------

@description('Name of the new App Service plan. Empty: <name>-plan.')
param appServicePlanName string = ''

@description('SKU of a new App Service plan. Basic or higher: the bot needs Always On for reminders.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServicePlanSku string = 'B1'

@description('Startup command of the web app. Empty: App Service starts the published .NET app by itself.')
param startupCommand string = ''

// ---------- bot identity (MicrosoftAppType / MicrosoftAppId / MicrosoftAppPassword / MicrosoftAppTenantId) ----------

@description('How the bot authenticates to the Bot Framework. UserAssignedMSI creates a managed identity (no secret); SingleTenant and MultiTenant use an existing Entra app registration.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
  'MultiTenant'
])
param microsoftAppType string = 'UserAssignedMSI'

@description('Client id of the Entra app registration (SingleTenant / MultiTenant). Ignored for UserAssignedMSI.')
param microsoftAppId string = ''

@description('Client secret of the app registration (SingleTenant / MultiTenant). Ignored for UserAssignedMSI.')
@secure()
param microsoftAppPassword string?

@description('Entra tenant id of the app registration or managed identity. Ignored for MultiTenant.')
param microsoftAppTenantId string = tenant().tenantId

@description('Name of the user-assigned managed identity (UserAssignedMSI). Empty: <name>-identity.')
param managedIdentityName string = ''

// ---------- storage of the LiteDB file ----------

@description('true: keep the LiteDB file on an Azure Files share mounted at /mounts/botdata. false: keep it on the App Service persistent path /home/data.')
param useAzureFiles bool = true

@description('Storage account name (3-24 lowercase letters and digits). Empty: derived from name.')
param storageAccountName string = ''

@description('Azure Files share name.')
param fileShareName string = 'botdata'

@description('Azure Files share quota in GiB.')
@minValue(1)
@maxValue(5120)
param fileShareQuotaGiB int = 5

@description('KnowledgeBase:Path, the knowledge base folder; relative paths are relative to the published app (/home/site/wwwroot).')
param knowledgeBasePath string = 'kb'

// ---------- people and behaviour ----------

@description('Staff:UserIds, the Teams aadObjectId (or channel user id) of each staff member.')
param staffUserIds string[] = []

@description('Reminders:LeadTimes as TimeSpans, e.g. ["1.00:00:00", "01:00:00"]. Empty: the app default.')
param reminderLeadTimes string[] = []

@description('WebChat:Enabled, serve the public web chat page at / and its Direct Line endpoint.')
param webChatEnabled bool = true

@description('More app settings, name to value (not for secrets).')
param extraAppSettings settingMap = {}

// ---------- Azure OpenAI (optional) ----------

@description('Create an Azure OpenAI account with a chat and an embedding deployment and point the bot at it.')
param deployAzureOpenAI bool = false

@description('Azure OpenAI account name (also its subdomain). Empty: derived from name.')
param azureOpenAIName string = ''

@description('Region of the Azure OpenAI account (models are not offered everywhere). Empty: location.')
param azureOpenAILocation string = ''

@description('Chat model deployment created when deployAzureOpenAI is true.')
param azureOpenAIChat deploymentSpec = {
  deploymentName: 'chat'
  modelName: 'gpt-4.1-mini'
  modelVersion: '2025-04-14'
  skuName: 'GlobalStandard'
  capacity: 10
}

@description('Embedding model deployment created when deployAzureOpenAI is true.')
param azureOpenAIEmbedding deploymentSpec = {
  deploymentName: 'embedding'
  modelName: 'text-embedding-3-small'
  modelVersion: '1'
  skuName: 'Standard'
  capacity: 10
}

@description('AzureOpenAI:Endpoint of an existing Azure OpenAI resource (used when deployAzureOpenAI is false). Empty: generative answers off.')
param azureOpenAIEndpoint string = ''

@description('AzureOpenAI:ApiKey of that existing resource.')
@secure()
param azureOpenAIApiKey string?

@description('AzureOpenAI:ChatDeployment of that existing resource.')
param azureOpenAIChatDeployment string = ''

@description('AzureOpenAI:EmbeddingDeployment of that existing resource.')
param azureOpenAIEmbeddingDeployment string = ''

// ---------- Microsoft Graph (optional) ----------

@description('Graph:TenantId. Empty: Graph off.')
param graphTenantId string = ''

@description('Graph:ClientId, the app registration with application permissions on Microsoft Graph.')
param graphClientId string = ''

@description('Graph:ClientSecret of that app registration.')
@secure()
param graphClientSecret string?

@description('Graph:BaseUrl. Empty: the app default (global Microsoft Graph).')
param graphBaseUrl string = ''

@description('Graph:MembersGroupId, the Entra group of the committee members.')
param graphMembersGroupId string = ''

@description('Graph:StaffGroupId, the Entra group of the staff.')
param graphStaffGroupId string = ''

// ---------- PostgreSQL (Storage:Provider = PostgreSql, for two or more instances) ----------

@description('Storage:Provider. LiteDb: one embedded file, one instance. PostgreSql: an Azure Database for PostgreSQL Flexible Server, the web app at instanceCount instances, no Azure Files share.')
@allowed([
  'LiteDb'
  'PostgreSql'
])
param storageProvider string = 'LiteDb'

@description('Instances of the web app with PostgreSql (LiteDb always runs one).')
@minValue(2)
@maxValue(30)
param instanceCount int = 2

@description('Flexible Server name (globally unique). Empty: <name>-pg-<6 characters unique to the resource group>.')
param postgresServerName string = ''

@description('Flexible Server compute SKU.')
param postgresSkuName string = 'Standard_B1ms'

@description('Tier of postgresSkuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL major version.')
@allowed([
  '16'
  '17'
])
param postgresVersion string = '16'

@description('Flexible Server storage in GiB.')
@allowed([
  32
  64
  128
  256
  512
])
param postgresStorageSizeGB int = 32

@description('Days point-in-time backups are kept.')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

@description('Database of the bot.')
param postgresDatabaseName string = 'cppcc'

@description('Administrator login of the server; the bot connects with it.')
param postgresAdminLogin string = 'cppccadmin'

@description('Administrator password (required with PostgreSql): 8-128 characters from three of upper case, lower case, digits and symbols.')
@secure()
param postgresAdminPassword string?

resource group 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: resourceGroupName
  location: location
  tags: tags
}

module bot 'main.bicep' = {
  name: 'cppcc-bot'
  scope: group
  params: {
    name: name
    location: location
    tags: tags
    webAppName: webAppName
    botName: botName
    botDisplayName: botDisplayName
    botSku: botSku
    appServicePlanName: appServicePlanName
    appServicePlanSku: appServicePlanSku
    startupCommand: startupCommand
    microsoftAppType: microsoftAppType
    microsoftAppId: microsoftAppId
    microsoftAppPassword: microsoftAppPassword
    microsoftAppTenantId: microsoftAppTenantId
    managedIdentityName: managedIdentityName
    useAzureFiles: useAzureFiles
    storageAccountName: storageAccountName
    fileShareName: fileShareName
    fileShareQuotaGiB: fileShareQuotaGiB
    knowledgeBasePath: knowledgeBasePath
    staffUserIds: staffUserIds
    reminderLeadTimes: reminderLeadTimes
    webChatEnabled: webChatEnabled
    extraAppSettings: extraAppSettings
    deployAzureOpenAI: deployAzureOpenAI
    azureOpenAIName: azureOpenAIName
    azureOpenAILocation: azureOpenAILocation
    azureOpenAIChat: azureOpenAIChat
    azureOpenAIEmbedding: azureOpenAIEmbedding
    azureOpenAIEndpoint: azureOpenAIEndpoint
    azureOpenAIApiKey: azureOpenAIApiKey
    azureOpenAIChatDeployment: azureOpenAIChatDeployment
    azureOpenAIEmbeddingDeployment: azureOpenAIEmbeddingDeployment
    graphTenantId: graphTenantId
    graphClientId: graphClientId
    graphClientSecret: graphClientSecret
    graphBaseUrl: graphBaseUrl
    graphMembersGroupId: graphMembersGroupId
    graphStaffGroupId: graphStaffGroupId
    storageProvider: storageProvider
    instanceCount: instanceCount
    postgresServerName: postgresServerName
    postgresSkuName: postgresSkuName
    postgresSkuTier: postgresSkuTier
    postgresVersion: postgresVersion
    postgresStorageSizeGB: postgresStorageSizeGB
    postgresBackupRetentionDays: postgresBackupRetentionDays
    postgresDatabaseName: postgresDatabaseName
    postgresAdminLogin: postgresAdminLogin
    postgresAdminPassword: postgresAdminPassword
    useExistingAppServicePlan: false
  }
}

output resourceGroupName string = group.name
output webAppName string = bot.outputs.webAppName
output webAppUrl string = bot.outputs.webAppUrl
output messagingEndpoint string = bot.outputs.messagingEndpoint
output botName string = bot.outputs.botName
output microsoftAppType string = bot.outputs.microsoftAppType
output microsoftAppId string = bot.outputs.microsoftAppId
output microsoftAppTenantId string = bot.outputs.microsoftAppTenantId
output storagePath string = bot.outputs.storagePath
output postgresServer string = bot.outputs.postgresServer
output azureOpenAIEndpoint string = bot.outputs.azureOpenAIEndpoint
