// FLINT 2.9 for Swift (Debian libflint-dev; no .pc file, found by header presence like MPFI).
// Only the headers the Algebra wrappers use. FLINT spells a few accessors as macros, which
// Swift cannot import; the inline functions below give those a callable name.
#ifndef QBATTERY_CFLINT_SHIM_H
#define QBATTERY_CFLINT_SHIM_H
#include <stddef.h>
#include <gmp.h>
#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>
#include <flint/fmpz_poly.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpq_mpoly.h>
#include <flint/fmpq_mpoly_factor.h>
#include <flint/fmpz_mat.h>
#include <flint/fmpq_mat.h>
#include <flint/nmod_mat.h>

static inline fmpz *_Nonnull qb_fmpq_numref(fmpq *q) { return fmpq_numref(q); }
static inline fmpz *_Nonnull qb_fmpq_denref(fmpq *q) { return fmpq_denref(q); }
static inline fmpq *_Nonnull qb_fmpq_mat_entry(const fmpq_mat_struct *m, slong i, slong j) { return fmpq_mat_entry(m, i, j); }
static inline fmpz *_Nonnull qb_fmpz_mat_entry(const fmpz_mat_struct *m, slong i, slong j) { return fmpz_mat_entry(m, i, j); }
static inline slong qb_fmpq_mat_nrows(const fmpq_mat_struct *m) { return m->r; }
static inline slong qb_fmpq_mat_ncols(const fmpq_mat_struct *m) { return m->c; }
static inline slong qb_fmpz_mat_nrows(const fmpz_mat_struct *m) { return m->r; }
static inline slong qb_fmpz_mat_ncols(const fmpz_mat_struct *m) { return m->c; }
static inline mp_limb_t qb_nmod_mat_entry(const nmod_mat_struct *m, slong i, slong j) { return nmod_mat_entry(m, i, j); }
static inline void qb_nmod_mat_set_entry(nmod_mat_struct *m, slong i, slong j, mp_limb_t x) { nmod_mat_entry(m, i, j) = x; }
static inline slong qb_fmpq_poly_length(const fmpq_poly_struct *p) { return p->length; }
#endif
