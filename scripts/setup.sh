# shellcheck shell=bash
# Sourced by the test and main-job scripts: installs what the project needs on
# a fresh machine (npm packages, the compiled code, a Pulumi CLI) and is quick
# when everything is already there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '[setup] %s\n' "$*" >&2; }

# npm ci only when node_modules does not match package-lock.json.
lock_hash=$(sha256sum package-lock.json | cut -c1-64)
if [[ ! -f node_modules/.chronicle-lock-hash || "$(cat node_modules/.chronicle-lock-hash)" != "$lock_hash" ]]; then
  log "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.chronicle-lock-hash
fi

log "compiling TypeScript"
# From scratch, so that no output of a deleted source lingers in dist/.
rm -rf dist
npx tsc -p tsconfig.json

export PULUMI_BIN
PULUMI_BIN=$(bash scripts/install-pulumi-cli.sh | tail -1)
source scripts/pulumi-env.sh
