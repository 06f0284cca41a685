/* The per-ISA kernels behind the dispatch in skycut.c (not exported from the library). */
#ifndef SKYCUT_CUT_INTERNAL_H
#define SKYCUT_CUT_INTERNAL_H

#include <stdint.h>

#define SKYCUT_KERNELS(suffix)                                                                          \
    int skycut_cut_fixed_##suffix(const double *ox, const double *oy, const double *oz, int64_t objFrom, \
                                  int64_t objTo, const double *cx, const double *cy, const double *cz,   \
                                  int64_t conFrom, int64_t conTo, double cosMax, uint8_t *mask);         \
    int skycut_cut_each_##suffix(const double *ox, const double *oy, const double *oz, int64_t objFrom,  \
                                 int64_t objTo, const double *cx, const double *cy, const double *cz,    \
                                 int64_t conFrom, int64_t conTo, const double *cosMaxEach, uint8_t *mask);  \
    int skycut_nearest_##suffix(const double *ox, const double *oy, const double *oz, int64_t objFrom,   \
                                int64_t objTo, const double *cx, const double *cy, const double *cz,     \
                                int64_t conFrom, int64_t conTo, double cosMax, const double *cosMaxEach, \
                                const double *ids, double *best, int32_t *index);                       \
    int skycut_lanes_fixed_##suffix(const double *ox, const double *oy, const double *oz, int64_t objFrom, \
                                    int64_t objTo, const double *cx, const double *cy, const double *cz, \
                                    int64_t conFrom, int64_t conTo, double cosMax, uint8_t *mask);      \
    int skycut_lanes_each_##suffix(const double *ox, const double *oy, const double *oz, int64_t objFrom, \
                                   int64_t objTo, const double *cx, const double *cy, const double *cz, \
                                   int64_t conFrom, int64_t conTo, const double *cosMaxEach, uint8_t *mask);

SKYCUT_KERNELS(avx512)
SKYCUT_KERNELS(avx2)
SKYCUT_KERNELS(portable)

#endif
