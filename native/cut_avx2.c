/* The AVX2 path: 4 doubles per vector. Built with -mavx2 (no -mfma) and -ffp-contract=off. */
#include <immintrin.h>
#include <math.h>

#include "cut_internal.h"

#define SUFFIX avx2
#define W 4
/* 4 objects x (x, y, z) + 4 accumulators fill the 16 ymm registers; the contaminants come as
 * memory operands. Measured on Zen 3 (native/bench): 4 beats 2 and 3 with the float pre-filter. */
#ifndef KOBJ
#define KOBJ 4
#endif
#define VD __m256d
#define V_LOAD(p) _mm256_loadu_pd(p)
#define V_SET1(x) _mm256_set1_pd(x)
#define V_MUL(a, b) _mm256_mul_pd(a, b)
#define V_ADD(a, b) _mm256_add_pd(a, b)
#define V_MAX(a, b) _mm256_max_pd(a, b)
#define V_ANY_GT(a, t) (_mm256_movemask_pd(_mm256_cmp_pd(a, t, _CMP_GT_OQ)) != 0)
#define E_ACC __m256d
#define E_ZERO _mm256_setzero_pd()
#define E_OR_GT(acc, d, t) _mm256_or_pd(acc, _mm256_cmp_pd(d, t, _CMP_GT_OQ))
#define E_ANY(acc) (_mm256_movemask_pd(acc) != 0)
/* Lane masks, blends and stores for the nearest search. */
#define VM __m256d
#define VM_GT(a, b) _mm256_cmp_pd(a, b, _CMP_GT_OQ)
#define VM_EQ(a, b) _mm256_cmp_pd(a, b, _CMP_EQ_OQ)
#define VM_LT(a, b) _mm256_cmp_pd(a, b, _CMP_LT_OQ)
#define VM_AND(a, b) _mm256_and_pd(a, b)
#define VM_OR(a, b) _mm256_or_pd(a, b)
#define VM_ANY(m) (_mm256_movemask_pd(m) != 0)
#define V_BLEND(m, t, f) _mm256_blendv_pd(f, t, m)
#define V_STORE(p, v) _mm256_storeu_pd(p, v)
#define VM_FIRST(n) _mm256_castsi256_pd(_mm256_cmpgt_epi64(_mm256_set1_epi64x(n), _mm256_setr_epi64x(0, 1, 2, 3)))
#define V_LOAD_FIRST(p, n) _mm256_maskload_pd(p, _mm256_castpd_si256(VM_FIRST(n)))
static inline double hmax_avx2(__m256d v) {
    __m128d m = _mm_max_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
    return _mm_cvtsd_f64(_mm_max_sd(m, _mm_unpackhi_pd(m, m)));
}
static inline double hmin_avx2(__m256d v) {
    __m128d m = _mm_min_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
    return _mm_cvtsd_f64(_mm_min_sd(m, _mm_unpackhi_pd(m, m)));
}
#define V_HMAX(v) hmax_avx2(v)
#define V_HMIN_WHERE(m, v) hmin_avx2(_mm256_blendv_pd(_mm256_set1_pd(INFINITY), v, m))
/* The float pre-filter: FW floats per vector. */
#define FV __m256
#define FW 8
#define FV_LOAD(p) _mm256_loadu_ps(p)
#define FV_SET1(x) _mm256_set1_ps(x)
#define FV_MUL(a, b) _mm256_mul_ps(a, b)
#define FV_ADD(a, b) _mm256_add_ps(a, b)
#define FV_SUB(a, b) _mm256_sub_ps(a, b)
#define FV_MAX(a, b) _mm256_max_ps(a, b)
#define FV_ANY_GT(a, t) (_mm256_movemask_ps(_mm256_cmp_ps(a, t, _CMP_GT_OQ)) != 0)

#include "cut_template.h"
