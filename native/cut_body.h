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

/*
 * The last n < W contaminants of a range in one masked vector step (lanes past n load 0 and are
 * set to -inf before they reach the accumulator, so they never hit): a cell of the index has a
 * dozen candidates, and testing the few after the last whole vector one by one cost more than the
 * vectors (perf: a third of the kernel's time). The lanes in range compute the same unfused
 * (x*cx + y*cy) + z*cz as every other step.
 */
#if EACH
#define LOAD_THR_TAIL(j, n) const VD tv = V_LOAD_FIRST(te + (j), n)
#else
#define LOAD_THR_TAIL(j, n) (void)0
#endif
#define TAIL_DOT(X, Y, Z, j, n, valid)                                                                   \
    V_BLEND(valid, V_ADD(V_ADD(V_MUL(X, V_LOAD_FIRST(cx + (j), n)), V_MUL(Y, V_LOAD_FIRST(cy + (j), n))),  \
                         V_MUL(Z, V_LOAD_FIRST(cz + (j), n))),                                           \
            V_SET1(-INFINITY))

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
    if (W == 1) {
        return FN(scalar)(x, y, z, cx, cy, cz, vecEnd, to, THR_ARG);
    }
    for (j = vecEnd; j < to; j += W) { /* at most two steps: a whole vector, then a masked one */
        const int n = (int) MIN64(W, to - j);
        const VM valid = VM_FIRST(n);
        LOAD_THR_TAIL(j, n);
        ACC_T a = ACC_INIT;
        a = ACC_ADD(a, TAIL_DOT(X, Y, Z, j, n, valid));
        if (ACC_HIT(a)) {
            return 1;
        }
    }
    return 0;
}

/*
 * KOBJ objects (coordinates in px, py, pz) against contaminants [from, to); returns the bit
 * set of the objects hit. After the first block with a hit, the others go on one by one.
 */
static unsigned FN(group)(const double *px, const double *py, const double *pz, const double *cx,
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
    if (W > 1 && hit == 0 && j == vecEnd && j < to) { /* the last few, all objects in one masked step */
        const int n = (int) (to - j);
        const VM valid = VM_FIRST(n);
        LOAD_THR_TAIL(j, n);
#pragma GCC unroll 16
        for (int k = 0; k < KOBJ; k++) {
            A[k] = ACC_ADD(A[k], TAIL_DOT(X[k], Y[k], Z[k], j, n, valid));
        }
#pragma GCC unroll 16
        for (int k = 0; k < KOBJ; k++) {
            if (ACC_HIT(A[k])) {
                hit |= 1u << k;
            }
        }
        j = to;
    }
    /* Objects not hit: nothing in [from, j) hits them; test the rest one by one. */
    for (int k = 0; k < KOBJ; k++) {
        if (!(hit >> k & 1u)) {
            hit |= (unsigned) FN(one)(px[k], py[k], pz[k], cx, cy, cz, j, to, THR_ARG) << k;
        }
    }
    return hit;
}

#ifdef FW
#if EACH
/* The pre-filter's accumulation: the running maximum of d - t (t: the contaminant's lowered
 * threshold, ft), compared with 0. The accumulator is max's second operand, so that a NaN
 * threshold (never a hit) leaves it as it was. */
#define PF_ACC(acc, d, j) FV_MAX(FV_SUB(d, FV_LOAD(ft + (j))), acc)
#define PF_THR FV_SET1(0.0f)
#else
#define PF_ACC(acc, d, j) FV_MAX(acc, d)
#define PF_THR FV_SET1(thrF)
#endif
/*
 * The float pre-filter (SIMD paths): the same KOBJ objects against the tile in float, FW lanes
 * per vector, FU vectors per step, twice the pairs per instruction. One radius: the running
 * maximum of the float dot products, against thrF. A radius per contaminant: the running maximum
 * of d - t, against 0, with t the contaminant's own lowered threshold (ft). The maxima are not
 * reset between blocks: a block ends with one check of their maximum, and only where it passes
 * (a candidate, rare) is the block tested again exactly, in double, for each object whose
 * maximum passes, whose maximum then starts again. Earlier checks did not pass, so the candidate
 * lies in this block; see prefilter_threshold for why no hit is missed. fx, fy, fz (and ft) hold
 * the tile [t0, t1) in float, from index 0.
 */
static unsigned FN(group_pf)(const double *px, const double *py, const double *pz, const float *fx,
                             const float *fy, const float *fz, const float *ft, const double *cx,
                             const double *cy, const double *cz, int64_t t0, int64_t t1, THR_PARAM,
                             float thrF) {
    FV X[KOBJ], Y[KOBJ], Z[KOBJ], A[KOBJ];
#pragma GCC unroll 16
    for (int k = 0; k < KOBJ; k++) {
        X[k] = FV_SET1((float) px[k]);
        Y[k] = FV_SET1((float) py[k]);
        Z[k] = FV_SET1((float) pz[k]);
        A[k] = FV_SET1(-INFINITY);
    }
    (void) ft;
    (void) thrF;
    const FV thr = PF_THR;
    const unsigned all = (1u << KOBJ) - 1;
    unsigned hit = 0;
    const int64_t vecEnd = (t1 - t0) / (FU * FW) * (FU * FW);
    int64_t j = 0;
    while (j < vecEnd) {
        const int64_t start = j, end = MIN64(j + FBLOCK, vecEnd);
        for (; j < end; j += FU * FW) {
#pragma GCC unroll 4
            for (int u = 0; u < FU; u++) {
                const FV a = FV_LOAD(fx + j + u * FW), b = FV_LOAD(fy + j + u * FW), c = FV_LOAD(fz + j + u * FW);
#pragma GCC unroll 16
                for (int k = 0; k < KOBJ; k++) {
                    A[k] = PF_ACC(A[k], FV_ADD(FV_ADD(FV_MUL(X[k], a), FV_MUL(Y[k], b)), FV_MUL(Z[k], c)), j + u * FW);
                }
            }
        }
        FV m = A[0];
#pragma GCC unroll 16
        for (int k = 1; k < KOBJ; k++) {
            m = FV_MAX(m, A[k]);
        }
        if (__builtin_expect(FV_ANY_GT(m, thr), 0)) { /* a candidate: the exact test decides */
            for (int k = 0; k < KOBJ; k++) {
                if (FV_ANY_GT(A[k], thr)) {
                    if (!(hit >> k & 1u)) {
                        hit |= (unsigned) FN(scalar)(px[k], py[k], pz[k], cx, cy, cz, t0 + start, t0 + end, THR_ARG) << k;
                    }
                    A[k] = FV_SET1(-INFINITY);
                }
            }
            if (hit == all) {
                return hit;
            }
        }
    }
    /* Objects not hit: nothing in [t0, t0 + vecEnd) hits them; the rest, exactly, one by one. */
    for (int k = 0; k < KOBJ; k++) {
        if (!(hit >> k & 1u)) {
            hit |= (unsigned) FN(one)(px[k], py[k], pz[k], cx, cy, cz, t0 + vecEnd, t1, THR_ARG) << k;
        }
    }
    return hit;
}
#undef PF_ACC
#undef PF_THR
#endif

#ifdef FW
/*
 * The float tile is converted once per call and tile: worth it from 2 KOBJ objects and
 * PF_MIN_CONTAMINANTS contaminants on. Below that (the index's cells: tens of contaminants, and
 * at large radii most objects hit within a few) the double kernel alone is faster: 500k x 50k
 * at 1 deg, index, 2 threads, best of runs: 17-20 ms with the pre-filter from 32 contaminants on,
 * 11-14 ms from 128 on (1 arcmin unchanged, 12-13 ms).
 */
#define PF_MIN_CONTAMINANTS 128
#define USE_PF (objTo - objFrom >= 2 * KOBJ && conTo - conFrom >= PF_MIN_CONTAMINANTS)
#define GROUP(px, py, pz, t0, t1)                                                                 \
    (pf ? FN(group_pf)(px, py, pz, fx, fy, fz, ft, cx, cy, cz, t0, t1, THR_ARG, thrF)             \
        : FN(group)(px, py, pz, cx, cy, cz, t0, t1, THR_ARG))
#else
#define GROUP(px, py, pz, t0, t1) FN(group)(px, py, pz, cx, cy, cz, t0, t1, THR_ARG)
#endif

/* Sets the mask of the first n objects of a group whose bit is set in hit. */
static inline void FN(mark)(unsigned hit, const int64_t *idx, int n, uint8_t *mask) {
    for (int k = 0; k < n; k++) {
        if (hit >> k & 1u) {
            mask[idx[k]] = 1;
        }
    }
}

/*
 * The exported kernel: tiles of contaminants, groups of KOBJ objects not yet cut. With the float
 * pre-filter, a last group at least half full is filled up with copies of its first object (their
 * bits are ignored); the other leftovers go one by one, in double.
 */
int FN(skycut_cut)(const double *ox, const double *oy, const double *oz, int64_t objFrom, int64_t objTo,
                   const double *cx, const double *cy, const double *cz, int64_t conFrom, int64_t conTo,
                   THR_PARAM, uint8_t *mask) {
#ifdef FW
    float fx[FTILE] __attribute__((aligned(64)));
    float fy[FTILE] __attribute__((aligned(64)));
    float fz[FTILE] __attribute__((aligned(64)));
#if EACH
    float ft[FTILE] __attribute__((aligned(64)));
    const float thrF = 0.0f;
#else
    float *const ft = NULL;
    const float thrF = prefilter_threshold(cosMax);
#endif
    const int pf = USE_PF;
    const int64_t tile = pf ? FTILE : TILE;
#else
    const int64_t tile = TILE;
#endif
    for (int64_t t0 = conFrom; t0 < conTo; t0 += tile) {
        const int64_t t1 = MIN64(t0 + tile, conTo);
#ifdef FW
        if (pf) {
            for (int64_t j = t0; j < t1; j++) {
                fx[j - t0] = (float) cx[j];
                fy[j - t0] = (float) cy[j];
                fz[j - t0] = (float) cz[j];
#if EACH
                ft[j - t0] = prefilter_threshold(te[j]);
#endif
            }
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
                FN(mark)(GROUP(px, py, pz, t0, t1), idx, n, mask);
                n = 0;
            }
        }
#ifdef FW
        if (pf && 2 * n >= KOBJ) { /* in float, filled up with copies of the first object */
            for (int k = n; k < KOBJ; k++) {
                px[k] = px[0];
                py[k] = py[0];
                pz[k] = pz[0];
            }
            FN(mark)(GROUP(px, py, pz, t0, t1), idx, n, mask);
            n = 0;
        }
#endif
        for (int k = 0; k < n; k++) {
            if (FN(one)(px[k], py[k], pz[k], cx, cy, cz, t0, t1, THR_ARG)) {
                mask[idx[k]] = 1;
            }
        }
    }
    return 0;
}

/*
 * Objects in lanes, contaminants broadcast: W objects of [objFrom, objTo) at a time (the last ones
 * in a masked step) against every contaminant of [conFrom, conTo). For the index's cells, a dozen
 * objects against a dozen candidates, this is faster than KOBJ objects against vectors of
 * contaminants: no group set-up, no leftovers one by one, and the tail is on the objects' side, once.
 * With one radius each lane keeps the running maximum of its dot products and is compared with
 * cosMax once (max is exact); with a radius per contaminant each dot is compared with its own
 * threshold. Every dot is (x*cx + y*cy) + z*cz, unfused. Objects already cut stay cut; no early exit.
 */
int FN(skycut_lanes)(const double *ox, const double *oy, const double *oz, int64_t objFrom, int64_t objTo,
                     const double *cx, const double *cy, const double *cz, int64_t conFrom, int64_t conTo,
                     THR_PARAM, uint8_t *mask) {
    double lane[W];
    for (int64_t i = objFrom; i < objTo; i += W) {
        const int n = (int) MIN64(W, objTo - i);
        const VD X = V_LOAD_FIRST(ox + i, n), Y = V_LOAD_FIRST(oy + i, n), Z = V_LOAD_FIRST(oz + i, n);
#if EACH
        const VD one = V_SET1(1.0);
        VD h = V_SET1(0.0);
        for (int64_t j = conFrom; j < conTo; j++) {
            const VD d = V_ADD(V_ADD(V_MUL(X, V_SET1(cx[j])), V_MUL(Y, V_SET1(cy[j]))), V_MUL(Z, V_SET1(cz[j])));
            h = V_BLEND(VM_GT(d, V_SET1(te[j])), one, h);
        }
        V_STORE(lane, h);
        for (int k = 0; k < n; k++) {
            if (lane[k] != 0) {
                mask[i + k] = 1;
            }
        }
#else
        VD a = V_SET1(-INFINITY);
        for (int64_t j = conFrom; j < conTo; j++) {
            a = V_MAX(a, V_ADD(V_ADD(V_MUL(X, V_SET1(cx[j])), V_MUL(Y, V_SET1(cy[j]))), V_MUL(Z, V_SET1(cz[j]))));
        }
        V_STORE(lane, a);
        for (int k = 0; k < n; k++) {
            if (lane[k] > cosMax) {
                mask[i + k] = 1;
            }
        }
#endif
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
#undef GROUP
#undef LOAD_THR_TAIL
#undef TAIL_DOT
#ifdef USE_PF
#undef USE_PF
#undef PF_MIN_CONTAMINANTS
#endif
