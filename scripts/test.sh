#!/usr/bin/env bash
# Runs every test of the solution in Release, after installing what is missing.
# Prints one closing line "tests: N passed, N failed, N skipped" and exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash scripts/setup.sh

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

status=0
dotnet test ModelDsl.sln -c Release --logger "trx" --results-directory "$results" "$@" || status=$?

# The CPU scan kernels pick Vector512, Vector256 or scalar code from the machine's instruction sets.
# Run their tests again with AVX-512 and then AVX2 switched off, so every path runs on any machine.
if [ "$#" -eq 0 ]; then
  for switches in "DOTNET_EnableAVX512=0" "DOTNET_EnableAVX2=0"; do
    name=$(tr -c 'A-Za-z0-9' '-' <<<"$switches")
    env $switches dotnet test tests/ModelDsl.Tests -c Release --no-build \
      --filter "FullyQualifiedName~CpuScan|FullyQualifiedName~LaneMath|FullyQualifiedName~LaneSum" \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=$?
  done
fi

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done

if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "scripts/test.sh: no test ran" >&2
  status=1
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
