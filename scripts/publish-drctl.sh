#!/usr/bin/env bash
# Publishes drctl (src/Drctl) as a Native AOT single binary.
#
#   scripts/publish-drctl.sh                       # linux-x64 and linux-arm64
#   scripts/publish-drctl.sh --rid linux-x64
#
# Output: artifacts/drctl/<rid>/drctl. Any trim or AOT warning fails the publish (the binary must behave as the
# tests' JIT build does). linux-arm64 is cross-compiled with clang and lld (apt-get install clang lld
# gcc-aarch64-linux-gnu libc6-dev-arm64-cross), as scripts/publish-functions.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

rids=()
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; exit "${1:-0}"; }
fail() { echo "publish-drctl: $*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rid) [[ $# -ge 2 ]] || fail "--rid needs a value"
      case "$2" in
        linux-x64|linux-arm64) rids+=("$2") ;;
        all) rids+=(linux-x64 linux-arm64) ;;
        *) fail "unsupported --rid '$2' (linux-x64, linux-arm64 or all)" ;;
      esac
      shift 2 ;;
    -h|--help) usage 0 ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
done
[[ ${#rids[@]} -gt 0 ]] || rids=(linux-x64 linux-arm64)

for rid in "${rids[@]}"; do
  extra=()
  if [[ "$rid" == linux-arm64 && "$(uname -m)" != aarch64 ]]; then
    for tool in clang ld.lld aarch64-linux-gnu-gcc; do
      command -v "$tool" >/dev/null 2>&1 || fail "linux-arm64 needs $tool: apt-get install -y clang lld gcc-aarch64-linux-gnu libc6-dev-arm64-cross"
    done
    extra=(-p:CppCompilerAndLinker=clang -p:LinkerFlavor=lld)
  fi
  publish_dir="$root/artifacts/publish/Drctl/$rid"
  log="$root/artifacts/publish/Drctl/$rid.log"
  mkdir -p "$(dirname "$log")"
  echo "== drctl ($rid)"
  if ! dotnet publish src/Drctl/Drctl.csproj -c Release -r "$rid" -p:PublishAot=true "${extra[@]}" -o "$publish_dir" -nologo -v minimal > "$log" 2>&1; then
    cat "$log" >&2
    fail "publish failed for $rid"
  fi
  if grep -E 'warning (IL|AOT|CS|CA)[0-9]+' "$log" >&2; then
    fail "the $rid publish has trim/AOT warnings (above)"
  fi
  destination="$root/artifacts/drctl/$rid"
  mkdir -p "$destination"
  cp "$publish_dir/drctl" "$destination/drctl"
  chmod 755 "$destination/drctl"
  printf '   %s  %s bytes\n' "$destination/drctl" "$(stat -c %s "$destination/drctl")"
done
