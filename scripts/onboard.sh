#!/usr/bin/env bash
# The main job: installs what it needs, then runs `pulumi up` of the onboarding
# stack against the local emulator (or whatever the stack's config points at).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
node dist/scripts/onboard.js
