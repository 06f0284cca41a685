/*
 * The zones index in C (see skycut_index.h): the Java index's arithmetic, operation for operation,
 * over its tables, calling the per-ISA kernels of cut_template.h on each occupied cell.
 * Built for the baseline ISA, with -ffp-contract=off like the rest.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "skycut.h"
#include "skycut_index.h"
#include "cut_internal.h"

#define EXPORT __attribute__((visibility("default")))

/* ---- the tables, read once per call from the slots ---- */

typedef struct {
    int64_t zones, cells, lookupN, oneStep, bins, copies;
    const int32_t *lookup, *firstCell, *lastBin, *fullRa, *bandBase, *bandLast, *binStart;
    const double *zBound, *zUpper, *binScale, *cosHw, *sinHw, *zLo, *zHi, *bandScale;
    const double *cx, *cy, *cz, *cosEach, *ids;
    double lookupScale, cosMax;
} tables;

static const void *ptr(const int64_t *s, int k) {
    return (const void *) (intptr_t) s[k];
}

static double dbl(const int64_t *s, int k) {
    double d;
    memcpy(&d, s + k, sizeof d);
    return d;
}

static void read_tables(const int64_t *s, tables *t) {
    t->zones = s[SK_IX_ZONES];
    t->cells = s[SK_IX_CELLS];
    t->lookup = ptr(s, SK_IX_LOOKUP);
    t->lookupN = s[SK_IX_LOOKUP_N];
    t->lookupScale = dbl(s, SK_IX_LOOKUP_SCALE);
    t->oneStep = s[SK_IX_ONE_STEP];
    t->zBound = ptr(s, SK_IX_ZBOUND);
    t->zUpper = ptr(s, SK_IX_ZUPPER);
    t->firstCell = ptr(s, SK_IX_FIRST_CELL);
    t->binScale = ptr(s, SK_IX_BIN_SCALE);
    t->lastBin = ptr(s, SK_IX_LAST_BIN);
    t->fullRa = ptr(s, SK_IX_FULL_RA);
    t->cosHw = ptr(s, SK_IX_COS_HW);
    t->sinHw = ptr(s, SK_IX_SIN_HW);
    t->zLo = ptr(s, SK_IX_ZLO);
    t->zHi = ptr(s, SK_IX_ZHI);
    t->bandBase = ptr(s, SK_IX_BAND_BASE);
    t->bandScale = ptr(s, SK_IX_BAND_SCALE);
    t->bandLast = ptr(s, SK_IX_BAND_LAST);
    t->bins = s[SK_IX_BINS];
    t->binStart = ptr(s, SK_IX_BIN_START);
    t->cx = ptr(s, SK_IX_CX);
    t->cy = ptr(s, SK_IX_CY);
    t->cz = ptr(s, SK_IX_CZ);
    t->cosEach = ptr(s, SK_IX_COS_EACH);
    t->ids = ptr(s, SK_IX_IDS);
    t->copies = s[SK_IX_COPIES];
    t->cosMax = dbl(s, SK_IX_COS_MAX);
}

/* ---- the Java index's arithmetic ---- */

/* Java's (int) cast of a double: NaN to 0, out-of-range values to the nearest int. */
static inline int32_t java_int(double v) {
    if (v != v) {
        return 0;
    }
    if (v >= 2147483647.0) {
        return INT32_MAX;
    }
    if (v <= -2147483648.0) {
        return INT32_MIN;
    }
    return (int32_t) v;
}

static inline int32_t min32(int32_t a, int32_t b) {
    return a < b ? a : b;
}

/* PseudoAngle.of: a key in [0, 4) monotone in the angle of (x, y), without trigonometry. */
static inline double pseudo_angle(double x, double y) {
    const double ax = fabs(x), ay = fabs(y);
    const int xNeg = x < 0 ? 1 : 0, yNeg = y < 0 ? 1 : 0;
    const int swap = xNeg ^ yNeg;
    const double w = swap;
    return (double) (2 * yNeg + swap) + (ax * w + ay * (1 - w)) / (ax + ay);
}

static inline int32_t quadrant(double p) {
    const int32_t q = java_int(p);
    return q < 0 ? 0 : q > 3 ? 3 : q;
}

/* PseudoAngle.dirX and dirY: a direction whose key is p. */
static inline double dir_x(double p) {
    const int32_t q = quadrant(p);
    const double f = p - q;
    switch (q) {
    case 0: return 1 - f;
    case 1: return -f;
    case 2: return -(1 - f);
    default: return f;
    }
}

static inline double dir_y(double p) {
    const int32_t q = quadrant(p);
    const double f = p - q;
    switch (q) {
    case 0: return f;
    case 1: return 1 - f;
    case 2: return -f;
    default: return -(1 - f);
    }
}

/* ZoneGrid.zoneOf. */
static inline int64_t zone_of(const tables *t, double z) {
    int32_t e = java_int((z + 1) * t->lookupScale);
    e = e < 0 ? 0 : e > t->lookupN - 1 ? (int32_t) (t->lookupN - 1) : e;
    int64_t k = t->lookup[e];
    if (t->oneStep) {
        return k + (z >= t->zUpper[k] ? 1 : 0);
    }
    while (k < t->zones - 1 && z >= t->zBound[k + 1]) {
        k++;
    }
    return k;
}

/* ZoneGrid.cellOf. */
static inline int64_t cell_of(const tables *t, double x, double y, double z) {
    const int64_t k = zone_of(t, z);
    return t->firstCell[k] + min32(t->lastBin[k], java_int(pseudo_angle(x, y) * t->binScale[k]));
}

/* ContaminantBands: the bin of key p in band k (absolute), and the copies from / up to it. */
static inline int64_t band_bin(const tables *t, int64_t k, double p) {
    return t->bandBase[k] + min32(t->bandLast[k], java_int(p * t->bandScale[k]));
}

/* CandidateSearch.candidates for cell `cell` of zone k: up to two ranges of copies; returns how many are non-empty. */
static int candidates(const tables *t, int64_t k, int64_t cell, int32_t *r) {
    int32_t f1, t1, f2 = 0, t2 = 0;
    const int32_t *bs = t->binStart;
    if (t->fullRa[k]) {
        f1 = bs[t->bandBase[k]];
        t1 = bs[t->bandBase[k + 1]];
    } else {
        const int64_t bin = cell - t->firstCell[k];
        const double scale = t->binScale[k];
        const double p0 = (double) bin / scale, p1 = (double) (bin + 1) / scale;
        const double c = t->cosHw[k], s = t->sinHw[k];
        const double x0 = dir_x(p0), y0 = dir_y(p0);
        const double x1 = dir_x(p1), y1 = dir_y(p1);
        const double lo = pseudo_angle(x0 * c + y0 * s, y0 * c - x0 * s); /* rotated by -dα */
        const double hi = pseudo_angle(x1 * c - y1 * s, x1 * s + y1 * c); /* rotated by +dα */
        if (lo <= hi) {
            f1 = bs[band_bin(t, k, lo)];
            t1 = bs[band_bin(t, k, hi) + 1];
        } else { /* across RA 0/360: [0, hi] and [lo, 4] */
            f1 = bs[t->bandBase[k]];
            t1 = bs[band_bin(t, k, hi) + 1];
            f2 = bs[band_bin(t, k, lo)];
            t2 = bs[t->bandBase[k + 1]];
        }
    }
    int pieces = 0;
    if (t1 > f1) {
        r[0] = f1;
        r[1] = t1;
        pieces++;
    }
    if (t2 > f2) {
        r[2 * pieces] = f2;
        r[2 * pieces + 1] = t2;
        pieces++;
    }
    return pieces;
}

/* The zone of a cell (firstCell ascends): a binary search, for blocks whose cells are few and far apart. */
static int64_t zone_of_cell(const tables *t, int64_t cell) {
    int64_t lo = 0, hi = t->zones - 1;
    while (lo < hi) {
        const int64_t mid = (lo + hi + 1) / 2;
        if (t->firstCell[mid] <= cell) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return lo;
}

/* ContaminantBands.firstBand and lastBand. */
static inline int64_t first_band(const double *zHi, int64_t zones, double z, int64_t k) {
    while (k > 0 && zHi[k - 1] >= z) {
        k--;
    }
    while (k < zones - 1 && zHi[k] < z) {
        k++;
    }
    return k;
}

static inline int64_t last_band(const double *zLo, int64_t zones, double z, int64_t k) {
    while (k < zones - 1 && zLo[k + 1] <= z) {
        k++;
    }
    return k;
}

/* ---- the bands ---- */

EXPORT int skycut_bands_count(int64_t *s) {
    tables t;
    read_tables((const int64_t *) ptr(s, SK_BC_IX), &t);
    const double *cx = ptr(s, SK_BC_CX), *cy = ptr(s, SK_BC_CY), *cz = ptr(s, SK_BC_CZ);
    const int64_t m = s[SK_BC_M];
    int32_t *binStart = (int32_t *) ptr(s, SK_BC_BIN_START);
    if (m < 0 || t.zones < 1 || t.bins < 1) {
        return SKYCUT_ERR_RANGE;
    }
    memset(binStart, 0, (size_t) (t.bins + 1) * sizeof(int32_t));
    int64_t total = 0;
    for (int64_t j = 0; j < m; j++) {
        const double z = cz[j], p = pseudo_angle(cx[j], cy[j]);
        const int64_t k = first_band(t.zHi, t.zones, z, zone_of(&t, z)); /* a step or two from its own zone */
        const int64_t last = last_band(t.zLo, t.zones, z, k);
        for (int64_t b = k; b <= last; b++) {
            binStart[band_bin(&t, b, p)]++;
        }
        total += last - k + 1;
    }
    if (total > INT32_MAX - 8) {
        return SKYCUT_ERR_RANGE;
    }
    int32_t pos = 0;
    for (int64_t b = 0; b < t.bins; b++) { /* counts to starts */
        const int32_t v = binStart[b];
        binStart[b] = pos;
        pos += v;
    }
    binStart[t.bins] = pos;
    s[SK_BC_TOTAL] = total;
    return SKYCUT_OK;
}

EXPORT int skycut_bands_fill(int64_t *s) {
    tables t;
    read_tables((const int64_t *) ptr(s, SK_BF_IX), &t);
    const double *cx = ptr(s, SK_BF_CX), *cy = ptr(s, SK_BF_CY), *cz = ptr(s, SK_BF_CZ);
    const double *cosEach = ptr(s, SK_BF_COS_EACH);
    const int64_t m = s[SK_BF_M], capacity = s[SK_BF_CAPACITY];
    const int32_t *binStart = ptr(s, SK_BF_BIN_START);
    int32_t *next = (int32_t *) ptr(s, SK_BF_NEXT);
    double *ox = (double *) ptr(s, SK_BF_OX), *oy = (double *) ptr(s, SK_BF_OY), *oz = (double *) ptr(s, SK_BF_OZ);
    double *oc = (double *) ptr(s, SK_BF_OCOS), *od = (double *) ptr(s, SK_BF_OIDS);
    if (m < 0 || t.bins < 1 || binStart[t.bins] > capacity || (oc != NULL && cosEach == NULL)) {
        return SKYCUT_ERR_RANGE;
    }
    for (int64_t b = 0; b < t.bins; b++) { /* every bin's run lies inside [0, binStart[bins]] */
        if (binStart[b] < 0 || binStart[b] > binStart[b + 1]) {
            return SKYCUT_ERR_RANGE;
        }
    }
    memcpy(next, binStart, (size_t) (t.bins + 1) * sizeof(int32_t));
    for (int64_t j = 0; j < m; j++) {
        const double x = cx[j], y = cy[j], z = cz[j], p = pseudo_angle(x, y);
        const int64_t k = first_band(t.zHi, t.zones, z, zone_of(&t, z));
        const int64_t last = last_band(t.zLo, t.zones, z, k);
        for (int64_t b = k; b <= last; b++) {
            const int64_t bin = band_bin(&t, b, p);
            const int32_t d = next[bin];
            if (d >= binStart[bin + 1]) { /* more than counted: tables changed between the calls */
                return SKYCUT_ERR_RANGE;
            }
            next[bin] = d + 1;
            ox[d] = x;
            oy[d] = y;
            oz[d] = z;
            if (oc != NULL) {
                oc[d] = cosEach[j];
            }
            if (od != NULL) {
                od[d] = (double) j;
            }
        }
    }
    return SKYCUT_OK;
}

/* ---- the cut ---- */

typedef int (*cut_fixed_fn)(const double *, const double *, const double *, int64_t, int64_t, const double *,
                            const double *, const double *, int64_t, int64_t, double, uint8_t *);
typedef int (*cut_each_fn)(const double *, const double *, const double *, int64_t, int64_t, const double *,
                           const double *, const double *, int64_t, int64_t, const double *, uint8_t *);
typedef int (*nearest_fn)(const double *, const double *, const double *, int64_t, int64_t, const double *,
                          const double *, const double *, int64_t, int64_t, double, const double *, const double *,
                          double *, int32_t *);

/*
 * Candidate ranges up to this long run with the cell's objects in lanes (skycut_lanes_*): no early
 * exit there, so a long range (a wide radius, a dense sky) goes to the kernel that stops at a hit.
 */
#define LANES_MAX 48

static int64_t round64(int64_t bytes) {
    return (bytes + 63) / 64 * 64;
}

/* The scratch one call needs (skycut_index.h): counts, cells, order, x, y, z, flags, then the nearest state. */
static int64_t scratch_bytes(int64_t cells, int64_t block, int nearest) {
    int64_t b = round64(4 * (cells + 1)) + 2 * round64(4 * block) + 3 * round64(8 * block) + round64(block);
    return nearest ? b + round64(8 * block) + round64(4 * block) : b;
}

/*
 * Stable sort of the block's n objects by cell, for a block whose objects are few against the
 * cells (a counting sort would clear and scan every cell): LSD radix, 8 bits a pass, over the
 * bits the cell numbers use. On return cell[] holds the cells ascending and order[] the objects'
 * positions in the block; tc and to are scratch of n each.
 */
static void radix_by_cell(int32_t *cell, int32_t *order, int32_t *tc, int32_t *to, int64_t n, int64_t cells) {
    for (int64_t i = 0; i < n; i++) {
        order[i] = (int32_t) i;
    }
    int32_t *ac = cell, *ao = order, *bc = tc, *bo = to;
    for (int shift = 0; shift < 32 && (cells - 1) >> shift != 0; shift += 8) {
        int64_t count[257] = {0};
        for (int64_t i = 0; i < n; i++) {
            count[((uint32_t) ac[i] >> shift & 0xFF) + 1]++;
        }
        for (int d = 0; d < 256; d++) {
            count[d + 1] += count[d];
        }
        for (int64_t i = 0; i < n; i++) {
            const int64_t d = count[(uint32_t) ac[i] >> shift & 0xFF]++;
            bc[d] = ac[i];
            bo[d] = ao[i];
        }
        int32_t *x = ac; ac = bc; bc = x;
        x = ao; ao = bo; bo = x;
    }
    if (ac != cell) {
        memcpy(cell, ac, (size_t) n * sizeof(int32_t));
        memcpy(order, ao, (size_t) n * sizeof(int32_t));
    }
}

EXPORT int skycut_index_cut(int64_t *s) {
    const int isa = (int) s[SK_CUT_ISA];
    tables t;
    read_tables((const int64_t *) ptr(s, SK_CUT_IX), &t);
    const double *ox = ptr(s, SK_CUT_OX), *oy = ptr(s, SK_CUT_OY), *oz = ptr(s, SK_CUT_OZ);
    const int64_t n = s[SK_CUT_N], from = s[SK_CUT_FROM], to = s[SK_CUT_TO], block = s[SK_CUT_BLOCK];
    uint8_t *mask = (uint8_t *) ptr(s, SK_CUT_MASK);
    double *best = (double *) ptr(s, SK_CUT_BEST);
    int32_t *index = (int32_t *) ptr(s, SK_CUT_INDEX);
    const int nearest = mask == NULL;
    if (from < 0 || to < from || to > n || block < 1 || t.cells < 1 || t.copies < 0
        || (nearest && (best == NULL || index == NULL || t.ids == NULL))
        || s[SK_CUT_SCRATCH_BYTES] < scratch_bytes(t.cells, block, nearest)) {
        return SKYCUT_ERR_RANGE;
    }
    if (!skycut_isa_supported(isa)) {
        return SKYCUT_ERR_ISA;
    }
    cut_fixed_fn fixed = skycut_cut_fixed_portable, lanesFixed = skycut_lanes_fixed_portable;
    cut_each_fn each = skycut_cut_each_portable, lanesEach = skycut_lanes_each_portable;
    nearest_fn near = skycut_nearest_portable;
#if defined(__x86_64__) && defined(SKYCUT_HAVE_X86_PATHS)
    if (isa == SKYCUT_ISA_AVX512) {
        fixed = skycut_cut_fixed_avx512;
        each = skycut_cut_each_avx512;
        lanesFixed = skycut_lanes_fixed_avx512;
        lanesEach = skycut_lanes_each_avx512;
        near = skycut_nearest_avx512;
    } else if (isa == SKYCUT_ISA_AVX2) {
        fixed = skycut_cut_fixed_avx2;
        each = skycut_cut_each_avx2;
        lanesFixed = skycut_lanes_fixed_avx2;
        lanesEach = skycut_lanes_each_avx2;
        near = skycut_nearest_avx2;
    }
#endif
    char *p = (char *) ptr(s, SK_CUT_SCRATCH);
    int32_t *start = (int32_t *) p;
    p += round64(4 * (t.cells + 1));
    int32_t *cell = (int32_t *) p;
    p += round64(4 * block);
    int32_t *order = (int32_t *) p;
    p += round64(4 * block);
    double *sx = (double *) p;
    p += round64(8 * block);
    double *sy = (double *) p;
    p += round64(8 * block);
    double *sz = (double *) p;
    p += round64(8 * block);
    uint8_t *sflag = (uint8_t *) p;
    p += round64(block);
    double *sbest = nearest ? (double *) p : NULL;
    p += nearest ? round64(8 * block) : 0;
    int32_t *sindex = nearest ? (int32_t *) p : NULL;

    for (int64_t b0 = from; b0 < to; b0 += block) {
        const int64_t nb = (to - b0 < block ? to - b0 : block);
        /* file into cells, then into cell order: a counting sort, or for a block far smaller than the grid a radix sort */
        int64_t bits = 1;
        while ((int64_t) 1 << bits < nb) {
            bits++;
        }
        const int sparse = nb * bits * 4 < t.cells && 2 * nb <= t.cells + 1;
        for (int64_t i = 0; i < nb; i++) {
            cell[i] = (int32_t) cell_of(&t, ox[b0 + i], oy[b0 + i], oz[b0 + i]);
        }
        if (sparse) {
            radix_by_cell(cell, order, start, start + nb, nb, t.cells);
        } else {
            memset(start, 0, (size_t) (t.cells + 1) * sizeof(int32_t));
            for (int64_t i = 0; i < nb; i++) {
                start[cell[i] + 1]++;
            }
            for (int64_t c = 0; c < t.cells; c++) { /* afterwards start[c] is the end of cell c */
                start[c + 1] += start[c];
            }
            for (int64_t i = 0; i < nb; i++) {
                order[start[cell[i]]++] = (int32_t) i;
            }
        }
        for (int64_t d = 0; d < nb; d++) {
            const int64_t i = b0 + order[d];
            sx[d] = ox[i];
            sy[d] = oy[i];
            sz[d] = oz[i];
            sflag[d] = nearest ? 0 : mask[i];
        }
        if (nearest) {
            memset(sindex, 0xFF, (size_t) nb * sizeof(int32_t)); /* -1: nothing found yet */
        }
        /* each occupied cell against its candidates */
        int32_t begin = 0;
        for (int64_t k = 0, c = 0; begin < nb; c++) {
            int32_t end;
            if (sparse) { /* the next run of equal cells */
                c = cell[begin];
                end = begin + 1;
                while (end < nb && cell[end] == c) {
                    end++;
                }
                k = zone_of_cell(&t, c);
            } else {
                end = start[c];
                if (end == begin) {
                    continue;
                }
                while (c >= t.firstCell[k + 1]) {
                    k++;
                }
            }
            int32_t r[4];
            const int pieces = candidates(&t, k, c, r);
            for (int q = 0; q < pieces; q++) {
                const int64_t cf = r[2 * q], ct = r[2 * q + 1];
                if (cf < 0 || ct > t.copies) {
                    return SKYCUT_ERR_RANGE;
                }
                if (nearest) {
                    near(sx, sy, sz, begin, end, t.cx, t.cy, t.cz, cf, ct, t.cosMax, t.cosEach, t.ids, sbest, sindex);
                } else if (ct - cf <= LANES_MAX) { /* a few candidates: the cell's objects in lanes */
                    if (t.cosEach == NULL) {
                        lanesFixed(sx, sy, sz, begin, end, t.cx, t.cy, t.cz, cf, ct, t.cosMax, sflag);
                    } else {
                        lanesEach(sx, sy, sz, begin, end, t.cx, t.cy, t.cz, cf, ct, t.cosEach, sflag);
                    }
                } else if (t.cosEach == NULL) {
                    fixed(sx, sy, sz, begin, end, t.cx, t.cy, t.cz, cf, ct, t.cosMax, sflag);
                } else {
                    each(sx, sy, sz, begin, end, t.cx, t.cy, t.cz, cf, ct, t.cosEach, sflag);
                }
            }
            begin = end;
        }
        /* back in input order */
        if (nearest) {
            for (int64_t d = 0; d < nb; d++) {
                best[b0 + order[d]] = sbest[d];
                index[b0 + order[d]] = sindex[d];
            }
        } else {
            for (int64_t d = 0; d < nb; d++) {
                mask[b0 + order[d]] = sflag[d];
            }
        }
    }
    return SKYCUT_OK;
}
