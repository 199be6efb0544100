// 区政协委员助手 (CPPCC district committee assistant bot): everything in one resource group.
// Deploy into an existing resource group:
//   az deployment group create -g <rg> -f main.bicep -p @parameters.existing-rg.json
// (newResourceGroup.bicep creates the resource group first and then deploys this file.)
// App settings are named as the bot's configuration keys (docs/contract.md, Configuration keys), in environment-variable form A__B.

metadata description = 'App Service (Linux, .NET 10) + Azure Bot (Teams, Web Chat, Direct Line) for the CPPCC assistant bot, with optional Azure Files storage for LiteDB and optional Azure OpenAI.'

import { deploymentSpec } from 'modules/openai.bicep'
import { settingMap, tagMap } from 'modules/types.bicep'

// ---------- names and placement ----------

@description('Short name that the resource names are derived from (letters, digits and hyphens).')
@minLength(3)
@maxLength(20)
param name string = 'cppcc-bot'

@description('Azure region of the resources (the bot resource itself is global).')
param location string = resourceGroup().location

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

@description('App Service plan name. Empty: <name>-plan.')
param appServicePlanName string = ''

@description('Put the web app on an existing Linux App Service plan of this resource group (named by appServicePlanName) instead of creating one.')
param useExistingAppServicePlan bool = false

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

// ---------- derived names ----------

var suffix = take(uniqueString(resourceGroup().id, name), 6)
var siteName = empty(webAppName) ? '${name}-${suffix}' : webAppName
var planName = empty(appServicePlanName) ? '${name}-plan' : appServicePlanName
var botHandle = empty(botName) ? siteName : botName
var identityName = empty(managedIdentityName) ? '${name}-identity' : managedIdentityName
var storageName = empty(storageAccountName)
  ? take('st${toLower(replace(name, '-', ''))}${uniqueString(resourceGroup().id, name)}', 24)
  : storageAccountName
var openAIName = empty(azureOpenAIName) ? '${name}-openai-${suffix}' : azureOpenAIName
var useMsi = microsoftAppType == 'UserAssignedMSI'
var usePostgres = storageProvider == 'PostgreSql'
var pgServerName = empty(postgresServerName) ? '${name}-pg-${suffix}' : postgresServerName
// The Files share only holds the LiteDB file: PostgreSQL needs none.
var useFilesShare = useAzureFiles && !usePostgres
var dataMountPath = '/mounts/botdata'
var storagePath = usePostgres ? '' : (useAzureFiles ? '${dataMountPath}/bot.db' : '/home/data/bot.db')

// ---------- resources ----------

module identity 'modules/identity.bicep' = if (useMsi) {
  name: 'identity'
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    enabled: useFilesShare
    name: storageName
    location: location
    tags: tags
    shareName: fileShareName
    shareQuotaGiB: fileShareQuotaGiB
  }
}

module openAI 'modules/openai.bicep' = {
  name: 'openai'
  params: {
    enabled: deployAzureOpenAI
    name: openAIName
    location: empty(azureOpenAILocation) ? location : azureOpenAILocation
    tags: tags
    chat: azureOpenAIChat
    embedding: azureOpenAIEmbedding
  }
}

module postgres 'modules/postgres.bicep' = if (usePostgres) {
  name: 'postgres'
  params: {
    name: pgServerName
    location: location
    tags: tags
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    version: postgresVersion
    storageSizeGB: postgresStorageSizeGB
    backupRetentionDays: postgresBackupRetentionDays
    databaseName: postgresDatabaseName
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresAdminPassword ?? ''
  }
}

var botAppId = useMsi ? identity!.outputs.clientId : microsoftAppId
var botTenantId = useMsi ? identity!.outputs.tenantId : microsoftAppTenantId
var useOpenAI = deployAzureOpenAI || !empty(azureOpenAIEndpoint)

var contractSettings = {
  MicrosoftAppType: microsoftAppType
  MicrosoftAppId: botAppId
  MicrosoftAppPassword: useMsi ? '' : (microsoftAppPassword ?? '')
  MicrosoftAppTenantId: microsoftAppType == 'MultiTenant' ? '' : botTenantId
  KnowledgeBase__Path: knowledgeBasePath
  WebChat__Enabled: webChatEnabled ? 'true' : 'false'
  AzureOpenAI__Endpoint: deployAzureOpenAI ? openAI.outputs.endpoint : azureOpenAIEndpoint
  AzureOpenAI__ApiKey: deployAzureOpenAI ? openAI.outputs.apiKey : (azureOpenAIApiKey ?? '')
  AzureOpenAI__ChatDeployment: deployAzureOpenAI
    ? openAI.outputs.chatDeploymentName
    : (useOpenAI ? azureOpenAIChatDeployment : '')
  AzureOpenAI__EmbeddingDeployment: deployAzureOpenAI
    ? openAI.outputs.embeddingDeploymentName
    : (useOpenAI ? azureOpenAIEmbeddingDeployment : '')
  Graph__TenantId: graphTenantId
  Graph__ClientId: graphClientId
  Graph__ClientSecret: graphClientSecret ?? ''
  Graph__MembersGroupId: graphMembersGroupId
  Graph__StaffGroupId: graphStaffGroupId
}

// Storage:Path names the LiteDB file; with PostgreSQL the provider is set instead and the connection string goes to the
// web app's connection strings (a secret), not to its app settings.
var storageSettings = usePostgres ? { Storage__Provider: 'PostgreSql' } : { Storage__Path: storagePath }

// Npgsql reads the password in double quotes (a quote inside doubled), so ; and = in it are safe.
var postgresConnectionString = usePostgres
  ? 'Host=${postgres!.outputs.fullyQualifiedDomainName};Port=5432;Database=${postgres!.outputs.databaseName};Username=${postgresAdminLogin};Password="${replace(postgresAdminPassword ?? '', '"', '""')}";SslMode=Require'
  : ''

// Lists bind as Key__0, Key__1, ... (set only when given, so the app defaults stay in force otherwise).
var staffSettings = toObject(range(0, length(staffUserIds)), i => 'Staff__UserIds__${i}', i => staffUserIds[i])
var reminderSettings = toObject(
  range(0, length(reminderLeadTimes)),
  i => 'Reminders__LeadTimes__${i}',
  i => reminderLeadTimes[i]
)
var graphBaseUrlSetting = empty(graphBaseUrl) ? {} : { Graph__BaseUrl: graphBaseUrl }

var platformSettings = {
  // Keeps /home persistent (the LiteDB file lives there when useAzureFiles is false).
  WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'true'
  ASPNETCORE_ENVIRONMENT: 'Production'
  // App Service's front end terminates TLS and is the app's only peer: the bot takes X-Forwarded-Proto (https/wss in
  // the Direct Line streamUrl) and X-Forwarded-For from it. Its addresses are the platform's, so every network is a
  // known proxy; the bot reads only the last X-Forwarded-For entry (Hosting:ForwardLimit 1), the one the front end
  // appended, never what a client wrote before it.
  Hosting__KnownNetworks__0: '0.0.0.0/0'
  Hosting__KnownNetworks__1: '::/0'
}

module app 'modules/appservice.bicep' = {
  name: 'appservice'
  params: {
    name: siteName
    location: location
    tags: tags
    planName: planName
    useExistingPlan: useExistingAppServicePlan
    planSku: appServicePlanSku
    identityId: useMsi ? identity!.outputs.id : ''
    startupCommand: startupCommand
    instanceCount: usePostgres ? instanceCount : 1
    usePostgres: usePostgres
    postgresConnectionString: postgresConnectionString
    appSettings: union(
      extraAppSettings,
      platformSettings,
      contractSettings,
      storageSettings,
      staffSettings,
      reminderSettings,
      graphBaseUrlSetting
    )
    filesMount: {
      accountName: useFilesShare ? storage.outputs.accountName : ''
      shareName: fileShareName
      mountPath: dataMountPath
    }
    filesAccessKey: useFilesShare ? storage.outputs.accessKey : ''
  }
}

module bot 'modules/botservice.bicep' = {
  name: 'botservice'
  params: {
    name: botHandle
    tags: tags
    displayName: botDisplayName
    endpoint: 'https://${app.outputs.defaultHostName}/api/messages'
    sku: botSku
    appType: microsoftAppType
    appId: botAppId
    tenantId: botTenantId
    identityId: useMsi ? identity!.outputs.id : ''
  }
}

// ---------- outputs ----------

output webAppName string = app.outputs.name
output webAppUrl string = 'https://${app.outputs.defaultHostName}/'
output messagingEndpoint string = 'https://${app.outputs.defaultHostName}/api/messages'
output botName string = bot.outputs.name
output microsoftAppType string = microsoftAppType
output microsoftAppId string = botAppId
output microsoftAppTenantId string = botTenantId
output storagePath string = storagePath
output postgresServer string = usePostgres ? postgres!.outputs.fullyQualifiedDomainName : ''
output azureOpenAIEndpoint string = deployAzureOpenAI ? openAI.outputs.endpoint : azureOpenAIEndpoint
