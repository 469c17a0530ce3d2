#!/usr/bin/env bash
# Runs the ablation command (the main job) in Release, after installing what is missing.
# Every argument is passed to `ablate`; `scripts/ablate.sh --help` lists the options.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash scripts/setup.sh
dotnet build examples/ModelDsl.Ablate/ModelDsl.Ablate.csproj -c Release -nologo -v quiet
exec dotnet examples/ModelDsl.Ablate/bin/Release/net10.0/ablate.dll "$@"
