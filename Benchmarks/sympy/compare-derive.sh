#!/bin/sh
# Side by side, one run: qbattery's exact routes (release) and SymPy's DomainMatrix baseline.
#   Benchmarks/sympy/compare-derive.sh [maxN] [cap_seconds]
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
maxn=${1:-4}
cap=${2:-300}
swift build -c release --product qbattery --package-path "$root" >/dev/null
q="$root/.build/release/qbattery"
echo "N  qbattery kernel (s)  sympy kernel (s)"
n=1
while [ "$n" -le "$maxn" ]; do
  t0=$(date +%s.%N)
  "$q" derive kernel cakmak.collective N="$n" --json >/dev/null
  t1=$(date +%s.%N)
  s=$(timeout $((cap + 30)) python3 "$here/derive_kernel.py" "$n" "$cap" | cut -d' ' -f2-)
  echo "$n  $(echo "$t1 - $t0" | bc)  $s"
  n=$((n + 1))
done
