#!/usr/bin/env bash
# Ten GraphQL requests of 30 aliased sectorAnalytics each, all at once from ten loopback
# addresses, against the API over the seed data plus a synthetic 20,000-day price series
# (bench/attack/lib/long-series.sql). Prints each request's time, the total, and the server's peak RSS (VmHWM)
# and its RSS 5 s after the last answer. Loopback only; its own cluster under a temp folder.
#
#   bench/sector-analytics/run.sh [API_OUTPUT_DIR [--Setting=value ...]]
#
# API_OUTPUT_DIR holds DepinApi.dll (default: this worktree's Release build output); further
# arguments go to the API (e.g. --SectorAnalytics:CachedReports=0). Rate
# limiting is off (each request is charged 900 points, past an anonymous budget); every other
# setting is the default. Each request uses new alias names, so no response cache answers it.
# QUESTIONS=same (default) asks the same question under every alias, as the attack campaign did;
# QUESTIONS=distinct gives each alias of every request its own quarter (300 different questions).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
api_dir=${1:-$here/../../src/DepinApi/bin/Release/net10.0}
settings=("${@:2}")
work=$(mktemp -d /tmp/sector-analytics-bench.XXXXXX)
chmod 755 "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
pg_port=$(free_port)
pid=

start_api() {
  (cd "$api_dir" && exec dotnet DepinApi.dll --urls "http://127.0.0.1:$port" \
    --Database:Embedded:DataDirectory="$work/pg" --Database:Embedded:Port="$pg_port" \
    --Database:Embedded:Durable=false --RateLimiting:Enabled=false --Metrics:Urls=http://127.0.0.1:0 "${settings[@]}") >>"$work/api.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port/v1/projects" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the API did not start; see $work/api.log" >&2
  exit 1
}

stop_api() {
  if [ -n "$pid" ]; then kill -INT "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi
}
trap 'stop_api' EXIT

# First start: creates the cluster and imports seed-data. Then the synthetic version is added
# while the API is stopped (the cluster stops with it), and the API started afresh.
start_api
stop_api
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
su postgres -c "$pg_bin/pg_ctl -D '$work/pg' -o '-p $pg_port -k /tmp' -l '$work/pg/manual.log' -w start" >/dev/null
export PGPASSWORD=$(cat "$work/pg.password")
psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -d depin -U depin_owner -f "$here/../attack/lib/long-series.sql"
psql -q -h 127.0.0.1 -p "$pg_port" -d depin -U depin_owner -c 'VACUUM ANALYZE'
unset PGPASSWORD
su postgres -c "$pg_bin/pg_ctl -D '$work/pg' -w stop" >/dev/null
start_api

questions=${QUESTIONS:-same}
document() { # $1: alias tag, $2: request number (distinct quarters)
  local fields='' arguments=''
  for i in $(seq 0 29); do
    [ "$questions" = distinct ] && arguments="(quarter: \\\"$((2000 + ${2:-0} * 8 + i / 4))Q$((i % 4 + 1))\\\")"
    fields+="$1$i: sectorAnalytics$arguments { revenue { __typename } impliedPrices { __typename } revenueMultiples { __typename } } "
  done
  printf '{"query":"{ %s}"}' "$fields"
}

# One request alone first (it also warms up JIT and the connection pool).
curl -s -o "$work/alone.json" -w "one request alone: %{http_code} %{size_download} B %{time_total} s\n" -H 'Content-Type: application/json' --data "$(document w)" "http://127.0.0.1:$port/graphql"
rss_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$pid/status"; }
echo "RSS before: $(( $(rss_kb VmRSS) / 1024 )) MB"

start=$(date +%s.%N)
clients=()
for n in $(seq 1 10); do
  curl -s -o "$work/out$n.json" -w "request $n: %{http_code} %{size_download} B %{time_total} s\n" \
    --interface "127.0.0.$((n + 1))" -H 'Content-Type: application/json' \
    --data "$(document "r${n}_" "$n")" "http://127.0.0.1:$port/graphql" &
  clients+=($!)
done
wait "${clients[@]}"
end=$(date +%s.%N)
echo "10 requests: $(echo "$end - $start" | bc) s wall"
echo "answers with errors: $(grep -l '"errors"' "$work"/out*.json | wc -l) of 10"
echo "peak RSS (VmHWM): $(( $(rss_kb VmHWM) / 1024 )) MB"
sleep 5
echo "RSS 5 s later: $(( $(rss_kb VmRSS) / 1024 )) MB"
