#!/usr/bin/env bash
# The RTO presets benchmark (issue 14's targets): N realistic drills per preset, then the table of medians
# (serving, write and recovery-actions RTO beside their floors, orchestration overhead). Each run takes ~3-4 minutes.
#
#   benchmarks/rto-presets.sh                                # 3 runs of seed and fast, primary-region-outage
#   benchmarks/rto-presets.sh --runs 5 --presets fast --scenario primary-region-outage
#   benchmarks/rto-presets.sh --table-only                   # the table again from the runs already made
#
# Runs go to artifacts/benchmarks/rto-presets/<preset>/run-<i>/ (the drill's reports, its output, its exit code);
# the table to artifacts/benchmarks/rto-presets/table.md and stdout. A run whose --check-floors failed is kept and
# counted in the table's last column: the benchmark measures, it does not stop at the first miss.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
presets="seed fast"
scenario=primary-region-outage
directory=artifacts/benchmarks/rto-presets
table_only=0

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --presets) presets=${2:?--presets needs a list such as "seed fast"}; shift 2 ;;
    --scenario) scenario=${2:?--scenario needs a name}; shift 2 ;;
    --directory) directory=${2:?--directory needs a path}; shift 2 ;;
    --table-only) table_only=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) printf 'rto-presets.sh: unknown option %s\n' "$1" >&2; usage >&2; exit 2 ;;
  esac
done
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  printf 'rto-presets.sh: --runs must be a positive whole number, got %s\n' "$runs" >&2
  exit 2
fi
for preset in $presets; do
  if [[ ! -f "presets/$preset.json" ]]; then
    printf 'rto-presets.sh: no preset %s (presets/%s.json)\n' "$preset" "$preset" >&2
    exit 2
  fi
done

if [[ $table_only -eq 0 ]]; then
  # The first run builds what is stale (scripts/drill.sh); the others reuse it.
  skip_build=
  for preset in $presets; do
    rm -rf "${directory:?}/$preset"
    for ((i = 1; i <= runs; i++)); do
      out="$directory/$preset/run-$i"
      mkdir -p "$out"
      printf '== %s run %d/%d (%s, realistic)\n' "$preset" "$i" "$runs" "$scenario" >&2
      code=0
      DRILL_SKIP_BUILD=$skip_build bash scripts/drill.sh --profile realistic --preset "$preset" --scenario "$scenario" \
        --check-floors --quiet --artifacts "$out" > "$out/drill.out" 2>&1 || code=$?
      printf '%s\n' "$code" > "$out/exit-code"
      skip_build=1
      if [[ $code -ne 0 ]]; then
        printf '   exit code %d (see %s/drill.out)\n' "$code" "$out" >&2
      fi
    done
  done
fi

node tools/drill/preset-benchmark.mjs --directory "$directory" --scenario "$scenario" --presets "$presets"
