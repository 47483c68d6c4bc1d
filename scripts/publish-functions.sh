#!/usr/bin/env bash
# Publishes the Lambda functions as Native AOT `bootstrap` executables for provided.al2023.
#
#   scripts/publish-functions.sh                          # all three functions, linux-x64 and linux-arm64
#   scripts/publish-functions.sh --rid linux-arm64 --function DnsUpdater
#   scripts/publish-functions.sh --project tests/fixtures/EchoFunction/EchoFunction.csproj --rid linux-x64
#   scripts/publish-functions.sh --function DnsUpdater --rid linux-x64 --into "$ARTIFACTS_DIR"   # SAM makefile build
#
# Output: artifacts/functions/<Name>/<rid>/bootstrap (only the executable; symbols, pdb and xml docs are left
# in the intermediate publish directory), or directly <DIR>/bootstrap with --into.
# linux-arm64 is cross-compiled with clang and lld (apt-get install clang lld gcc-aarch64-linux-gnu
# libc6-dev-arm64-cross). A bootstrap that needs a glibc newer than 2.34 (provided.al2023) is rejected.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

all_functions=(HealthValidator AuroraPromoter DnsUpdater)
max_glibc="2.34"
rids=()
projects=()
output_root="$root/artifacts/functions"
into=""

usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; exit "${1:-0}"; }
fail() { echo "publish-functions: $*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rid) [[ $# -ge 2 ]] || fail "--rid needs a value"
      case "$2" in
        linux-x64|linux-arm64) rids+=("$2") ;;
        all) rids+=(linux-x64 linux-arm64) ;;
        *) fail "unsupported --rid '$2' (linux-x64, linux-arm64 or all)" ;;
      esac
      shift 2 ;;
    --function) [[ $# -ge 2 ]] || fail "--function needs a value"
      [[ -f "src/$2/$2.csproj" ]] || fail "unknown function '$2' (expected src/$2/$2.csproj)"
      projects+=("src/$2/$2.csproj"); shift 2 ;;
    --project) [[ $# -ge 2 ]] || fail "--project needs a value"
      [[ -f "$2" ]] || fail "project not found: $2"
      projects+=("$2"); shift 2 ;;
    --output) [[ $# -ge 2 ]] || fail "--output needs a value"; output_root=$(realpath -m "$2"); shift 2 ;;
    --into) [[ $# -ge 2 ]] || fail "--into needs a value"; into=$(realpath -m "$2"); shift 2 ;;
    -h|--help) usage 0 ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
done

[[ ${#rids[@]} -gt 0 ]] || rids=(linux-x64 linux-arm64)
if [[ ${#projects[@]} -eq 0 ]]; then
  for name in "${all_functions[@]}"; do projects+=("src/$name/$name.csproj"); done
fi
if [[ -n "$into" && ( ${#projects[@]} -ne 1 || ${#rids[@]} -ne 1 ) ]]; then
  fail "--into takes exactly one --function (or --project) and one --rid"
fi

require_cross_toolchain() {
  local missing=()
  for tool in clang ld.lld aarch64-linux-gnu-gcc; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  [[ ${#missing[@]} -eq 0 ]] || fail "linux-arm64 needs ${missing[*]}: apt-get install -y clang lld gcc-aarch64-linux-gnu libc6-dev-arm64-cross"
}

objdump_for() {
  if [[ "$1" == linux-arm64 ]] && command -v aarch64-linux-gnu-objdump >/dev/null 2>&1; then
    echo aarch64-linux-gnu-objdump
  else
    echo objdump
  fi
}

check_glibc() {
  local bootstrap=$1 rid=$2 newest
  newest=$("$(objdump_for "$rid")" -T "$bootstrap" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
  [[ -n "$newest" ]] || fail "$bootstrap: no GLIBC symbols found (is it a native executable?)"
  if [[ "$(printf '%s\n%s\n' "$newest" "$max_glibc" | sort -V | tail -1)" != "$max_glibc" ]]; then
    fail "$bootstrap needs GLIBC_$newest; provided.al2023 has $max_glibc"
  fi
  echo "$newest"
}

for rid in "${rids[@]}"; do
  extra=()
  if [[ "$rid" == linux-arm64 && "$(uname -m)" != aarch64 ]]; then
    require_cross_toolchain
    extra=(-p:CppCompilerAndLinker=clang -p:LinkerFlavor=lld)
  fi
  for project in "${projects[@]}"; do
    name=$(basename "$(dirname "$project")")
    publish_dir="$root/artifacts/publish/$name/$rid"
    echo "== $name ($rid)"
    dotnet publish "$project" -c Release -r "$rid" -p:PublishAot=true "${extra[@]}" -o "$publish_dir" -nologo -v minimal
    destination=${into:-"$output_root/$name/$rid"}
    mkdir -p "$destination"
    cp "$publish_dir/bootstrap" "$destination/bootstrap"
    chmod 755 "$destination/bootstrap"
    glibc=$(check_glibc "$destination/bootstrap" "$rid")
    printf '   %s  %s bytes  needs GLIBC_%s\n' "$destination/bootstrap" "$(stat -c %s "$destination/bootstrap")" "$glibc"
  done
done
