// MPFI: interval arithmetic on MPFR with outward rounding (Debian libmpfi-dev; no .pc file).
#include <mpfi.h>
static inline __mpfr_struct *_Nonnull qb_mpfi_left(__mpfi_struct *x) { return &x->left; }
static inline __mpfr_struct *_Nonnull qb_mpfi_right(__mpfi_struct *x) { return &x->right; }
static inline const __mpfr_struct *_Nonnull qb_mpfi_left_const(const __mpfi_struct *x) { return &x->left; }
static inline const __mpfr_struct *_Nonnull qb_mpfi_right_const(const __mpfi_struct *x) { return &x->right; }
