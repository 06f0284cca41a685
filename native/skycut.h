/*
 * skycut native kernel: the exported functions, one for one with the FunctionDescriptors of
 * io.github.skycut.internal.kernel.NativeKernel (and NativeLibrary).
 *
 * The decision (every path, every ISA): object o is hit by contaminant c exactly when
 *     (o.x*c.x + o.y*c.y) + o.z*c.z > cosMax
 * in IEEE-754 double, in that order, never fused (built with -ffp-contract=off).
 *
 * Columns are arrays of doubles indexed by absolute position; [objFrom, objTo) and
 * [conFrom, conTo) are the ranges to read. mask holds one byte per object: non-zero means
 * already cut (skipped); a hit object's byte is set to 1. Only mask[objFrom .. objTo) is written.
 * The caller (Java) checks every range and size before calling.
 */
#ifndef SKYCUT_H
#define SKYCUT_H

#include <stdint.h>

/* Bumped whenever a signature below changes; Java refuses a library with another value. */
#define SKYCUT_ABI_VERSION 6

/* Instruction-set paths. */
#define SKYCUT_ISA_PORTABLE 0
#define SKYCUT_ISA_AVX2 1
#define SKYCUT_ISA_AVX512 2

/* Return codes. */
#define SKYCUT_OK 0
#define SKYCUT_ERR_ISA (-1)   /* the path is not built in or the CPU lacks it */
#define SKYCUT_ERR_RANGE (-2) /* a range is inverted or negative */

int skycut_abi_version(void);

/* 1 if this library has the path and the CPU (and OS) supports it, else 0. */
int skycut_isa_supported(int isa);

/* The best path this CPU supports. */
int skycut_best_isa(void);

/* One radius for all contaminants. */
int skycut_cut(int isa,
               const double *ox, const double *oy, const double *oz, int64_t objFrom, int64_t objTo,
               const double *cx, const double *cy, const double *cz, int64_t conFrom, int64_t conTo,
               double cosMax, uint8_t *mask);

/* A radius per contaminant: hit when the dot product exceeds cosMaxEach[j]. */
int skycut_cut_each(int isa,
                    const double *ox, const double *oy, const double *oz, int64_t objFrom, int64_t objTo,
                    const double *cx, const double *cy, const double *cz, int64_t conFrom, int64_t conTo,
                    const double *cosMaxEach, uint8_t *mask);

/*
 * Many range pairs in one call (the index runs one per cell of a block of objects): for k in
 * [0, count), objects [r[4k], r[4k+1]) against contaminants [r[4k+2], r[4k+3]), as skycut_cut (or,
 * when cosMaxEach is not NULL, skycut_cut_each) would, in order. Every range is checked against
 * nObj and nCon before any is cut: SKYCUT_ERR_RANGE and nothing written if one is outside.
 */
int skycut_cut_ranges(int isa,
                      const double *ox, const double *oy, const double *oz, int64_t nObj,
                      const double *cx, const double *cy, const double *cz, int64_t nCon,
                      double cosMax, const double *cosMaxEach, uint8_t *mask,
                      const int32_t *ranges, int64_t count);

/*
 * The nearest contaminant (no early exit, no mask): for every object of [objFrom, objTo) and every
 * contaminant j of [conFrom, conTo) with dot > threshold (cosMax, or cosMaxEach[j] when that is not
 * NULL), if index[i] < 0, or dot > best[i], or dot == best[i] and ids[j] < index[i], then
 * best[i] = dot and index[i] = ids[j]. ids[j] is contaminant j's original index as a double; index
 * starts at -1 (nothing cuts; best is then not read). Only best[objFrom .. objTo) and index[objFrom .. objTo) are written.
 */
int skycut_nearest(int isa,
                   const double *ox, const double *oy, const double *oz, int64_t objFrom, int64_t objTo,
                   const double *cx, const double *cy, const double *cz, int64_t conFrom, int64_t conTo,
                   double cosMax, const double *cosMaxEach, const double *ids, double *best, int32_t *index);

/* skycut_nearest over range pairs laid out as for skycut_cut_ranges; every range is checked first. */
int skycut_nearest_ranges(int isa,
                          const double *ox, const double *oy, const double *oz, int64_t nObj,
                          const double *cx, const double *cy, const double *cz, int64_t nCon,
                          double cosMax, const double *cosMaxEach, const double *ids, double *best,
                          int32_t *index, const int32_t *ranges, int64_t count);

#include "skycut_index.h" /* ABI 4: the index in C, and skycut_info */

#endif
