/*
 * The kernel, written once over a small vector vocabulary and compiled once per instruction
 * set (see cut_avx512.c, cut_avx2.c, skycut.c). The including file defines:
 *
 *   SUFFIX            name suffix of the generated functions (avx512, avx2, portable)
 *   W                 doubles per vector; KOBJ objects held in registers at once
 *   VD                the vector type; V_LOAD(p) (unaligned), V_SET1(x), V_MUL, V_ADD, V_MAX
 *   V_ANY_GT(a, t)    non-zero when some lane of a is > the same lane of t
 *   E_ACC, E_ZERO, E_OR_GT(acc, d, t), E_ANY(acc)   the "any d > t" accumulator (radius per
 *                     contaminant, where a running maximum cannot be used)
 *
 *   VM, VM_GT, VM_EQ, VM_LT, VM_AND, VM_OR, VM_ANY, V_BLEND, V_STORE   lane masks, blends and stores
 *                     for the nearest search (cut_nearest.h)
 *
 * and gets skycut_cut_SUFFIX, skycut_cut_each_SUFFIX and skycut_nearest_SUFFIX (signatures as in
 * skycut.h, less isa).
 *
 * Technique: KOBJ objects are broadcast into registers and a tile of contaminants streams past
 * them. With one radius, each object keeps a running maximum of its dot products and compares it
 * with cosMax once per block of contaminants: max is exact, so "max > cosMax" is exactly "some
 * dot > cosMax". With a radius per contaminant, each dot is compared with its own threshold
 * (never by subtraction, which would round). Every dot is (x*cx + y*cy) + z*cz, unfused.
 */
#include <math.h>
#include <stdint.h>

#define SK_CAT3_(a, b, c) a##_##b##_##c
#define SK_CAT3(a, b, c) SK_CAT3_(a, b, c)

/* Contaminants per tile: 1024 x 3 doubles = 24 KB, kept in L1 while the objects stream past. */
#ifndef TILE
#define TILE 1024
#endif
/* Contaminants between two checks of the accumulators (a multiple of 2 W). */
#define BLOCK (16 * W)

#define DOT(x, y, z, j) V_ADD(V_ADD(V_MUL(x, V_LOAD(cx + (j))), V_MUL(y, V_LOAD(cy + (j)))), V_MUL(z, V_LOAD(cz + (j))))

static inline int64_t SK_CAT3(min64, SUFFIX, x)(int64_t a, int64_t b) {
    return a < b ? a : b;
}
#define MIN64 SK_CAT3(min64, SUFFIX, x)

#ifdef SKYCUT_NO_PREFILTER /* for comparisons: the double kernel alone */
#undef FW
#endif

#ifdef FW
/* Float vectors per step of the pre-filter (unrolled), and floats between two checks of its maxima. */
#ifndef FU
#define FU 2
#endif
#ifndef FBLOCK
#define FBLOCK (64 * FW)
#endif
/* Contaminants per tile of the pre-filter: 2048 x 3 floats = 24 KB, in L1 (measured: 1024 loses
 * a few per cent to the per-group overhead, 4096 gains nothing). */
#ifndef FTILE
#define FTILE 2048
#endif

/*
 * The float pre-filter's threshold: a float at most cosMax - 1e-6. Why no hit is missed: for unit
 * vectors (|o|, |c| <= 1 + 1e-9, which SkyPoints guarantees), rounding the six coordinates to
 * float moves the dot product by at most (2u + u^2)(1 + 2e-9), and the float products and sums
 * by at most 3u/(1 - 3u) more, with u = 2^-24: in all below 3.0e-7; the double dot product is
 * within 3.4e-16 of the exact one. So a pair with double dot > cosMax has float dot > cosMax - 1e-6.
 * Subnormal products lose at most 2^-149 each. cosMax = +inf gives +inf (no candidate), -inf gives
 * -inf (every pair a candidate), NaN gives NaN (no candidate): each as the exact test decides.
 * With a radius per contaminant the filter takes d - t in float (t this threshold of the
 * contaminant's): a hit has d > t in the reals, and the float difference of two different floats
 * is never 0 and has their sign (subnormals are kept: no flush-to-zero without -ffast-math), so
 * d - t > 0; t = -inf gives +inf (a candidate), +inf gives -inf, NaN gives NaN, which the running
 * maximum ignores (PF_ACC).
 */
static inline float SK_CAT3(prefilter_threshold, SUFFIX, x)(double cosMax) {
    const double t = cosMax - 1e-6;
    float f = (float) t;
    if ((double) f > t) {
        f = nextafterf(f, -INFINITY);
    }
    return f;
}
#define prefilter_threshold SK_CAT3(prefilter_threshold, SUFFIX, x)
#endif

#define EACH 0
#include "cut_body.h"
#undef EACH
#define EACH 1
#include "cut_body.h"
#undef EACH

#include "cut_nearest.h"
