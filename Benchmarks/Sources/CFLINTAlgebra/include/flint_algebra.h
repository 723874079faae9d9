// The exact-algebra benchmark workloads written directly against FLINT in C: the same
// sequence of FLINT calls the Swift wrappers make, so the ratio is the wrapper's own cost.
#ifndef QB_FLINT_ALGEBRA_H
#define QB_FLINT_ALGEBRA_H
/// Çakmak Eq. (15) at N: the sum of the proof file's summands normalised over a shared
/// denominator, compared with the closed form. Returns 1 when equal, and the number of terms of
/// the sum's numerator in *terms.
int qb_flint_eq15(int n, long *terms);
/// Çakmak Eq. (16) (W/ω) at N, likewise.
int qb_flint_eq16(int n, long *terms);
/// gcd of two expanded bivariate polynomials with a planted common factor of degree `k`
/// (see bench-algebra for the definition); returns the number of terms of the gcd.
long qb_flint_gcd2(int k);
#endif
