#!/usr/bin/env bash
# Builds the guest test programs (tests/guest/src/*.c, *.cpp) into small,
# stripped, static AArch64 binaries under tests/guest/bin/, then records
# qemu-aarch64's real output for every run listed in tests/guest/cases.json
# into tests/guest/expected/ (via tests/guest/record-expected.mjs, which also
# checks that each case gives identical results on two qemu runs).
#
# Needs the Debian cross toolchain (gcc-aarch64-linux-gnu, g++-aarch64-linux-gnu)
# and qemu-user. The outputs are committed, so `npm test` needs neither.
#
# Usage: bash tests/build-fixtures.sh [--no-record] [--runs N]
#   --no-record  only build the binaries
#   --runs N     qemu runs per case when recording (default 2, must all agree)
# Environment: CC, CXX (default aarch64-linux-gnu-gcc / -g++), QEMU_AARCH64.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
src="$here/guest/src"
out="$here/guest/bin"

CC="${CC:-aarch64-linux-gnu-gcc}"
CXX="${CXX:-aarch64-linux-gnu-g++}"

record=1
record_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-record) record=0 ;;
    --runs) record_args+=(--runs "$2"); shift ;;
    *) echo "build-fixtures.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

for tool in "$CC" "$CXX"; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "build-fixtures.sh: $tool not found (apt-get install gcc-aarch64-linux-gnu g++-aarch64-linux-gnu)" >&2
    exit 1
  }
done

# Common flags: static, stripped, unused sections dropped. No -march: plain
# ARMv8.0-A code (glibc itself still picks its string routines at run time
# from HWCAP). The build is reproducible: same sources, same bytes.
# (-static and -static-pie must not be combined: gcc then links a broken PIE.)
CFLAGS_COMMON=(-s -Wall -Wextra -fno-ident -Wl,--gc-sections -Wl,--build-id=none)
C_OPT=(-O2 -std=gnu11)
CXX_OPT=(-Os -std=gnu++17)

# Programs additionally built as static PIE (NAME.pie): exercise a
# position-independent load address and the self-relocation in glibc's start-up.
PIE_PROGRAMS=(hello args_env malloc)

# Extension programs (src/ext_*): built at -O3 for a newer CPU by the explicit
# rules below instead of the generic loop, so the compiler's auto-vectoriser
# and the NEON, crypto, CRC32, dot-product and FP16 instructions are exercised.
# ext_atomics is built twice: with LSE atomics inline (-march=armv8.1-a) and
# with LDXR/STXR loops (-march=armv8-a -mno-outline-atomics; the default
# outline atomics would pick LSE at run time from HWCAP_ATOMICS).
EXT_MARCH=(-O3 -march=armv8.2-a+crypto+dotprod+fp16)
EXT_PROGRAMS=(ext_vector ext_neon ext_crypto ext_crc ext_neon_cpp)

mkdir -p "$out"
rm -f "$out"/*

build() { # build NAME OUTPUT extra-flags...
  local name="$1" output="$2"
  shift 2
  if [ -f "$src/$name.c" ]; then
    "$CC" "${C_OPT[@]}" "${CFLAGS_COMMON[@]}" "$@" -o "$output" "$src/$name.c" -lm
  else
    "$CXX" "${CXX_OPT[@]}" "${CFLAGS_COMMON[@]}" "$@" -o "$output" "$src/$name.cpp"
  fi
}

count=0
for file in "$src"/*.c "$src"/*.cpp; do
  [ -e "$file" ] || continue
  base="$(basename "$file")"
  name="${base%.*}"
  case "$name" in ext_*) continue ;; esac
  build "$name" "$out/$name" -static -no-pie
  count=$((count + 1))
done
for name in "${PIE_PROGRAMS[@]}"; do
  build "$name" "$out/$name.pie" -static-pie -fPIE
  count=$((count + 1))
done
for name in "${EXT_PROGRAMS[@]}"; do
  build "$name" "$out/$name" -static -no-pie "${EXT_MARCH[@]}"
  count=$((count + 1))
done
build ext_atomics "$out/ext_atomics_lse" -static -no-pie -O3 -march=armv8.1-a
build ext_atomics "$out/ext_atomics_llsc" -static -no-pie -O3 -march=armv8-a -mno-outline-atomics
count=$((count + 2))

total=$(du -cb "$out"/* | tail -n 1 | cut -f1)
echo "built $count fixtures in tests/guest/bin ($((total / 1024)) KiB):"
(cd "$out" && ls -l | awk 'NR > 1 { printf "  %-20s %8d\n", $9, $5 }')

if [ "$record" = 1 ]; then
  cd "$root"
  node tests/guest/record-expected.mjs ${record_args[@]+"${record_args[@]}"}
fi
