#include "flint_algebra.h"
#include <flint/fmpq_mpoly.h>

/* A rational function num/den over one fmpq_mpoly context, mirroring MultivariateRationalFunction. */
typedef struct { fmpq_mpoly_t num, den; } rf_struct;
typedef rf_struct rf_t[1];

static void rf_init(rf_t f, const fmpq_mpoly_ctx_t ctx) { fmpq_mpoly_init(f->num, ctx); fmpq_mpoly_init(f->den, ctx); fmpq_mpoly_one(f->den, ctx); }
static void rf_clear(rf_t f, const fmpq_mpoly_ctx_t ctx) { fmpq_mpoly_clear(f->num, ctx); fmpq_mpoly_clear(f->den, ctx); }
static void rf_set_si(rf_t f, slong c, const fmpq_mpoly_ctx_t ctx) { fmpq_mpoly_set_si(f->num, c, ctx); fmpq_mpoly_one(f->den, ctx); }
static void rf_set_fmpz(rf_t f, const fmpz_t c, const fmpq_mpoly_ctx_t ctx) { fmpq_mpoly_set_fmpz(f->num, c, ctx); fmpq_mpoly_one(f->den, ctx); }
static void rf_gen(rf_t f, const fmpq_mpoly_ctx_t ctx) { fmpq_mpoly_gen(f->num, 0, ctx); fmpq_mpoly_one(f->den, ctx); }

/* Denominator leading coefficient made 1 (p, q coprime already). */
static void rf_set_scalar_normalised(rf_t f, const fmpq_mpoly_t p, const fmpq_mpoly_t q, const fmpq_mpoly_ctx_t ctx) {
    fmpq_t lead; fmpq_init(lead);
    fmpq_mpoly_get_term_coeff_fmpq(lead, q, 0, ctx);
    if (fmpq_is_one(lead)) { fmpq_mpoly_set(f->num, p, ctx); fmpq_mpoly_set(f->den, q, ctx); }
    else { fmpq_mpoly_scalar_div_fmpq(f->num, p, lead, ctx); fmpq_mpoly_scalar_div_fmpq(f->den, q, lead, ctx); }
    fmpq_clear(lead);
}

/* p/q normalised by gcd; q != 0. */
static void rf_set_normalised(rf_t f, const fmpq_mpoly_t p, const fmpq_mpoly_t q, const fmpq_mpoly_ctx_t ctx) {
    if (fmpq_mpoly_is_zero(p, ctx)) { fmpq_mpoly_zero(f->num, ctx); fmpq_mpoly_one(f->den, ctx); return; }
    if (fmpq_mpoly_is_fmpq(q, ctx)) {
        fmpq_t c; fmpq_init(c); fmpq_mpoly_get_fmpq(c, q, ctx);
        fmpq_mpoly_scalar_div_fmpq(f->num, p, c, ctx); fmpq_mpoly_one(f->den, ctx); fmpq_clear(c); return;
    }
    fmpq_mpoly_t g, pb, qb; fmpq_mpoly_init(g, ctx); fmpq_mpoly_init(pb, ctx); fmpq_mpoly_init(qb, ctx);
    if (!fmpq_mpoly_is_fmpq(p, ctx) && fmpq_mpoly_gcd_cofactors(g, pb, qb, p, q, ctx) && !fmpq_mpoly_is_one(g, ctx))
        rf_set_scalar_normalised(f, pb, qb, ctx);
    else
        rf_set_scalar_normalised(f, p, q, ctx);
    fmpq_mpoly_clear(g, ctx); fmpq_mpoly_clear(pb, ctx); fmpq_mpoly_clear(qb, ctx);
}

/* Henrici's addition, as MultivariateRationalFunction.+ */
static void rf_add(rf_t s, const rf_t f, const rf_t h, const fmpq_mpoly_ctx_t ctx) {
    rf_t out; rf_init(out, ctx);
    fmpq_mpoly_t t, u; fmpq_mpoly_init(t, ctx); fmpq_mpoly_init(u, ctx);
    if (fmpq_mpoly_is_zero(f->num, ctx)) { fmpq_mpoly_set(out->num, h->num, ctx); fmpq_mpoly_set(out->den, h->den, ctx); }
    else if (fmpq_mpoly_is_zero(h->num, ctx)) { fmpq_mpoly_set(out->num, f->num, ctx); fmpq_mpoly_set(out->den, f->den, ctx); }
    else if (fmpq_mpoly_is_one(h->den, ctx)) {      /* (a + c b)/b */
        fmpq_mpoly_mul(t, h->num, f->den, ctx); fmpq_mpoly_add(out->num, f->num, t, ctx); fmpq_mpoly_set(out->den, f->den, ctx);
    }
    else if (fmpq_mpoly_is_one(f->den, ctx)) {      /* (a d + c)/d */
        fmpq_mpoly_mul(t, f->num, h->den, ctx); fmpq_mpoly_add(out->num, t, h->num, ctx); fmpq_mpoly_set(out->den, h->den, ctx);
    }
    else if (fmpq_mpoly_equal(f->den, h->den, ctx)) { fmpq_mpoly_add(t, f->num, h->num, ctx); rf_set_normalised(out, t, f->den, ctx); }
    else {
        fmpq_mpoly_t g, bg, dg; fmpq_mpoly_init(g, ctx); fmpq_mpoly_init(bg, ctx); fmpq_mpoly_init(dg, ctx);
        fmpq_mpoly_gcd_cofactors(g, bg, dg, f->den, h->den, ctx);
        if (fmpq_mpoly_is_one(g, ctx)) {
            fmpq_mpoly_mul(t, f->num, h->den, ctx); fmpq_mpoly_mul(u, h->num, f->den, ctx);
            fmpq_mpoly_add(out->num, t, u, ctx); fmpq_mpoly_mul(out->den, f->den, h->den, ctx);
        } else {
            fmpq_mpoly_mul(t, f->num, dg, ctx); fmpq_mpoly_mul(u, h->num, bg, ctx); fmpq_mpoly_add(t, t, u, ctx);
            if (fmpq_mpoly_is_zero(t, ctx)) { fmpq_mpoly_zero(out->num, ctx); fmpq_mpoly_one(out->den, ctx); }
            else {
                fmpq_mpoly_t k, tk, gk; fmpq_mpoly_init(k, ctx); fmpq_mpoly_init(tk, ctx); fmpq_mpoly_init(gk, ctx);
                fmpq_mpoly_gcd_cofactors(k, tk, gk, t, g, ctx);
                if (fmpq_mpoly_is_one(k, ctx)) { fmpq_mpoly_set(out->num, t, ctx); fmpq_mpoly_mul(out->den, bg, h->den, ctx); }
                else { fmpq_mpoly_set(out->num, tk, ctx); fmpq_mpoly_mul(u, bg, dg, ctx); fmpq_mpoly_mul(out->den, u, gk, ctx); }
                fmpq_mpoly_clear(k, ctx); fmpq_mpoly_clear(tk, ctx); fmpq_mpoly_clear(gk, ctx);
            }
        }
        fmpq_mpoly_clear(g, ctx); fmpq_mpoly_clear(bg, ctx); fmpq_mpoly_clear(dg, ctx);
    }
    fmpq_mpoly_swap(s->num, out->num, ctx); fmpq_mpoly_swap(s->den, out->den, ctx);
    rf_clear(out, ctx); fmpq_mpoly_clear(t, ctx); fmpq_mpoly_clear(u, ctx);
}

static void rf_neg(rf_t s, const rf_t f, const fmpq_mpoly_ctx_t ctx) { fmpq_mpoly_neg(s->num, f->num, ctx); fmpq_mpoly_set(s->den, f->den, ctx); }

static void rf_sub(rf_t s, const rf_t f, const rf_t h, const fmpq_mpoly_ctx_t ctx) {
    rf_t m; rf_init(m, ctx); rf_neg(m, h, ctx); rf_add(s, f, m, ctx); rf_clear(m, ctx);
}

/* Cross-cancelling product, as MultivariateRationalFunction.* */
static void rf_mul(rf_t s, const rf_t f, const rf_t h, const fmpq_mpoly_ctx_t ctx) {
    if (fmpq_mpoly_is_zero(f->num, ctx) || fmpq_mpoly_is_zero(h->num, ctx)) { fmpq_mpoly_zero(s->num, ctx); fmpq_mpoly_one(s->den, ctx); return; }
    if (fmpq_mpoly_is_one(f->den, ctx) && fmpq_mpoly_is_one(h->den, ctx)) { fmpq_mpoly_mul(s->num, f->num, h->num, ctx); fmpq_mpoly_one(s->den, ctx); return; }
    if (fmpq_mpoly_is_fmpq(h->num, ctx) && fmpq_mpoly_is_one(h->den, ctx)) {
        fmpq_t c; fmpq_init(c); fmpq_mpoly_get_fmpq(c, h->num, ctx);
        fmpq_mpoly_scalar_mul_fmpq(s->num, f->num, c, ctx); fmpq_mpoly_set(s->den, f->den, ctx); fmpq_clear(c); return;
    }
    if (fmpq_mpoly_is_fmpq(f->num, ctx) && fmpq_mpoly_is_one(f->den, ctx)) {
        fmpq_t c; fmpq_init(c); fmpq_mpoly_get_fmpq(c, f->num, ctx);
        fmpq_mpoly_scalar_mul_fmpq(s->num, h->num, c, ctx); fmpq_mpoly_set(s->den, h->den, ctx); fmpq_clear(c); return;
    }
    fmpq_mpoly_t g, a1, d1, c1, b1, p, q;
    fmpq_mpoly_init(g, ctx); fmpq_mpoly_init(a1, ctx); fmpq_mpoly_init(d1, ctx); fmpq_mpoly_init(c1, ctx);
    fmpq_mpoly_init(b1, ctx); fmpq_mpoly_init(p, ctx); fmpq_mpoly_init(q, ctx);
    fmpq_mpoly_gcd_cofactors(g, a1, d1, f->num, h->den, ctx);
    fmpq_mpoly_gcd_cofactors(g, c1, b1, h->num, f->den, ctx);
    fmpq_mpoly_mul(p, a1, c1, ctx); fmpq_mpoly_mul(q, b1, d1, ctx);
    rf_set_scalar_normalised(s, p, q, ctx);
    fmpq_mpoly_clear(g, ctx); fmpq_mpoly_clear(a1, ctx); fmpq_mpoly_clear(d1, ctx); fmpq_mpoly_clear(c1, ctx);
    fmpq_mpoly_clear(b1, ctx); fmpq_mpoly_clear(p, ctx); fmpq_mpoly_clear(q, ctx);
}

static void rf_div(rf_t s, const rf_t f, const rf_t h, const fmpq_mpoly_ctx_t ctx) {
    rf_t r; rf_init(r, ctx); rf_set_scalar_normalised(r, h->den, h->num, ctx); rf_mul(s, f, r, ctx); rf_clear(r, ctx);
}

static void rf_pow(rf_t s, const rf_t f, ulong e, const fmpq_mpoly_ctx_t ctx) {
    fmpq_mpoly_pow_ui(s->num, f->num, e, ctx); fmpq_mpoly_pow_ui(s->den, f->den, e, ctx);
}

/* Sum normalised once, as MultivariateRationalFunction.sum: equal denominators grouped, the
   groups brought to the lcm, one gcd at the end. */
static void rf_sum(rf_t s, rf_struct *terms, slong n, const fmpq_mpoly_ctx_t ctx) {
    fmpq_mpoly_struct *dens = flint_malloc(n * sizeof(fmpq_mpoly_struct)), *nums = flint_malloc(n * sizeof(fmpq_mpoly_struct));
    slong groups = 0;
    for (slong i = 0; i < n; i++) {
        if (fmpq_mpoly_is_zero(terms[i].num, ctx)) continue;
        slong j = 0;
        while (j < groups && !fmpq_mpoly_equal(dens + j, terms[i].den, ctx)) j++;
        if (j == groups) {
            fmpq_mpoly_init(dens + j, ctx); fmpq_mpoly_init(nums + j, ctx);
            fmpq_mpoly_set(dens + j, terms[i].den, ctx); fmpq_mpoly_set(nums + j, terms[i].num, ctx); groups++;
        } else fmpq_mpoly_add(nums + j, nums + j, terms[i].num, ctx);
    }
    if (groups == 0) { fmpq_mpoly_zero(s->num, ctx); fmpq_mpoly_one(s->den, ctx); }
    else {
        fmpq_mpoly_t num, den, g, dg, eg, t; fmpq_mpoly_init(num, ctx); fmpq_mpoly_init(den, ctx); fmpq_mpoly_init(g, ctx);
        fmpq_mpoly_init(dg, ctx); fmpq_mpoly_init(eg, ctx); fmpq_mpoly_init(t, ctx);
        fmpq_mpoly_set(num, nums + 0, ctx); fmpq_mpoly_set(den, dens + 0, ctx);
        for (slong j = 1; j < groups; j++) {
            fmpq_mpoly_gcd_cofactors(g, dg, eg, den, dens + j, ctx);
            fmpq_mpoly_mul(num, num, eg, ctx); fmpq_mpoly_mul(t, nums + j, dg, ctx); fmpq_mpoly_add(num, num, t, ctx);
            fmpq_mpoly_mul(den, den, eg, ctx);
        }
        rf_set_normalised(s, num, den, ctx);
        fmpq_mpoly_clear(num, ctx); fmpq_mpoly_clear(den, ctx); fmpq_mpoly_clear(g, ctx);
        fmpq_mpoly_clear(dg, ctx); fmpq_mpoly_clear(eg, ctx); fmpq_mpoly_clear(t, ctx);
    }
    for (slong j = 0; j < groups; j++) { fmpq_mpoly_clear(dens + j, ctx); fmpq_mpoly_clear(nums + j, ctx); }
    flint_free(dens); flint_free(nums);
}

/* d(k) = (1 - r)*r^k/((1 - r^(N+1))*p(k)), as in Proofs/cakmak-n-qubits.proof. */
static void d_k(rf_t out, int n, int k, const rf_t one, const rf_t r, const fmpq_mpoly_ctx_t ctx) {
    rf_t a, b, c, pk; rf_init(a, ctx); rf_init(b, ctx); rf_init(c, ctx); rf_init(pk, ctx);
    fmpz_t bin; fmpz_init(bin); fmpz_bin_uiui(bin, n, k); rf_set_fmpz(pk, bin, ctx);
    rf_sub(a, one, r, ctx); rf_pow(b, r, k, ctx); rf_mul(a, a, b, ctx);               /* (1 - r) r^k */
    rf_pow(b, r, n + 1, ctx); rf_sub(b, one, b, ctx); rf_mul(b, b, pk, ctx);           /* (1 - r^(N+1)) p(k) */
    rf_div(out, a, b, ctx);
    fmpz_clear(bin); rf_clear(a, ctx); rf_clear(b, ctx); rf_clear(c, ctx); rf_clear(pk, ctx);
}

int qb_flint_eq15(int n, long *terms) {
    fmpq_mpoly_ctx_t ctx; fmpq_mpoly_ctx_init(ctx, 1, ORD_DEGLEX);
    rf_t one, r, sum, d, pk, t, closed, u;
    rf_init(one, ctx); rf_init(r, ctx); rf_init(sum, ctx); rf_init(d, ctx); rf_init(pk, ctx); rf_init(t, ctx); rf_init(closed, ctx); rf_init(u, ctx);
    rf_set_si(one, 1, ctx); rf_gen(r, ctx); rf_set_si(sum, 0, ctx);
    fmpz_t bin; fmpz_init(bin);
    rf_struct *ts = flint_malloc((n + 1) * sizeof(rf_struct));
    for (int k = 0; k <= n; k++) {
        d_k(d, n, k, one, r, ctx);
        fmpz_bin_uiui(bin, n, k); rf_set_fmpz(pk, bin, ctx);
        rf_mul(t, d, pk, ctx); rf_sub(u, pk, one, ctx); rf_mul(t, t, u, ctx);      /* d(k)*p(k)*(p(k) - 1) */
        rf_init(ts + k, ctx); fmpq_mpoly_swap(ts[k].num, t->num, ctx); fmpq_mpoly_swap(ts[k].den, t->den, ctx);
    }
    rf_sum(sum, ts, n + 1, ctx);
    for (int k = 0; k <= n; k++) rf_clear(ts + k, ctx);
    flint_free(ts);
    /* (r - 1)*(r + 1)^N/(r^(N + 1) - 1) - 1 */
    rf_sub(t, r, one, ctx); rf_add(u, r, one, ctx); rf_pow(u, u, n, ctx); rf_mul(t, t, u, ctx);
    rf_pow(u, r, n + 1, ctx); rf_sub(u, u, one, ctx); rf_div(t, t, u, ctx); rf_sub(closed, t, one, ctx);
    int equal = fmpq_mpoly_equal(sum->num, closed->num, ctx) && fmpq_mpoly_equal(sum->den, closed->den, ctx);
    *terms = fmpq_mpoly_length(sum->num, ctx);
    fmpz_clear(bin);
    rf_clear(one, ctx); rf_clear(r, ctx); rf_clear(sum, ctx); rf_clear(d, ctx); rf_clear(pk, ctx); rf_clear(t, ctx); rf_clear(closed, ctx); rf_clear(u, ctx);
    fmpq_mpoly_ctx_clear(ctx);
    return equal;
}

int qb_flint_eq16(int n, long *terms) {
    fmpq_mpoly_ctx_t ctx; fmpq_mpoly_ctx_init(ctx, 1, ORD_DEGLEX);
    rf_t one, r, sum, d, pk, t, closed, u, kk, nn;
    rf_init(one, ctx); rf_init(r, ctx); rf_init(sum, ctx); rf_init(d, ctx); rf_init(pk, ctx); rf_init(t, ctx);
    rf_init(closed, ctx); rf_init(u, ctx); rf_init(kk, ctx); rf_init(nn, ctx);
    rf_set_si(one, 1, ctx); rf_gen(r, ctx); rf_set_si(sum, 0, ctx); rf_set_si(nn, n, ctx);
    fmpz_t bin; fmpz_init(bin);
    rf_struct *ts = flint_malloc((n > 1 ? n - 1 : 1) * sizeof(rf_struct));
    for (int k = 1; k <= n - 1; k++) {
        rf_set_si(kk, k, ctx);
        fmpz_bin_uiui(bin, n, k + 1); rf_set_fmpz(pk, bin, ctx);
        d_k(d, n, k + 1, one, r, ctx);
        rf_mul(t, kk, pk, ctx); rf_mul(t, t, d, ctx);                               /* k*p(k + 1)*d(k + 1) */
        rf_init(ts + k - 1, ctx); fmpq_mpoly_swap(ts[k - 1].num, t->num, ctx); fmpq_mpoly_swap(ts[k - 1].den, t->den, ctx);
    }
    rf_sum(sum, ts, n - 1, ctx);
    for (int k = 1; k <= n - 1; k++) rf_clear(ts + k - 1, ctx);
    flint_free(ts);
    /* N + (N + r)/(r^(N + 1) - 1) + r/(1 - r) */
    rf_add(t, nn, r, ctx); rf_pow(u, r, n + 1, ctx); rf_sub(u, u, one, ctx); rf_div(t, t, u, ctx); rf_add(closed, nn, t, ctx);
    rf_sub(u, one, r, ctx); rf_div(t, r, u, ctx); rf_add(closed, closed, t, ctx);
    int equal = fmpq_mpoly_equal(sum->num, closed->num, ctx) && fmpq_mpoly_equal(sum->den, closed->den, ctx);
    *terms = fmpq_mpoly_length(sum->num, ctx);
    fmpz_clear(bin);
    rf_clear(one, ctx); rf_clear(r, ctx); rf_clear(sum, ctx); rf_clear(d, ctx); rf_clear(pk, ctx); rf_clear(t, ctx);
    rf_clear(closed, ctx); rf_clear(u, ctx); rf_clear(kk, ctx); rf_clear(nn, ctx);
    fmpq_mpoly_ctx_clear(ctx);
    return equal;
}

/* a = g·(x + 2y − 1)^k, b = g·(xy − 5)^k with g = (x²y + 3x − y + 7)^k, expanded; gcd(a, b) = g. */
long qb_flint_gcd2(int k) {
    fmpq_mpoly_ctx_t ctx; fmpq_mpoly_ctx_init(ctx, 2, ORD_DEGLEX);
    fmpq_mpoly_t g, a, b, f, res; fmpq_mpoly_init(g, ctx); fmpq_mpoly_init(a, ctx); fmpq_mpoly_init(b, ctx);
    fmpq_mpoly_init(f, ctx); fmpq_mpoly_init(res, ctx);
    const char *vars[] = {"x", "y"};
    fmpq_mpoly_set_str_pretty(g, "x^2*y + 3*x - y + 7", vars, ctx); fmpq_mpoly_pow_ui(g, g, k, ctx);
    fmpq_mpoly_set_str_pretty(f, "x + 2*y - 1", vars, ctx); fmpq_mpoly_pow_ui(f, f, k, ctx); fmpq_mpoly_mul(a, g, f, ctx);
    fmpq_mpoly_set_str_pretty(f, "x*y - 5", vars, ctx); fmpq_mpoly_pow_ui(f, f, k, ctx); fmpq_mpoly_mul(b, g, f, ctx);
    fmpq_mpoly_gcd(res, a, b, ctx);
    long terms = fmpq_mpoly_equal(res, g, ctx) ? fmpq_mpoly_length(res, ctx) : -1;
    fmpq_mpoly_clear(g, ctx); fmpq_mpoly_clear(a, ctx); fmpq_mpoly_clear(b, ctx); fmpq_mpoly_clear(f, ctx); fmpq_mpoly_clear(res, ctx);
    fmpq_mpoly_ctx_clear(ctx);
    return terms;
}
