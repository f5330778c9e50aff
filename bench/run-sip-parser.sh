#!/usr/bin/env bash
# Measures the SIP parser and its C peers in one session on this machine, then prints the ratios.
#   bench/run-sip-parser.sh [extra BenchmarkDotNet arguments]     (default job: --job short)
# Peers: baresip's libre (sip_msg_decode) and GNU oSIP (osip_message_parse), from Debian packages, built
# beside the managed benchmark from bench/peers/*.c. Output and artifacts go to bench/out/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
invite=bench/fuzz/corpus/sip/typical-invite.sip

need=()
command -v gcc >/dev/null || need+=(gcc libc6-dev)
dpkg -s libre-dev >/dev/null 2>&1 || need+=(libre-dev)
dpkg -s libosip2-dev >/dev/null 2>&1 || need+=(libosip2-dev)
if ((${#need[@]})); then
    echo "installing ${need[*]}" >&2
    apt-get install -y --no-install-recommends "${need[@]}" >/dev/null
fi

mkdir -p "$out/peers"
# re_types.h defines its own fixed-width types unless told that <inttypes.h> exists.
gcc -O2 -Wall -Wextra -DHAVE_INTTYPES_H -I/usr/include/re -o "$out/peers/libre-bench" bench/peers/peer_main.c bench/peers/peer_libre.c -lre
gcc -O2 -Wall -Wextra -o "$out/peers/osip-bench" bench/peers/peer_main.c bench/peers/peer_osip.c -losipparser2

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(uname -r)"
run_peers() {
    "$out/peers/libre-bench" "$invite" | tee -a "$out/peers.txt"
    "$out/peers/osip-bench" "$invite" | tee -a "$out/peers.txt"
}
: > "$out/peers.txt"
echo "== C peers (before the managed run)"
run_peers
echo "== libvoipcore (BenchmarkDotNet)"
args=("$@")
((${#args[@]})) || args=(--job short)
dotnet run -c Release --project bench/VoipCore.Bench -- --filter '*' --artifacts "$out/bdn" "${args[@]}" \
    | sed -n '/^| Method/,/^$/p'
echo "== C peers (after the managed run)"
run_peers

python3 - "$out" <<'PY'
import csv, glob, re, statistics, sys
out = sys.argv[1]
def ns(text):
    value, unit = text.replace(",", "").split()
    return float(value) * {"ns": 1, "us": 1e3, "μs": 1e3, "ms": 1e6}[unit]
ours = {}
for path in glob.glob(f"{out}/bdn/results/*SipParserBenchmarks-report.csv"):
    for row in csv.DictReader(open(path, encoding="utf-8")):
        ours[row["Method"].strip("'")] = ns(row["Median"])
peers = {}
for line in open(f"{out}/peers.txt"):
    name, _, median, *_ = line.split("\t")
    peers.setdefault(name, []).append(float(re.search(r"median (\d+)", median).group(1)))
print("== ratios (peer median / libvoipcore median; peers: median of their before/after runs)")
for method, our_ns in ours.items():
    if not method.startswith("INVITE"): continue
    for name, values in peers.items():
        peer_ns = statistics.median(values)
        print(f"{method}: {our_ns:.0f} ns vs {name} {peer_ns:.0f} ns -> {peer_ns / our_ns:.1f}x")
PY
