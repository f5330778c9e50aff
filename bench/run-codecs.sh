#!/usr/bin/env bash
# Codec cost per 20 ms frame: our G.711, G.722 and Opus (libopus through LibraryImport) under BenchmarkDotNet,
# with libopus called directly from C (bench/peers/opus_frame_cost.c) before and after, in the same session.
#   bench/run-codecs.sh [extra BenchmarkDotNet arguments]     (default job: --job short)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
dpkg -s libopus-dev >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends libopus-dev >/dev/null
mkdir -p "$out/peers"
gcc -O2 -Wall -Wextra -o "$out/peers/opus-frame-cost" bench/peers/opus_frame_cost.c $(pkg-config --cflags --libs opus) -lm
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "libopus from C, before:"
"$out/peers/opus-frame-cost" 2000 15
dotnet run -c Release --project bench/VoipCore.Bench -- --filter '*CodecBenchmarks*' --job short \
    --artifacts "$out/codecs" "$@" | grep -E '^\|' || true
echo "libopus from C, after:"
"$out/peers/opus-frame-cost" 2000 15
