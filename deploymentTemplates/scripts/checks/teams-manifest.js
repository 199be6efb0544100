'use strict';
// The manifest inside the Teams package is valid against the newest official schema, its localization file too,
// and its command lists are the text commands of docs/contract.md (Text commands).
//   node scripts/checks/teams-manifest.js <package.zip>

const { requireTool } = require('../lib/tools');
const { shippedVersions, validator } = require('../lib/teams-schema');
const { finish } = require('../lib/report');

const AdmZip = requireTool('adm-zip');

// docs/contract.md, Text commands: Chinese command and its English word.
const COMMANDS = {
  菜单: 'menu',
  帮助: 'help',
  取消: 'cancel',
  社情民意: 'report',
  建议: 'suggest',
  查询: 'status',
  我的社情民意: 'my reports',
  学习安排: 'sessions',
};
// Teams documents tighter limits for bot commands than the schema enforces.
const MAX_TITLE = 32;
const MAX_DESCRIPTION = 128;

const problems = [];
const archive = new AdmZip(process.argv[2]);
const entry = (name) => {
  const found = archive.getEntry(name);
  if (!found) throw new Error(`${name} is not in the package`);
  return found.getData().toString('utf8');
};

const manifestText = entry('manifest.json');
if (manifestText.includes('${{')) problems.push('manifest.json still has unfilled ${{...}} placeholders');
const manifest = JSON.parse(manifestText);

const versions = shippedVersions();
const newest = versions[versions.length - 1];
if (manifest.manifestVersion !== newest) problems.push(`manifestVersion is ${manifest.manifestVersion}, the newest schema shipped is ${newest}`);
if (!versions.includes(manifest.manifestVersion)) finish([...problems, `no schema for manifestVersion ${manifest.manifestVersion}`]);
if (!String(manifest.$schema).endsWith(`/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`)) problems.push(`$schema does not name the v${manifest.manifestVersion} schema`);

const validateManifest = validator(manifest.manifestVersion, 'MicrosoftTeams.schema.json');
problems.push(...validateManifest(manifest).map((e) => `manifest.json ${e}`));

// The validator must be able to say no: a manifest without its bot id has to fail.
const broken = JSON.parse(manifestText);
delete broken.bots[0].botId;
broken.bots[0].commandLists[0].commands.push(...Array(12).fill({ title: 'x' }));
if (validateManifest(broken).length < 2) problems.push('the schema validator accepted a broken manifest');

const validateLocalization = validator(manifest.manifestVersion, 'MicrosoftTeams.Localization.schema.json');
for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
  const strings = JSON.parse(entry(language.file));
  problems.push(...validateLocalization(strings).map((e) => `${language.file} ${e}`));
  for (const [key, value] of Object.entries(strings)) {
    const m = /^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.title$/.exec(key);
    if (!m) continue;
    const zh = manifest.bots[0].commandLists[m[1]]?.commands[m[2]]?.title;
    if (zh === undefined) problems.push(`${language.file}: ${key} names no command of manifest.json`);
    else if (!(zh in COMMANDS)) continue; // reported below
    else if (language.languageTag === 'en-us' && COMMANDS[zh] !== value) problems.push(`${language.file}: ${key} is "${value}", the contract's English command for ${zh} is "${COMMANDS[zh]}"`);
  }
}
for (const icon of [manifest.icons.color, manifest.icons.outline]) entry(icon);

const bot = manifest.bots[0];
for (const scope of ['personal', 'team']) {
  if (!bot.scopes.includes(scope)) problems.push(`the bot is not available in ${scope} scope`);
}
const personal = bot.commandLists.find((list) => list.scopes.includes('personal'));
const personalTitles = new Set(personal ? personal.commands.map((c) => c.title) : []);
for (const command of Object.keys(COMMANDS)) {
  if (!personalTitles.has(command)) problems.push(`personal command list lacks the contract command ${command}`);
}
for (const list of bot.commandLists) {
  for (const command of list.commands) {
    if (!(command.title in COMMANDS)) problems.push(`command "${command.title}" (${list.scopes}) is not a text command of the contract`);
    if ([...command.title].length > MAX_TITLE) problems.push(`command title "${command.title}" is longer than ${MAX_TITLE}`);
    if ([...(command.description ?? '')].length > MAX_DESCRIPTION) problems.push(`description of "${command.title}" is longer than ${MAX_DESCRIPTION}`);
  }
}

finish(problems);
