#!/usr/bin/env bash
# run_fresh_processes.sh COUNT PROGRAM
#
# Runs PROGRAM COUNT times, each in a new process, and fails if any run fails. For races that
# can only happen once per process (first-time initialisation), repetition is the only lever.
set -uo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 COUNT PROGRAM" >&2
    exit 2
fi
count=$1 program=$2
failures=0
first_failure=""
for ((run = 1; run <= count; run++)); do
    output=$("$program" 2>&1)
    status=$?
    if [ $status -ne 0 ]; then
        failures=$((failures + 1))
        if [ -z "$first_failure" ]; then
            # 128+N is death by signal N (134 SIGABRT, 139 SIGSEGV).
            first_failure="run $run: exit status $status${output:+: $output}"
        fi
    fi
done
if [ $failures -ne 0 ]; then
    echo "FAIL: $failures of $count runs of $(basename "$program") failed; first: $first_failure"
    exit 1
fi
echo "OK: $count runs of $(basename "$program") passed"
