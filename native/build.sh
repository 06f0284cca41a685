#!/usr/bin/env bash
# Builds libskycut.so from this folder into the folder given as $1 (Maven passes
# target/classes/native/linux-x86_64, so the library is packaged into the jar), then checks that
# the compiler fused no multiply-add into the kernel (the decision must be unfused).
#   CC=clang native/build.sh /tmp/out      # any C11 compiler with GCC-style flags
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: native/build.sh OUTPUT_DIR}"

cc="${CC:-}"
if [ -z "$cc" ]; then
  for c in gcc cc clang; do
    if command -v "$c" >/dev/null 2>&1; then cc="$c"; break; fi
  done
fi
if [ -z "$cc" ] || ! command -v "$cc" >/dev/null 2>&1; then
  echo "skycut native build: no C compiler found (looked for \$CC, gcc, cc, clang)." >&2
  echo "  Install one (Debian/Ubuntu: apt-get install gcc) or build without the native kernel: mvn -P '!native-linux-x86_64' ..." >&2
  exit 1
fi

# Never -ffast-math; -ffp-contract=off keeps a*b + c as a multiply then an add.
flags=(-std=c11 -O3 -fPIC -ffp-contract=off -fno-fast-math -fvisibility=hidden -Wall -Wextra)
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

arch="$(uname -m)"
objs=()
if [ "$arch" = x86_64 ] || [ "$arch" = amd64 ]; then
  "$cc" "${flags[@]}" -DSKYCUT_HAVE_X86_PATHS -c "$here/skycut.c" -o "$tmp/skycut.o"
  "$cc" "${flags[@]}" -mavx2 -c "$here/cut_avx2.c" -o "$tmp/cut_avx2.o"
  "$cc" "${flags[@]}" -mavx512f -c "$here/cut_avx512.c" -o "$tmp/cut_avx512.o"
  "$cc" "${flags[@]}" -DSKYCUT_HAVE_X86_PATHS -c "$here/skycut_index.c" -o "$tmp/skycut_index.o"
  "$cc" "${flags[@]}" -c "$here/skycut_ellipse.c" -o "$tmp/skycut_ellipse.o"
  "$cc" "${flags[@]}" -c "$here/skycut_columns.c" -o "$tmp/skycut_columns.o"
  objs=("$tmp/skycut.o" "$tmp/skycut_index.o" "$tmp/skycut_ellipse.o" "$tmp/skycut_columns.o" "$tmp/cut_avx2.o" "$tmp/cut_avx512.o")
else
  "$cc" "${flags[@]}" -c "$here/skycut.c" -o "$tmp/skycut.o"
  "$cc" "${flags[@]}" -c "$here/skycut_index.c" -o "$tmp/skycut_index.o"
  "$cc" "${flags[@]}" -c "$here/skycut_ellipse.c" -o "$tmp/skycut_ellipse.o"
  "$cc" "${flags[@]}" -c "$here/skycut_columns.c" -o "$tmp/skycut_columns.o"
  objs=("$tmp/skycut.o" "$tmp/skycut_index.o" "$tmp/skycut_ellipse.o" "$tmp/skycut_columns.o")
fi
"$cc" -shared -o "$tmp/libskycut.so" "${objs[@]}" -lm

if command -v objdump >/dev/null 2>&1; then
  if objdump -d --no-show-raw-insn "$tmp/libskycut.so" | grep -Ei '\bv?f(n)?m(add|sub)[0-9a-z]*\b'; then
    echo "skycut native build: the compiler emitted fused multiply-add instructions (listed above);" >&2
    echo "  the decision must be unfused: keep -ffp-contract=off and never use the fmadd intrinsics." >&2
    exit 1
  fi
else
  echo "skycut native build: objdump not found, skipping the no-FMA check (install binutils)" >&2
fi
cp "$tmp/libskycut.so" "$out/libskycut.so"
echo "skycut native build: $out/libskycut.so ($("$cc" --version | head -1))"
