#!/usr/bin/env bash
# Runs the ablation command (the main job) in Release, after installing what is missing.
# Every argument is passed to `ablate`; `scripts/ablate.sh --help` lists the options.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash scripts/setup.sh
# The build's own summary is noise before the command's output, so it is shown only on failure.
if ! build_log=$(dotnet build examples/ModelDsl.Ablate/ModelDsl.Ablate.csproj -c Release -nologo -v quiet 2>&1); then
  printf '%s\n' "$build_log" >&2
  echo "ablate.sh: the build failed; see the messages above." >&2
  exit 1
fi
exec dotnet examples/ModelDsl.Ablate/bin/Release/net10.0/ablate.dll "$@"
