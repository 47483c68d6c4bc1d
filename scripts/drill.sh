#!/usr/bin/env bash
# `make drill` (ARGS="..." for options): builds what a drill needs — the DR lab, the local Lambda emulator and the
# three functions as Native AOT bootstraps — then runs tools/drill. Without options it runs the default scenario
# (primary Region outage) on the fast profile.
#
#   scripts/drill.sh                                   # the default drill
#   scripts/drill.sh --profile realistic               # what to expect on AWS (takes minutes)
#   scripts/drill.sh --scenario partition --scenario throttling
#   scripts/drill.sh --all --ci-counts artifacts/test-results/other/drill.counts
#   scripts/drill.sh --help                            # every option
#
# Functions are republished only when a source under src/ changed since their last publish.
# DRILL_SKIP_BUILD=1 reuses whatever was built before.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
functions=(HealthValidator AuroraPromoter DnsUpdater)
case "$(uname -m)" in
  aarch64|arm64) rid=linux-arm64 ;;
  *) rid=linux-x64 ;;
esac

step() { printf '== %s\n' "$*" >&2; }

# dotnet build, showing its output only when it fails.
build() {
  local log
  log=$(mktemp)
  if ! dotnet build "$1" -c Release -nologo -v quiet > "$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
}

# Whether a function's bootstrap is missing or older than any source it is built from.
stale() {
  local bootstrap=$1
  [[ ! -x "$bootstrap" ]] && return 0
  [[ -n "$(find src Directory.Build.props Directory.Packages.props -type f -newer "$bootstrap" \
      -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]]
}

for arg in "$@"; do
  case "$arg" in
    -h|--help|--list) exec node tools/drill/drill.mjs "$@" ;;
  esac
done

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The drill deploys template.yaml: the SAM transform is aws-sam-translator's (tools/stack/translate.py).
if ! python3 -c 'import samtranslator' 2>/dev/null; then
  echo "drill: python3 with aws-sam-translator is needed to deploy template.yaml (pip install aws-sam-translator)" >&2
  exit 2
fi

if [[ "${DRILL_SKIP_BUILD:-0}" != 1 ]]; then
  step "building the DR lab and the Lambda emulator"
  build tools/DrLab/DrLab.csproj
  build tools/LambdaEmulator/LambdaEmulator.csproj
  for name in "${functions[@]}"; do
    if stale "artifacts/functions/$name/$rid/bootstrap"; then
      step "publishing $name (Native AOT, $rid)"
      bash scripts/publish-functions.sh --rid "$rid" --function "$name" >&2
    fi
  done
fi

args=(
  --lab-dll "$root/tools/DrLab/bin/Release/net10.0/DrLambdas.DrLab.dll"
  --emulator-dll "$root/tools/LambdaEmulator/bin/Release/net10.0/DrLambdas.LambdaEmulator.dll"
)
for name in "${functions[@]}"; do
  args+=(--function "$name=$root/artifacts/functions/$name/$rid/bootstrap")
done
exec node tools/drill/drill.mjs "${args[@]}" "$@"
