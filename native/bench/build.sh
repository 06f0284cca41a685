#!/usr/bin/env bash
# Builds the on-demand benchmarks (never run by Maven): /tmp/skycut-peak (the hand-tuned
# reference, peak.c) and /tmp/skycut-kernel-bench (the library's kernel, kernel.c).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cc="${CC:-gcc}"
flags=(-std=c11 -O3 -ffp-contract=off -fno-fast-math -Wall -Wextra ${EXTRA:-})
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$cc" "${flags[@]}" -pthread -o /tmp/skycut-peak "$here/peak.c"
"$cc" "${flags[@]}" -DSKYCUT_HAVE_X86_PATHS -c "$here/../skycut.c" -o "$tmp/skycut.o"
"$cc" "${flags[@]}" -mavx2 -c "$here/../cut_avx2.c" -o "$tmp/cut_avx2.o"
"$cc" "${flags[@]}" -mavx512f -c "$here/../cut_avx512.c" -o "$tmp/cut_avx512.o"
"$cc" "${flags[@]}" -o /tmp/skycut-kernel-bench "$here/kernel.c" "$tmp"/*.o -lm
echo "built /tmp/skycut-peak /tmp/skycut-kernel-bench"
