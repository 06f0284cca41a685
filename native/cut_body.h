/*
 * One mode of the kernel (EACH 0: one radius, EACH 1: a radius per contaminant), included twice
 * by cut_template.h. Not a header of its own.
 */
#if EACH
#define MODE each
#define THR_PARAM const double *te
#define THR_ARG te
#define THR_AT(j) te[j]
#define ACC_T E_ACC
#define ACC_INIT E_ZERO
#define DECLARE_THR (void)0
#define LOAD_THR(j) const VD tv = V_LOAD(te + (j))
#define ACC_ADD(acc, d) E_OR_GT(acc, d, tv)
#define ACC_HIT(acc) E_ANY(acc)
#else
#define MODE fixed
#define THR_PARAM double cosMax
#define THR_ARG cosMax
#define THR_AT(j) cosMax
#define ACC_T VD
#define ACC_INIT V_SET1(-INFINITY)
#define DECLARE_THR const VD thr = V_SET1(cosMax)
#define LOAD_THR(j) (void)0
#define ACC_ADD(acc, d) V_MAX(acc, d)
#define ACC_HIT(acc) V_ANY_GT(acc, thr)
#endif
#define FN(name) SK_CAT3(name, MODE, SUFFIX)

/* One object against contaminants [from, to), one at a time: the tail and the leftovers. */
static inline int FN(scalar)(double x, double y, double z, const double *cx, const double *cy,
                             const double *cz, int64_t from, int64_t to, THR_PARAM) {
    for (int64_t j = from; j < to; j++) {
        if ((x * cx[j] + y * cy[j]) + z * cz[j] > THR_AT(j)) {
            return 1;
        }
    }
    return 0;
}

/* One object against contaminants [from, to), two vectors at a time; 1 if hit. */
static int FN(one)(double x, double y, double z, const double *cx, const double *cy,
                   const double *cz, int64_t from, int64_t to, THR_PARAM) {
    const VD X = V_SET1(x), Y = V_SET1(y), Z = V_SET1(z);
    DECLARE_THR;
    int64_t j = from;
    const int64_t vecEnd = from + (to - from) / (2 * W) * (2 * W);
    while (j < vecEnd) {
        const int64_t end = MIN64(j + BLOCK, vecEnd);
        ACC_T a0 = ACC_INIT, a1 = ACC_INIT;
        for (; j < end; j += 2 * W) {
            {
                LOAD_THR(j);
                a0 = ACC_ADD(a0, DOT(X, Y, Z, j));
            }
            {
                LOAD_THR(j + W);
                a1 = ACC_ADD(a1, DOT(X, Y, Z, j + W));
            }
        }
        if (ACC_HIT(a0) || ACC_HIT(a1)) {
            return 1;
        }
    }
    return FN(scalar)(x, y, z, cx, cy, cz, vecEnd, to, THR_ARG);
}

/*
 * KOBJ objects (coordinates in px, py, pz) against contaminants [from, to); returns the bit
 * set of the objects hit. After the first block with a hit, the others go on one by one.
 */
__attribute__((unused)) static unsigned FN(group)(const double *px, const double *py, const double *pz, const double *cx,
                          const double *cy, const double *cz, int64_t from, int64_t to, THR_PARAM) {
    VD X[KOBJ], Y[KOBJ], Z[KOBJ];
    ACC_T A[KOBJ];
#pragma GCC unroll 16
    for (int k = 0; k < KOBJ; k++) {
        X[k] = V_SET1(px[k]);
        Y[k] = V_SET1(py[k]);
        Z[k] = V_SET1(pz[k]);
        A[k] = ACC_INIT;
    }
    DECLARE_THR;
    unsigned hit = 0;
    int64_t j = from;
    const int64_t vecEnd = from + (to - from) / W * W;
    while (j < vecEnd && hit == 0) {
        const int64_t end = MIN64(j + BLOCK, vecEnd);
        for (; j < end; j += W) {
            LOAD_THR(j);
            const VD a = V_LOAD(cx + j), b = V_LOAD(cy + j), c = V_LOAD(cz + j);
#pragma GCC unroll 16
            for (int k = 0; k < KOBJ; k++) {
                A[k] = ACC_ADD(A[k], V_ADD(V_ADD(V_MUL(X[k], a), V_MUL(Y[k], b)), V_MUL(Z[k], c)));
            }
        }
#pragma GCC unroll 16
        for (int k = 0; k < KOBJ; k++) {
            if (ACC_HIT(A[k])) {
                hit |= 1u << k;
            }
        }
    }
    /* Objects not hit: nothing in [from, j) hits them; test the rest one by one. */
    for (int k = 0; k < KOBJ; k++) {
        if (!(hit >> k & 1u)) {
            hit |= (unsigned) FN(one)(px[k], py[k], pz[k], cx, cy, cz, j, to, THR_ARG) << k;
        }
    }
    return hit;
}

#if !EACH && defined(FW)
/*
 * The float pre-filter (one radius, SIMD paths): the same KOBJ objects against the tile in float,
 * FW lanes per vector, twice the pairs per instruction. A block whose float maximum exceeds thrF
 * is tested again exactly, in double, for that object; see prefilter_threshold for why no hit is
 * missed. fx, fy, fz hold the tile [t0, t1) in float, from index 0.
 */
static unsigned FN(group_pf)(const double *px, const double *py, const double *pz, const float *fx,
                             const float *fy, const float *fz, const double *cx, const double *cy,
                             const double *cz, int64_t t0, int64_t t1, double cosMax, float thrF) {
    FV X[KOBJ], Y[KOBJ], Z[KOBJ], A[KOBJ];
#pragma GCC unroll 16
    for (int k = 0; k < KOBJ; k++) {
        X[k] = FV_SET1((float) px[k]);
        Y[k] = FV_SET1((float) py[k]);
        Z[k] = FV_SET1((float) pz[k]);
    }
    const FV thr = FV_SET1(thrF);
    unsigned hit = 0;
    const int64_t vecEnd = (t1 - t0) / FW * FW;
    int64_t j = 0;
    while (j < vecEnd && hit == 0) {
        const int64_t start = j, end = MIN64(j + FBLOCK, vecEnd);
#pragma GCC unroll 16
        for (int k = 0; k < KOBJ; k++) {
            A[k] = FV_SET1(-INFINITY);
        }
        for (; j < end; j += FW) {
            const FV a = FV_LOAD(fx + j), b = FV_LOAD(fy + j), c = FV_LOAD(fz + j);
#pragma GCC unroll 16
            for (int k = 0; k < KOBJ; k++) {
                A[k] = FV_MAX(A[k], FV_ADD(FV_ADD(FV_MUL(X[k], a), FV_MUL(Y[k], b)), FV_MUL(Z[k], c)));
            }
        }
        for (int k = 0; k < KOBJ; k++) {
            if (FV_ANY_GT(A[k], thr)) { /* a candidate: the exact test decides */
                hit |= (unsigned) FN(scalar)(px[k], py[k], pz[k], cx, cy, cz, t0 + start, t0 + end, cosMax) << k;
            }
        }
    }
    /* Objects not hit: nothing in [t0, t0 + j) hits them; the rest, exactly, one by one. */
    for (int k = 0; k < KOBJ; k++) {
        if (!(hit >> k & 1u)) {
            hit |= (unsigned) FN(one)(px[k], py[k], pz[k], cx, cy, cz, t0 + j, t1, cosMax) << k;
        }
    }
    return hit;
}
#endif

/* The exported kernel: tiles of contaminants, groups of KOBJ objects not yet cut. */
int FN(skycut_cut)(const double *ox, const double *oy, const double *oz, int64_t objFrom, int64_t objTo,
                   const double *cx, const double *cy, const double *cz, int64_t conFrom, int64_t conTo,
                   THR_PARAM, uint8_t *mask) {
#if !EACH && defined(FW)
    float fx[TILE] __attribute__((aligned(64)));
    float fy[TILE] __attribute__((aligned(64)));
    float fz[TILE] __attribute__((aligned(64)));
    const float thrF = prefilter_threshold(cosMax);
#endif
    for (int64_t t0 = conFrom; t0 < conTo; t0 += TILE) {
        const int64_t t1 = MIN64(t0 + TILE, conTo);
#if !EACH && defined(FW)
        for (int64_t j = t0; j < t1; j++) {
            fx[j - t0] = (float) cx[j];
            fy[j - t0] = (float) cy[j];
            fz[j - t0] = (float) cz[j];
        }
#endif
        int64_t idx[KOBJ];
        double px[KOBJ], py[KOBJ], pz[KOBJ];
        int n = 0;
        for (int64_t i = objFrom; i < objTo; i++) {
            if (mask[i] != 0) {
                continue; /* already cut */
            }
            idx[n] = i;
            px[n] = ox[i];
            py[n] = oy[i];
            pz[n] = oz[i];
            if (++n == KOBJ) {
#if !EACH && defined(FW)
                const unsigned hit = FN(group_pf)(px, py, pz, fx, fy, fz, cx, cy, cz, t0, t1, cosMax, thrF);
#else
                const unsigned hit = FN(group)(px, py, pz, cx, cy, cz, t0, t1, THR_ARG);
#endif
                for (int k = 0; k < KOBJ; k++) {
                    if (hit >> k & 1u) {
                        mask[idx[k]] = 1;
                    }
                }
                n = 0;
            }
        }
        for (int k = 0; k < n; k++) {
            if (FN(one)(px[k], py[k], pz[k], cx, cy, cz, t0, t1, THR_ARG)) {
                mask[idx[k]] = 1;
            }
        }
    }
    return 0;
}

#undef MODE
#undef THR_PARAM
#undef THR_ARG
#undef THR_AT
#undef ACC_T
#undef ACC_INIT
#undef DECLARE_THR
#undef LOAD_THR
#undef ACC_ADD
#undef ACC_HIT
#undef FN
