#!/usr/bin/env bash
# Makes the gpu tests runnable here: Debian's X/GL headers that the optional `gl` package
# (headless-gl) builds against, Xvfb for a display (tests run as `xvfb-run -a npx vitest run`),
# and gl's native build. Idempotent, and never fails by itself: whatever cannot be had here, the
# gpu suites report. Under CI=true or TESSERA_REQUIRE_GPU=1 (as .ci/run sets) they then fail with
# the reason; elsewhere they skip and print it.
#
# Call it after `npm ci`. Run before it as well, it installs the Debian packages first so that
# `npm ci` builds gl itself (package.json's allowScripts approves gl's install script).
set -uo pipefail
cd "$(dirname "$0")/.."

log() { echo "[install-gl] $*"; }
# node-gyp compiles with this many jobs; 'max' roughly halves gl's build time.
export JOBS=max

packages=(libxi-dev libxext-dev libx11-dev libglu1-mesa-dev libglew-dev pkg-config xvfb xauth python3 make g++)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]} > 0)); then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo -n"
  if command -v apt-get >/dev/null 2>&1; then
    log "installing ${missing[*]}"
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
      || log "apt-get failed; gl may not build, and then the gpu tests fail under CI"
  else
    log "no apt-get: install ${missing[*]} by hand, or the gpu tests fail under CI"
  fi
fi

# Nothing more to do before `npm ci` has made node_modules.
[ -d node_modules ] || exit 0

gl_loads() { node -e "require('gl')" >/dev/null 2>&1; }

if ! gl_loads; then
  if [ -d node_modules/gl ]; then
    log "rebuilding gl (a few minutes)"
    npm rebuild gl --foreground-scripts >/tmp/install-gl.log 2>&1 || log "npm rebuild gl failed; see /tmp/install-gl.log"
  else
    # npm drops an optional dependency whose build failed; put back the locked version.
    version=$(node -p "require('./package-lock.json').packages['node_modules/gl']?.version ?? ''" 2>/dev/null)
    log "installing gl@${version:-latest} (a few minutes)"
    npm install --no-save --foreground-scripts "gl@${version:-latest}" >/tmp/install-gl.log 2>&1 \
      || log "installing gl failed; see /tmp/install-gl.log"
  fi
fi

if ! gl_loads; then
  log "gl does not load: the gpu tests will fail under CI (skip elsewhere)"
elif command -v xvfb-run >/dev/null 2>&1; then
  renderer=$(xvfb-run -a node -e "const c = require('gl')(1, 1); console.log(c ? c._getParameterDirect(c.RENDERER) : 'no context')" 2>&1 | tail -1)
  log "gl loads; under xvfb-run: ${renderer}"
else
  log "gl loads, but xvfb-run is missing: without a display the gpu tests fail under CI"
fi
exit 0
