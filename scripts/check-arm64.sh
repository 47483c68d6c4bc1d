#!/usr/bin/env bash
# Cross-publishes the three functions and drctl for linux-arm64 (Graviton) and checks the functions' glibc needs, as CI's proof
# that the arm64 build works. Installs the cross toolchain from Debian's registry when it is missing; when it
# cannot be installed (no apt, no registry) the check is reported as skipped, not passed.
# Writes "<passed> <failed>" to the file named by $1 (0 0 when skipped).
set -uo pipefail
cd "$(dirname "$0")/.."
counts=${1:?usage: check-arm64.sh COUNTS_FILE}

have_toolchain() { command -v clang >/dev/null && command -v ld.lld >/dev/null && command -v aarch64-linux-gnu-gcc >/dev/null; }

if ! have_toolchain && command -v apt-get >/dev/null; then
  echo "installing the arm64 cross toolchain (clang lld gcc-aarch64-linux-gnu libc6-dev-arm64-cross)"
  sudo_cmd=""; [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo -n"
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 $sudo_cmd apt-get update -qq >/dev/null 2>&1
  timeout 600 $sudo_cmd apt-get install -y -qq --no-install-recommends \
    clang lld gcc-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu >/dev/null 2>&1
fi

if ! have_toolchain; then
  echo "SKIPPED: the linux-arm64 cross toolchain is not available on this machine"
  echo "0 0" > "$counts"
  exit 0
fi

passed=0 failed=0
for name in HealthValidator AuroraPromoter DnsUpdater; do
  if bash scripts/publish-functions.sh --rid linux-arm64 --function "$name"; then
    passed=$((passed + 1))
  else
    echo "FAILED: linux-arm64 publish of $name"
    failed=$((failed + 1))
  fi
done
if bash scripts/publish-drctl.sh --rid linux-arm64; then
  passed=$((passed + 1))
else
  echo "FAILED: linux-arm64 publish of drctl"
  failed=$((failed + 1))
fi
echo "$passed $failed" > "$counts"
[[ $failed -eq 0 ]]
