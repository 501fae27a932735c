#!/usr/bin/env bash
# Make a real Pulumi CLI available without downloading a release binary.
#
# Machines that build this project reach the npm registry, Debian packages and
# the Go module proxy, but not get.pulumi.com. This script puts a working
# `pulumi` into the standard cache folder
#
#     ${PULUMI_HOME:-$HOME/.pulumi}/versions/<version>/bin/
#
# (the folder the `pulumi` npm package and the Automation API's
# `PulumiCommand.get({root})` look in) together with the dynamic-provider
# plugin `pulumi-resource-pulumi-nodejs` from this project's node_modules.
#
# Order of preference:
#   1. the cache folder already holds a `pulumi` whose `pulumi version` is
#      v$PULUMI_CLI_VERSION (default 3.276.0): reuse it;
#   2. a `pulumi` on PATH with version v3.x >= v$PULUMI_CLI_MIN_VERSION
#      (default 3.248.0, the @pulumi/pulumi SDK this project pins; a newer CLI
#      with an older SDK is the supported case): symlink it into
#      versions/<its version>/bin/ (set PULUMI_CLI_ACCEPT_PATH=0 to skip this);
#   3. build it from the project's Go wrapper module scripts/pulumi-cli/ with
#      the release flags (CGO_ENABLED=0, -trimpath, -s -w, version stamped).
#      Cold: 4.5-7 min on 2 cores; keeps the default GOMODCACHE/GOCACHE so
#      that later builds are fast.
#
# The Node language host (pulumi-language-nodejs) is built too when its Go
# module resolves from the module proxy; today it does not (403 "not
# available"), so programs must run as Automation API inline programs, which
# need only the `pulumi` binary. Set PULUMI_LANGUAGE_NODEJS_VERSION to a
# module version (pseudo-version) to try again.
#
# Progress goes to stderr. The last line of stdout is the absolute bin folder:
#     PULUMI_BIN=$(bash scripts/install-pulumi-cli.sh | tail -1)
# Binaries are never written inside the repository.
set -euo pipefail

VERSION="${PULUMI_CLI_VERSION:-3.276.0}"
VERSION="${VERSION#v}"
MIN_VERSION="${PULUMI_CLI_MIN_VERSION:-3.248.0}"
MIN_VERSION="${MIN_VERSION#v}"
ACCEPT_PATH="${PULUMI_CLI_ACCEPT_PATH:-1}"
PHOME="${PULUMI_HOME:-$HOME/.pulumi}"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
WRAPPER_DIR="$SCRIPT_DIR/pulumi-cli"
NODE_PLUGIN_SRC="$REPO_ROOT/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
LANGHOST_MODULE="github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3"

log() { printf '[install-pulumi-cli] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Prints "X.Y.Z" for a pulumi binary, or nothing if it does not run.
cli_version() {
  local out
  out="$(PULUMI_SKIP_UPDATE_CHECK=true "$1" version 2>/dev/null | tail -1)" || return 0
  out="${out#v}"
  if [[ "$out" =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]]; then printf '%s\n' "$out"; fi
}

# version_ge A B: true if A >= B (numeric X.Y.Z, pre-release suffixes ignored).
version_ge() {
  local a b i
  IFS=. read -r -a a <<<"${1%%[-+]*}"
  IFS=. read -r -a b <<<"${2%%[-+]*}"
  for i in 0 1 2; do
    if (( ${a[i]:-0} > ${b[i]:-0} )); then return 0; fi
    if (( ${a[i]:-0} < ${b[i]:-0} )); then return 1; fi
  done
  return 0
}

# Puts the project's dynamic-provider plugin beside the CLI. It is a copy, not
# a link: the cache folder is shared by every checkout, and the script itself
# is generic (it resolves @pulumi/pulumi from the working directory of the
# program, not from where it lives).
place_node_plugin() {
  local bin="$1" dst="$1/pulumi-resource-pulumi-nodejs"
  if [[ ! -f "$NODE_PLUGIN_SRC" ]]; then
    log "WARNING: $NODE_PLUGIN_SRC missing (run npm install first); dynamic resources need pulumi-resource-pulumi-nodejs on PATH"
    return 0
  fi
  if [[ -L "$dst" ]] || ! cmp -s "$NODE_PLUGIN_SRC" "$dst"; then
    rm -f "$dst"
    cp "$NODE_PLUGIN_SRC" "$dst.tmp.$$"
    chmod 755 "$dst.tmp.$$"
    mv -f "$dst.tmp.$$" "$dst"
    log "placed pulumi-resource-pulumi-nodejs (from $NODE_PLUGIN_SRC)"
  fi
}

# Best effort: build pulumi-language-nodejs into $1 if its module resolves.
# The outcome "unavailable" is remembered so warm runs do not ask the proxy.
try_language_host() {
  local bin="$1" marker="$1/../.language-nodejs-unavailable" ref tmp
  [[ -x "$bin/pulumi-language-nodejs" ]] && return 0
  ref="${PULUMI_LANGUAGE_NODEJS_VERSION:-}"
  if [[ -z "$ref" && -f "$marker" ]]; then return 0; fi
  ref="${ref:-latest}"
  tmp="$(mktemp -d)"
  build_language_host "$bin" "$marker" "$ref" "$tmp" || true
  rm -rf "$tmp"
}

build_language_host() {
  local bin="$1" marker="$2" ref="$3" tmp="$4"
  log "trying to resolve $LANGHOST_MODULE@$ref"
  if ! (cd "$tmp" && go mod init langhost >/dev/null 2>&1 \
        && go mod download -json "$LANGHOST_MODULE@$ref" >"$tmp/dl.json" 2>&1 \
        && ! grep -q '"Error"' "$tmp/dl.json"); then
    log "pulumi-language-nodejs is not available from the module proxy ($(grep -o '403[^"]*' "$tmp/dl.json" 2>/dev/null | head -1 || true)); skipping."
    log "Only Automation API inline programs can run (folders with a Pulumi.yaml need the language host)."
    date -u +%FT%TZ >"$marker"
    return 0
  fi
  log "building pulumi-language-nodejs@$ref (pinned to sdk/pkg v$VERSION)"
  if (cd "$tmp" \
      && go mod edit -require="$LANGHOST_MODULE@$ref" \
         -require="github.com/pulumi/pulumi/sdk/v3@v$VERSION" \
         -require="github.com/pulumi/pulumi/pkg/v3@v$VERSION" \
         -replace=github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e \
      && printf '//go:build tools\npackage tools\nimport _ "%s"\n' "$LANGHOST_MODULE" >tools.go \
      && GOFLAGS=-mod=mod go mod tidy >&2 \
      && CGO_ENABLED=0 go build -trimpath \
         -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$VERSION" \
         -o "$bin/pulumi-language-nodejs.tmp.$$" "$LANGHOST_MODULE" >&2); then
    mv -f "$bin/pulumi-language-nodejs.tmp.$$" "$bin/pulumi-language-nodejs"
    rm -f "$marker"
    log "built $bin/pulumi-language-nodejs"
  else
    rm -f "$bin/pulumi-language-nodejs.tmp.$$"
    log "WARNING: pulumi-language-nodejs resolved but did not build; skipping"
  fi
}

finish() {
  local bin="$1"
  place_node_plugin "$bin"
  try_language_host "$bin"
  log "ready: $("$bin/pulumi" version 2>/dev/null) in $bin"
  printf '%s\n' "$bin"
}

BIN="$PHOME/versions/$VERSION/bin"

# 1. Pinned version already in the cache.
if [[ -x "$BIN/pulumi" && "$(cli_version "$BIN/pulumi")" == "$VERSION" ]]; then
  log "using cached $BIN/pulumi (v$VERSION)"
  finish "$BIN"
  exit 0
fi

# 2. A suitable pulumi on PATH (not one of our own cache links).
if [[ "$ACCEPT_PATH" != 0 ]] && command -v pulumi >/dev/null 2>&1; then
  path_cli="$(command -v pulumi)"
  path_cli="$(cd "$(dirname "$path_cli")" && pwd)/$(basename "$path_cli")"
  path_ver="$(cli_version "$path_cli")"
  if [[ -n "$path_ver" && "${path_ver%%.*}" == 3 ]] && version_ge "$path_ver" "$MIN_VERSION"; then
    path_bin="$PHOME/versions/$path_ver/bin"
    if [[ "$path_cli" != "$path_bin/pulumi" ]]; then
      mkdir -p "$path_bin"
      ln -sfn "$path_cli" "$path_bin/pulumi"
      log "using pulumi v$path_ver from PATH ($path_cli), linked into $path_bin"
    else
      log "using pulumi v$path_ver from PATH ($path_cli)"
    fi
    finish "$path_bin"
    exit 0
  elif [[ -n "$path_ver" ]]; then
    log "ignoring pulumi v$path_ver on PATH (need v3 >= $MIN_VERSION)"
  fi
fi

# 3. Build from the wrapper module.
command -v go >/dev/null 2>&1 || die "no usable pulumi and no Go toolchain to build one"
[[ -f "$WRAPPER_DIR/go.mod" ]] || die "missing wrapper module $WRAPPER_DIR"
wrapper_ver="$(cd "$WRAPPER_DIR" && go list -m -f '{{.Version}}' github.com/pulumi/pulumi/pkg/v3)"
[[ "$wrapper_ver" == "v$VERSION" ]] \
  || die "scripts/pulumi-cli pins pkg/v3 $wrapper_ver, not v$VERSION (edit go.mod or set PULUMI_CLI_VERSION=${wrapper_ver#v})"

mkdir -p "$BIN"
# One build at a time per cache folder; a second caller waits and reuses it.
exec 9>"$BIN/../.install.lock"
if ! flock -n 9; then
  log "another install is building into $BIN; waiting for it"
  flock 9
fi
if [[ -x "$BIN/pulumi" && "$(cli_version "$BIN/pulumi")" == "$VERSION" ]]; then
  log "built meanwhile by another process"
  finish "$BIN"
  exit 0
fi

log "building pulumi v$VERSION from $WRAPPER_DIR (cold: several minutes; GOCACHE=$(go env GOCACHE))"
start=$(date +%s)
tmp_out="$BIN/pulumi.tmp.$$"
trap 'rm -f "$tmp_out"' EXIT
(cd "$WRAPPER_DIR" && CGO_ENABLED=0 go build -trimpath \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$VERSION" \
  -o "$tmp_out" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2)
built_ver="$(cli_version "$tmp_out")"
[[ "$built_ver" == "$VERSION" ]] || die "built binary reports version '$built_ver', expected $VERSION"
mv -f "$tmp_out" "$BIN/pulumi"
log "built $BIN/pulumi in $(( $(date +%s) - start )) s"
finish "$BIN"
