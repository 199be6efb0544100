'use strict';
// The compiled template (with its nested module templates) declares what the issue asks for: Linux App Service on
// .NET 10, Azure Bot with the Teams, Web Chat and Direct Line channels, the managed identity, the Azure Files share
// mounted into the web app, Azure OpenAI with its deployments, and the (optional) PostgreSQL Flexible Server.
//   node scripts/checks/resources.js azuredeploy.json

const { finish, readJson } = require('../lib/report');

/** Every resource of the template and of the templates nested in it, flattened. */
function resources(template) {
  const list = Array.isArray(template.resources) ? template.resources : Object.values(template.resources || {});
  return list.flatMap((r) => [r, ...(r.properties?.template ? resources(r.properties.template) : [])]);
}

const all = resources(readJson(process.argv[2]));
const ofType = (type) => all.filter((r) => r.type === type);
const problems = [];
const expect = (condition, message) => condition || problems.push(message);

const plans = ofType('Microsoft.Web/serverfarms');
expect(plans.some((p) => p.kind === 'linux' && p.properties?.reserved === true), 'no Linux App Service plan (kind linux, reserved)');
const sites = ofType('Microsoft.Web/sites');
const site = sites.find((s) => s.kind === 'app,linux');
expect(site, 'no Linux web app');
if (site) {
  const config = site.properties.siteConfig || {};
  expect(config.linuxFxVersion === 'DOTNETCORE|10.0', `linuxFxVersion is ${config.linuxFxVersion}, expected DOTNETCORE|10.0`);
  expect(config.webSocketsEnabled === true, 'WebSockets are off (Direct Line streamUrl needs them)');
  expect(config.alwaysOn === true, 'Always On is off (reminders need a running bot)');
  expect(site.properties.httpsOnly === true, 'the web app accepts plain HTTP');
}
const siteConfigs = ofType('Microsoft.Web/sites/config').map((c) => String(c.name));
expect(siteConfigs.some((n) => n.includes('azurestorageaccounts')), 'no Azure Files mount (sites/config azurestorageaccounts)');
expect(siteConfigs.some((n) => n.includes('appsettings')), 'no app settings (sites/config appsettings)');

const bots = ofType('Microsoft.BotService/botServices');
expect(bots.length === 1 && bots[0].kind === 'azurebot', 'no Azure Bot resource (kind azurebot)');
// the bot module gets its endpoint as a parameter: look at the value main passes in
const direct = (template) => (Array.isArray(template.resources) ? template.resources : Object.values(template.resources || {}));
const botModule = ofType('Microsoft.Resources/deployments').find((d) =>
  direct(d.properties?.template || {}).some((r) => r.type === 'Microsoft.BotService/botServices'),
);
const endpoint = String(botModule?.properties?.parameters?.endpoint?.value ?? '');
expect(/^\[format\('https:\/\/\{0\}\/api\/messages',/.test(endpoint), `the bot messaging endpoint is ${endpoint}, expected https://<host>/api/messages`);
const channels = ofType('Microsoft.BotService/botServices/channels').map((c) => c.properties?.channelName);
for (const channel of ['MsTeamsChannel', 'WebChatChannel', 'DirectLineChannel']) expect(channels.includes(channel), `no ${channel}`);

expect(ofType('Microsoft.ManagedIdentity/userAssignedIdentities').length === 1, 'no user-assigned managed identity');
expect(ofType('Microsoft.Storage/storageAccounts/fileServices/shares').length === 1, 'no Azure Files share for the LiteDB file');
expect(ofType('Microsoft.CognitiveServices/accounts').some((a) => a.kind === 'OpenAI'), 'no (optional) Azure OpenAI account');
expect(ofType('Microsoft.CognitiveServices/accounts/deployments').length === 2, 'Azure OpenAI needs a chat and an embedding deployment');

for (const type of ['flexibleServers', 'flexibleServers/databases', 'flexibleServers/firewallRules']) {
  expect(ofType(`Microsoft.DBforPostgreSQL/${type}`).length === 1, `no (optional) PostgreSQL ${type}`);
}

finish(problems);
