'use strict';
// The Teams package is a zip with manifest.json, the localization file and both icons at its root, byte for byte
// the files of teams/ (read back with an independent zip reader).
//   node scripts/checks/teams-package.js <package.zip>

const fs = require('fs');
const path = require('path');
const { requireTool } = require('../lib/tools');
const { finish } = require('../lib/report');

const AdmZip = requireTool('adm-zip');
const TEAMS = path.join(__dirname, '..', '..', 'teams');
const EXPECTED = ['manifest.json', 'en-us.json', 'color.png', 'outline.png'];

const problems = [];
const entries = new AdmZip(process.argv[2]).getEntries();
const names = entries.map((e) => e.entryName);
if (JSON.stringify([...names].sort()) !== JSON.stringify([...EXPECTED].sort())) problems.push(`package holds [${names.join(', ')}], expected [${EXPECTED.join(', ')}] at its root`);
for (const e of entries) {
  if (e.isDirectory || e.entryName.includes('/')) problems.push(`${e.entryName} is not at the zip root`);
  if (e.entryName !== 'manifest.json' && EXPECTED.includes(e.entryName) && !e.getData().equals(fs.readFileSync(path.join(TEAMS, e.entryName)))) {
    problems.push(`${e.entryName} in the package differs from teams/${e.entryName}`);
  }
}
finish(problems);
