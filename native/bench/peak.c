/*
 * The hand-tuned reference: the pure max-of-dot throughput of this CPU (AVX2, unfused), with K
 * objects broadcast in registers and a tile of contaminants in L1, no early exit. Built on demand,
 * never by Maven:
 *   gcc -O3 -mavx2 -ffp-contract=off -o /tmp/peak native/bench/peak.c && /tmp/peak
 * Prints, per variant, the best of 20 runs of ~20 ms (robust to other processes sharing the
 * cores): G pairs/s and pairs per core cycle (the clock is measured with a chain of dependent
 * integer adds, 1 cycle each).
 */
#define _POSIX_C_SOURCE 199309L
#include <immintrin.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define TILE 1024
#define REPS 20

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static double cx[TILE] __attribute__((aligned(64))), cy[TILE] __attribute__((aligned(64))),
    cz[TILE] __attribute__((aligned(64)));
static float fx[TILE] __attribute__((aligned(64))), fy[TILE] __attribute__((aligned(64))),
    fz[TILE] __attribute__((aligned(64)));
static volatile double sink;

/* K objects against the tile, `passes` times; max accumulators (M) or compare-or (C). */
#define PEAK_D(K, NAME, ACC)                                                                          \
    static void NAME(const double *o, long passes) {                                                 \
        __m256d X[K], Y[K], Z[K], A[K];                                                              \
        const __m256d t = _mm256_set1_pd(2.0);                                                       \
        for (int k = 0; k < K; k++) {                                                                \
            X[k] = _mm256_set1_pd(o[3 * k]);                                                         \
            Y[k] = _mm256_set1_pd(o[3 * k + 1]);                                                     \
            Z[k] = _mm256_set1_pd(o[3 * k + 2]);                                                     \
            A[k] = _mm256_setzero_pd();                                                              \
        }                                                                                            \
        for (long p = 0; p < passes; p++) {                                                          \
            for (int j = 0; j < TILE; j += 4) {                                                      \
                const __m256d a = _mm256_load_pd(cx + j), b = _mm256_load_pd(cy + j),                \
                              c = _mm256_load_pd(cz + j);                                            \
                _Pragma("GCC unroll 8") for (int k = 0; k < K; k++) {                                \
                    const __m256d d = _mm256_add_pd(                                                 \
                        _mm256_add_pd(_mm256_mul_pd(X[k], a), _mm256_mul_pd(Y[k], b)),               \
                        _mm256_mul_pd(Z[k], c));                                                     \
                    A[k] = ACC;                                                                      \
                }                                                                                    \
            }                                                                                        \
            __asm__ volatile("" ::: "memory");                                                       \
        }                                                                                            \
        double s = 0;                                                                                \
        for (int k = 0; k < K; k++) s += _mm256_cvtsd_f64(A[k]);                                     \
        sink = s;                                                                                    \
        (void) t;                                                                                    \
    }
#define PEAK_F(K, NAME)                                                                               \
    static void NAME(const double *o, long passes) {                                                 \
        __m256 X[K], Y[K], Z[K], A[K];                                                               \
        for (int k = 0; k < K; k++) {                                                                \
            X[k] = _mm256_set1_ps((float) o[3 * k]);                                                 \
            Y[k] = _mm256_set1_ps((float) o[3 * k + 1]);                                             \
            Z[k] = _mm256_set1_ps((float) o[3 * k + 2]);                                             \
            A[k] = _mm256_set1_ps(-INFINITY);                                                        \
        }                                                                                            \
        for (long p = 0; p < passes; p++) {                                                          \
            for (int j = 0; j < TILE; j += 8) {                                                      \
                const __m256 a = _mm256_load_ps(fx + j), b = _mm256_load_ps(fy + j),                 \
                             c = _mm256_load_ps(fz + j);                                             \
                _Pragma("GCC unroll 8") for (int k = 0; k < K; k++) {                                \
                    A[k] = _mm256_max_ps(A[k], _mm256_add_ps(_mm256_add_ps(_mm256_mul_ps(X[k], a),    \
                                                                           _mm256_mul_ps(Y[k], b)),   \
                                                             _mm256_mul_ps(Z[k], c)));               \
                }                                                                                    \
            }                                                                                        \
            __asm__ volatile("" ::: "memory");                                                       \
        }                                                                                            \
        double s = 0;                                                                                \
        for (int k = 0; k < K; k++) s += _mm256_cvtss_f32(A[k]);                                     \
        sink = s;                                                                                    \
    }

#define MAXD _mm256_max_pd(A[k], d)
#define CMPD _mm256_or_pd(A[k], _mm256_cmp_pd(d, t, _CMP_GT_OQ))
PEAK_D(1, d1m, MAXD)
PEAK_D(2, d2m, MAXD)
PEAK_D(3, d3m, MAXD)
PEAK_D(4, d4m, MAXD)
PEAK_D(2, d2c, CMPD)
PEAK_D(3, d3c, CMPD)
PEAK_D(4, d4c, CMPD)
PEAK_F(2, f2m)
PEAK_F(3, f3m)
PEAK_F(4, f4m)

/* The core clock: a chain of dependent integer adds, one per cycle. */
static double clock_hz(void) {
    double best = 1e30;
    const long n = 20000000;
    for (int r = 0; r < REPS; r++) {
        long x = 0;
        const double t0 = now();
        for (long i = 0; i < n; i++) {
            __asm__ volatile("add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0" : "+r"(x));
        }
        const double dt = now() - t0;
        if (dt < best) best = dt;
    }
    return 4.0 * n / best;
}

static void run(const char *name, void (*f)(const double *, long), int k, double hz) {
    const double o[12] = {0.1, 0.2, 0.97, 0.3, 0.1, 0.94, 0.5, 0.5, 0.7, 0.6, 0.1, 0.79};
    const long passes = 2000;
    double best = 1e30;
    f(o, passes / 10);
    for (int r = 0; r < REPS; r++) {
        const double t0 = now();
        f(o, passes);
        const double dt = now() - t0;
        if (dt < best) best = dt;
    }
    const double pairs = (double) k * TILE * passes;
    printf("%-30s %6.2f G pairs/s  %5.2f pairs/cycle\n", name, pairs / best * 1e-9, pairs / best / hz);
}

int main(void) {
    srand(1);
    for (int j = 0; j < TILE; j++) {
        cx[j] = rand() / (double) RAND_MAX - 0.5;
        cy[j] = rand() / (double) RAND_MAX - 0.5;
        cz[j] = rand() / (double) RAND_MAX - 0.5;
        fx[j] = (float) cx[j];
        fy[j] = (float) cy[j];
        fz[j] = (float) cz[j];
    }
    const double hz = clock_hz();
    printf("core clock (dependent adds, best of %d): %.2f GHz\n", REPS, hz * 1e-9);
    run("f64 max  1 object", d1m, 1, hz);
    run("f64 max  2 objects", d2m, 2, hz);
    run("f64 max  3 objects", d3m, 3, hz);
    run("f64 max  4 objects", d4m, 4, hz);
    run("f64 cmp|or 2 objects", d2c, 2, hz);
    run("f64 cmp|or 3 objects", d3c, 3, hz);
    run("f64 cmp|or 4 objects", d4c, 4, hz);
    run("f32 max  2 objects", f2m, 2, hz);
    run("f32 max  3 objects", f3m, 3, hz);
    run("f32 max  4 objects", f4m, 4, hz);
    return 0;
}
