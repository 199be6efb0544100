#!/usr/bin/env bash
# THE test command (README, .ci/run): restores, builds and runs every test from a clean clone.
# Needs only the .NET 10 SDK and Node.js 20; anything else it needs it installs itself.
set -euo pipefail
cd "$(dirname "$0")"

echo "== web chat test prerequisites"
# Browser tests drive Debian's Chromium (never a downloaded browser) and need CJK fonts; as root, install them.
if ! dpkg -s chromium fonts-noto-cjk >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "chromium/fonts-noto-cjk missing and not root: the browser tests will be skipped"
  fi
fi
# The official botframework-directlinejs client for the Node test of the embedded Direct Line.
npm ci --prefix Tests/WebChat.Node --no-audit --no-fund --loglevel=error

echo "== PostgreSQL test cluster"
source Tests/Support/postgres-cluster.sh
start_test_postgres

echo "== restore and build"
dotnet build Bot.sln -c Debug -nologo -clp:ErrorsOnly

echo "== code style (.editorconfig)"
# Fails on any file that does not follow .editorconfig; `dotnet format Bot.sln --severity warn` fixes them.
dotnet format Bot.sln --verify-no-changes --no-restore --severity warn -v q
# ASP.NET Core has no synchronization context, so the code never writes ConfigureAwait(false).
if grep -rn --include='*.cs' 'ConfigureAwait(false)' Bot Dialogs Tests; then
  echo "ConfigureAwait(false) found: the code style leaves it out"; exit 1
fi

echo "== unit and integration tests"
results=$(mktemp)
trap 'rm -f "$results"; stop_test_postgres' EXIT
status=0
dotnet test Bot.sln -c Debug --no-build -nologo | tee "$results" || status=1

echo "== deployment templates and Teams package"
deploymentTemplates/validate.sh | tee -a "$results" || status=1

# A skipped test proves nothing. Locally that is allowed (no Chromium, no PostgreSQL server); in CI it fails the run,
# so a missing browser or database cannot turn into a green build.
skipped=$(awk '/^(Passed|Failed)! +- +Failed:/ { gsub(",", ""); n += $8 } END { print n + 0 }' "$results")
if [ "$skipped" -gt 0 ]; then
  echo "== skipped tests"
  grep -E '^ +Skipped ' "$results" || true
  if [ -n "${CI:-}" ]; then
    echo "CI is set and $skipped tests were skipped: failing the run"
    status=1
  fi
fi

# A test host that crashed ("Test Run Aborted.") ran fewer tests than it has: it counts as one failure, so the closing
# line can never read "0 failed" over a run that did not finish.
if grep -q '^Test Run Aborted' "$results"; then
  echo "== a test host crashed: see \"The active test run was aborted\" above"
  status=1
fi

# One closing line over everything above (each dotnet test project and the deploy checks print their own counts).
awk '/^(Passed|Failed)! +- +Failed:/ { gsub(",", ""); failed += $4; passed += $6; skipped += $8 }
     /^Test Run Aborted/ { failed += 1 }
     /^deploy: [0-9]+ passed, [0-9]+ failed/ { passed += $2; failed += $4 }
     END { printf "all: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$results"
exit "$status"
