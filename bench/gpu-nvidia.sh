#!/usr/bin/env bash
# On a machine with an NVIDIA GPU: the gpu parity tests, then the seed model's training throughput
# at batch 32 and 256 (tessera gpu, tessera cpu, TensorFlow.js cpu), printed as one table.
# Needs node_modules with gl built (.ci/install-gl.sh). Run: bench/gpu-nvidia.sh [steps]
#
# headless-gl renders through GLX. This starts an X server on the nvidia driver when one is
# installed; otherwise Xvfb, where glvnd would pick Mesa's llvmpipe (software) but NVIDIA's client
# GLX library, chosen by __GLX_VENDOR_LIBRARY_NAME, renders on the GPU (seen on an H200 with no
# Xorg). The table prints the renderer that ran: llvmpipe is never an NVIDIA claim.
set -uo pipefail
cd "$(dirname "$0")/.."
steps="${1:-10}"

nvidia-smi -L 2>/dev/null || echo "nvidia-smi: not found (no NVIDIA driver visible)"

renderer() { node -e "const c = require('gl')(1, 1); console.log(c ? c._getParameterDirect(c.RENDERER) : 'no GL context')" 2>&1 | tail -1; }

xpid=""
if [ -z "${DISPLAY:-}" ] && command -v Xorg >/dev/null 2>&1 && command -v nvidia-xconfig >/dev/null 2>&1; then
  busid=$(nvidia-xconfig --query-gpu-info 2>/dev/null | awk '/PCI BusID/ {print $4; exit}')
  if nvidia-xconfig -o /tmp/tessera-xorg.conf --allow-empty-initial-configuration --virtual=1024x768 ${busid:+--busid="$busid"} >/dev/null 2>&1; then
    Xorg :97 -config /tmp/tessera-xorg.conf -noreset -nolisten tcp >/tmp/tessera-xorg.log 2>&1 &
    xpid=$!
    sleep 3
    export DISPLAY=:97
  fi
fi
if [ -z "${DISPLAY:-}" ] && command -v Xvfb >/dev/null 2>&1; then
  Xvfb :96 -screen 0 1280x1024x24 +extension GLX -nolisten tcp >/tmp/tessera-xvfb.log 2>&1 &
  xpid=$!
  sleep 2
  export DISPLAY=:96
  if ldconfig -p | grep -q libGLX_nvidia && [[ "$(__GLX_VENDOR_LIBRARY_NAME=nvidia renderer)" == *NVIDIA* ]]; then
    export __GLX_VENDOR_LIBRARY_NAME=nvidia
  fi
fi
trap '[ -n "$xpid" ] && kill "$xpid" 2>/dev/null' EXIT
[ -n "${DISPLAY:-}" ] || { echo "no X display: install Xvfb (Debian: apt-get install -y xvfb)"; exit 1; }

echo "GL renderer: $(renderer)"

parity=$(npx vitest run test/gpu 2>&1)
parity_line=$(echo "$parity" | sed 's/\x1b\[[0-9;]*m//g' | grep -E '^ +Tests ' | tail -1 | sed 's/^ *//')
echo "gpu parity tests (relative error <= 1e-4 against cpu): ${parity_line:-did not run}"
echo "$parity" | sed 's/\x1b\[[0-9;]*m//g' | grep -E 'FAIL|skipped\]' | head -20

npx tsx bench/gpu-throughput.ts --batches 32,256 --steps "$steps"
