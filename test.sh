#!/usr/bin/env bash
# Checks the formatting (dotnet format), then runs every test: the .NET suites (against a private PostgreSQL cluster unless DEPIN_TEST_PG is set)
# and the Node-based checks (differential GraphQL tests, HTTP audits) when their folders exist.
# Ends with one summary line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
status=0
format_failed=0

# The tree must be as `dotnet format` leaves it (.editorconfig): whitespace, style and analyzer rules at warning.
# Checked first, so a formatting slip is reported even when tests fail; the tests still run.
echo "== dotnet format --verify-no-changes"
format_log=$(mktemp)
if ! dotnet format DepinApi.sln --verify-no-changes >"$format_log" 2>&1; then
  echo "dotnet format would change these files (run: dotnet format DepinApi.sln):"
  grep -oE '^[^ (]+\.cs' "$format_log" | sed "s|^$PWD/||" | sort -u | sed 's/^/  /'
  grep -vE '^[^ (]+\.cs\(' "$format_log" | head -20
  format_failed=1
  status=1
fi
rm -f "$format_log"

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
failed=$((failed + format_failed))
rm -f "$log"
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
