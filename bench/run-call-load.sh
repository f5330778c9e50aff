#!/usr/bin/env bash
# Concurrent calls with media in one process (bench/CallLoad): both ends ours, PCMU, 20 ms, loopback.
# Defaults: 100..500 calls, results in bench/out/call-load.md. Arguments go to CallLoad (--calls, --rate,
# --settle, --window, --out), e.g. bench/run-call-load.sh --calls 100,200 for a quick check.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/CallLoad -nologo -v:q
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) before the run"
exec dotnet bench/CallLoad/bin/Release/net10.0/CallLoad.dll --out bench/out/call-load.md "$@"
