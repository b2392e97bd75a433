#!/usr/bin/env bash
# Runs every test: the .NET suites (against a private PostgreSQL cluster unless DEPIN_TEST_PG is set)
# and the Node-based checks (differential GraphQL tests, HTTP audits) when their folders exist.
# Ends with one summary line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
status=0

echo "== dotnet test"
dotnet test DepinApi.sln -c Release --nologo 2>&1 | tee "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

if [ -f package.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund --loglevel=error || status=1
  for script in $(node -e 'const s=require("./package.json").scripts||{};console.log(Object.keys(s).filter(k=>k.startsWith("test:")).join(" "))'); do
    echo "== npm run $script"
    npm run --silent "$script" 2>&1 | tee -a "$log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  done
fi

# dotnet prints "Failed: F, Passed: P, Skipped: S" per assembly; Node harnesses print "N passed, N failed".
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
passed=$((passed + $(grep -oE '^[0-9]+ passed, [0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}')))
failed=$((failed + $(grep -oE '^[0-9]+ passed, [0-9]+ failed' "$log" | awk '{s+=$3} END {print s+0}')))
rm -f "$log"
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
