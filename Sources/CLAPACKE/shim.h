// LAPACKE (row/column-major C interface to LAPACK) and OpenBLAS's thread control.
// Complex numbers cross the C boundary as a plain {real, imag} struct: Swift does not import
// C99 `double _Complex`, and the struct has the same layout (two adjacent doubles).
#define LAPACK_COMPLEX_CUSTOM
typedef struct { float real, imag; } qb_complex_float;
typedef struct { double real, imag; } qb_complex_double;
#define lapack_complex_float qb_complex_float
#define lapack_complex_double qb_complex_double
#define lapack_complex_float_real(z) ((z).real)
#define lapack_complex_float_imag(z) ((z).imag)
#define lapack_complex_double_real(z) ((z).real)
#define lapack_complex_double_imag(z) ((z).imag)
#include <lapacke.h>
#include <cblas.h>
