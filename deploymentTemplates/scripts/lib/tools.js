'use strict';
// Loads the npm packages that validate.sh installs into deploymentTemplates/.tools/node.

const path = require('path');
const { createRequire } = require('module');

const NODE_TOOLS = path.join(__dirname, '..', '..', '.tools', 'node');
const requireTool = createRequire(path.join(NODE_TOOLS, 'package.json'));

/** Folder of the official Teams manifest JSON schemas shipped by @microsoft/app-manifest. */
function teamsSchemaRoot() {
  return path.join(NODE_TOOLS, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams');
}

module.exports = { requireTool, teamsSchemaRoot };
