// LAPACKE (row/column-major C interface to LAPACK) and OpenBLAS's thread control.
#include <lapacke.h>
#include <cblas.h>
