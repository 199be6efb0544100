'use strict';
// A parameters file fits its compiled template: valid JSON, only declared parameters, every required one given,
// values of the declared type and allowed values, and no secret written into the file.
//   node scripts/checks/parameters.js <template.json> <parameters.json>

const { finish, readJson } = require('../lib/report');

const [templateFile, parametersFile] = process.argv.slice(2);
const problems = [];

function declaredType(template, declaration) {
  if (declaration.type) return declaration.type.toLowerCase();
  const ref = declaration.$ref && /^#\/definitions\/(.+)$/.exec(declaration.$ref);
  return ref ? declaredType(template, template.definitions[ref[1]]) : undefined;
}

function typeOf(value) {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'number';
  return typeof value === 'boolean' ? 'bool' : typeof value;
}

let template, parametersDoc;
try {
  template = readJson(templateFile);
  parametersDoc = readJson(parametersFile);
} catch (error) {
  finish([`not valid JSON: ${error.message}`]);
}

if (!/deploymentParameters\.json#?$/.test(parametersDoc.$schema || '')) problems.push('$schema is not the ARM deploymentParameters schema');
if (typeof parametersDoc.contentVersion !== 'string') problems.push('contentVersion is missing');
const declared = template.parameters || {};
const given = parametersDoc.parameters || {};

for (const [name, entry] of Object.entries(given)) {
  const declaration = declared[name];
  if (!declaration) {
    problems.push(`"${name}" is not a parameter of ${templateFile}`);
    continue;
  }
  const type = declaredType(template, declaration);
  const secure = type === 'securestring' || type === 'secureobject';
  if ('reference' in entry) {
    if (!secure) problems.push(`"${name}" uses a Key Vault reference but is not a secure parameter`);
    continue;
  }
  if (!('value' in entry)) {
    problems.push(`"${name}" has neither "value" nor "reference"`);
    continue;
  }
  const value = entry.value;
  if (secure && value !== '' && value !== null) problems.push(`"${name}" is secret: pass it on the command line or as a Key Vault reference, never in the file`);
  const expected = { securestring: 'string', secureobject: 'object' }[type] || type;
  const actual = typeOf(value);
  if (expected && actual !== expected) problems.push(`"${name}" must be ${expected}, is ${actual}`);
  if (declaration.allowedValues && !declaration.allowedValues.includes(value)) problems.push(`"${name}" = ${JSON.stringify(value)} is not one of ${declaration.allowedValues.join(', ')}`);
}

for (const [name, declaration] of Object.entries(declared)) {
  if (!('defaultValue' in declaration) && !declaration.nullable && !(name in given)) problems.push(`required parameter "${name}" is missing`);
}

finish(problems);
