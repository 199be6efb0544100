#!/usr/bin/env bash
# THE test command (README, .ci/run): restores, builds and runs every test from a clean clone.
# Needs only the .NET 10 SDK and Node.js 20; anything else it needs it installs itself.
set -euo pipefail
cd "$(dirname "$0")"

echo "== restore and build"
dotnet build Bot.sln -c Debug -nologo -clp:ErrorsOnly

echo "== unit and integration tests"
dotnet test Bot.sln -c Debug --no-build -nologo

if [ -x deploymentTemplates/validate.sh ]; then
  echo "== deployment templates and Teams package"
  deploymentTemplates/validate.sh
fi
