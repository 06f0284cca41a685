/*
 * skycut_ellipse_ranges (ABI 5): the ellipse test of the survey mask, in C, over many range pairs
 * in one call (see skycut_index.h for the slots). The decision is the Java reference's
 * (io.github.skycut.internal.kernel.Ellipses), operation for operation, in IEEE double, unfused
 * (-ffp-contract=off):
 *     w = (o.x*c.x + o.y*c.y) + o.z*c.z,  u = the same with A,  v = the same with B
 *     inside when w > 0 && w*w > u*u + v*v
 * Plain C: the compiler may vectorise it on the baseline instruction set, never fuse it.
 * Every range, and every row an id names, is checked before anything is written: nothing is read
 * outside the sizes given.
 */
#include <stddef.h>
#include <stdint.h>

#include "skycut.h"
#include "skycut_index.h"

#define EXPORT __attribute__((visibility("default")))
#define STRIDE 8

static int inside(double x, double y, double z, double cx, double cy, double cz, const double *r) {
    double w = (x * cx + y * cy) + z * cz;
    double u = (x * r[0] + y * r[1]) + z * r[2];
    double v = (x * r[3] + y * r[4]) + z * r[5];
    return w > 0 && w * w > u * u + v * v;
}

static int checked(const int32_t *ranges, int64_t count, int64_t nObj, int64_t nCon, const double *ids,
                   int64_t nAxes) {
    for (int64_t k = 0; k < count; k++) {
        const int32_t *r = ranges + 4 * k;
        if (r[0] < 0 || r[1] < r[0] || r[1] > nObj || r[2] < 0 || r[3] < r[2] || r[3] > nCon) {
            return 0;
        }
        if (ids == NULL) {
            if (r[3] > nAxes) {
                return 0;
            }
            continue;
        }
        for (int32_t j = r[2]; j < r[3]; j++) {
            if (!(ids[j] >= 0 && ids[j] < (double) nAxes)) {
                return 0;
            }
        }
    }
    return 1;
}

EXPORT int skycut_ellipse_ranges(int64_t *slots) {
    const double *ox = (const double *) (intptr_t) slots[SK_EL_OX];
    const double *oy = (const double *) (intptr_t) slots[SK_EL_OY];
    const double *oz = (const double *) (intptr_t) slots[SK_EL_OZ];
    int64_t nObj = slots[SK_EL_N_OBJ];
    const double *cx = (const double *) (intptr_t) slots[SK_EL_CX];
    const double *cy = (const double *) (intptr_t) slots[SK_EL_CY];
    const double *cz = (const double *) (intptr_t) slots[SK_EL_CZ];
    int64_t nCon = slots[SK_EL_N_CON];
    const double *axes = (const double *) (intptr_t) slots[SK_EL_AXES];
    int64_t nAxes = slots[SK_EL_N_AXES];
    const double *ids = (const double *) (intptr_t) slots[SK_EL_IDS];
    uint8_t *mask = (uint8_t *) (intptr_t) slots[SK_EL_MASK];
    const int32_t *ranges = (const int32_t *) (intptr_t) slots[SK_EL_RANGES];
    int64_t count = slots[SK_EL_COUNT];
    if (count < 0 || nObj < 0 || nCon < 0 || nAxes < 0 || !checked(ranges, count, nObj, nCon, ids, nAxes)) {
        return SKYCUT_ERR_RANGE;
    }
    for (int64_t k = 0; k < count; k++) {
        const int32_t *r = ranges + 4 * k;
        for (int32_t i = r[0]; i < r[1]; i++) {
            if (mask[i] != 0) {
                continue;
            }
            double x = ox[i], y = oy[i], z = oz[i];
            for (int32_t j = r[2]; j < r[3]; j++) {
                int64_t row = ids == NULL ? j : (int64_t) ids[j];
                if (inside(x, y, z, cx[j], cy[j], cz[j], axes + STRIDE * row)) {
                    mask[i] = 1;
                    break;
                }
            }
        }
    }
    return SKYCUT_OK;
}
