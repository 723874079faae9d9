// LAPACKE and CBLAS, bound to Debian's *reference* (netlib) LAPACK and BLAS.
//
// Why not OpenBLAS: Debian bookworm's OpenBLAS 0.3.21 reads past the end of its input in
// zgemv_n (ZEN and Sandybridge kernels), reached from zgesdd even for a 1x1 matrix; a guard
// page right after the matrix turns that into a segfault, by an amount that grows with n
// (scripts/check-lapack-overread.c reproduces it). The reference libraries pass the same test,
// are single-threaded (results never depend on a thread count) and safe to call from
// concurrent Swift tasks. The linker settings of the Simulator target put their directories on
// the run path, so they win over whatever `update-alternatives` selects for liblapack.so.3.
//
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
#include <cblas-netlib.h>
