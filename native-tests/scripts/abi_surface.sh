#!/usr/bin/env bash
# abi_surface.sh NM CONTRACT_HEADER BUILT_HEADER LIBRARY
#
# The exported surface of libvoipcore is exactly the contract: every function declared with
# VC_API in include/voipcore.h is exported, and nothing else is, except the .NET runtime's
# DotNetRuntimeDebugHeader (debuggers look for it). Also checks that the header shipped next
# to the library (build/include) is the contract itself, not a stale copy.
set -euo pipefail

if [ $# -ne 4 ]; then
    echo "usage: $0 NM CONTRACT_HEADER BUILT_HEADER LIBRARY" >&2
    exit 2
fi
nm=$1 header=$2 built_header=$3 library=$4
status=0

if ! cmp -s "$header" "$built_header"; then
    echo "FAIL: $built_header differs from the contract $header (stale build?)"
    status=1
fi

# Declared functions: drop preprocessor lines and comments, cut the text into statements at
# ';', keep statements holding VC_API and take the identifier just before the first '('.
declared=$(
    sed -e '/^[[:space:]]*#/d' "$header" |
    tr '\n' ' ' |
    sed -e 's:/\*\([^*]\|\*[^/]\)*\*/: :g' |
    tr ';' '\n' |
    sed -n 's/^\(.*[^A-Za-z0-9_]\)\{0,1\}VC_API[[:space:]][^(]*[^A-Za-z0-9_]\([A-Za-z_][A-Za-z0-9_]*\)[[:space:]]*(.*/\2/p' |
    sort -u
)
if [ -z "$declared" ]; then
    echo "FAIL: found no VC_API declarations in $header"
    exit 1
fi

# Exported symbols: "value type name@@VERSION". The bare version-definition symbol ("0 A V1.0",
# no '@') is linker bookkeeping, not an export.
nm_output=$("$nm" -D --defined-only "$library")
exported=$(awk '!($2 == "A" && $3 !~ /@/) { sub(/@.*/, "", $3); print $3 }' <<<"$nm_output" | sort -u)
allowed_extra="DotNetRuntimeDebugHeader"

missing=$(comm -23 <(echo "$declared") <(echo "$exported"))
unexpected=$(comm -13 <(echo "$declared") <(echo "$exported") | grep -vxF "$allowed_extra" || true)
not_code=$(awk '$3 ~ /^vc_/ && $2 != "T" { print $3 " (type " $2 ")" }' <<<"$nm_output")

if [ -n "$missing" ]; then
    echo "FAIL: declared in $(basename "$header") but not exported:"
    sed 's/^/  /' <<<"$missing"
    status=1
fi
if [ -n "$unexpected" ]; then
    echo "FAIL: exported but not part of the contract:"
    sed 's/^/  /' <<<"$unexpected"
    status=1
fi
if [ -n "$not_code" ]; then
    echo "FAIL: vc_ symbols exported as something other than code:"
    sed 's/^/  /' <<<"$not_code"
    status=1
fi

count=$(wc -l <<<"$declared")
if [ $status -eq 0 ]; then
    echo "OK: the $count declared functions are exported, and nothing else but $allowed_extra"
fi
exit $status
