"""SymPy baseline for bench-algebra: the same identities, timed the same way (medians).

Eq. (15) and Eq. (16) of Çakmak at N = 64, written as Proofs/cakmak-n-qubits.proof writes them
(summands d(k) = (1 - r) r^k / ((1 - r^(N+1)) p(k))), normalised over a shared denominator and
compared with the closed form; and the gcd of two expanded bivariate polynomials with a planted
common factor (bench-algebra's gcdInputs). Two SymPy routes each: the everyday one (expressions
and cancel / Poly.gcd) and SymPy's fastest (sparse polynomial rings and rational-function fields
over QQ, the representation SymPy's own polys module computes in).

Usage: python3 algebra.py [rounds]   (prints one JSON object, times in ms)
"""
import json
import sys
import time

import sympy
from sympy import QQ, Add, binomial, cancel, symbols
from sympy.polys.fields import field
from sympy.polys.rings import ring

N, GCD_POWER, LARGE_GCD_POWER = 64, 12, 20


def timed(f):
    # Thread CPU time, as bench-algebra measures: wall time on a shared machine includes
    # other users' time slices.
    t = time.thread_time()
    v = f()
    return (time.thread_time() - t) * 1e3, v


def eq15_expr(n):
    r = symbols("r")
    d = lambda k: (1 - r) * r**k / ((1 - r**(n + 1)) * binomial(n, k))
    s = Add(*[d(k) * binomial(n, k) * (binomial(n, k) - 1) for k in range(n + 1)])
    closed = (r - 1) * (r + 1)**n / (r**(n + 1) - 1) - 1
    return cancel(s - closed) == 0


def eq16_expr(n):
    r = symbols("r")
    d = lambda k: (1 - r) * r**k / ((1 - r**(n + 1)) * binomial(n, k))
    s = Add(*[k * binomial(n, k + 1) * d(k + 1) for k in range(1, n)])
    closed = n + (n + r) / (r**(n + 1) - 1) + r / (1 - r)
    return cancel(s - closed) == 0


def eq15_field(n):
    K, r = field("r", QQ)
    d = lambda k: (1 - r) * r**k / ((1 - r**(n + 1)) * int(binomial(n, k)))
    s = K.zero
    for k in range(n + 1):
        p = int(binomial(n, k))
        s += d(k) * p * (p - 1)
    return s == (r - 1) * (r + 1)**n / (r**(n + 1) - 1) - 1


def eq16_field(n):
    K, r = field("r", QQ)
    d = lambda k: (1 - r) * r**k / ((1 - r**(n + 1)) * int(binomial(n, k)))
    s = K.zero
    for k in range(1, n):
        s += k * int(binomial(n, k + 1)) * d(k + 1)
    return s == n + (n + r) / (r**(n + 1) - 1) + r / (1 - r)


def gcd_inputs_poly(k):
    x, y = symbols("x y")
    g = sympy.Poly((x**2 * y + 3 * x - y + 7)**k, x, y, domain=QQ)
    a = g * sympy.Poly((x + 2 * y - 1)**k, x, y, domain=QQ)
    b = g * sympy.Poly((x * y - 5)**k, x, y, domain=QQ)
    return a, b, g


def gcd_inputs_ring(k):
    R, x, y = ring("x,y", QQ)
    g = (x**2 * y + 3 * x - y + 7)**k
    return g * (x + 2 * y - 1)**k, g * (x * y - 5)**k, g


def median(xs):
    s = sorted(xs)
    m = len(s) // 2
    return s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    pa, pb, pg = gcd_inputs_poly(GCD_POWER)
    ra, rb, rg = gcd_inputs_ring(GCD_POWER)
    qa, qb, qg = gcd_inputs_poly(LARGE_GCD_POWER)
    sa, sb, sg = gcd_inputs_ring(LARGE_GCD_POWER)
    runs = {
        "eq15 cancel": lambda: eq15_expr(N),
        "eq15 field": lambda: eq15_field(N),
        "eq16 cancel": lambda: eq16_expr(N),
        "eq16 field": lambda: eq16_field(N),
        "gcd2 Poly.gcd": lambda: pa.gcd(pb).monic() == pg.monic(),
        "gcd2 ring gcd": lambda: ra.gcd(rb).monic() == rg.monic(),
        f"gcd2 k={LARGE_GCD_POWER} Poly.gcd": lambda: qa.gcd(qb).monic() == qg.monic(),
        f"gcd2 k={LARGE_GCD_POWER} ring gcd": lambda: sa.gcd(sb).monic() == sg.monic(),
    }
    out = {"sympy": sympy.__version__}
    for name, f in runs.items():
        times = []
        for _ in range(rounds):
            t, ok = timed(f)
            if not ok:
                print(f"{name}: SymPy did not confirm the identity", file=sys.stderr)
                sys.exit(1)
            times.append(t)
        out[name] = median(times)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
