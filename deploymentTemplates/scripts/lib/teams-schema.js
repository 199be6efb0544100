'use strict';
// Validates Teams manifest files against the official JSON schemas shipped by @microsoft/app-manifest, offline,
// with the same validator settings as that package (ajv draft-04, allErrors, formats uri/email/regex).

const fs = require('fs');
const path = require('path');
const { requireTool, teamsSchemaRoot } = require('./tools');

const Ajv = requireTool('ajv-draft-04');
const addFormats = requireTool('ajv-formats');

/** Schema versions shipped, e.g. ['1.0', ..., '1.30'], oldest first. */
function shippedVersions() {
  return fs
    .readdirSync(teamsSchemaRoot())
    .map((name) => /^v(\d+)\.(\d+)$/.exec(name))
    .filter(Boolean)
    .sort((a, b) => a[1] - b[1] || a[2] - b[2])
    .map((m) => `${m[1]}.${m[2]}`);
}

function loadSchema(version, file) {
  const schemaFile = path.join(teamsSchemaRoot(), `v${version}`, file);
  // The published schemas contain "\a" and "\v" escapes that JSON does not allow; the package itself rewrites them.
  const text = fs.readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(text);
}

// The localization schema has patterns such as \[\b(...)\b] that are only valid JavaScript regular expressions
// without the "u" flag, which ajv uses by default.
const NON_UNICODE_PATTERNS = ['MicrosoftTeams.Localization.schema.json'];

/** Returns a function (document) => list of error strings; every $ref is resolved inside the local schema. */
function validator(version, file) {
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: !NON_UNICODE_PATTERNS.includes(file) });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(loadSchema(version, file));
  return (document) =>
    validate(document) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

module.exports = { shippedVersions, validator };
