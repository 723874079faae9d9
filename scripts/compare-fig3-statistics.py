#!/usr/bin/env python3
"""Compares two runs of the Cakmak Fig. 3 study (Reference/figures/cakmak-fig3-<ensemble>.csv):
for every ensemble and N, the difference of the means of C_l1 and W in units of their combined
standard error sqrt(sd_a^2/n_a + sd_b^2/n_b), and the ratio of the standard deviations.

Usage: compare-fig3-statistics.py OLD_REV [NEW_DIR]
  OLD_REV  a git revision whose Reference/figures/ holds the old files (read with `git show`)
  NEW_DIR  directory of the new files (default Reference/figures)
Exit status 1 if any |z| exceeds 4 (independent draws of the same ensemble give |z| < 4 with
probability > 0.9999 per entry). The sd ratios are printed for reading (about 1 ± 0.005 at 10^5
samples for independent draws; exactly 1 up to round-off for the same draws).
"""
import csv
import io
import math
import subprocess
import sys


def table(text):
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    return {float(r["N"]): r for r in csv.DictReader(io.StringIO("\n".join(rows)))}


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    old_rev = sys.argv[1]
    new_dir = sys.argv[2] if len(sys.argv) > 2 else "Reference/figures"
    worst = 0.0
    bad = False
    print("| ensemble | N | mean C_l1 old | mean C_l1 new | z(C) | mean W old | mean W new | z(W) | sd_C new/old | sd_W new/old |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for e in ["haar", "hs", "diag"]:
        name = f"cakmak-fig3-{e}.csv"
        old = table(subprocess.run(["git", "show", f"{old_rev}:Reference/figures/{name}"], check=True,
                                   capture_output=True, text=True).stdout)
        with open(f"{new_dir}/{name}") as f:
            new = table(f.read())
        for n in sorted(old):
            a, b = old[n], new[n]
            na, nb = float(a["samples"]), float(b["samples"])
            zs = []
            for col in ["C_l1", "W"]:
                ma, mb = float(a[f"mean_{col}"]), float(b[f"mean_{col}"])
                sa, sb = float(a[f"sd_{col}"]), float(b[f"sd_{col}"])
                se = math.sqrt(sa * sa / na + sb * sb / nb)
                zs.append((ma, mb, (mb - ma) / se if se > 0 else 0.0))
            worst = max(worst, abs(zs[0][2]), abs(zs[1][2]))
            if abs(zs[0][2]) > 4 or abs(zs[1][2]) > 4:
                bad = True
            print(f"| {e} | {int(n)} | {zs[0][0]:.5f} | {zs[0][1]:.5f} | {zs[0][2]:+.2f} | {zs[1][0]:.5f} | {zs[1][1]:.5f} | {zs[1][2]:+.2f} | "
                  f"{float(b['sd_C_l1']) / float(a['sd_C_l1']):.4f} | {float(b['sd_W']) / float(a['sd_W']):.4f} |")
    print(f"largest |z| = {worst:.2f}; {'DISAGREE' if bad else 'agree within standard errors'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
