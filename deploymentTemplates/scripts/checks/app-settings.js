'use strict';
// The web app gets every configuration key of docs/contract.md (Configuration keys), in environment-variable form A__B.
//   node scripts/checks/app-settings.js azuredeploy.json

const { finish } = require('../lib/report');
const fs = require('fs');

// docs/contract.md, Configuration keys. Lists bind as Key__0, Key__1, ...
const KEYS = [
  'MicrosoftAppType', 'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId',
  'Storage:Path', 'Storage:Provider', 'KnowledgeBase:Path', 'Staff:UserIds[]', 'Reminders:LeadTimes[]',
  'AzureOpenAI:Endpoint', 'AzureOpenAI:ApiKey', 'AzureOpenAI:ChatDeployment', 'AzureOpenAI:EmbeddingDeployment',
  'Graph:TenantId', 'Graph:ClientId', 'Graph:ClientSecret', 'Graph:BaseUrl', 'Graph:MembersGroupId', 'Graph:StaffGroupId',
  'WebChat:Enabled',
];

const template = fs.readFileSync(process.argv[2], 'utf8');
const problems = [];
for (const key of KEYS) {
  const list = key.endsWith('[]');
  const env = key.replace('[]', '').replace(/:/g, '__');
  // in ARM expressions a setting name is a quoted literal: createObject('Name', value); a list item 'Name__{0}'
  const pattern = list ? new RegExp(`'${env}__\\{0\\}'`) : new RegExp(`'${env}'`);
  if (!pattern.test(template)) problems.push(`app setting ${list ? env + '__<n>' : env} (${key.replace('[]', '')}) is not set by the template`);
}
finish(problems);
