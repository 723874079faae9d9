// GMP and MPFR for Swift.
// GMP spells most of its API as macros (mpz_add -> __gmpz_add) and a few as pure macros
// (mpz_sgn, mpq_numref, mpfr_custom_*) that Swift cannot import; the inline functions
// below give those a callable name. Everything else is called through the __gmp* symbols.
#ifndef QBATTERY_CGMPFR_SHIM_H
#define QBATTERY_CGMPFR_SHIM_H
#include <stddef.h>
#include <stdio.h>
#include <gmp.h>
#include <mpfr.h>

static inline int qb_mpz_sgn(const __mpz_struct *z) { return mpz_sgn(z); }
static inline int qb_mpq_sgn(const __mpq_struct *q) { return mpq_sgn(q); }
static inline __mpz_struct *_Nonnull qb_mpq_numref(__mpq_struct *q) { return mpq_numref(q); }
static inline __mpz_struct *_Nonnull qb_mpq_denref(__mpq_struct *q) { return mpq_denref(q); }
static inline const __mpz_struct *_Nonnull qb_mpq_numref_const(const __mpq_struct *q) { return mpq_numref(q); }
static inline const __mpz_struct *_Nonnull qb_mpq_denref_const(const __mpq_struct *q) { return mpq_denref(q); }
static inline size_t qb_mpz_limb_count(const __mpz_struct *z) { return mpz_size(z); }
static inline int qb_mpz_odd_p(const __mpz_struct *z) { return mpz_odd_p(z); }

// MPFR's custom interface: a value whose limbs live in memory we own (tail of one allocation).
static inline size_t qb_mpfr_custom_get_size(mpfr_prec_t p) { return mpfr_custom_get_size(p); }
static inline void qb_mpfr_custom_init_set_zero(__mpfr_struct *x, mpfr_prec_t p, void *limbs) {
    mpfr_custom_init(limbs, p);
    mpfr_custom_init_set(x, MPFR_ZERO_KIND, 0, p, limbs);
}
static inline mpfr_prec_t qb_mpfr_prec_max(void) { return MPFR_PREC_MAX; }
static inline mpfr_exp_t qb_mpfr_exp(const __mpfr_struct *x) { return x->_mpfr_exp; }
static inline int qb_mpfr_signbit(const __mpfr_struct *x) { return mpfr_signbit(x); }
static inline int qb_mpfr_sgn(const __mpfr_struct *x) { return mpfr_sgn(x); }
static inline const mp_limb_t *_Nonnull qb_mpfr_limbs(const __mpfr_struct *x) { return x->_mpfr_d; }
// MPFR keeps per-thread caches (constants, Bernoulli numbers, a pool of mpz_t) in thread-local
// storage and frees them only on request, from the thread that owns them. Threads of the
// concurrency runtime come and go, so `mpfr_free_cache` on the main thread cannot reach theirs:
// every thread that allocates an engine value enrolls once, and a pthread key destructor frees
// that thread's caches when it exits. The fast path is one thread-local load. (Static state in
// a header: each translation unit that uses it gets its own key, and freeing twice is harmless.)
#include <pthread.h>
static void qb_mpfr_free_thread_cache(void *unused) { (void)unused; mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE); }
static inline pthread_key_t *qb_mpfr_cache_key(void) { static pthread_key_t key; return &key; }
static void qb_mpfr_cache_key_create(void) { (void)pthread_key_create(qb_mpfr_cache_key(), qb_mpfr_free_thread_cache); }
static inline void qb_mpfr_enroll_thread(void) {
    static _Thread_local int enrolled;
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    if (__builtin_expect(enrolled, 1)) return;
    enrolled = 1;
    (void)pthread_once(&once, qb_mpfr_cache_key_create);
    (void)pthread_setspecific(*qb_mpfr_cache_key(), (void *)1);
}
#endif
