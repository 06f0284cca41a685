/*
 * skycut native index (ABI 4; ellipses ABI 5): the zones index run end to end in C, so that a cut on the native
 * kernel does no per-object work in Java (filing objects into cells, ordering them, finding the
 * candidates, the tests, the nearest search, the flags back all happen here, a block per call).
 *
 * Every function of this header takes ONE argument, a block of 8-byte slots (int64, double or
 * pointer, in the order the SK_* enums below give), and returns SKYCUT_OK or an error code: one
 * signature for all of them, so the JVM binds them all with one downcall stub (each new
 * signature costs a fresh JVM 10-40 ms). Java (io.github.skycut.internal.kernel.NativeIndexCalls)
 * writes the slots and checks every size before the call; C checks again what it can and never
 * reads or writes outside the sizes it is given.
 *
 * The tables (SK_IX_*) are the Java index's (internal.index: ZoneGrid, CandidateSearch,
 * ContaminantBands), copied off-heap once per prepared cut; the arithmetic below is the Java
 * code's, operation for operation (IEEE double, no fused multiply-add), so C files every point
 * into the cell Java would, and finds the same candidates. Only the conservativeness of the
 * candidate search matters for the result: the final test is the kernel's exact one.
 */
#ifndef SKYCUT_INDEX_H
#define SKYCUT_INDEX_H

#include <stdint.h>

/* skycut_info(slots): writes the library's ABI version, its best path and the paths it supports. */
enum {
    SK_INFO_ABI,       /* out: SKYCUT_ABI_VERSION */
    SK_INFO_BEST_ISA,  /* out: the best path of this CPU */
    SK_INFO_SUPPORTED, /* out: bit i set when path i is supported */
    SK_INFO_SLOTS
};
int skycut_info(int64_t *slots);

/* The index's tables: every pointer is to an array the size the comment gives. */
enum {
    SK_IX_ZONES,        /* int64: zones of the object grid */
    SK_IX_CELLS,        /* int64: cells of the object grid */
    SK_IX_LOOKUP,       /* int32[lookupN]: z -> a zone no higher than the right one */
    SK_IX_LOOKUP_N,     /* int64 */
    SK_IX_LOOKUP_SCALE, /* double */
    SK_IX_ONE_STEP,     /* int64: 1 when every lookup entry is at most one zone low */
    SK_IX_ZBOUND,       /* double[zones + 1]: zone k starts at zBound[k] */
    SK_IX_ZUPPER,       /* double[zones]: where the next zone starts (+inf for the last) */
    SK_IX_FIRST_CELL,   /* int32[zones + 1] */
    SK_IX_BIN_SCALE,    /* double[zones]: bins / 4 */
    SK_IX_LAST_BIN,     /* int32[zones]: bins - 1 */
    SK_IX_FULL_RA,      /* int32[zones]: 1 when a cell of the zone may reach every RA */
    SK_IX_COS_HW,       /* double[zones]: cos of the RA half-width of the search window */
    SK_IX_SIN_HW,       /* double[zones] */
    SK_IX_ZLO,          /* double[zones]: the z range of the contaminants that may reach zone k */
    SK_IX_ZHI,          /* double[zones] */
    SK_IX_BAND_BASE,    /* int32[zones + 1]: the first bin of each band */
    SK_IX_BAND_SCALE,   /* double[zones] */
    SK_IX_BAND_LAST,    /* int32[zones] */
    SK_IX_BINS,         /* int64: bins of all bands (bandBase[zones]) */
    SK_IX_BIN_START,    /* int32[bins + 1]: the copies of bin b are [binStart[b], binStart[b + 1]) */
    SK_IX_CX,           /* double[copies]: the bands' copies of the contaminants */
    SK_IX_CY,
    SK_IX_CZ,
    SK_IX_COS_EACH,     /* double[copies] or NULL: per-contaminant thresholds */
    SK_IX_IDS,          /* double[copies] or NULL: each copy's original index (the nearest search) */
    SK_IX_COPIES,       /* int64 */
    SK_IX_COS_MAX,      /* double: the one threshold (when SK_IX_COS_EACH is NULL) */
    SK_IX_SLOTS
};

/*
 * skycut_bands_count(slots): files every contaminant into the bands of the zones it may reach
 * and leaves in binStart (bins + 1 entries, written whole) the first copy of each bin, and in
 * binStart[bins] the number of copies, also written to SK_BC_TOTAL. SKYCUT_ERR_RANGE if the copies
 * would not fit an int32 (nothing is then valid).
 */
enum {
    SK_BC_IX,        /* the tables (grid and band layout; the bands' columns are not read) */
    SK_BC_CX,        /* double[m]: the contaminants */
    SK_BC_CY,
    SK_BC_CZ,
    SK_BC_M,         /* int64 */
    SK_BC_BIN_START, /* out int32[bins + 1] */
    SK_BC_TOTAL,     /* out int64 */
    SK_BC_SLOTS
};
int skycut_bands_count(int64_t *slots);

/*
 * skycut_bands_fill(slots): copies every contaminant into its bins, in input order within a bin
 * (a stable counting sort), at the positions skycut_bands_count gave. next is scratch of bins + 1
 * int32. Writes outside [0, capacity) are refused (SKYCUT_ERR_RANGE, counted before any write).
 */
enum {
    SK_BF_IX,
    SK_BF_CX,        /* double[m] */
    SK_BF_CY,
    SK_BF_CZ,
    SK_BF_M,         /* int64 */
    SK_BF_COS_EACH,  /* double[m] or NULL */
    SK_BF_BIN_START, /* int32[bins + 1], from skycut_bands_count */
    SK_BF_NEXT,      /* scratch int32[bins + 1] */
    SK_BF_OX,        /* out double[capacity] */
    SK_BF_OY,
    SK_BF_OZ,
    SK_BF_OCOS,      /* out double[capacity] or NULL */
    SK_BF_OIDS,      /* out double[capacity] or NULL */
    SK_BF_CAPACITY,  /* int64 */
    SK_BF_SLOTS
};
int skycut_bands_fill(int64_t *slots);

/*
 * skycut_index_cut(slots): cuts objects [from, to) with the index, block objects at a time: files
 * them into cells, orders them by cell, runs the kernel of path isa on each occupied cell against
 * its one or two candidate ranges, and puts the result back in input order. Plain cut (mask not
 * NULL): objects whose mask byte is not 0 are skipped, hit ones get 1. Nearest search (best and
 * index not NULL, mask NULL): best[i], index[i] of objects [from, to) as skycut_nearest defines
 * them, starting from nothing found. Objects are indexed by absolute position (columns of n).
 * scratch holds skycut_index_scratch_bytes(cells, block, nearest) bytes, 64-byte aligned.
 */
enum {
    SK_CUT_ISA,
    SK_CUT_IX,
    SK_CUT_OX,            /* double[n] */
    SK_CUT_OY,
    SK_CUT_OZ,
    SK_CUT_N,             /* int64 */
    SK_CUT_FROM,          /* int64 */
    SK_CUT_TO,            /* int64 */
    SK_CUT_MASK,          /* uint8[n] or NULL */
    SK_CUT_BEST,          /* double[n] or NULL */
    SK_CUT_INDEX,         /* int32[n] or NULL */
    SK_CUT_SCRATCH,
    SK_CUT_SCRATCH_BYTES, /* int64 */
    SK_CUT_BLOCK,         /* int64: objects per block, >= 1 */
    SK_CUT_SLOTS
};
int skycut_index_cut(int64_t *slots);

/*
 * skycut_ellipse_ranges(slots) (ABI 5, skycut_ellipse.c): the survey mask's ellipses. For k in
 * [0, count), objects [r[4k], r[4k+1]) against centres [r[4k+2], r[4k+3]): every object whose mask
 * byte is 0 and that lies inside the ellipse of one of the centres gets 1. Centre j's axes (A, B)
 * are the 8 doubles at axes + 8 * row, row = ids[j] (or j when ids is NULL). SKYCUT_ERR_RANGE and
 * nothing written when a range lies outside nObj / nCon or a row outside [0, nAxes).
 */
enum {
    SK_EL_OX,     /* double[nObj] */
    SK_EL_OY,
    SK_EL_OZ,
    SK_EL_N_OBJ,  /* int64 */
    SK_EL_CX,     /* double[nCon]: the centres (or the bands' copies of them) */
    SK_EL_CY,
    SK_EL_CZ,
    SK_EL_N_CON,  /* int64 */
    SK_EL_AXES,   /* double[8 * nAxes]: A.x, A.y, A.z, B.x, B.y, B.z, 0, 0 per ellipse */
    SK_EL_N_AXES, /* int64 */
    SK_EL_IDS,    /* double[nCon] or NULL: each centre's row of axes */
    SK_EL_MASK,   /* uint8[nObj] */
    SK_EL_RANGES, /* int32[4 * count] */
    SK_EL_COUNT,  /* int64 */
    SK_EL_SLOTS
};
int skycut_ellipse_ranges(int64_t *slots);

/*
 * skycut_unit_check(slots) (ABI 6, skycut_columns.c): the first of n points (x[i], y[i], z[i]) that
 * is not a unit vector within tolerance, as SkyPoints checks it, in SK_UC_FIRST_BAD (-1: none).
 */
enum {
    SK_UC_X,         /* double[n] */
    SK_UC_Y,
    SK_UC_Z,
    SK_UC_N,         /* int64 */
    SK_UC_TOLERANCE, /* double */
    SK_UC_FIRST_BAD, /* out int64 */
    SK_UC_SLOTS
};
int skycut_unit_check(int64_t *slots);

/*
 * skycut_rows_split(slots) (ABI 6): n rows of three doubles (x, y, z one after the other: an (n, 3)
 * float64 array in C order) copied into the columns x, y, z, with the check of skycut_unit_check in
 * the same pass (every row is copied, whatever the check finds).
 */
enum {
    SK_RS_ROWS,      /* double[3 * n], 8-byte aligned */
    SK_RS_N,         /* int64 */
    SK_RS_X,         /* out double[n] */
    SK_RS_Y,
    SK_RS_Z,
    SK_RS_TOLERANCE, /* double */
    SK_RS_FIRST_BAD, /* out int64 */
    SK_RS_SLOTS
};
int skycut_rows_split(int64_t *slots);

#endif
