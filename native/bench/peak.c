/*
 * The hand-tuned reference: the pure max-of-dot throughput of this CPU (unfused), with K objects
 * broadcast in registers and a tile of contaminants in L1, no early exit, on AVX2 and (where the
 * CPU has it) AVX-512, in float64 and float32. Built on demand, never by Maven:
 *   native/bench/build.sh && /tmp/skycut-peak [threads]
 * Prints, per variant, the best of 20 runs of ~10 ms (robust to other processes sharing the
 * cores): G pairs/s over all threads and pairs per core cycle (the clock is measured with a chain
 * of dependent integer adds, 1 cycle each). With threads > 1, each run starts that many threads
 * at once, each on its own copy of the work, and counts the wall time of the slowest.
 */
#define _GNU_SOURCE
#include <immintrin.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define TILE 1024
#define REPS 20
#define PASSES 50000 /* ~10 ms a run at the peaks measured here */

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

/*
 * K objects against the tile, `passes` times, accumulating a running maximum of the dot products
 * (ACC = MAX) or or-ing their comparisons with a threshold (ACC = CMP). VT vectors of LANES
 * elements of type T from the arrays CX, CY, CZ; the rest is the instruction set's vocabulary.
 */
#define PEAK(K, NAME, TARGET, VT, T, LANES, CX, CY, CZ, SET1, LOAD, MUL, ADD, ACC, FIRST)             \
    __attribute__((target(TARGET))) static void NAME(const double *o, long passes) {                \
        VT X[K], Y[K], Z[K], A[K];                                                                   \
        const VT t = SET1((T) 2.0);                                                                  \
        for (int k = 0; k < K; k++) {                                                                \
            X[k] = SET1((T) o[3 * k]);                                                               \
            Y[k] = SET1((T) o[3 * k + 1]);                                                           \
            Z[k] = SET1((T) o[3 * k + 2]);                                                           \
            A[k] = SET1((T) -INFINITY);                                                              \
        }                                                                                            \
        for (long p = 0; p < passes; p++) {                                                          \
            for (int j = 0; j < TILE; j += LANES) {                                                  \
                const VT a = LOAD(CX + j), b = LOAD(CY + j), c = LOAD(CZ + j);                       \
                _Pragma("GCC unroll 8") for (int k = 0; k < K; k++) {                                \
                    const VT d = ADD(ADD(MUL(X[k], a), MUL(Y[k], b)), MUL(Z[k], c));                 \
                    A[k] = ACC(A[k], d, t);                                                          \
                }                                                                                    \
            }                                                                                        \
            __asm__ volatile("" ::: "memory");                                                       \
        }                                                                                            \
        (void) t;                                                                                    \
        double s = 0;                                                                                \
        for (int k = 0; k < K; k++) s += FIRST(A[k]);                                                \
        sink = s;                                                                                    \
    }

/* AVX2 */
#define MAX4D(a, d, t) _mm256_max_pd(a, d)
#define CMP4D(a, d, t) _mm256_or_pd(a, _mm256_cmp_pd(d, t, _CMP_GT_OQ))
#define MAX8F(a, d, t) _mm256_max_ps(a, d)
#define D256(K, NAME, ACC) PEAK(K, NAME, "avx2", __m256d, double, 4, cx, cy, cz, _mm256_set1_pd, \
                                _mm256_load_pd, _mm256_mul_pd, _mm256_add_pd, ACC, _mm256_cvtsd_f64)
#define F256(K, NAME) PEAK(K, NAME, "avx2", __m256, float, 8, fx, fy, fz, _mm256_set1_ps, _mm256_load_ps, \
                           _mm256_mul_ps, _mm256_add_ps, MAX8F, _mm256_cvtss_f32)
D256(1, d4x1, MAX4D)
D256(2, d4x2, MAX4D)
D256(3, d4x3, MAX4D)
D256(4, d4x4, MAX4D)
D256(4, d4x4c, CMP4D)
F256(2, f8x2)
F256(3, f8x3)
F256(4, f8x4)

/* AVX-512: the comparison accumulates into the max register's lanes through a mask (one op). */
#define MAX8D(a, d, t) _mm512_max_pd(a, d)
#define CMP8D(a, d, t) _mm512_mask_mov_pd(a, _mm512_cmp_pd_mask(d, t, _CMP_GT_OQ), d)
#define MAX16F(a, d, t) _mm512_max_ps(a, d)
#define D512(K, NAME, ACC) PEAK(K, NAME, "avx512f", __m512d, double, 8, cx, cy, cz, _mm512_set1_pd, \
                                _mm512_load_pd, _mm512_mul_pd, _mm512_add_pd, ACC, _mm512_cvtsd_f64)
#define F512(K, NAME) PEAK(K, NAME, "avx512f", __m512, float, 16, fx, fy, fz, _mm512_set1_ps, \
                           _mm512_load_ps, _mm512_mul_ps, _mm512_add_ps, MAX16F, _mm512_cvtss_f32)
D512(2, d8x2, MAX8D)
D512(4, d8x4, MAX8D)
D512(6, d8x6, MAX8D)
D512(8, d8x8, MAX8D)
D512(4, d8x4c, CMP8D)
F512(2, f16x2)
F512(4, f16x4)
F512(6, f16x6)
F512(8, f16x8)

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

typedef void (*peak_fn)(const double *, long);
static const double OBJ[24] = {0.1, 0.2, 0.97, 0.3, 0.1, 0.94, 0.5, 0.5, 0.7, 0.6, 0.1, 0.79,
                               0.2, 0.1, 0.97, 0.1, 0.3, 0.94, 0.5, 0.7, 0.5, 0.1, 0.6, 0.79};

static void *work(void *f) {
    ((peak_fn) f)(OBJ, PASSES);
    return NULL;
}

/* One run of f on `threads` threads at once: the wall time. */
static double timed(peak_fn f, int threads) {
    pthread_t th[64];
    const double t0 = now();
    for (int i = 1; i < threads; i++) pthread_create(&th[i], NULL, work, (void *) f);
    work((void *) f);
    for (int i = 1; i < threads; i++) pthread_join(th[i], NULL);
    return now() - t0;
}

static void run(const char *name, peak_fn f, int k, double hz, int threads) {
    double best = 1e30;
    f(OBJ, PASSES / 10);
    for (int r = 0; r < REPS; r++) {
        const double dt = timed(f, threads);
        if (dt < best) best = dt;
    }
    const double pairs = (double) k * TILE * PASSES * threads;
    printf("%-28s %6.2f G pairs/s  %5.2f pairs/cycle/core\n", name, pairs / best * 1e-9,
           pairs / best / hz / threads);
}

int main(int argc, char **argv) {
    const int threads = argc > 1 ? atoi(argv[1]) : 1;
    if (threads < 1 || threads > 64) {
        fprintf(stderr, "usage: skycut-peak [threads 1..64]\n");
        return 2;
    }
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
    printf("core clock (dependent adds, best of %d): %.2f GHz; %d thread(s)\n", REPS, hz * 1e-9, threads);
    run("avx2    f64 max   1 object", d4x1, 1, hz, threads);
    run("avx2    f64 max   2 objects", d4x2, 2, hz, threads);
    run("avx2    f64 max   3 objects", d4x3, 3, hz, threads);
    run("avx2    f64 max   4 objects", d4x4, 4, hz, threads);
    run("avx2    f64 cmp   4 objects", d4x4c, 4, hz, threads);
    run("avx2    f32 max   2 objects", f8x2, 2, hz, threads);
    run("avx2    f32 max   3 objects", f8x3, 3, hz, threads);
    run("avx2    f32 max   4 objects", f8x4, 4, hz, threads);
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("avx512f")) {
        printf("avx512: not on this CPU\n");
        return 0;
    }
    run("avx512  f64 max   2 objects", d8x2, 2, hz, threads);
    run("avx512  f64 max   4 objects", d8x4, 4, hz, threads);
    run("avx512  f64 max   6 objects", d8x6, 6, hz, threads);
    run("avx512  f64 max   8 objects", d8x8, 8, hz, threads);
    run("avx512  f64 cmp   4 objects", d8x4c, 4, hz, threads);
    run("avx512  f32 max   2 objects", f16x2, 2, hz, threads);
    run("avx512  f32 max   4 objects", f16x4, 4, hz, threads);
    run("avx512  f32 max   6 objects", f16x6, 6, hz, threads);
    run("avx512  f32 max   8 objects", f16x8, 8, hz, threads);
    return 0;
}
