#!/usr/bin/env bash
# The exact-algebra layer against SymPy on the same identities, side by side in one run:
# Swift medians (bench-algebra json) then SymPy medians (algebra.py), and the ratios.
# Usage: Benchmarks/sympy/compare.sh [swift-rounds] [sympy-rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import sympy" 2>/dev/null || pip install sympy
swift build -c release --product bench-algebra >/dev/null
swift_json=$(.build/release/bench-algebra json "${1:-9}")
sympy_json=$(python3 sympy/algebra.py "${2:-3}")
python3 - "$swift_json" "$sympy_json" <<'PY'
import json, sys
s, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"SymPy {p['sympy']}; medians of thread CPU time in ms; ratio = SymPy / Swift (FLINT)")
print(f"{'workload':<26}{'Swift ms':>12}{'SymPy ms':>14}{'ratio':>10}")
for key, routes in [("eq15", ["cancel", "field"]), ("eq16", ["cancel", "field"]), ("gcd2", ["Poly.gcd", "ring gcd"]),
                    ("gcd2 k=20", ["Poly.gcd", "ring gcd"])]:
    for route in routes:
        name = f"{key} {route}"
        print(f"{name:<26}{s[key]:>12.3f}{p[name]:>14.1f}{p[name] / s[key]:>10.0f}")
PY
