#!/usr/bin/env bash
# SIP call load: our UAS (bench/SipLoadUas) and Kamailio answering statelessly, each loaded by several
# SIPp UAC processes in the same run. Arguments go to bench/sip_load.py (--rates, --seconds, --clients).
set -euo pipefail
cd "$(dirname "$0")/.."
for p in sip-tester kamailio; do
    dpkg -s "$p" >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$p" >/dev/null
done
dotnet build -c Release bench/SipLoadUas -nologo -v:q >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec /usr/bin/python3 bench/sip_load.py "$@"
