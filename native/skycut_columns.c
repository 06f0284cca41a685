/*
 * skycut_unit_check and skycut_rows_split (ABI 6): the per-point work of taking a catalogue in, in
 * C, so that wrapping 10^7 points does no per-point Java (see skycut_index.h for the slots).
 * The check is SkyPoints' (io.github.skycut.SkyPoints.checkUnitVectors), operation for operation,
 * in IEEE double, unfused (-ffp-contract=off):
 *     a vector fails when !(|sqrt((x*x + y*y) + z*z) - 1| <= tolerance)
 * (NaN and infinite components fail too). C only finds the first failing row; Java checks that row
 * again with its own code and writes the message. Nothing is read or written outside the n rows
 * and columns given (their sizes are checked in Java before the call).
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "skycut.h"
#include "skycut_index.h"

#define EXPORT __attribute__((visibility("default")))

static double slot_double(const int64_t *slots, int k) {
    double d;
    memcpy(&d, &slots[k], sizeof d);
    return d;
}

static int fails(double x, double y, double z, double tolerance) {
    double length = sqrt(x * x + y * y + z * z);
    return !(fabs(length - 1.0) <= tolerance);
}

EXPORT int skycut_unit_check(int64_t *slots) {
    const double *x = (const double *) (intptr_t) slots[SK_UC_X];
    const double *y = (const double *) (intptr_t) slots[SK_UC_Y];
    const double *z = (const double *) (intptr_t) slots[SK_UC_Z];
    int64_t n = slots[SK_UC_N];
    double tolerance = slot_double(slots, SK_UC_TOLERANCE);
    slots[SK_UC_FIRST_BAD] = -1;
    if (n < 0) {
        return SKYCUT_ERR_RANGE;
    }
    for (int64_t i = 0; i < n; i++) {
        if (fails(x[i], y[i], z[i], tolerance)) {
            slots[SK_UC_FIRST_BAD] = i;
            return SKYCUT_OK;
        }
    }
    return SKYCUT_OK;
}

EXPORT int skycut_rows_split(int64_t *slots) {
    const double *rows = (const double *) (intptr_t) slots[SK_RS_ROWS];
    int64_t n = slots[SK_RS_N];
    double *x = (double *) (intptr_t) slots[SK_RS_X];
    double *y = (double *) (intptr_t) slots[SK_RS_Y];
    double *z = (double *) (intptr_t) slots[SK_RS_Z];
    double tolerance = slot_double(slots, SK_RS_TOLERANCE);
    slots[SK_RS_FIRST_BAD] = -1;
    if (n < 0) {
        return SKYCUT_ERR_RANGE;
    }
    int64_t bad = -1;
    for (int64_t i = 0; i < n; i++) {
        double a = rows[3 * i], b = rows[3 * i + 1], c = rows[3 * i + 2];
        x[i] = a;
        y[i] = b;
        z[i] = c;
        if (bad < 0 && fails(a, b, c, tolerance)) {
            bad = i;
        }
    }
    slots[SK_RS_FIRST_BAD] = bad;
    return SKYCUT_OK;
}
