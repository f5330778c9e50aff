#!/usr/bin/env bash
# Fuzzes the SIP (or SDP) parser with AFL++ for a bounded time and fails if anything crashed or hung.
#   bench/run-fuzz.sh [seconds=60] [sip|sdp]
# How: SharpFuzz instruments a copy of VoipCore.dll for AFL's coverage map and bench/fuzz/VoipCore.Fuzz speaks
# AFL's forkserver protocol from inside one .NET process. Seeds: bench/fuzz/corpus/<target>/ (plus, for SIP, the
# RFC 4475 vectors of the tests). Work and findings go to bench/out/fuzz/<target>/ (ignored by git).
# A finding becomes a regression test by copying it to tests/VoipCore.Tests/Sip/FuzzRegressions/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
target=${2:-sip}
work=bench/out/fuzz/$target
tools=bench/out/tools

dpkg -s afl++ >/dev/null 2>&1 || apt-get install -y --no-install-recommends afl++ >/dev/null
[ -x "$tools/sharpfuzz" ] || dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null

# A fresh build each run: SharpFuzz rewrites the assembly in place and must not instrument it twice.
rm -rf "$work/bin"
dotnet build -c Release -o "$work/bin" bench/fuzz/VoipCore.Fuzz >/dev/null
"$tools/sharpfuzz" "$work/bin/VoipCore.dll"

rm -rf "$work/seeds" "$work/findings"
mkdir -p "$work/seeds"
cp bench/fuzz/corpus/"$target"/* "$work/seeds/"
[ "$target" = sip ] && cp tests/VoipCore.Tests/Sip/Torture/*.dat "$work/seeds/"

# The target is "dotnet", not an AFL-compiled binary; the harness itself reports coverage. A hang is an input
# that keeps one parse busy for 2 s (normal inputs take microseconds).
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
    afl-fuzz -V "$seconds" -t 2000 -m none -i "$work/seeds" -o "$work/findings" \
    -- dotnet "$work/bin/VoipCore.Fuzz.dll" "$target" > "$work/afl.log" 2>&1 || { tail -30 "$work/afl.log"; exit 1; }

stats=$work/findings/default/fuzzer_stats
grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg)' "$stats"
shopt -s nullglob
crashes=("$work"/findings/default/crashes/id:*)
hangs=("$work"/findings/default/hangs/id:*)
for input in "${crashes[@]}"; do
    echo "crash: $input"
    dotnet "$work/bin/VoipCore.Fuzz.dll" "$target" replay "$input" 2>&1 | grep -m3 -E 'Exception|at ' || true
done
for input in "${hangs[@]}"; do echo "hang: $input"; done
if ((${#crashes[@]} + ${#hangs[@]})); then
    echo "FAILED: ${#crashes[@]} crash(es), ${#hangs[@]} hang(s)"
    exit 1
fi
echo "no crash, no hang in ${seconds}s"
