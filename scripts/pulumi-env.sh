# shellcheck shell=bash
# Offline run settings for the real Pulumi CLI. Source it, do not execute it:
#
#     source scripts/pulumi-env.sh            # finds/builds the CLI (install-pulumi-cli.sh)
#     PULUMI_BIN=/abs/bin source scripts/pulumi-env.sh   # or name the bin folder yourself
#
# It exports, without overriding what the caller already set:
#   PULUMI_BIN                                  bin folder holding pulumi + pulumi-resource-pulumi-nodejs
#   PATH                                        with PULUMI_BIN prepended (once)
#   PULUMI_SKIP_UPDATE_CHECK=true               no call to the update service
#   PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true   never try to download plugins
#   PULUMI_CONFIG_PASSPHRASE=""                 (only if neither it nor ..._FILE is set) so the
#                                               passphrase secrets provider works non-interactively
#   PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK    untouched
# The backend (PULUMI_BACKEND_URL=file:///abs/dir) and PULUMI_HOME (a temp folder
# per run) are the caller's choice and are left alone. Run the install before
# pointing PULUMI_HOME at a temp folder: the CLI cache lives in
# ${PULUMI_HOME:-$HOME/.pulumi}/versions/.

_pulumi_env_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ -z "${PULUMI_BIN:-}" ]]; then
  PULUMI_BIN="$(bash "$_pulumi_env_dir/install-pulumi-cli.sh" | tail -1)" || {
    echo "pulumi-env.sh: install-pulumi-cli.sh failed" >&2
    unset _pulumi_env_dir
    return 1 2>/dev/null || exit 1
  }
fi
export PULUMI_BIN

case ":$PATH:" in
  *":$PULUMI_BIN:"*) ;;
  *) export PATH="$PULUMI_BIN:$PATH" ;;
esac

export PULUMI_SKIP_UPDATE_CHECK="${PULUMI_SKIP_UPDATE_CHECK:-true}"
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION="${PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION:-true}"
if [[ -z "${PULUMI_CONFIG_PASSPHRASE+set}" && -z "${PULUMI_CONFIG_PASSPHRASE_FILE:-}" ]]; then
  export PULUMI_CONFIG_PASSPHRASE=""
fi

unset _pulumi_env_dir
