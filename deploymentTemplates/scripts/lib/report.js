'use strict';
// Shared exit logic of the check scripts: print each problem, exit 1 when there is any.

function finish(problems) {
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(problems.length ? 1 : 0);
}

function readJson(file) {
  return JSON.parse(require('fs').readFileSync(file, 'utf8'));
}

module.exports = { finish, readJson };
