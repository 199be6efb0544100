'use strict';
// The two storage providers deploy what they need and nothing else. Reads two `bicep snapshot` results of main.bicep
// (the resources Azure would be asked for, with the parameters evaluated): one with the default parameters (LiteDb)
// and one with storageProvider=PostgreSql.
//   node scripts/checks/storage-variants.js litedb.snapshot.json postgres.snapshot.json
// The web app's settings are readable only when the snapshot was taken of a copy whose appservice.bicep does not mark
// them @secure() (validate.sh makes that copy), since a snapshot shows a secure parameter as its name.

const { finish, readJson } = require('../lib/report');

const problems = [];
const expect = (condition, message) => condition || problems.push(message);

function load(file, label) {
  const resources = readJson(file).predictedResources;
  const outputs = readJson(file).outputs;
  const ofType = (type) => resources.filter((r) => r.type === type);
  const config = (suffix) => ofType('Microsoft.Web/sites/config').find((c) => c.name.endsWith(`/${suffix}`));
  const site = ofType('Microsoft.Web/sites')[0];
  const plan = ofType('Microsoft.Web/serverfarms')[0];
  expect(site && plan, `${label}: no web app or no App Service plan`);
  const settings = config('appsettings')?.properties;
  expect(settings && typeof settings === 'object', `${label}: the app settings are not evaluated (${JSON.stringify(settings)})`);
  return {
    ofType,
    config,
    outputs,
    site: site?.properties ?? {},
    capacity: plan?.sku?.capacity,
    settings: typeof settings === 'object' ? settings : {},
  };
}

const [liteFile, pgFile] = process.argv.slice(2);
const lite = load(liteFile, 'LiteDb');
const pg = load(pgFile, 'PostgreSql');

// ---- PostgreSql: a Flexible Server with the bot's database, two or more instances, no affinity, settings for it ----
const servers = pg.ofType('Microsoft.DBforPostgreSQL/flexibleServers');
expect(servers.length === 1, `PostgreSql: ${servers.length} Flexible Servers, expected 1`);
const server = servers[0] ?? { properties: {} };
expect(server.sku?.name === 'Standard_B1ms' && server.sku?.tier === 'Burstable', `PostgreSql: server SKU ${JSON.stringify(server.sku)}, expected Standard_B1ms / Burstable`);
expect(server.properties.version === '16', `PostgreSql: version ${server.properties.version}, expected 16`);
expect(server.properties.storage?.storageSizeGB === 32, `PostgreSql: storage ${server.properties.storage?.storageSizeGB} GB, expected 32`);
expect(server.properties.backup?.backupRetentionDays === 7, `PostgreSql: backups kept ${server.properties.backup?.backupRetentionDays} days, expected 7`);
expect(server.properties.authConfig?.passwordAuth === 'Enabled', 'PostgreSql: password authentication is off');
const databases = pg.ofType('Microsoft.DBforPostgreSQL/flexibleServers/databases').map((d) => d.name.split('/').pop());
expect(databases.length === 1 && databases[0] === 'cppcc', `PostgreSql: databases ${JSON.stringify(databases)}, expected ["cppcc"]`);
const rules = pg.ofType('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules').map((r) => r.properties);
expect(rules.length === 1 && rules[0].startIpAddress === '0.0.0.0' && rules[0].endIpAddress === '0.0.0.0', `PostgreSql: firewall rules ${JSON.stringify(rules)}, expected the one "allow Azure services" rule 0.0.0.0-0.0.0.0`);
expect(pg.capacity >= 2, `PostgreSql: App Service plan capacity ${pg.capacity}, expected 2 or more`);
expect(pg.site.siteConfig?.numberOfWorkers >= 2, `PostgreSql: web app numberOfWorkers ${pg.site.siteConfig?.numberOfWorkers}, expected 2 or more`);
expect(pg.site.clientAffinityEnabled === false, 'PostgreSql: the web app keeps ARR affinity (sticky sessions)');
expect(pg.settings.Storage__Provider === 'PostgreSql', `PostgreSql: app setting Storage__Provider is ${pg.settings.Storage__Provider}`);
expect(!('Storage__Path' in pg.settings), 'PostgreSql: the app settings still name a LiteDB file (Storage__Path)');
expect(!Object.keys(pg.settings).some((k) => /^ConnectionStrings__/i.test(k)), 'PostgreSql: the connection string (a secret) is in the app settings');
const connection = pg.config('connectionstrings')?.properties?.PostgreSql;
expect(connection?.type === 'Custom', `PostgreSql: no connection string "PostgreSql" of type Custom (read as ConnectionStrings:PostgreSql): ${JSON.stringify(connection)}`);
const value = String(connection?.value ?? '');
for (const part of ['Host={0}', 'fullyQualifiedDomainName', 'Database={1}', "'cppcc'", 'SslMode=Require']) {
  expect(value.includes(part), `PostgreSql: the connection string lacks ${part}: ${value}`);
}
expect(pg.ofType('Microsoft.Storage/storageAccounts').length === 0, 'PostgreSql: a storage account for the LiteDB file is still deployed');
expect(!pg.config('azurestorageaccounts'), 'PostgreSql: the Azure Files share is still mounted');
expect(pg.outputs.storagePath === '', `PostgreSql: output storagePath is ${pg.outputs.storagePath}, expected empty`);

// ---- LiteDb (the default): as before, one instance on the file, nothing of PostgreSQL ----
const liteTypes = readJson(liteFile).predictedResources.map((r) => r.type);
expect(!liteTypes.some((t) => t.startsWith('Microsoft.DBforPostgreSQL/')), 'LiteDb: PostgreSQL resources are deployed');
expect(!lite.config('connectionstrings'), 'LiteDb: the web app gets connection strings');
expect(lite.capacity === 1, `LiteDb: App Service plan capacity ${lite.capacity}, expected 1 (LiteDB is a single-writer file)`);
expect(lite.site.siteConfig?.numberOfWorkers === 1, `LiteDb: web app numberOfWorkers ${lite.site.siteConfig?.numberOfWorkers}, expected 1`);
expect(lite.site.clientAffinityEnabled === false, 'LiteDb: affinity changed (it was off before the PostgreSql option)');
expect(lite.settings.Storage__Path === '/mounts/botdata/bot.db', `LiteDb: app setting Storage__Path is ${lite.settings.Storage__Path}, expected /mounts/botdata/bot.db`);
expect(!('Storage__Provider' in lite.settings), 'LiteDb: app setting Storage__Provider is set (the default needs none)');
expect(!!lite.config('azurestorageaccounts'), 'LiteDb: the Azure Files share for the file is not mounted');

finish(problems);
