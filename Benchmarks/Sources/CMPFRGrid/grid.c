// The benchmark grid in plain C on MPFR, written the way an MPFR programmer would: temporaries
// initialised once and reused, integer operands through the _ui/_si entry points.
//   Γ(N, β) = 2N² cosh(Nβω/2) / (2 cosh(βω/2))^N            (Mayo Eq. 9 generalised, textbook form)
//   C(N, r) = (r − 1)(r + 1)^N / (r^{N+1} − 1) − 1            (Çakmak Eq. 15)
//   W(N, r) = ω(N + (N + r)/(r^{N+1} − 1) + r/(1 − r))         (Çakmak Eq. 16)
// β_j = j/20 and r_j = j/201 for j = 1…200; ω = 1 (a parameter, so a full multiplication).
// C and W follow the printed expressions' order, operation by operation, as the package's one
// generic implementation (`Cakmak.coherenceEq15`, `Cakmak.ergotropyEq16`) evaluates them.
#include <mpfr.h>
#include "grid.h"

#define NMAX 64
#define POINTS 200

double qb_grid_gamma(long prec) {
    mpfr_t beta, x, a, b, r, sum;
    mpfr_inits2(prec, beta, x, a, b, r, sum, (mpfr_ptr) 0);
    mpfr_set_zero(sum, 1);
    for (long j = 1; j <= POINTS; j++) {
        mpfr_set_ui(beta, j, MPFR_RNDN);
        mpfr_div_ui(beta, beta, 20, MPFR_RNDN);
        for (long n = 1; n <= NMAX; n++) {
            mpfr_div_ui(x, beta, 2, MPFR_RNDN);            // βω/2 with ω = 1
            mpfr_mul_si(a, x, n, MPFR_RNDN);
            mpfr_cosh(a, a, MPFR_RNDN);                    // cosh(Nβω/2)
            mpfr_cosh(b, x, MPFR_RNDN);
            mpfr_mul_ui(b, b, 2, MPFR_RNDN);
            mpfr_pow_si(b, b, n, MPFR_RNDN);               // (2 cosh(βω/2))^N
            mpfr_mul_si(r, a, 2 * n * n, MPFR_RNDN);
            mpfr_div(r, r, b, MPFR_RNDN);
            mpfr_add(sum, sum, r, MPFR_RNDN);
        }
    }
    double s = mpfr_get_d(sum, MPFR_RNDN);
    mpfr_clears(beta, x, a, b, r, sum, (mpfr_ptr) 0);
    return s;
}

double qb_grid_coherence(long prec) {
    mpfr_t rr, a, b, c, sum;
    mpfr_inits2(prec, rr, a, b, c, sum, (mpfr_ptr) 0);
    mpfr_set_zero(sum, 1);
    for (long j = 1; j <= POINTS; j++) {
        mpfr_set_ui(rr, j, MPFR_RNDN);
        mpfr_div_ui(rr, rr, 201, MPFR_RNDN);
        for (long n = 1; n <= NMAX; n++) {
            mpfr_sub_ui(a, rr, 1, MPFR_RNDN);              // r − 1
            mpfr_add_ui(b, rr, 1, MPFR_RNDN);
            mpfr_pow_ui(b, b, n, MPFR_RNDN);               // (r + 1)^N
            mpfr_mul(a, a, b, MPFR_RNDN);
            mpfr_pow_ui(c, rr, n + 1, MPFR_RNDN);
            mpfr_sub_ui(c, c, 1, MPFR_RNDN);               // r^{N+1} − 1
            mpfr_div(a, a, c, MPFR_RNDN);
            mpfr_sub_ui(a, a, 1, MPFR_RNDN);
            mpfr_add(sum, sum, a, MPFR_RNDN);
        }
    }
    double s = mpfr_get_d(sum, MPFR_RNDN);
    mpfr_clears(rr, a, b, c, sum, (mpfr_ptr) 0);
    return s;
}

double qb_grid_ergotropy(long prec) {
    mpfr_t rr, a, b, c, omega, sum;
    mpfr_inits2(prec, rr, a, b, c, omega, sum, (mpfr_ptr) 0);
    mpfr_set_ui(omega, 1, MPFR_RNDN);
    mpfr_set_zero(sum, 1);
    for (long j = 1; j <= POINTS; j++) {
        mpfr_set_ui(rr, j, MPFR_RNDN);
        mpfr_div_ui(rr, rr, 201, MPFR_RNDN);
        for (long n = 1; n <= NMAX; n++) {
            mpfr_add_ui(a, rr, n, MPFR_RNDN);              // N + r
            mpfr_pow_ui(c, rr, n + 1, MPFR_RNDN);
            mpfr_sub_ui(c, c, 1, MPFR_RNDN);               // r^{N+1} − 1
            mpfr_div(a, a, c, MPFR_RNDN);
            mpfr_add_ui(a, a, n, MPFR_RNDN);               // N + (N + r)/(r^{N+1} − 1)
            mpfr_ui_sub(b, 1, rr, MPFR_RNDN);
            mpfr_div(b, rr, b, MPFR_RNDN);                 // r/(1 − r)
            mpfr_add(a, a, b, MPFR_RNDN);
            mpfr_mul(a, a, omega, MPFR_RNDN);              // ω(…)
            mpfr_add(sum, sum, a, MPFR_RNDN);
        }
    }
    double s = mpfr_get_d(sum, MPFR_RNDN);
    mpfr_clears(rr, a, b, c, omega, sum, (mpfr_ptr) 0);
    return s;
}
