#!/usr/bin/env bash
# Cold-start benchmark of the three real functions against the local DR lab, so every invocation does its
# real AWS calls (SigV4-signed, over HTTP) instead of failing fast on a missing endpoint.
#
#   benchmarks/coldstart-lab.sh                               # all three functions, 20 interleaved runs each
#   benchmarks/coldstart-lab.sh --runs 30 --function DnsUpdater
#
# Builds and starts tools/DrLab (--profile fast), writes its `env` object to artifacts/benchmarks/lab.env,
# runs benchmarks/coldstart.sh for each function with its read-only event (events/, or benchmarks/events/ for DnsUpdater), and stops
# the lab (by its PID) when done, also on failure. Reports: artifacts/benchmarks/coldstart-<Name>.{md,json}.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

runs=20
warm=5
functions=()
fail() { echo "coldstart-lab: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) [[ $# -ge 2 ]] || fail "--runs needs a value"; runs="$2"; shift 2 ;;
    --warm) [[ $# -ge 2 ]] || fail "--warm needs a value"; warm="$2"; shift 2 ;;
    --function) [[ $# -ge 2 ]] || fail "--function needs a value"; functions+=("$2"); shift 2 ;;
    -h|--help) awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; exit 0 ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$runs" =~ ^[0-9]+$ && "$runs" -ge 20 ]] || fail "--runs must be at least 20"
[[ "$warm" =~ ^[0-9]+$ && "$warm" -ge 1 ]] || fail "--warm must be at least 1"
[[ ${#functions[@]} -gt 0 ]] || functions=(HealthValidator AuroraPromoter DnsUpdater)

# The event each function is benchmarked with: read-only operations valid in the lab world.
event_for() {
  case "$1" in
    HealthValidator) echo events/HealthValidator/assess-alarm.json ;;
    AuroraPromoter) echo events/AuroraPromoter/status.json ;;
    DnsUpdater) echo benchmarks/events/DnsUpdater/apply-current-weights.json ;;
    *) fail "no benchmark event for '$1' (HealthValidator, AuroraPromoter or DnsUpdater)" ;;
  esac
}
for name in "${functions[@]}"; do event_for "$name" >/dev/null; done

out="$root/artifacts/benchmarks"
mkdir -p "$out"
echo "== building the lab"
dotnet build tools/DrLab -c Release -nologo -v quiet

echo "== starting the lab"
: >"$out/lab.ready"
dotnet tools/DrLab/bin/Release/net10.0/DrLambdas.DrLab.dll --port 0 --profile fast \
  >"$out/lab.ready" 2>"$out/lab.log" &
lab_pid=$!
stop_lab() { kill "$lab_pid" 2>/dev/null && wait "$lab_pid" 2>/dev/null || true; }
trap stop_lab EXIT
for _ in $(seq 120); do
  [[ -s "$out/lab.ready" ]] && break
  kill -0 "$lab_pid" 2>/dev/null || fail "the lab exited; see $out/lab.log"
  sleep 0.5
done
[[ -s "$out/lab.ready" ]] || fail "the lab printed no ready line within 60 s; see $out/lab.log"
python3 -c '
import json, sys
ready = json.loads(open(sys.argv[1]).readline())
with open(sys.argv[2], "w") as env:
    env.writelines(f"{name}={value}\n" for name, value in sorted(ready["env"].items()))
print("   lab at", ready["baseUrl"], "profile", ready["profile"])
' "$out/lab.ready" "$out/lab.env"

for name in "${functions[@]}"; do
  echo "== $name"
  bash benchmarks/coldstart.sh --function "$name" --event "$(event_for "$name")" --env-file "$out/lab.env" \
    --runs "$runs" --warm "$warm"
done
