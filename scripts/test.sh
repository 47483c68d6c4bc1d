#!/usr/bin/env bash
# The whole test suite, from a clean clone: restore, build, every test runner, one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
status=0

step() { printf '\n== %s\n' "$*"; }

step "npm ci"
npm ci --no-audit --no-fund --loglevel=error || exit 1

step "dotnet build (Release, warnings as errors)"
dotnet build DrLambdas.sln -c Release -nologo -v minimal || exit 1

step "dotnet test"
dotnet test DrLambdas.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results/dotnet" || status=1

step "summary"
python3 scripts/summarize_tests.py "$results" || status=1
exit $status
