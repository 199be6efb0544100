'use strict';
// The new-resource-group template offers the same parameters as main.bicep (same types, same defaults) and passes
// every one of them on, so both parameters files mean the same thing.
//   node scripts/checks/template-parity.js azuredeploy.json azuredeploy.new-rg.json

const { finish, readJson } = require('../lib/report');

const ONLY_IN_MAIN = ['useExistingAppServicePlan'];
const ONLY_IN_NEW_RG = ['resourceGroupName'];
const DEFAULT_MAY_DIFFER = ['location']; // resourceGroup().location vs deployment().location

const [mainFile, newRgFile] = process.argv.slice(2);
const main = readJson(mainFile);
const newRg = readJson(newRgFile);
const problems = [];

const mainParams = main.parameters;
const newRgParams = newRg.parameters;
for (const name of Object.keys(mainParams)) {
  if (ONLY_IN_MAIN.includes(name)) continue;
  const a = mainParams[name];
  const b = newRgParams[name];
  if (!b) {
    problems.push(`${newRgFile} lacks parameter "${name}"`);
    continue;
  }
  if (JSON.stringify([a.type, a.$ref, a.nullable, a.allowedValues]) !== JSON.stringify([b.type, b.$ref, b.nullable, b.allowedValues])) problems.push(`"${name}" has a different type, nullability or allowed values`);
  if (!DEFAULT_MAY_DIFFER.includes(name) && JSON.stringify(a.defaultValue) !== JSON.stringify(b.defaultValue)) problems.push(`"${name}" has a different default`);
}
for (const name of Object.keys(newRgParams)) {
  if (!(name in mainParams) && !ONLY_IN_NEW_RG.includes(name)) problems.push(`${newRgFile} has parameter "${name}" that main.bicep does not know`);
}

const resources = Array.isArray(newRg.resources) ? newRg.resources : Object.values(newRg.resources);
const nested = resources.find((r) => r.type === 'Microsoft.Resources/deployments');
if (!nested) {
  problems.push('no nested deployment of main.bicep found');
} else {
  const passed = Object.keys(nested.properties.parameters || {});
  for (const name of Object.keys(mainParams)) {
    if (!passed.includes(name)) problems.push(`parameter "${name}" is not passed on to main.bicep`);
  }
}

finish(problems);
