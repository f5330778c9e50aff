#!/usr/bin/env bash
# pkgconfig_smoke.sh CC PKG_CONFIG PKGCONFIG_DIR SOURCE WORK_DIR
#
# Builds a small C program the way a user of the installed library would, with nothing but
# `pkg-config --cflags --libs voipcore`, then runs it without any LD_LIBRARY_PATH help: the
# .pc file alone must be enough to compile, link and find the library at run time.
set -euo pipefail

if [ $# -ne 5 ]; then
    echo "usage: $0 CC PKG_CONFIG PKGCONFIG_DIR SOURCE WORK_DIR" >&2
    exit 2
fi
cc=$1 pkg_config=$2 pc_dir=$3 source=$4 work=$5

export PKG_CONFIG_PATH=$pc_dir
unset PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR LD_LIBRARY_PATH

"$pkg_config" --exists --print-errors voipcore
cflags=$("$pkg_config" --cflags voipcore)
libs=$("$pkg_config" --libs voipcore)
module_version=$("$pkg_config" --modversion voipcore)

mkdir -p "$work"
program="$work/pkgconfig_smoke"
echo "+ $cc -std=c11 -Wall -Wextra -Werror -pedantic $cflags $source $libs"
# Word splitting of the flags is intended: they are command-line options.
# shellcheck disable=SC2086
"$cc" -std=c11 -Wall -Wextra -Werror -pedantic $cflags -o "$program" "$source" $libs

library_version=$("$program")
if [ "$library_version" != "$module_version" ]; then
    echo "FAIL: voipcore.pc says version $module_version, the library says $library_version"
    exit 1
fi
echo "OK: built and ran against libvoipcore $library_version through pkg-config"
