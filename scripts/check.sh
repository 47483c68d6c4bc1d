#!/usr/bin/env bash
# The edit-test loop (`make check`): build the solution (Release, warnings as errors), run every unit test —
# in-process tests only — and type-check the drill runner (tsc, seconds). Left to `make test`: moto_server round
# trips, emulator tests that start bootstrap processes, the AOT publish and the tests of its output, the integration
# suite against the lab, the node, python and conformance suites, and the drills.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

# Tests that need something outside the test process, by namespace (each project's folder of that name).
not_unit=(
  "DrLambdas.Integration.Tests."              # AOT bootstraps through the emulator against a lab process
  "DrLambdas.Aws.Tests.Integration."          # round trips against moto_server
  "DrLambdas.LambdaEmulator.Tests.Aot."       # Native AOT publish of the echo fixture
  "DrLambdas.LambdaEmulator.Tests.Cli."       # the emulator's CLI as a child process
  "DrLambdas.LambdaEmulator.Tests.InvokeApi.InvokeApiTests."  # the echo bootstrap as a child process
)
filter=$(printf 'FullyQualifiedName!~%s&' "${not_unit[@]}")
filter=${filter%&}

printf '== dotnet build (Release, warnings as errors)\n'
dotnet build DrLambdas.sln -c Release -nologo -v quiet -clp:NoSummary
built=$(date +%s)

printf '\n== unit tests (every test project, minus the namespaces above)\n'
dotnet test DrLambdas.sln -c Release --no-build -nologo -v quiet --filter "$filter"

printf '\n== drill runner types (tsc --noEmit)\n'
if [ -x node_modules/.bin/tsc ]; then
  node_modules/.bin/tsc --noEmit -p tsconfig.json
else
  printf 'skipped: no node_modules (run npm ci)\n'
fi

now=$(date +%s)
printf '\ncheck passed in %ss (build %ss, tests %ss)\n' "$(( now - started ))" "$(( built - started ))" "$(( now - built ))"
