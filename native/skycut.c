/*
 * Dispatch: the instruction-set path is chosen at run time from the CPU, so one library runs on
 * any x86-64 machine (and the portable path on any other). Also the portable path itself, built
 * for the baseline ISA (SSE2 on x86-64, which has no FMA).
 */
#include <math.h>
#include <stddef.h>

#include "skycut.h"
#include "cut_internal.h"

#define EXPORT __attribute__((visibility("default")))

/* ---- the portable path: the same kernel over plain doubles ---- */
#define SUFFIX portable
#define W 1
#define KOBJ 4
#define VD double
#define V_LOAD(p) (*(p))
#define V_SET1(x) (x)
#define V_MUL(a, b) ((a) * (b))
#define V_ADD(a, b) ((a) + (b))
#define V_MAX(a, b) ((a) > (b) ? (a) : (b))
#define V_ANY_GT(a, t) ((a) > (t))
#define E_ACC int
#define E_ZERO 0
#define E_OR_GT(acc, d, t) ((acc) | ((d) > (t)))
#define E_ANY(acc) ((acc) != 0)
#define VM int
#define VM_GT(a, b) ((a) > (b))
#define VM_EQ(a, b) ((a) == (b))
#define VM_LT(a, b) ((a) < (b))
#define VM_AND(a, b) ((a) && (b))
#define VM_OR(a, b) ((a) || (b))
#define VM_ANY(m) (m)
#define V_BLEND(m, t, f) ((m) ? (t) : (f))
#define V_STORE(p, v) (*(p) = (v))
#define VM_FIRST(n) ((n) > 0)
#define V_LOAD_FIRST(p, n) ((n) > 0 ? *(p) : 0.0)
#define V_HMAX(v) (v)
#define V_HMIN_WHERE(m, v) ((m) ? (v) : INFINITY)
#include "cut_template.h"

/* ---- dispatch ---- */

EXPORT int skycut_abi_version(void) {
    return SKYCUT_ABI_VERSION;
}

/* The CPU's answer per path, asked once (a benign race: every thread computes the same value). */
static int supported_cache[3] = {-1, -1, -1};

static int isa_supported_cached(int isa) {
    if (isa < 0 || isa > 2) {
        return 0;
    }
    if (supported_cache[isa] < 0) {
        supported_cache[isa] = skycut_isa_supported(isa);
    }
    return supported_cache[isa];
}

EXPORT int skycut_isa_supported(int isa) {
    switch (isa) {
    case SKYCUT_ISA_PORTABLE:
        return 1;
#if defined(__x86_64__) && defined(SKYCUT_HAVE_X86_PATHS)
    case SKYCUT_ISA_AVX2:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") ? 1 : 0;
    case SKYCUT_ISA_AVX512:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f") ? 1 : 0; /* checks the OS saves zmm state too */
#endif
    default:
        return 0;
    }
}

EXPORT int skycut_info(int64_t *slots) {
    slots[SK_INFO_ABI] = SKYCUT_ABI_VERSION;
    slots[SK_INFO_BEST_ISA] = skycut_best_isa();
    int64_t supported = 0;
    for (int isa = 0; isa <= 2; isa++) {
        supported |= (int64_t) isa_supported_cached(isa) << isa;
    }
    slots[SK_INFO_SUPPORTED] = supported;
    return SKYCUT_OK;
}

EXPORT int skycut_best_isa(void) {
    if (skycut_isa_supported(SKYCUT_ISA_AVX512)) {
        return SKYCUT_ISA_AVX512;
    }
    if (skycut_isa_supported(SKYCUT_ISA_AVX2)) {
        return SKYCUT_ISA_AVX2;
    }
    return SKYCUT_ISA_PORTABLE;
}

EXPORT int skycut_cut(int isa,
                      const double *ox, const double *oy, const double *oz, int64_t objFrom, int64_t objTo,
                      const double *cx, const double *cy, const double *cz, int64_t conFrom, int64_t conTo,
                      double cosMax, uint8_t *mask) {
    if (objFrom < 0 || objTo < objFrom || conFrom < 0 || conTo < conFrom) {
        return SKYCUT_ERR_RANGE;
    }
    if (!isa_supported_cached(isa)) {
        return SKYCUT_ERR_ISA;
    }
    switch (isa) {
#if defined(__x86_64__) && defined(SKYCUT_HAVE_X86_PATHS)
    case SKYCUT_ISA_AVX512:
        return skycut_cut_fixed_avx512(ox, oy, oz, objFrom, objTo, cx, cy, cz, conFrom, conTo, cosMax, mask);
    case SKYCUT_ISA_AVX2:
        return skycut_cut_fixed_avx2(ox, oy, oz, objFrom, objTo, cx, cy, cz, conFrom, conTo, cosMax, mask);
#endif
    default:
        return skycut_cut_fixed_portable(ox, oy, oz, objFrom, objTo, cx, cy, cz, conFrom, conTo, cosMax, mask);
    }
}

EXPORT int skycut_cut_each(int isa,
                           const double *ox, const double *oy, const double *oz, int64_t objFrom, int64_t objTo,
                           const double *cx, const double *cy, const double *cz, int64_t conFrom, int64_t conTo,
                           const double *cosMaxEach, uint8_t *mask) {
    if (objFrom < 0 || objTo < objFrom || conFrom < 0 || conTo < conFrom) {
        return SKYCUT_ERR_RANGE;
    }
    if (!isa_supported_cached(isa)) {
        return SKYCUT_ERR_ISA;
    }
    switch (isa) {
#if defined(__x86_64__) && defined(SKYCUT_HAVE_X86_PATHS)
    case SKYCUT_ISA_AVX512:
        return skycut_cut_each_avx512(ox, oy, oz, objFrom, objTo, cx, cy, cz, conFrom, conTo, cosMaxEach, mask);
    case SKYCUT_ISA_AVX2:
        return skycut_cut_each_avx2(ox, oy, oz, objFrom, objTo, cx, cy, cz, conFrom, conTo, cosMaxEach, mask);
#endif
    default:
        return skycut_cut_each_portable(ox, oy, oz, objFrom, objTo, cx, cy, cz, conFrom, conTo, cosMaxEach, mask);
    }
}

EXPORT int skycut_cut_ranges(int isa,
                             const double *ox, const double *oy, const double *oz, int64_t nObj,
                             const double *cx, const double *cy, const double *cz, int64_t nCon,
                             double cosMax, const double *cosMaxEach, uint8_t *mask,
                             const int32_t *ranges, int64_t count) {
    if (count < 0 || nObj < 0 || nCon < 0) {
        return SKYCUT_ERR_RANGE;
    }
    for (int64_t k = 0; k < count; k++) {
        const int32_t *r = ranges + 4 * k;
        if (r[0] < 0 || r[1] < r[0] || r[1] > nObj || r[2] < 0 || r[3] < r[2] || r[3] > nCon) {
            return SKYCUT_ERR_RANGE;
        }
    }
    if (!isa_supported_cached(isa)) {
        return SKYCUT_ERR_ISA;
    }
    for (int64_t k = 0; k < count; k++) {
        const int32_t *r = ranges + 4 * k;
        int rc = cosMaxEach == NULL
                ? skycut_cut(isa, ox, oy, oz, r[0], r[1], cx, cy, cz, r[2], r[3], cosMax, mask)
                : skycut_cut_each(isa, ox, oy, oz, r[0], r[1], cx, cy, cz, r[2], r[3], cosMaxEach, mask);
        if (rc != SKYCUT_OK) {
            return rc;
        }
    }
    return SKYCUT_OK;
}

EXPORT int skycut_nearest(int isa,
                          const double *ox, const double *oy, const double *oz, int64_t objFrom, int64_t objTo,
                          const double *cx, const double *cy, const double *cz, int64_t conFrom, int64_t conTo,
                          double cosMax, const double *cosMaxEach, const double *ids, double *best, int32_t *index) {
    if (objFrom < 0 || objTo < objFrom || conFrom < 0 || conTo < conFrom) {
        return SKYCUT_ERR_RANGE;
    }
    if (!isa_supported_cached(isa)) {
        return SKYCUT_ERR_ISA;
    }
    switch (isa) {
#if defined(__x86_64__) && defined(SKYCUT_HAVE_X86_PATHS)
    case SKYCUT_ISA_AVX512:
        return skycut_nearest_avx512(ox, oy, oz, objFrom, objTo, cx, cy, cz, conFrom, conTo, cosMax, cosMaxEach,
                                     ids, best, index);
    case SKYCUT_ISA_AVX2:
        return skycut_nearest_avx2(ox, oy, oz, objFrom, objTo, cx, cy, cz, conFrom, conTo, cosMax, cosMaxEach,
                                   ids, best, index);
#endif
    default:
        return skycut_nearest_portable(ox, oy, oz, objFrom, objTo, cx, cy, cz, conFrom, conTo, cosMax, cosMaxEach,
                                       ids, best, index);
    }
}

EXPORT int skycut_nearest_ranges(int isa,
                                 const double *ox, const double *oy, const double *oz, int64_t nObj,
                                 const double *cx, const double *cy, const double *cz, int64_t nCon,
                                 double cosMax, const double *cosMaxEach, const double *ids, double *best,
                                 int32_t *index, const int32_t *ranges, int64_t count) {
    if (count < 0 || nObj < 0 || nCon < 0) {
        return SKYCUT_ERR_RANGE;
    }
    for (int64_t k = 0; k < count; k++) {
        const int32_t *r = ranges + 4 * k;
        if (r[0] < 0 || r[1] < r[0] || r[1] > nObj || r[2] < 0 || r[3] < r[2] || r[3] > nCon) {
            return SKYCUT_ERR_RANGE;
        }
    }
    if (!isa_supported_cached(isa)) {
        return SKYCUT_ERR_ISA;
    }
    for (int64_t k = 0; k < count; k++) {
        const int32_t *r = ranges + 4 * k;
        int rc = skycut_nearest(isa, ox, oy, oz, r[0], r[1], cx, cy, cz, r[2], r[3], cosMax, cosMaxEach, ids, best, index);
        if (rc != SKYCUT_OK) {
            return rc;
        }
    }
    return SKYCUT_OK;
}
