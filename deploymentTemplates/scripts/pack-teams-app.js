'use strict';
// Builds the Teams app package: fills the placeholders of teams/manifest.json and zips
// manifest.json, en-us.json, color.png and outline.png (at the zip root) into out/.
//
//   node scripts/pack-teams-app.js --bot-id <guid> --domain <app>.azurewebsites.net [options]
//
// Every option can also come from an environment variable (in brackets):
//   --bot-id            (BOT_ID)           the bot's Microsoft App ID (managed identity client id or app registration)
//   --domain            (BOT_DOMAIN)       host name of the bot's web app, without https://
//   --graph-client-id   (GRAPH_CLIENT_ID)  Graph app registration (Graph:ClientId); adds webApplicationInfo. Optional.
//   --app-id            (TEAMS_APP_ID)     Teams app id; keep the default so new versions replace the old one
//   --version           (APP_VERSION)      app version, raise it for every upload of a changed package (default 1.0.0)
//   --website-url       (WEBSITE_URL)      developer pages; default https://<domain>/
//   --privacy-url       (PRIVACY_URL)
//   --terms-url         (TERMS_URL)
//   --out               (OUT_DIR)          output folder (default deploymentTemplates/out)

const fs = require('fs');
const path = require('path');
const { zip } = require('./lib/zip');

const ROOT = path.join(__dirname, '..');
const TEAMS = path.join(ROOT, 'teams');
const DEFAULT_TEAMS_APP_ID = '61b47052-3877-46f4-aa8d-fa150ebee556';
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const HOST = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;

const OPTIONS = {
  'bot-id': 'BOT_ID',
  domain: 'BOT_DOMAIN',
  'graph-client-id': 'GRAPH_CLIENT_ID',
  'app-id': 'TEAMS_APP_ID',
  version: 'APP_VERSION',
  'website-url': 'WEBSITE_URL',
  'privacy-url': 'PRIVACY_URL',
  'terms-url': 'TERMS_URL',
  out: 'OUT_DIR',
};

function parseArgs(argv) {
  const values = {};
  for (const [option, env] of Object.entries(OPTIONS)) {
    if (process.env[env]) values[option] = process.env[env];
  }
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match || !(match[1] in OPTIONS)) throw new Error(`unknown argument: ${argv[i]}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${match[1]} needs a value`);
    values[match[1]] = value;
  }
  return values;
}

function settings(values) {
  const domain = (values.domain || '').replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const result = {
    BOT_ID: values['bot-id'] || '',
    BOT_DOMAIN: domain,
    GRAPH_CLIENT_ID: values['graph-client-id'] || '',
    TEAMS_APP_ID: values['app-id'] || DEFAULT_TEAMS_APP_ID,
    APP_VERSION: values.version || '1.0.0',
    WEBSITE_URL: values['website-url'] || `https://${domain}/`,
    PRIVACY_URL: values['privacy-url'] || `https://${domain}/`,
    TERMS_URL: values['terms-url'] || `https://${domain}/`,
  };
  const problems = [];
  if (!GUID.test(result.BOT_ID)) problems.push('--bot-id (BOT_ID) must be the bot\'s Microsoft App ID, a GUID');
  if (!HOST.test(domain)) problems.push('--domain (BOT_DOMAIN) must be a host name such as cppcc-bot-abc123.azurewebsites.net');
  if (result.GRAPH_CLIENT_ID && !GUID.test(result.GRAPH_CLIENT_ID)) problems.push('--graph-client-id must be a GUID');
  if (!GUID.test(result.TEAMS_APP_ID)) problems.push('--app-id (TEAMS_APP_ID) must be a GUID');
  if (!SEMVER.test(result.APP_VERSION)) problems.push('--version (APP_VERSION) must look like 1.0.0');
  for (const key of ['WEBSITE_URL', 'PRIVACY_URL', 'TERMS_URL']) {
    if (!/^https:\/\/\S+$/.test(result[key])) problems.push(`${key} must be an https:// URL`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return result;
}

/** Fills ${{NAME}} placeholders; drops webApplicationInfo when no Graph app is given. */
function fillManifest(template, values) {
  const text = template.replace(/\$\{\{([A-Z_]+)\}\}/g, (whole, name) => {
    if (!(name in values)) throw new Error(`manifest.json uses an unknown placeholder ${whole}`);
    return JSON.stringify(values[name]).slice(1, -1);
  });
  const manifest = JSON.parse(text);
  if (!values.GRAPH_CLIENT_ID) delete manifest.webApplicationInfo;
  return manifest;
}

function main() {
  const values = parseArgs(process.argv.slice(2));
  const filled = settings(values);
  const manifest = fillManifest(fs.readFileSync(path.join(TEAMS, 'manifest.json'), 'utf8'), filled);
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  const files = [
    { name: 'manifest.json', data: manifestBytes },
    ...['en-us.json', 'color.png', 'outline.png'].map((name) => ({ name, data: fs.readFileSync(path.join(TEAMS, name)) })),
  ];

  const outDir = path.resolve(values.out || path.join(ROOT, 'out'));
  fs.mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `cppcc-bot-teams-${filled.APP_VERSION}.zip`);
  fs.writeFileSync(zipPath, zip(files));
  fs.writeFileSync(path.join(outDir, 'manifest.json'), manifestBytes);
  console.log(zipPath);
}

try {
  main();
} catch (error) {
  console.error(`pack-teams-app: ${error.message}`);
  process.exit(2);
}
