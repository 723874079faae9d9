#ifndef QBATTERY_CMPFRGRID_H
#define QBATTERY_CMPFRGRID_H
/// Each function evaluates one closed form on the benchmark grid (N = 1…64, 200 parameter
/// values, ω = 1) at `prec` bits, round to nearest, and returns the sum of the values as a
/// double (a checksum the Swift side must reproduce, and a guard against dead-code removal).
double qb_grid_gamma(long prec);
double qb_grid_coherence(long prec);
double qb_grid_ergotropy(long prec);
#endif
