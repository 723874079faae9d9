// Types of the LAPACKE and CBLAS entry points the simulator calls. Nothing here is linked: the
// Simulator loads Debian's *reference* (netlib) LAPACK and BLAS at run time from their fixed paths
// (Sources/Simulator/LinearAlgebra/ReferenceLAPACK.swift) and binds these entry points by dlsym.
//
// Why not OpenBLAS: Debian bookworm's OpenBLAS 0.3.21 reads past the end of its input in
// zgemv_n (ZEN and Sandybridge kernels), reached from zgesdd even for a 1x1 matrix; a guard
// page right after the matrix turns that into a segfault, by an amount that grows with n
// (scripts/check-lapack-overread.c reproduces it). The reference libraries pass the same test,
// are single-threaded (results never depend on a thread count) and safe to call from
// concurrent Swift tasks.
//
// Why not link them: `-llapack` resolves through liblapack.so.3, which `update-alternatives` may
// point at OpenBLAS, and overriding that needs an rpath, i.e. `unsafeFlags`, which SwiftPM refuses
// in a versioned dependency. Loading by full path pins the library for every consumer.
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

// Function-pointer types taken from the headers' own prototypes, so a binding cannot drift from them.
typedef __typeof__(LAPACKE_zheevd) *qb_LAPACKE_zheevd_fn;
typedef __typeof__(LAPACKE_zgesv) *qb_LAPACKE_zgesv_fn;
typedef __typeof__(LAPACKE_zgesdd) *qb_LAPACKE_zgesdd_fn;
typedef __typeof__(LAPACKE_zgeev) *qb_LAPACKE_zgeev_fn;
typedef __typeof__(cblas_zgemm) *qb_cblas_zgemm_fn;

