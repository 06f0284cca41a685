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
/* Lane masks, blends and stores for the nearest search. */
#define VM __mmask8
#define VM_GT(a, b) _mm512_cmp_pd_mask(a, b, _CMP_GT_OQ)
#define VM_EQ(a, b) _mm512_cmp_pd_mask(a, b, _CMP_EQ_OQ)
#define VM_LT(a, b) _mm512_cmp_pd_mask(a, b, _CMP_LT_OQ)
#define VM_AND(a, b) ((__mmask8) ((a) & (b)))
#define VM_OR(a, b) ((__mmask8) ((a) | (b)))
#define VM_ANY(m) ((m) != 0)
#define V_BLEND(m, t, f) _mm512_mask_blend_pd(m, f, t)
#define V_STORE(p, v) _mm512_storeu_pd(p, v)
#define VM_FIRST(n) ((__mmask8) ((1u << (n)) - 1u))
#define V_LOAD_FIRST(p, n) _mm512_maskz_loadu_pd(VM_FIRST(n), p)
#define V_HMAX(v) _mm512_reduce_max_pd(v)
#define V_HMIN_WHERE(m, v) _mm512_mask_reduce_min_pd(m, v)
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
