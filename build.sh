#!/usr/bin/env bash
# libvoipcore build driver: ./build.sh [build|demo|test|bench|clean]
# Installs what it needs on a fresh Debian machine (apt, npm, NuGet), idempotently and quietly.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT="$ROOT/build"
LIB="$OUT/lib"
PY=/usr/bin/python3
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the build and the tests use; each is checked and installed only when missing.
APT_PACKAGES=(g++ cmake make pkg-config libgtest-dev valgrind python3 python3-pytest nodejs npm binutils openssl
    sip-tester kamailio kamailio-tls-modules
    libopus0 libopus-dev libspandsp2 baresip-core sox espeak-ng python3-numpy)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'build.sh: error: %s\n' "$*" >&2; exit 1; }

ensure_apt() {
    local missing=()
    for p in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    # node and npm may come from outside Debian (nodesource): accept working commands.
    local still=()
    for p in "${missing[@]}"; do
        case "$p" in
            nodejs) command -v node >/dev/null || still+=("$p") ;;
            npm) command -v npm >/dev/null || still+=("$p") ;;
            *) still+=("$p") ;;
        esac
    done
    [ ${#still[@]} -eq 0 ] && return 0
    say "installing Debian packages: ${still[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    command -v apt-get >/dev/null || die "apt-get not found; install by hand: ${still[*]}"
    $sudo apt-get update -qq >/dev/null || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${still[@]}" >/dev/null \
        || die "apt-get install failed for: ${still[*]}"
}

ensure_npm() {
    local dir
    for dir in bindings/node tests/interop/jssip; do
        [ -d "$ROOT/$dir/node_modules" ] && continue
        say "installing npm packages in $dir"
        (cd "$ROOT/$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed in $dir"
    done
}

ensure_dotnet() {
    command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is not on PATH"
}

build_library() {
    ensure_dotnet
    say "publishing libvoipcore (Native AOT)"
    local stage="$OUT/obj/publish"
    # -warnaserror keeps IL2xxx/IL3xxx (trim/AOT) warnings fatal at the ILC stage too.
    dotnet publish "$ROOT/src/VoipCore.Native/VoipCore.Native.csproj" -c Release -o "$stage" \
        -nologo -clp:NoSummary -v:q -warnaserror >"$OUT/publish.log" 2>&1 \
        || { cat "$OUT/publish.log"; die "dotnet publish failed"; }
    if grep -E 'warning (IL[23][0-9]{3})' "$OUT/publish.log"; then
        die "trim/AOT warnings found (treated as errors)"
    fi
    mkdir -p "$LIB" "$OUT/include" "$LIB/pkgconfig" "$LIB/cmake/voipcore"
    cp "$stage/libvoipcore.so" "$LIB/libvoipcore.so.0"
    # Symbols for debuggers and valgrind, found through the library's .gnu_debuglink.
    cp "$stage/libvoipcore.so.dbg" "$LIB/libvoipcore.so.dbg"
    ln -sf libvoipcore.so.0 "$LIB/libvoipcore.so"
    cp "$ROOT/include/voipcore.h" "$OUT/include/"
    local version
    version=$(sed -n 's/^#define VC_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\)$/\2/p' "$ROOT/include/voipcore.h" | paste -sd.)
    sed "s/@VERSION@/$version/" "$ROOT/packaging/voipcore.pc.in" >"$LIB/pkgconfig/voipcore.pc"
    cp "$ROOT/packaging/voipcoreConfig.cmake" "$LIB/cmake/voipcore/"
    sed "s/@VERSION@/$version/" "$ROOT/packaging/voipcoreConfigVersion.cmake.in" >"$LIB/cmake/voipcore/voipcoreConfigVersion.cmake"
}

build_native() {
    say "building C examples and native tests (CMake)"
    cmake -S "$ROOT" -B "$OUT/cmake" -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$OUT/cmake.log" 2>&1 \
        || { cat "$OUT/cmake.log"; die "cmake configure failed"; }
    cmake --build "$OUT/cmake" -j"$(nproc)" >>"$OUT/cmake.log" 2>&1 \
        || { cat "$OUT/cmake.log"; die "cmake build failed"; }
}

do_build() {
    mkdir -p "$OUT"
    ensure_apt
    build_library
    build_native
    say "built: $LIB/libvoipcore.so.0 ($(du -k "$LIB/libvoipcore.so.0" | cut -f1) KiB), $OUT/include/voipcore.h, $LIB/pkgconfig/voipcore.pc, $LIB/cmake/voipcore"
}

do_demo() {
    do_build
    say "demo"
    local dir="$OUT/demo"
    mkdir -p "$dir"
    # The speech alice plays: made here, so nothing binary lives in the repository.
    espeak-ng -v en-us -s 150 -w "$dir/speech.wav" \
        "Hello Bob, this is Alice, calling you through lib voip core. The quick brown fox jumps over the lazy dog. Goodbye." \
        || die "espeak-ng could not make the demo's speech"
    "$OUT/bin/vcdemo" "$dir/speech.wav" "$dir/bob-heard.wav"
    say "what bob heard: $dir/bob-heard.wav"
}

do_test() {
    do_build
    ensure_npm
    local only="${1:-all}"
    if [ "$only" = all ] || [ "$only" = dotnet ]; then
        say "xunit (tests/VoipCore.Tests)"
        dotnet test "$ROOT/tests/VoipCore.Tests/VoipCore.Tests.csproj" -nologo -v:q -clp:NoSummary
    fi
    if [ "$only" = all ] || [ "$only" = native ]; then
        say "GoogleTest through CTest, under valgrind memcheck"
        (cd "$OUT/cmake" && ctest --output-on-failure -j2)
    fi
    if [ "$only" = all ] || [ "$only" = python ]; then
        say "Python binding (pytest)"
        (cd "$ROOT/bindings/python" && $PY -m pytest -q -p no:cacheprovider tests)
    fi
    if [ "$only" = all ] || [ "$only" = node ]; then
        say "Node binding (node --test)"
        (cd "$ROOT/bindings/node" && node --test test/)
    fi
    if [ "$only" = all ] || [ "$only" = interop ]; then
        say "interop with real peers: SIPp, Kamailio, JsSIP (pytest)"
        (cd "$ROOT/tests/interop" && $PY -m pytest -q -p no:cacheprovider .)
    fi
    say "all tests passed"
}

do_bench() {
    do_build
    say "SIP parser micro benchmarks (BenchmarkDotNet) beside libre and oSIP"
    "$ROOT/bench/run-sip-parser.sh"
    say "SIP parser fuzzing (AFL++ with SharpFuzz), ${FUZZ_SECONDS:-60} s"
    "$ROOT/bench/run-fuzz.sh" "${FUZZ_SECONDS:-60}" sip
    say "SIP call load: our UAS and stateless Kamailio under several SIPp clients"
    "$ROOT/bench/run-sip-load.sh"
    say "codec cost per 20 ms frame (BenchmarkDotNet) beside libopus called from C"
    "$ROOT/bench/run-codecs.sh"
    say "concurrent calls with media in one process, 100 to 500"
    "$ROOT/bench/run-call-load.sh"
}

do_clean() {
    rm -rf "$OUT"
    find "$ROOT/src" "$ROOT/tests" "$ROOT/bench" -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} + 2>/dev/null || true
}

case "${1:-build}" in
    build) do_build ;;
    demo) do_demo ;;
    test) shift; do_test "$@" ;;
    bench) do_bench ;;
    clean) do_clean ;;
    *) die "unknown command '$1'; use build, demo, test, bench or clean" ;;
esac
