/*
 * The nearest-contaminant search, included once per instruction set by cut_template.h (not a
 * header of its own). Besides the vocabulary of cut_template.h it needs:
 *
 *   VM                          a lane mask; VM_GT, VM_EQ, VM_LT(a, b) compare lane by lane
 *   VM_AND, VM_OR, VM_ANY(m)    mask logic, and "some lane set"
 *   V_BLEND(m, t, f)            per lane: t where m is set, else f
 *   V_STORE(p, v)               unaligned store of W doubles
 *
 * The rule (io.github.skycut.internal.kernel.Nearest): among the contaminants with
 * dot > threshold, the largest dot, ties to the lowest id; ids are the contaminants' original
 * indices as doubles (exact), so they ride in the same lanes as the dot products. Each lane keeps
 * its own best dot and id by that rule; at the end the lanes are offered to the object's state in
 * turn, by the same rule, so the result depends neither on lanes nor on the order of the visits.
 * No early exit: every contaminant is tested. Every dot is (x*cx + y*cy) + z*cz, unfused.
 */
#define NFN(name) SK_CAT3(name, nearest, SUFFIX)

static inline void NFN(offer)(double *best, int32_t *index, int64_t i, double dot, int32_t id) {
    if (dot > best[i] || (dot == best[i] && id < index[i])) {
        best[i] = dot;
        index[i] = id;
    }
}

/* One vector of contaminants at j into the lanes' best (b) and id (d). */
#define NSTEP(b, d, j)                                                                                  \
    do {                                                                                                \
        const VD dot_ = DOT(X, Y, Z, j);                                                                \
        const VM cut_ = VM_GT(dot_, te != NULL ? V_LOAD(te + (j)) : thr);                               \
        if (VM_ANY(cut_)) {                                                                             \
            const VD id_ = V_LOAD(ids + (j));                                                           \
            const VM take_ = VM_AND(cut_, VM_OR(VM_GT(dot_, b), VM_AND(VM_EQ(dot_, b), VM_LT(id_, d)))); \
            b = V_BLEND(take_, dot_, b);                                                                \
            d = V_BLEND(take_, id_, d);                                                                 \
        }                                                                                               \
    } while (0)

/* Object i (x, y, z) against contaminants [from, to): two vectors a step, then the tail one by one. */
static void NFN(one)(double x, double y, double z, const double *cx, const double *cy, const double *cz,
                     double cosMax, const double *te, const double *ids, int64_t from, int64_t to,
                     double *best, int32_t *index, int64_t i) {
    const VD X = V_SET1(x), Y = V_SET1(y), Z = V_SET1(z), thr = V_SET1(cosMax);
    const VD none = V_SET1(-INFINITY);
    VD b0 = none, b1 = none, d0 = V_SET1(INFINITY), d1 = d0;
    int64_t j = from;
    const int64_t vecEnd = from + (to - from) / (2 * W) * (2 * W);
    for (; j < vecEnd; j += 2 * W) {
        NSTEP(b0, d0, j);
        NSTEP(b1, d1, j + W);
    }
    if (VM_ANY(VM_GT(V_MAX(b0, b1), none))) {
        double bb[2 * W], dd[2 * W];
        V_STORE(bb, b0);
        V_STORE(bb + W, b1);
        V_STORE(dd, d0);
        V_STORE(dd + W, d1);
        for (int k = 0; k < 2 * W; k++) {
            if (bb[k] > -INFINITY) {
                NFN(offer)(best, index, i, bb[k], (int32_t) dd[k]);
            }
        }
    }
    for (; j < to; j++) {
        const double dot = (x * cx[j] + y * cy[j]) + z * cz[j];
        if (dot > (te != NULL ? te[j] : cosMax)) {
            NFN(offer)(best, index, i, dot, (int32_t) ids[j]);
        }
    }
}
#undef NSTEP

/* The exported search of this path: tiles of contaminants (kept in L1), every object against each. */
int SK_CAT3(skycut, nearest, SUFFIX)(const double *ox, const double *oy, const double *oz, int64_t objFrom,
                                     int64_t objTo, const double *cx, const double *cy, const double *cz,
                                     int64_t conFrom, int64_t conTo, double cosMax, const double *cosMaxEach,
                                     const double *ids, double *best, int32_t *index) {
    for (int64_t t0 = conFrom; t0 < conTo; t0 += TILE) {
        const int64_t t1 = MIN64(t0 + TILE, conTo);
        for (int64_t i = objFrom; i < objTo; i++) {
            NFN(one)(ox[i], oy[i], oz[i], cx, cy, cz, cosMax, cosMaxEach, ids, t0, t1, best, index, i);
        }
    }
    return 0;
}
#undef NFN
