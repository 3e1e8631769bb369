#!/usr/bin/env bash
# Builds the examples gallery: each public/examples/NAME.c (the sources live where
# the site serves them, so the page can link them) into a small static AArch64
# binary public/examples/NAME, and public/examples/index.json from examples/catalog.json
# (name, title, one-line description, default args and env; plus the binary's
# size and the source's file name).
#
# Needs Debian's cross compiler (apt-get install gcc-aarch64-linux-gnu). The
# outputs are committed, so neither `npm run build` nor the tests need it.
# The build is reproducible: the same sources and compiler give the same bytes
# (no build id, no .comment, no debug information).
#
# Usage: bash examples/build.sh   (or npm run examples)
# examples/examples.test.ts (part of npm test) runs every example under a64play
# and, where installed, under qemu-aarch64.
# Environment: CC (default aarch64-linux-gnu-gcc).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$root/public/examples"
CC="${CC:-aarch64-linux-gnu-gcc}"

command -v "$CC" >/dev/null 2>&1 || {
  echo "examples/build.sh: $CC not found (apt-get install gcc-aarch64-linux-gnu)" >&2
  exit 1
}

# -Os and the dropped sections keep each glibc program near 700 KB. The symbol table stays (no
# debug information is made): the playground's debugger names functions with it (main, …).
# No -march: plain Armv8.0-A code.
COMMON=(-Os -Wall -Wextra -std=gnu11 -fno-ident -ffunction-sections -fdata-sections
        -Wl,--gc-sections -Wl,--build-id=none)
# Programs written without the C library (their own _start and system calls).
FREESTANDING=(spin)

names=$(node -e 'for (const e of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))) console.log(e.name)' \
  "$here/catalog.json")

mkdir -p "$out"
for name in $names; do
  src="$out/$name.c"
  [ -f "$src" ] || { echo "examples/build.sh: $src missing" >&2; exit 1; }
  if [[ " ${FREESTANDING[*]} " == *" $name "* ]]; then
    # No libc, no start files; 4 KiB pages so the file is not padded to 64 KiB.
    "$CC" "${COMMON[@]}" -static -nostdlib -ffreestanding -fno-asynchronous-unwind-tables \
      -fno-stack-protector -Wl,-z,max-page-size=4096 -Wl,-z,noexecstack -o "$out/$name" "$src"
  else
    "$CC" "${COMMON[@]}" -static -no-pie -pthread -o "$out/$name" "$src" -lm
  fi
done

# index.json: the catalog in its order, with each binary's size and source file.
node -e '
  const fs = require("fs");
  const [catalog, out] = process.argv.slice(1);
  const examples = JSON.parse(fs.readFileSync(catalog, "utf8")).map((e) => ({
    ...e,
    file: e.name,
    source: e.name + ".c",
    size: fs.statSync(out + "/" + e.name).size,
  }));
  fs.writeFileSync(out + "/index.json", JSON.stringify({ examples }, null, 2) + "\n");
' "$here/catalog.json" "$out"

total=$(du -cb "$out"/* | tail -n 1 | cut -f1)
echo "built $(echo $names | wc -w) examples in public/examples ($((total / 1024)) KiB with sources and index):"
for name in $names; do
  printf '  %-12s %8d\n' "$name" "$(stat -c %s "$out/$name")"
done
