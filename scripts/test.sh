#!/usr/bin/env bash
# The whole test suite, from a clean clone: restore, build, every test runner, one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
status=0

step() { printf '\n== %s\n' "$*"; }
# A set-up step that fails stops the run; the summary line still closes it.
abort() { printf '\nset-up failed: %s\n0 passed, 1 failed\n' "$*"; exit 1; }

step "npm ci"
npm ci --no-audit --no-fund --loglevel=error || abort "npm ci"

step "dotnet build (Release, warnings as errors)"
dotnet build DrLambdas.sln -c Release -nologo -v minimal || abort "dotnet build"

step "publish the three functions (Native AOT, linux-x64)"
bash scripts/publish-functions.sh --rid linux-x64 || abort "Native AOT publish"

step "publish drctl (Native AOT, linux-x64, zero trim/AOT warnings)"
bash scripts/publish-drctl.sh --rid linux-x64 || abort "drctl Native AOT publish"

step "dotnet test"
dotnet test DrLambdas.sln -c Release --no-build -nologo --blame-hang-timeout 10m \
  --logger "trx" --results-directory "$results/dotnet" || status=1

mkdir -p "$results/node" "$results/python" "$results/other"

step "state machines (node --test)"
node --test --test-reporter=tap tests/statemachine/ > "$results/node/statemachine.tap" || status=1
tail -n 9 "$results/node/statemachine.tap"

step "drill runner and template deployment (node --test)"
node --test --test-reporter=tap tests/drill/ tests/stack/ > "$results/node/drill.tap" || status=1
tail -n 9 "$results/node/drill.tap"

step "drctl in a terminal (tmux; node --test)"
if ! command -v tmux >/dev/null && command -v apt-get >/dev/null; then
  sudo_cmd=""; [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo -n"
  timeout 300 $sudo_cmd apt-get update -qq >/dev/null 2>&1
  timeout 300 $sudo_cmd apt-get install -y -qq --no-install-recommends tmux >/dev/null 2>&1
fi
node --test --test-reporter=tap tests/drctl/ > "$results/node/drctl.tap" || status=1
tail -n 9 "$results/node/drctl.tap"

step "drill runner types (tsc --noEmit, checkJs: tools/drill, tools/stack)"
# One check; a failure counts each type error (at least one, should tsc fail before reporting any).
if npx --no-install tsc --noEmit -p tsconfig.json > "$results/other/tsc.log" 2>&1; then
  echo "1 0" > "$results/other/tsc.counts"
else
  errors=$(grep -c 'error TS' "$results/other/tsc.log")
  echo "0 $(( errors > 0 ? errors : 1 ))" > "$results/other/tsc.counts"
  status=1
fi
tail -n 20 "$results/other/tsc.log"; printf 'tsc: %s passed, %s failed\n' $(cat "$results/other/tsc.counts")

step "templates (cfn-lint, substitutions, IAM scan)"
python3 -m unittest discover -s tests/template -p 'test_*.py' 2> "$results/python/template.log" || status=1
tail -n 4 "$results/python/template.log"

step "lab conformance (boto3, awscli)"
python3 -m unittest discover -s tests/conformance -p 'test_*.py' 2> "$results/python/conformance.log" || status=1
tail -n 4 "$results/python/conformance.log"

step "drills: every scenario, fast profile (real ASL, real AOT functions, the lab)"
bash scripts/drill.sh --all --quiet --ci-counts "$results/other/drill.counts" || status=1

step "linux-arm64 cross-publish (zero warnings, glibc <= 2.34)"
bash scripts/check-arm64.sh "$results/other/arm64.counts" || status=1

step "summary"
python3 scripts/summarize_tests.py "$results" || status=1
exit $status
