/*
 * The nearest-contaminant search, included once per instruction set by cut_template.h (not a
 * header of its own). Besides the vocabulary of cut_template.h it needs:
 *
 *   VM                          a lane mask; VM_GT, VM_EQ, VM_LT(a, b) compare lane by lane
 *   VM_AND, VM_OR, VM_ANY(m)    mask logic, and "some lane set"
 *   V_BLEND(m, t, f)            per lane: t where m is set, else f
 *   V_STORE(p, v)               unaligned store of W doubles
 *   VM_FIRST(n), V_LOAD_FIRST(p, n)   the mask of the first n < W lanes, and a load of only those
 *                               (no access beyond them: the tail of a range in one vector step)
 *   V_HMAX(v), V_HMIN_WHERE(m, v)     the largest lane of v; the smallest lane of v among those in m
 *                               (+inf if none): exact, as max and min are
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
    if (index[i] < 0 || dot > best[i] || (dot == best[i] && id < index[i])) {
        best[i] = dot;
        index[i] = id;
    }
}

/*
 * One vector of contaminants at j into the lanes' best (b) and id (d); only the lanes in valid count.
 * With a radius per contaminant, each dot is tested against its own threshold first. With one
 * radius the lanes start at b = cosMax and d = -1, so "dot > b" already implies dot > cosMax, and a
 * dot equal to cosMax (no cut) never wins a tie, as no id is below -1: two operations fewer a step.
 */
#define NSTEP_EACH(b, d, j, LOAD, valid)                                                                \
    do {                                                                                                \
        const VD dot_ = V_ADD(V_ADD(V_MUL(X, LOAD(cx + (j))), V_MUL(Y, LOAD(cy + (j)))), V_MUL(Z, LOAD(cz + (j)))); \
        const VM cut_ = VM_AND(valid, VM_GT(dot_, LOAD(te + (j))));                                     \
        const VD id_ = LOAD(ids + (j));                                                                 \
        const VM take_ = VM_AND(cut_, VM_OR(VM_GT(dot_, b), VM_AND(VM_EQ(dot_, b), VM_LT(id_, d))));     \
        b = V_BLEND(take_, dot_, b);                                                                    \
        d = V_BLEND(take_, id_, d);                                                                     \
    } while (0)
#define NSTEP_FIXED(b, d, j, LOAD, valid)                                                               \
    do {                                                                                                \
        const VD dot_ = V_ADD(V_ADD(V_MUL(X, LOAD(cx + (j))), V_MUL(Y, LOAD(cy + (j)))), V_MUL(Z, LOAD(cz + (j)))); \
        const VD id_ = LOAD(ids + (j));                                                                 \
        const VM take_ = VM_AND(valid, VM_OR(VM_GT(dot_, b), VM_AND(VM_EQ(dot_, b), VM_LT(id_, d))));   \
        b = V_BLEND(take_, dot_, b);                                                                    \
        d = V_BLEND(take_, id_, d);                                                                     \
    } while (0)
#define NLOAD(p) V_LOAD(p)
#define NLOAD_TAIL(p) V_LOAD_FIRST(p, tail)

/*
 * Object i (x, y, z) against contaminants [from, to): two vectors a step, then one, then the last
 * few lanes in one masked step (the masked-off lanes load 0, and are never taken), without
 * branches (in the index's short ranges a branch on "some lane cuts" mispredicts more than the
 * blends cost); the two running bests are merged lane by lane by the rule, reduced across lanes
 * (the largest, then the lowest id among the lanes holding it) and offered to the object's state.
 * NSTEP is NSTEP_EACH or NSTEP_FIXED; b0 starts at "none" (below every cut: -inf with a radius per
 * contaminant, cosMax with one), d at +inf or -1.
 */
#define NEAREST_ONE(NSTEP, none_b, none_d)                                                              \
    const VD X = V_SET1(x), Y = V_SET1(y), Z = V_SET1(z);                                               \
    const VM all = VM_GT(V_SET1(1.0), V_SET1(0.0));                                                     \
    VD b0 = V_SET1(none_b), b1 = b0, d0 = V_SET1(none_d), d1 = d0;                                      \
    int64_t j = from;                                                                                   \
    for (; j + 2 * W <= to; j += 2 * W) {                                                               \
        NSTEP(b0, d0, j, NLOAD, all);                                                                   \
        NSTEP(b1, d1, j + W, NLOAD, all);                                                               \
    }                                                                                                   \
    if (j + W <= to) {                                                                                  \
        NSTEP(b1, d1, j, NLOAD, all);                                                                   \
        j += W;                                                                                         \
    }                                                                                                   \
    const int tail = (int) (to - j);                                                                    \
    if (tail > 0) {                                                                                     \
        NSTEP(b0, d0, j, NLOAD_TAIL, VM_FIRST(tail));                                                   \
    }                                                                                                   \
    const VM take = VM_OR(VM_GT(b1, b0), VM_AND(VM_EQ(b1, b0), VM_LT(d1, d0)));                         \
    b0 = V_BLEND(take, b1, b0);                                                                         \
    d0 = V_BLEND(take, d1, d0);                                                                         \
    const double m = V_HMAX(b0);                                                                        \
    if (m > (none_b)) {                                                                                 \
        NFN(offer)(best, index, i, m, (int32_t) V_HMIN_WHERE(VM_EQ(b0, V_SET1(m)), d0));                \
    }

static void NFN(one_each)(double x, double y, double z, const double *cx, const double *cy, const double *cz,
                          const double *te, const double *ids, int64_t from, int64_t to,
                          double *best, int32_t *index, int64_t i) {
    NEAREST_ONE(NSTEP_EACH, -INFINITY, INFINITY)
}

static void NFN(one_fixed)(double x, double y, double z, const double *cx, const double *cy, const double *cz,
                           double cosMax, const double *ids, int64_t from, int64_t to,
                           double *best, int32_t *index, int64_t i) {
    NEAREST_ONE(NSTEP_FIXED, cosMax, -1.0)
}
#undef NEAREST_ONE

/*
 * W objects at once, one per lane, against contaminants [from, to), each contaminant broadcast to
 * every lane: no reduction across lanes (each lane is its own object), which in the index's short
 * candidate ranges costs more than the dot products. Two running bests (even and odd contaminants)
 * halve the chain of compares and blends; merged lane by lane by the rule, then each lane that found
 * a contaminant is offered to its object's state. The dot products are those of NEAREST_ONE, bit for
 * bit ((x*cx + y*cy) + z*cz: multiplication commutes exactly).
 */
#define NLANE_EACH(b, d, j)                                                                             \
    do {                                                                                                \
        const VD dot_ = V_ADD(V_ADD(V_MUL(X, V_SET1(cx[j])), V_MUL(Y, V_SET1(cy[j]))), V_MUL(Z, V_SET1(cz[j]))); \
        const VD id_ = V_SET1(ids[j]);                                                                  \
        const VM take_ = VM_AND(VM_GT(dot_, V_SET1(te[j])),                                             \
                                VM_OR(VM_GT(dot_, b), VM_AND(VM_EQ(dot_, b), VM_LT(id_, d))));          \
        b = V_BLEND(take_, dot_, b);                                                                    \
        d = V_BLEND(take_, id_, d);                                                                     \
    } while (0)
#define NLANE_FIXED(b, d, j)                                                                            \
    do {                                                                                                \
        const VD dot_ = V_ADD(V_ADD(V_MUL(X, V_SET1(cx[j])), V_MUL(Y, V_SET1(cy[j]))), V_MUL(Z, V_SET1(cz[j]))); \
        const VD id_ = V_SET1(ids[j]);                                                                  \
        const VM take_ = VM_OR(VM_GT(dot_, b), VM_AND(VM_EQ(dot_, b), VM_LT(id_, d)));                  \
        b = V_BLEND(take_, dot_, b);                                                                    \
        d = V_BLEND(take_, id_, d);                                                                     \
    } while (0)
#define NEAREST_LANES(NLANE, none_b, none_d)                                                            \
    const VD X = V_LOAD(ox + i), Y = V_LOAD(oy + i), Z = V_LOAD(oz + i);                                \
    VD b0 = V_SET1(none_b), b1 = b0, d0 = V_SET1(none_d), d1 = d0;                                      \
    int64_t j = from;                                                                                   \
    for (; j + 2 <= to; j += 2) {                                                                       \
        NLANE(b0, d0, j);                                                                               \
        NLANE(b1, d1, j + 1);                                                                           \
    }                                                                                                   \
    if (j < to) {                                                                                       \
        NLANE(b0, d0, j);                                                                               \
    }                                                                                                   \
    const VM take = VM_OR(VM_GT(b1, b0), VM_AND(VM_EQ(b1, b0), VM_LT(d1, d0)));                         \
    double bs[W], ds[W];                                                                                \
    V_STORE(bs, V_BLEND(take, b1, b0));                                                                 \
    V_STORE(ds, V_BLEND(take, d1, d0));                                                                 \
    for (int l = 0; l < W; l++) {                                                                       \
        if (ds[l] != (none_d)) {                                                                        \
            NFN(offer)(best, index, i + l, bs[l], (int32_t) ds[l]);                                     \
        }                                                                                               \
    }

static void NFN(lanes_each)(const double *ox, const double *oy, const double *oz, int64_t i, const double *cx,
                            const double *cy, const double *cz, const double *te, const double *ids, int64_t from,
                            int64_t to, double *best, int32_t *index) {
    NEAREST_LANES(NLANE_EACH, -INFINITY, INFINITY)
}

static void NFN(lanes_fixed)(const double *ox, const double *oy, const double *oz, int64_t i, const double *cx,
                             const double *cy, const double *cz, double cosMax, const double *ids, int64_t from,
                             int64_t to, double *best, int32_t *index) {
    NEAREST_LANES(NLANE_FIXED, cosMax, -1.0)
}
#undef NEAREST_LANES
#undef NLANE_EACH
#undef NLANE_FIXED
#undef NLOAD
#undef NLOAD_TAIL
#undef NSTEP_EACH
#undef NSTEP_FIXED

/* The exported search of this path: tiles of contaminants (kept in L1), every object against each. */
int SK_CAT3(skycut, nearest, SUFFIX)(const double *ox, const double *oy, const double *oz, int64_t objFrom,
                                     int64_t objTo, const double *cx, const double *cy, const double *cz,
                                     int64_t conFrom, int64_t conTo, double cosMax, const double *cosMaxEach,
                                     const double *ids, double *best, int32_t *index) {
    for (int64_t t0 = conFrom; t0 < conTo; t0 += TILE) {
        const int64_t t1 = MIN64(t0 + TILE, conTo);
        /* Groups of W objects in lanes where there are W (vector paths only), the rest one by one. */
        int64_t i = objFrom;
        if (cosMaxEach != NULL) {
            for (; W > 1 && i + W <= objTo; i += W) {
                NFN(lanes_each)(ox, oy, oz, i, cx, cy, cz, cosMaxEach, ids, t0, t1, best, index);
            }
            for (; i < objTo; i++) {
                NFN(one_each)(ox[i], oy[i], oz[i], cx, cy, cz, cosMaxEach, ids, t0, t1, best, index, i);
            }
        } else {
            for (; W > 1 && i + W <= objTo; i += W) {
                NFN(lanes_fixed)(ox, oy, oz, i, cx, cy, cz, cosMax, ids, t0, t1, best, index);
            }
            for (; i < objTo; i++) {
                NFN(one_fixed)(ox[i], oy[i], oz[i], cx, cy, cz, cosMax, ids, t0, t1, best, index, i);
            }
        }
    }
    return 0;
}
#undef NFN
