#!/usr/bin/env bash
# Real-programs tier, step 1: fetch the programs nobody in this repository wrote.
#
#   bash tests/real/setup.sh          # idempotent; a second run with nothing to do takes well under a second
#   bash tests/real/setup.sh --check  # only says whether a finished setup for these pins is there (exit 0 or 1)
#
# Puts everything under tests/real/.cache/ (git-ignored, never committed):
#   debs/      arm64 .deb files from Debian (apt-get download), kept so a re-extract needs no network
#   sysroot/   those .debs unpacked with dpkg-deb -x: busybox-static, lua5.4, python3.11-minimal, sqlite3,
#              coreutils, tar
#              and their shared libraries (glibc, readline, ...): the -L prefix for qemu-aarch64 and a64play
#   npm/       tarballs from the npm registry (npm pack) and their contents:
#              npm/esbuild/bin/esbuild    Go, statically linked
#              npm/biome/biome            Rust, aarch64-unknown-linux-musl, statically linked
#   versions.txt  what was actually installed (package and version), for the record
#
# Needs: qemu-aarch64 (qemu-user), apt-get with arm64 added as a foreign architecture and its package lists fetched
# (dpkg --add-architecture arm64 && apt-get update; .ci/run does both), dpkg-deb, npm, sha256sum,
# readelf (binutils or binutils-aarch64-linux-gnu). No root: apt-get download writes to the working directory.
# Fails with a message naming what could not be had.
#
# Versions are pinned. The npm registry keeps every version forever and the tarballs are checked against the
# sha256 recorded here. A Debian mirror keeps only the newest version of each bookworm package, so when a
# pinned .deb is gone (a point or security release replaced it), setup falls back to the version apt offers
# now and says so loudly; set A64PLAY_REAL_STRICT=1 to make that an error instead. Such a fallback cannot make
# a case pass or fail unnoticed: every case but the hand-written busybox ones compares a64play with qemu-aarch64
# running the very same files, and only a new busybox-static could change what the hand-written ones expect.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cache="${A64PLAY_REAL_CACHE:-$here/.cache}"

# package=version, architecture arm64. The closure is by NEEDED entries, not by apt's Depends (which drag in
# dpkg, tar, install-info...): verify_closure below checks that every library the programs load is here.
# libgcc-s1 has no NEEDED edge to it: glibc dlopens libgcc_s.so.1 for thread cancellation and backtraces.
DEB_PACKAGES=(
  "busybox-static=1:1.35.0-4+deb12u1+b1"
  "libc6=2.36-9+deb12u14"
  "libgcc-s1=12.2.0-14+deb12u1"
  "lua5.4=5.4.4-3+deb12u1"
  "libreadline8=8.2-1.3"
  "libtinfo6=6.4-4"
  "sqlite3=3.40.1-2+deb12u2"
  "libsqlite3-0=3.40.1-2+deb12u2"
  "zlib1g=1:1.2.13.dfsg-1"
  "python3.11-minimal=3.11.2-6+deb12u9"
  "libpython3.11-minimal=3.11.2-6+deb12u9"
  "libexpat1=2.5.0-1+deb12u5"
  "libssl3=3.0.22-1~deb12u2"
  "coreutils=9.1-1"
  "tar=1.34+dfsg-1.2+deb12u1"
  "libacl1=2.3.1-3"
  "libattr1=1:2.5.1-4"
  "libselinux1=3.4-1+b6"
  "libpcre2-8-0=10.42-1+deb12u2"
  "libgmp10=2:6.2.1+dfsg1-1.1"
)

# spec  directory-under-npm/  sha256-of-the-tarball
NPM_PACKAGES=(
  "@esbuild/linux-arm64@0.28.2 esbuild a96dbfa41d3ef5dbd1ef22b1c10d5187be9267e86093a870f06402a7ec931596"
  "@biomejs/cli-linux-arm64-musl@2.6.8 biome 14354aac59ae47d8e035dfdd138a9dc87a93581c4cf9689cb470143582362eb7"
)

# The dynamically linked programs whose library closure must be complete (paths inside the sysroot), plus
# every Python extension module shipped (they are dlopened).
DYNAMIC_PROGRAMS=(usr/bin/lua5.4 usr/bin/sqlite3 usr/bin/python3.11 bin/ls bin/tar)

die() {
  echo "tests/real/setup.sh: error: $*" >&2
  exit 1
}
note() { echo "tests/real/setup.sh: $*" >&2; }

# The key of a finished setup: the pins above. A finished setup with the same key has nothing to do.
key="$( (printf '%s\n' "${DEB_PACKAGES[@]}" "${NPM_PACKAGES[@]}" "${DYNAMIC_PROGRAMS[@]}"; echo "layout 2") | sha256sum | cut -d' ' -f1)"
if [ -f "$cache/.complete" ] && [ "$(cat "$cache/.complete")" = "$key" ]; then
  [ "${1:-}" = --check ] || note "up to date in $cache"
  exit 0
fi
if [ "${1:-}" = --check ]; then
  die "no finished setup for the current pins in $cache: run 'bash tests/real/setup.sh' (.ci/run does)"
fi

start=$(date +%s)

for tool in apt-get apt-cache dpkg dpkg-deb npm sha256sum tar; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (this setup needs a Debian machine with npm)"
done
QEMU=$(command -v qemu-aarch64 || true)
[ -n "$QEMU" ] || die "qemu-aarch64 is not installed (apt-get install qemu-user): the tier's reference, and setup runs the sysroot's python3.11 with it"
if command -v aarch64-linux-gnu-readelf >/dev/null 2>&1; then
  READELF=aarch64-linux-gnu-readelf
elif command -v readelf >/dev/null 2>&1; then
  READELF=readelf
else
  die "readelf is not installed (apt-get install binutils)"
fi

mkdir -p "$cache/debs" "$cache/npm"
rm -f "$cache/.complete"
versions_tmp="$cache/versions.txt.tmp"
: >"$versions_tmp"

# ---- Debian packages -------------------------------------------------------------------------------------
if ! dpkg --print-foreign-architectures | grep -qx arm64 && [ "$(dpkg --print-architecture)" != arm64 ]; then
  die "arm64 is not a dpkg architecture here: run 'dpkg --add-architecture arm64 && apt-get update' as root (.ci/run does)"
fi

apt_opts=()
# As root, apt-get download warns that it cannot drop to the _apt user for a directory _apt cannot write.
[ "$(id -u)" = 0 ] && apt_opts+=(-o APT::Sandbox::User=root)

# A cached .deb of that package and exact version, if any.
cached_deb() {
  local name=$1 version=$2 f
  for f in "$cache/debs/${name}"_*_arm64.deb; do
    [ -f "$f" ] || continue
    if [ "$(dpkg-deb -f "$f" Package)" = "$name" ] && [ "$(dpkg-deb -f "$f" Version)" = "$version" ]; then
      echo "$f"
      return 0
    fi
  done
  return 1
}

debs=()
for pin in "${DEB_PACKAGES[@]}"; do
  name=${pin%%=*}
  version=${pin#*=}
  if ! deb=$(cached_deb "$name" "$version"); then
    candidate=$(apt-cache policy "$name:arm64" 2>/dev/null | sed -n 's/^  Candidate: //p')
    if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then
      die "apt knows no arm64 package $name: run 'apt-get update' (with arm64 added: dpkg --add-architecture arm64)"
    fi
    if ! apt-cache madison "$name:arm64" 2>/dev/null | awk -F'|' '{gsub(/ /, "", $2); print $2}' | grep -qxF "$version"; then
      if [ "${A64PLAY_REAL_STRICT:-}" = 1 ]; then
        die "$name:arm64 $version (pinned) is not offered by the mirror any more (it offers $candidate); update the pin in tests/real/setup.sh"
      fi
      note "WARNING: $name:arm64 $version (pinned) is not offered by the mirror any more; using $candidate. Update the pin in tests/real/setup.sh."
      version=$candidate
    fi
    if ! deb=$(cached_deb "$name" "$version"); then
      note "downloading $name:arm64=$version"
      if ! (cd "$cache/debs" && apt-get "${apt_opts[@]}" download -q "$name:arm64=$version" >/dev/null); then
        die "apt-get download $name:arm64=$version failed (network? stale lists: run 'apt-get update')"
      fi
      deb=$(cached_deb "$name" "$version") || die "apt-get download $name:arm64=$version left no matching .deb in $cache/debs"
    fi
  fi
  debs+=("$deb")
  echo "deb $name $version" >>"$versions_tmp"
done

note "unpacking ${#debs[@]} packages into $cache/sysroot"
rm -rf "$cache/sysroot.tmp"
mkdir -p "$cache/sysroot.tmp"
for deb in "${debs[@]}"; do
  dpkg-deb -x "$deb" "$cache/sysroot.tmp" || die "dpkg-deb -x $deb failed (a damaged download? delete it and rerun)"
done

# Every NEEDED library of the programs, transitively, must be in the sysroot's library directories.
verify_closure() {
  local root=$1
  local -a queue=() missing=()
  local -A seen=()
  local p f lib dir found
  for p in "${DYNAMIC_PROGRAMS[@]}"; do
    [ -f "$root/$p" ] || die "$p is missing from the unpacked packages"
    queue+=("$root/$p")
  done
  for f in "$root"/usr/lib/python3.11/lib-dynload/*.so; do
    [ -f "$f" ] && queue+=("$f")
  done
  while [ ${#queue[@]} -gt 0 ]; do
    f=${queue[0]}
    queue=("${queue[@]:1}")
    while read -r lib; do
      [ -n "$lib" ] || continue
      [ -n "${seen[$lib]:-}" ] && continue
      seen[$lib]=1
      found=
      for dir in lib/aarch64-linux-gnu usr/lib/aarch64-linux-gnu lib usr/lib; do
        if [ -e "$root/$dir/$lib" ]; then
          found="$root/$dir/$lib"
          break
        fi
      done
      if [ -n "$found" ]; then
        queue+=("$(readlink -f "$found")")
      else
        missing+=("$lib (needed by ${f#"$root"/})")
      fi
    done < <("$READELF" -d "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p')
  done
  if [ ${#missing[@]} -gt 0 ]; then
    die "libraries missing from the sysroot (add the arm64 packages that ship them to DEB_PACKAGES): ${missing[*]}"
  fi
}
verify_closure "$cache/sysroot.tmp"
[ -x "$cache/sysroot.tmp/bin/busybox" ] || die "busybox-static did not unpack to bin/busybox"
rm -rf "$cache/sysroot"
mv "$cache/sysroot.tmp" "$cache/sysroot"

# Compile the Python standard library to __pycache__/*.pyc, as the package's postinst (py3compile) does on a
# real Debian machine; done under qemu-aarch64 by the sysroot's own python3.11 in its final place. Without
# it, every python case would compile re, collections, csv... from source (seconds each under a64play),
# and the first run of a case would leave .pyc files behind that later runs load instead.
note "compiling the Python standard library (qemu-aarch64 python3.11 -m compileall)"
"$QEMU" -L "$cache/sysroot" "$cache/sysroot/usr/bin/python3.11" -m compileall -q "$cache/sysroot/usr/lib/python3.11" >/dev/null ||
  die "python3.11 -m compileall failed under qemu-aarch64"

# ---- npm packages ----------------------------------------------------------------------------------------
for entry in "${NPM_PACKAGES[@]}"; do
  read -r spec dir sha <<<"$entry"
  tgz=
  for f in "$cache/npm"/*.tgz; do
    [ -f "$f" ] || continue
    if [ "$(sha256sum "$f" | cut -d' ' -f1)" = "$sha" ]; then
      tgz=$f
      break
    fi
  done
  if [ -z "$tgz" ]; then
    note "downloading $spec (npm pack)"
    packed=$(cd "$cache/npm" && npm pack --loglevel=error "$spec" 2>"$cache/npm/pack.err" | tail -n 1) ||
      die "npm pack $spec failed: $(grep -v 'npm warn' "$cache/npm/pack.err" | head -n 3)"
    tgz="$cache/npm/$packed"
    [ -f "$tgz" ] || die "npm pack $spec did not leave $tgz"
    got=$(sha256sum "$tgz" | cut -d' ' -f1)
    [ "$got" = "$sha" ] || die "$spec: tarball sha256 is $got, expected $sha"
  fi
  rm -rf "$cache/npm/$dir"
  mkdir -p "$cache/npm/$dir"
  tar -xzf "$tgz" -C "$cache/npm/$dir" --strip-components=1 || die "could not unpack $tgz"
  echo "npm $spec" >>"$versions_tmp"
done
rm -f "$cache/npm/pack.err"

# The two prebuilt binaries must be what this tier says they are: static aarch64 executables, and the Rust
# one built for musl (rustc's target triple is in the binary).
for bin in esbuild/bin/esbuild biome/biome; do
  f="$cache/npm/$bin"
  [ -f "$f" ] || die "npm/$bin is missing from its package"
  chmod +x "$f"
  hdr=$("$READELF" -h "$f")
  grep -q 'AArch64' <<<"$hdr" || die "npm/$bin is not an AArch64 ELF file"
  if "$READELF" -l "$f" | grep -q 'INTERP'; then die "npm/$bin is dynamically linked"; fi
  if command -v file >/dev/null 2>&1; then
    file -b "$f" | grep -q 'statically linked' || die "npm/$bin: file(1) says: $(file -b "$f")"
  fi
done
grep -qa 'aarch64-unknown-linux-musl' "$cache/npm/biome/biome" || die "npm/biome/biome is not a Rust aarch64-unknown-linux-musl build"

mv "$versions_tmp" "$cache/versions.txt"
echo "$key" >"$cache/.complete"
note "ready in $cache ($(($(date +%s) - start)) s)"
