#!/usr/bin/env bash
# Every test of the project: unit, emulator, client, provider, mock-runtime and
# end-to-end tests on the real Pulumi engine. Installs what it needs first.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
log "running tests"
# Only *.test.js: a directory argument would also run the support modules as "tests".
mapfile -t files < <(find dist/test -name "*.test.js" | sort)
node --test --test-concurrency=2 "${files[@]}"
