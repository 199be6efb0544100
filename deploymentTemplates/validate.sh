#!/usr/bin/env bash
# Validates the Azure templates and the Teams app package with the real tools, offline after set-up:
#   - the Bicep CLI from NuGet (restored by tools/BicepCli.proj) builds and lints the templates;
#   - azuredeploy*.json are what bicep builds from the .bicep files;
#   - the parameters files fit their templates;
#   - bicep snapshots of main.bicep on LiteDb (default) and on PostgreSql deploy what each needs and nothing else;
#   - the Teams package is built and checked against the official schema shipped by @microsoft/app-manifest.
# Needs: the .NET SDK and Node.js (with npm); installs everything else under deploymentTemplates/.tools/.
#
#   deploymentTemplates/validate.sh            check everything
#   deploymentTemplates/validate.sh --update   first rewrite azuredeploy*.json and format the .bicep files
#
# Prints one line per check and ends with "deploy: N passed, M failed"; exits non-zero on any failure.
set -u -o pipefail
cd "$(dirname "${BASH_SOURCE[0]}")" || exit 2

UPDATE=false
case "${1:-}" in
  --update) UPDATE=true ;;
  "") ;;
  *) echo "usage: $0 [--update]" >&2; exit 2 ;;
esac

TOOLS=.tools
BICEP_VERSION=$(sed -n 's:.*<BicepVersion>\(.*\)</BicepVersion>.*:\1:p' tools/BicepCli.proj)
BICEP=$PWD/$TOOLS/packages/azure.bicep.commandline.linux-x64/$BICEP_VERSION/tools/bicep
WORK=$TOOLS/work
SAMPLE_BOT_ID=00000000-0000-0000-0000-000000000001
SAMPLE_GRAPH_ID=00000000-0000-0000-0000-000000000002
SAMPLE_DOMAIN=cppcc-bot-sample.azurewebsites.net
TEMPLATES=("main.bicep:azuredeploy.json" "newResourceGroup.bicep:azuredeploy.new-rg.json")

passed=0
failed=0
bicep_ready=false
node_ready=false

# check NAME COMMAND...: runs the command, prints "ok" or "FAIL" with its output indented.
check() {
  local name=$1 output status
  shift
  output=$("$@" 2>&1)
  status=$?
  if [ "$status" -eq 0 ]; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name"
    [ -n "$output" ] && printf '%s\n' "$output" | head -n 40 | sed 's/^/       /'
    failed=$((failed + 1))
  fi
  return "$status"
}

restore_bicep() {
  dotnet restore tools/BicepCli.proj --nologo -v quiet || return 1
  chmod +x "$BICEP" || return 1
  "$BICEP" --version | grep -qF "Bicep CLI version $BICEP_VERSION" || { echo "unexpected: $("$BICEP" --version)"; return 1; }
}

install_node_tools() {
  local stamp=$TOOLS/node/.installed want
  command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are needed (Node.js 20)"; return 1; }
  want=$(cat tools/package.json tools/package-lock.json | sha256sum | cut -d' ' -f1)
  if [ -d "$TOOLS/node/node_modules" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  rm -rf "$TOOLS/node" && mkdir -p "$TOOLS/node" || return 1
  cp tools/package.json tools/package-lock.json "$TOOLS/node/" || return 1
  (cd "$TOOLS/node" && npm ci --no-audit --no-fund --loglevel=error) || return 1
  echo "$want" >"$stamp"
}

# bicep prints diagnostics (warnings and errors) on stderr: any output is a failure.
lint() {
  local output
  output=$("$BICEP" lint "$1" 2>&1) || { echo "$output"; return 1; }
  [ -z "$output" ] || { echo "$output"; return 1; }
}

# Formats a copy of every .bicep file in one bicep run and compares it with the original.
formatted() {
  local copy=$WORK/format file status=0
  if $UPDATE; then
    "$BICEP" format --pattern '**/*.bicep' || return 1
  fi
  rm -rf "$copy" && mkdir -p "$copy" || return 1
  find . -name '*.bicep' -not -path "./$TOOLS/*" -exec cp --parents {} "$copy/" \; || return 1
  (cd "$copy" && "$BICEP" format --pattern '**/*.bicep') || return 1
  while IFS= read -r file; do
    if ! cmp -s "$file" "$copy/$file"; then
      echo "$file is not formatted as 'bicep format' would (run ./validate.sh --update):"
      diff -u "$file" "$copy/$file" | head -n 10
      status=1
    fi
  done < <(cd "$copy" && find . -name '*.bicep' | sort)
  return "$status"
}

up_to_date() {
  local source=$1 compiled=$2 built=$WORK/$2
  "$BICEP" build "$source" --outfile "$built" || return 1
  if $UPDATE; then cp "$built" "$compiled"; fi
  if ! cmp -s "$built" "$compiled"; then
    echo "$compiled differs from what 'bicep build $source' makes (run ./validate.sh --update):"
    diff -u "$compiled" "$built" | head -n 20
    return 1
  fi
}

# Snapshots of main.bicep with the default parameters (LiteDb) and with storageProvider=PostgreSql: the resources Azure
# would be asked for, parameters evaluated, offline. A snapshot shows a secure parameter only by its name, so they are
# taken of a copy whose appservice.bicep does not mark the app settings and connection string @secure(); the
# PostgreSQL password is a sample.
storage_variants() {
  local dir=$WORK/variants
  local scope=(--subscription-id 00000000-0000-0000-0000-000000000000 --resource-group rg-sample --location eastasia
    --tenant-id 00000000-0000-0000-0000-000000000003)
  rm -rf "$dir" && mkdir -p "$dir" && cp -r main.bicep modules "$dir/" || return 1
  sed -i '/^@secure()$/{N;s/^@secure()\n\(param \(appSettings\|postgresConnectionString\) \)/\1/}' "$dir/modules/appservice.bicep" || return 1
  printf "using './main.bicep'\n" >"$dir/litedb.bicepparam"
  printf "using './main.bicep'\nparam storageProvider = 'PostgreSql'\nparam postgresAdminPassword = 'Sample-pass;1\"'\n" \
    >"$dir/postgres.bicepparam"
  "$BICEP" snapshot "$dir/litedb.bicepparam" --mode overwrite "${scope[@]}" || return 1
  "$BICEP" snapshot "$dir/postgres.bicepparam" --mode overwrite "${scope[@]}" || return 1
  node scripts/checks/storage-variants.js "$dir/litedb.snapshot.json" "$dir/postgres.snapshot.json"
}

package_teams() {
  local out=$1
  shift
  rm -rf "$out"
  node scripts/pack-teams-app.js --bot-id "$SAMPLE_BOT_ID" --domain "$SAMPLE_DOMAIN" --out "$out" "$@" >/dev/null
}

refuses_missing_bot_id() {
  local output
  if output=$(env -u BOT_ID node scripts/pack-teams-app.js --domain "$SAMPLE_DOMAIN" --out "$WORK/refused" 2>&1); then
    echo "the packaging script made a package without a bot id"
    return 1
  fi
  grep -q 'BOT_ID' <<<"$output" || { echo "unclear message: $output"; return 1; }
}

mkdir -p "$WORK"

# ---- set-up ----
check "bicep CLI $BICEP_VERSION restored from NuGet (tools/BicepCli.proj)" restore_bicep && bicep_ready=true
check "npm tools installed (@microsoft/app-manifest, ajv, adm-zip)" install_node_tools && node_ready=true

# ---- Azure templates ----
if $bicep_ready; then
  check "bicep files are formatted" formatted
  for pair in "${TEMPLATES[@]}"; do
    check "bicep lint ${pair%%:*}: no errors, no warnings" lint "${pair%%:*}"
    check "${pair##*:} is up to date with ${pair%%:*}" up_to_date "${pair%%:*}" "${pair##*:}"
  done
  check "storageProvider: PostgreSql adds the Flexible Server, 2+ instances, its settings; LiteDb unchanged" storage_variants
else
  echo "FAIL bicep checks skipped: no bicep CLI"
  failed=$((failed + 1))
fi
check "parameters.existing-rg.json fits azuredeploy.json" node scripts/checks/parameters.js azuredeploy.json parameters.existing-rg.json
check "parameters.new-rg.json fits azuredeploy.new-rg.json" node scripts/checks/parameters.js azuredeploy.new-rg.json parameters.new-rg.json
check "newResourceGroup.bicep offers and passes on the parameters of main.bicep" node scripts/checks/template-parity.js azuredeploy.json azuredeploy.new-rg.json
check "web app settings carry every configuration key of the contract" node scripts/checks/app-settings.js azuredeploy.json
check "templates declare the web app, bot + Teams/Web Chat/Direct Line, identity, Files share, OpenAI, PostgreSQL" node scripts/checks/resources.js azuredeploy.json

# ---- Teams app package ----
check "icons: color.png 192x192, outline.png 32x32 white on transparent" node scripts/checks/icons.js teams/color.png teams/outline.png
check "packaging script refuses to run without a bot id" refuses_missing_bot_id
if $node_ready; then
  if check "Teams package builds (with Graph app)" package_teams out/validate-graph --graph-client-id "$SAMPLE_GRAPH_ID"; then
    zip=$(ls out/validate-graph/*.zip)
    check "Teams package holds manifest.json, en-us.json and the icons at its root" node scripts/checks/teams-package.js "$zip"
    check "manifest (with webApplicationInfo) valid against the newest official schema; commands = contract" node scripts/checks/teams-manifest.js "$zip"
  fi
  if check "Teams package builds (without Graph app)" package_teams out/validate; then
    check "manifest (without webApplicationInfo) valid against the newest official schema" node scripts/checks/teams-manifest.js out/validate/*.zip
  fi
else
  echo "FAIL Teams package checks skipped: npm tools missing"
  failed=$((failed + 1))
fi

echo "deploy: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
