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

for arg in "$@"; do
  case "$arg" in
    -h|--help|--list) exec node tools/drill/drill.mjs "$@" ;;
  esac
done

source scripts/build-drill-parts.sh

args=(
  --lab-dll "$root/tools/DrLab/bin/Release/net10.0/DrLambdas.DrLab.dll"
  --emulator-dll "$root/tools/LambdaEmulator/bin/Release/net10.0/DrLambdas.LambdaEmulator.dll"
)
for name in "${functions[@]}"; do
  args+=(--function "$name=$root/artifacts/functions/$name/$rid/bootstrap")
done
exec node tools/drill/drill.mjs "${args[@]}" "$@"
