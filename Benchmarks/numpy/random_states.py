#!/usr/bin/env python3
"""Plain NumPy implementation of the random-state map of Cakmak Fig. 3 (the speed baseline).

Same algorithm as Sources/Simulator/Collective and Sources/Reproduction/RandomEnsembles.swift: the
steady state of the collective Lindbladian is rho_ss = (+)_j M_j (x) tau_j in the coupled basis,
M_j = tr_spin of the (j, j) block of rho0, tau_j = 1/(2j+1) in the high-temperature limit
(beta -> 0). Per sample, the M_j of the ensemble:
  haar: coupled coordinates of psi by excitation level, M_j = C_j C_j^dagger;
  hs:   Bartlett factors of complex Wishart W_{d_j}(2^N (2j+1)), M_j = L_j L_j^dagger / sum of traces;
  diag: flat Dirichlet populations p, M_j = sum_k U_kj^T diag(p_k) U_kj;
then eigvalsh(M_j), the spectrum of rho_ss, the ergotropy against the sorted energies of
H0 = omega * (number of excitations), and the l1-coherence in the computational basis level by
level, rho_k = U_k B_k U_k^T.

Usage: random_states.py [--qubits N] [--samples K] [--seed S] [--beta B] [--ensemble haar|hs|diag]
Prints one line: N, samples, wall and CPU seconds, CPU microseconds per sample (us_per_sample), mean/sd of C_l1 and W.
"""
import argparse
import math
import time

import numpy as np


def coupled_basis(n):
    """Real orthonormal coupled basis, level by level (same construction as CoupledBasis.swift)."""
    d = 1 << n
    levels = [[x for x in range(d) if bin(x).count("1") == k] for k in range(n + 1)]
    pos = {}
    for lv in levels:
        for i, x in enumerate(lv):
            pos[x] = i
    sectors = []  # (twoJ, multiplicity, lowest level)
    for q in range(n // 2 + 1):
        mult = math.comb(n, q) - (math.comb(n, q - 1) if q > 0 else 0)
        sectors.append((n - 2 * q, mult, q))
    cols = [[(0, np.array([1.0]))]]
    for k in range(1, n + 1):
        nk = len(levels[k])
        cur = []
        two_m = 2 * (k - 1) - n
        for s, v in cols[k - 1]:
            two_j = sectors[s][0]
            if two_m >= two_j:
                continue
            w = np.zeros(nk)
            for i, x in enumerate(levels[k - 1]):
                if v[i] != 0:
                    for b in range(n):
                        if not x & (1 << b):
                            w[pos[x | (1 << b)]] += v[i]
            w /= math.sqrt((two_j - two_m) * (two_j + two_m + 2) / 4)
            cur.append((s, w))
        if 2 * k <= n:
            q = [v for _, v in cur]
            for _ in range(sectors[k][1]):
                res = 1 - sum(v ** 2 for v in q) if q else np.ones(nk)
                best = int(np.argmax(res))
                v = np.zeros(nk)
                v[best] = 1
                for _ in range(2):
                    for w in q:
                        v -= (w @ v) * w
                v /= np.linalg.norm(v)
                q.append(v)
                cur.append((k, v))
        cols.append(cur)
    U, slots = [], []
    for k in range(n + 1):
        U.append(np.array([v for _, v in cols[k]]).T)
        sl, last = [], None
        for c, (s, _) in enumerate(cols[k]):
            if s != last:
                sl.append((s, c))
                last = s
        slots.append(sl)
    return levels, sectors, U, slots


def study(n, samples, seed, beta=0.0, omega=1.0, ensemble="haar"):
    levels, sectors, U, slots = coupled_basis(n)
    r = math.exp(-beta * omega)
    tau = []
    for two_j, _, _ in sectors:
        w = r ** np.arange(two_j + 1)
        tau.append(w / w.sum())
    energies = np.sort(np.array([bin(x).count("1") for x in range(1 << n)], dtype=float)) * omega
    rng = np.random.default_rng(seed)
    C = np.empty(samples)
    W = np.empty(samples)
    t0 = time.perf_counter()
    c0 = time.process_time()
    for t in range(samples):
        if ensemble == "haar":
            psi = rng.standard_normal(1 << n) + 1j * rng.standard_normal(1 << n)
            psi /= np.linalg.norm(psi)
            c = [U[k].T @ psi[levels[k]] for k in range(n + 1)]
            M = []
            for s, (two_j, mult, low) in enumerate(sectors):
                Cs = np.empty((mult, two_j + 1), complex)
                for i in range(two_j + 1):
                    k = low + i
                    off = dict(slots[k])[s]
                    Cs[:, i] = c[k][off:off + mult]
                M.append(Cs @ Cs.conj().T)
        elif ensemble == "hs":
            M = []
            for two_j, mult, low in sectors:
                dof = (1 << n) * (two_j + 1)
                L = np.tril(rng.standard_normal((mult, mult)) + 1j * rng.standard_normal((mult, mult)), -1)
                L[np.diag_indices(mult)] = np.sqrt(2 * rng.standard_gamma(dof - np.arange(mult)))
                M.append(L @ L.conj().T)
            total = sum(np.trace(m).real for m in M)
            M = [m / total for m in M]
        else:
            p = rng.standard_exponential(1 << n)
            p /= p.sum()
            M = [np.zeros((mult, mult)) for _, mult, _ in sectors]
            for k in range(n + 1):
                Up = U[k] * p[levels[k]][:, None]
                for s, off in slots[k]:
                    mult = sectors[s][1]
                    M[s] += U[k][:, off:off + mult].T @ Up[:, off:off + mult]
        spec = np.concatenate([np.outer(np.linalg.eigvalsh(M[s]), tau[s]).ravel() for s in range(len(sectors))])
        energy = omega * sum(np.trace(M[s]).real * (tau[s] @ (sectors[s][2] + np.arange(sectors[s][0] + 1)))
                             for s in range(len(sectors)))
        W[t] = energy - np.sort(spec)[::-1] @ energies
        coh = 0.0
        for k in range(1, n):
            nk = len(levels[k])
            B = np.zeros((nk, nk), complex)
            for s, off in slots[k]:
                mult = sectors[s][1]
                B[off:off + mult, off:off + mult] = tau[s][k - sectors[s][2]] * M[s]
            rho = U[k] @ B @ U[k].T
            coh += np.abs(rho).sum() - np.abs(np.diag(rho)).sum()
        C[t] = coh
    dt = time.perf_counter() - t0
    dc = time.process_time() - c0
    return dt, dc, C, W


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--qubits", type=int, default=7)
    ap.add_argument("--samples", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--beta", type=float, default=0.0)
    ap.add_argument("--ensemble", choices=["haar", "hs", "diag"], default="haar")
    a = ap.parse_args()
    dt, dc, C, W = study(a.qubits, a.samples, a.seed, a.beta, ensemble=a.ensemble)
    print(f"numpy {a.ensemble} N={a.qubits} samples={a.samples} wall_seconds={dt:.4f} cpu_seconds={dc:.4f} "
          f"us_per_sample={1e6 * dc / a.samples:.2f} wall_us_per_sample={1e6 * dt / a.samples:.2f} "
          f"meanC={C.mean():.6f} sdC={C.std(ddof=1):.6f} meanW={W.mean():.6f} sdW={W.std(ddof=1):.6f}")


if __name__ == "__main__":
    main()
