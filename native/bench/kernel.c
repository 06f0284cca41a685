/*
 * The library's kernel on the worst case (random sky, 1 arcsec: no hit, no early exit), best of
 * 20 runs, to compare with peak.c. Built on demand:
 *   native/bench/build.sh && /tmp/skycut-kernel-bench [objects contaminants [isa[-each] [runs]]]
 */
#define _POSIX_C_SOURCE 199309L
#define SK_PI 3.14159265358979323846
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../cut_internal.h"

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static void sky(long n, double *x, double *y, double *z) {
    for (long i = 0; i < n; i++) {
        const double ra = 2 * SK_PI * (rand() / (double) RAND_MAX);
        const double dec = asin(2 * (rand() / (double) RAND_MAX) - 1);
        x[i] = cos(dec) * cos(ra);
        y[i] = cos(dec) * sin(ra);
        z[i] = sin(dec);
    }
}

int main(int argc, char **argv) {
    const long no = argc > 1 ? atol(argv[1]) : 10000, nc = argc > 2 ? atol(argv[2]) : 10000;
    const char *isa = argc > 3 ? argv[3] : "avx2";
    const int reps = argc > 4 ? atoi(argv[4]) : 20;
    double *o = malloc(sizeof(double) * 3 * no), *c = malloc(sizeof(double) * 3 * nc);
    uint8_t *mask = malloc(no);
    srand(7);
    sky(no, o, o + no, o + 2 * no);
    sky(nc, c, c + nc, c + 2 * nc);
    const double cosMax = cos(SK_PI / 180 / 3600);
    int (*f)(const double *, const double *, const double *, int64_t, int64_t, const double *,
             const double *, const double *, int64_t, int64_t, double, uint8_t *) =
        strncmp(isa, "portable", 8) == 0 ? skycut_cut_fixed_portable
        : strncmp(isa, "avx512", 6) == 0 ? skycut_cut_fixed_avx512 : skycut_cut_fixed_avx2;
    const int each = strstr(isa, "-each") != NULL;
    int (*g)(const double *, const double *, const double *, int64_t, int64_t, const double *,
             const double *, const double *, int64_t, int64_t, const double *, uint8_t *) =
        strncmp(isa, "portable", 8) == 0 ? skycut_cut_each_portable
        : strncmp(isa, "avx512", 6) == 0 ? skycut_cut_each_avx512 : skycut_cut_each_avx2;
    double *te = malloc(sizeof(double) * nc);
    for (long j = 0; j < nc; j++) te[j] = cosMax;
    double best = 1e30;
    long cut = 0;
    for (int r = 0; r < reps; r++) {
        memset(mask, 0, no);
        const double t0 = now();
        if (each) {
            g(o, o + no, o + 2 * no, 0, no, c, c + nc, c + 2 * nc, 0, nc, te, mask);
        } else {
            f(o, o + no, o + 2 * no, 0, no, c, c + nc, c + 2 * nc, 0, nc, cosMax, mask);
        }
        const double dt = now() - t0;
        if (dt < best) best = dt;
        cut = 0;
        for (long i = 0; i < no; i++) cut += mask[i];
    }
    printf("%s %ld x %ld: %.3f ms, %.2f G pairs/s (cut %ld)\n", isa, no, nc, best * 1e3,
           (double) no * nc / best * 1e-9, cut);
    return 0;
}
