#!/usr/bin/env bash
# What a drill and `make lab` need built: node_modules, the DR lab, the local Lambda emulator and the three
# functions as Native AOT bootstraps (republished only when a source under src/ changed since their last publish).
# DRILL_SKIP_BUILD=1 reuses whatever was built before. Sourced by scripts/drill.sh and scripts/lab.sh, which set
# `functions` and `rid`; all output goes to stderr.
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

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

# The drill deploys template.yaml: the SAM transform is aws-sam-translator's (tools/stack/translate.py).
if ! python3 -c 'import samtranslator' 2>/dev/null; then
  echo "${0##*/}: python3 with aws-sam-translator is needed to deploy template.yaml (pip install aws-sam-translator)" >&2
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

