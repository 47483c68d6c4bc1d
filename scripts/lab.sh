#!/usr/bin/env bash
# `make lab` (ARGS="..." for options): the DR lab with the stack deployed, for drctl and the AWS CLI. Builds what it
# needs (as scripts/drill.sh does), starts the lab, deploys template.yaml as a drill does, hosts the functions in the
# Lambda emulator and runs every execution started through the lab's StartExecution with the real state machine.
# Prints `export NAME=value` lines (the operator's credentials, the recovery Region, the stack's DR_* variables and
# state machine ARNs, DR_LAB_CONTROL_URL), then `lab ready`; runs until Ctrl-C / SIGTERM, stopping every child.
#
#   scripts/lab.sh                                   # fast profile (the lab's world runs 30x faster)
#   scripts/lab.sh --profile realistic --env-file /tmp/lab.env
#   source /tmp/lab.env && drctl status              # from another terminal
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
    -h|--help) exec node tools/drill/lab.mjs "$@" ;;
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
# node reads --env-file wherever it appears on its command line: lab.mjs calls the option --write-env.
for arg in "$@"; do
  case "$arg" in
    --env-file) args+=(--write-env) ;;
    --env-file=*) args+=("--write-env=${arg#--env-file=}") ;;
    *) args+=("$arg") ;;
  esac
done
exec node tools/drill/lab.mjs "${args[@]}"
