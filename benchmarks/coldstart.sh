#!/usr/bin/env bash
# Cold-start benchmark: Native AOT bootstrap versus a JIT (framework-dependent) build of the same function,
# both run through the local Lambda emulator.
#
#   benchmarks/coldstart.sh                                   # the echo fixture, 20 interleaved runs
#   benchmarks/coldstart.sh --function DnsUpdater --event events/DnsUpdater/apply.json --env-file lab.env
#   benchmarks/coldstart.sh --project path/to/Fn.csproj --runs 40 --warm 10
#
# Each run stops the function's process (a cold start), invokes once (cold: process start -> response, as
# measured by the emulator) and then --warm more times (warm: hand-off -> response). Variants alternate
# which goes first in each run. Reports median, p90 and the JIT/AOT ratio, the CPU time of the cold start,
# peak RSS (VmHWM), bootstrap and zip sizes, and the machine's load average; writes
# artifacts/benchmarks/coldstart-<name>.{md,json}. Not a test: nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

project=""
event=""
env_file=""
runs=20
warm=5
rid=linux-x64

fail() { echo "coldstart: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --function) [[ $# -ge 2 ]] || fail "--function needs a value"; project="src/$2/$2.csproj"; shift 2 ;;
    --project) [[ $# -ge 2 ]] || fail "--project needs a value"; project="$2"; shift 2 ;;
    --event) [[ $# -ge 2 ]] || fail "--event needs a value"; event=$(realpath "$2"); shift 2 ;;
    --env-file) [[ $# -ge 2 ]] || fail "--env-file needs a value"; env_file=$(realpath "$2"); shift 2 ;;
    --runs) [[ $# -ge 2 ]] || fail "--runs needs a value"; runs="$2"; shift 2 ;;
    --warm) [[ $# -ge 2 ]] || fail "--warm needs a value"; warm="$2"; shift 2 ;;
    -h|--help) awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; exit 0 ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
done
[[ -n "$project" ]] || project="tests/fixtures/EchoFunction/EchoFunction.csproj"
[[ -f "$project" ]] || fail "project not found: $project"
[[ "$runs" =~ ^[0-9]+$ && "$runs" -ge 20 ]] || fail "--runs must be at least 20"
[[ "$warm" =~ ^[0-9]+$ && "$warm" -ge 1 ]] || fail "--warm must be at least 1"
name=$(basename "$(dirname "$project")")
if [[ -z "$event" ]]; then
  [[ "$name" == EchoFunction ]] || fail "--event is required for $name (e.g. events/$name/<operation>.json)"
  event="$root/tests/fixtures/EchoFunction/events/echo.json"
fi

work="$root/artifacts/benchmarks/$name"
rm -rf "$work" && mkdir -p "$work"

echo "== building the emulator"
dotnet build tools/LambdaEmulator -c Release -nologo -v quiet
echo "== publishing $name: Native AOT ($rid)"
bash scripts/publish-functions.sh --project "$project" --rid "$rid" --into "$work/aot" >/dev/null
echo "== publishing $name: JIT, framework-dependent ($rid)"
dotnet publish "$project" -c Release -r "$rid" --self-contained false -p:PublishAot=false \
  -o "$work/jit" -nologo -v quiet

python3 benchmarks/coldstart.py \
  --name "$name" \
  --emulator "$root/tools/LambdaEmulator/bin/Release/net10.0/DrLambdas.LambdaEmulator.dll" \
  --aot "$work/aot/bootstrap" --jit "$work/jit/bootstrap" \
  --event "$event" ${env_file:+--env-file "$env_file"} \
  --runs "$runs" --warm "$warm" --rid "$rid" \
  --report "$root/artifacts/benchmarks/coldstart-$name"
