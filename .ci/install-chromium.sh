#!/usr/bin/env bash
# Debian's Chromium for the browser suites (test/browser, driven by playwright-core through its executable
# path; no browser download). Idempotent. It does not fail CI itself: under CI=true the browser suites fail
# with the reason when Chromium is missing.
set -uo pipefail

log() { echo "[install-chromium] $*"; }
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$chromium_path" ]; then
  log "$("$chromium_path" --version 2>/dev/null | tail -1) at $chromium_path"
  exit 0
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo -n"
if command -v apt-get >/dev/null 2>&1; then
  log "installing Debian's chromium"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium; } \
    || log "apt-get failed: the browser suites cannot run"
else
  log "no apt-get: install Chromium by hand (or set CHROMIUM_PATH); the browser suites cannot run without it"
fi
[ -x "$chromium_path" ] && log "$("$chromium_path" --version 2>/dev/null | tail -1) at $chromium_path"
exit 0
