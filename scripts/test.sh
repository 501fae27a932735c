#!/usr/bin/env bash
# Every test of the project: unit, emulator, client, provider, mock-runtime and
# end-to-end tests on the real Pulumi engine. Installs what it needs first.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
log "running tests"
node --test --test-concurrency=2 dist/test/
