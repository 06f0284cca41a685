/* The AVX-512 path: 8 doubles per vector. Built with -mavx512f and -ffp-contract=off. */
#include <immintrin.h>

#include "cut_internal.h"

#define SUFFIX avx512
#define W 8
/* 32 zmm registers: 4 objects x (x, y, z) + 4 accumulators + contaminants leave room to spare. */
#define KOBJ 4
#define VD __m512d
#define V_LOAD(p) _mm512_loadu_pd(p)
#define V_SET1(x) _mm512_set1_pd(x)
#define V_MUL(a, b) _mm512_mul_pd(a, b)
#define V_ADD(a, b) _mm512_add_pd(a, b)
#define V_MAX(a, b) _mm512_max_pd(a, b)
#define V_ANY_GT(a, t) (_mm512_cmp_pd_mask(a, t, _CMP_GT_OQ) != 0)
#define E_ACC __mmask8
#define E_ZERO ((__mmask8) 0)
#define E_OR_GT(acc, d, t) ((__mmask8) ((acc) | _mm512_cmp_pd_mask(d, t, _CMP_GT_OQ)))
#define E_ANY(acc) ((acc) != 0)
/* The float pre-filter: FW floats per vector. */
#define FV __m512
#define FW 16
#define FV_LOAD(p) _mm512_loadu_ps(p)
#define FV_SET1(x) _mm512_set1_ps(x)
#define FV_MUL(a, b) _mm512_mul_ps(a, b)
#define FV_ADD(a, b) _mm512_add_ps(a, b)
#define FV_SUB(a, b) _mm512_sub_ps(a, b)
#define FV_MAX(a, b) _mm512_max_ps(a, b)
#define FV_ANY_GT(a, t) (_mm512_cmp_ps_mask(a, t, _CMP_GT_OQ) != 0)

#include "cut_template.h"
