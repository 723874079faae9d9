"""SymPy baseline for bench-derive: the steady-state space (null space of the Liouvillian) of
Çakmak's collective model, Eqs. (4)-(6) with gamma_ij = 1, f_ij = 0, omega = 1, n = y/(1-y),
over QQ_I.frac_field(y) with DomainMatrix (SymPy's fastest exact matrix domain), column stacking
vec(A rho B) = (B^T kron A) vec(rho) as in Sources/Operators.

    python3 derive_kernel.py N [cap_seconds] [kernel|steady]

kernel: the null space of L. steady: the steady state from the ground state by the same formula
as qbattery, rho = K (C^T K)^{-1} C^T vec rho0 (K, C the right and left null spaces), on the whole
Liouvillian as a SymPy user writes it (no block decomposition, no symmetry reduction).
Prints N, seconds, kernel dimension (kernel) or the trace check (steady), or 'cap hit' when the
cap (default 300 s) is exceeded.
"""
import signal
import sys
import time

from sympy import symbols, I
from sympy.polys.domains import QQ_I
from sympy.polys.matrices import DomainMatrix


def liouvillian(n, K, y):
    d = 2 ** n
    one, zero = K.one, K.zero

    def sigma_minus(site):
        # |0><1| at site (site 0 most significant): index with the bit set -> without
        m = [[zero] * d for _ in range(d)]
        bit = 1 << (n - 1 - site)
        for s in range(d):
            if s & bit:
                m[s ^ bit][s] = one
        return DomainMatrix(m, (d, d), K)

    def kron(a, b):
        ra, ca = a.shape
        rb, cb = b.shape
        A, B = a.to_list(), b.to_list()
        out = [[zero] * (ca * cb) for _ in range(ra * rb)]
        for i in range(ra):
            for j in range(ca):
                if A[i][j] != zero:
                    for k in range(rb):
                        for l in range(cb):
                            if B[k][l] != zero:
                                out[i * rb + k][j * cb + l] = A[i][j] * B[k][l]
        return DomainMatrix(out, (ra * rb, ca * cb), K)

    ident = DomainMatrix.eye(d, K)
    jm = sigma_minus(0)
    for s in range(1, n):
        jm = jm + sigma_minus(s)
    jp = jm.transpose()
    h = DomainMatrix.diag([K.convert(bin(i).count("1")) for i in range(d)], K)
    yk = K.convert(y)
    nbar = yk / (K.one - yk)
    mi = K.convert(-I)
    half = K.convert(1) / K.convert(2)

    def dissipator(a):
        ad = a.transpose()  # real matrices
        ada = ad * a
        return kron(ad.transpose().transpose().transpose(), a) - kron(ident, ada) * half - kron(ada.transpose(), ident) * half

    L = (kron(ident, h) - kron(h.transpose(), ident)) * mi
    L = L + dissipator(jm) * (nbar + K.one) + dissipator(jp) * nbar
    return L


def main():
    n = int(sys.argv[1])
    cap = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    mode = sys.argv[3] if len(sys.argv) > 3 else "kernel"
    y = symbols("y")
    K = QQ_I.frac_field(y)

    def on_alarm(signum, frame):
        raise TimeoutError

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(cap)
    t0 = time.perf_counter()
    try:
        L = liouvillian(n, K, y)
        ns = L.nullspace()  # rows span ker L
        dim = ns.shape[0]
        if mode == "steady":
            d = 2 ** n
            c = L.transpose().nullspace()  # rows span ker L^T
            rho0 = DomainMatrix([[K.one]] + [[K.zero]] * (d * d - 1), (d * d, 1), K)
            kt = ns.transpose()
            rho = kt * ((c * kt).inv() * (c * rho0))
            trace = sum((rho.to_list()[i * d + i][0] for i in range(d)), K.zero)
            print(f"{n} {time.perf_counter() - t0:.3f} trace {K.to_sympy(trace)}")
        else:
            print(f"{n} {time.perf_counter() - t0:.3f} {dim}")
    except TimeoutError:
        print(f"{n} cap hit ({cap} s)")


if __name__ == "__main__":
    main()
