// Reproduces the OpenBLAS 0.3.21 over-read that made qbattery use reference LAPACK/BLAS:
// each matrix ends exactly at an unmapped guard page (minus SLACK bytes), so any read past
// its end faults. Build: cc check-lapack-overread.c -llapacke; run it as is (OpenBLAS
// selected by update-alternatives: segfault at n=1) and with
// LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/lapack:/usr/lib/x86_64-linux-gnu/blas (reference: "all sizes ok").
#include <lapacke.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
// Place an m×n complex matrix so that it ends exactly where an unmapped page begins.
static void *guarded(size_t bytes, void **base, size_t *total) {
    size_t page = sysconf(_SC_PAGESIZE);
    size_t span = (bytes + page - 1) / page * page;
    *total = span + page;
    char *p = mmap(NULL, *total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    mprotect(p + span, page, PROT_NONE);
    *base = p;
    return p + span - bytes - atoi(getenv("SLACK") ? getenv("SLACK") : "0");
}
int main(int argc, char **argv) {
    srand(1);
    for (int n = 1; n <= 300; n++) {
        int m = n;
        void *base; size_t total;
        lapack_complex_double *a = guarded(sizeof(lapack_complex_double) * m * n, &base, &total);
        for (int i = 0; i < m * n; i++) a[i] = lapack_make_complex_double(rand() / (double)RAND_MAX, rand() / (double)RAND_MAX);
        double *s = malloc(sizeof(double) * n);
        lapack_complex_double *u = malloc(sizeof(lapack_complex_double) * m * m), *vt = malloc(sizeof(lapack_complex_double) * n * n);
        int info = LAPACKE_zgesdd(LAPACK_COL_MAJOR, 'A', m, n, a, m, s, u, m, vt, n);
        fprintf(stderr, "n=%d\n", n); if (info) printf("n=%d info=%d\n", n, info);
        munmap(base, total); free(s); free(u); free(vt);
    }
    printf("all sizes ok\n");
    return 0;
}
