#!/bin/sh
# Side by side, one run: qbattery's exact routes (release CLI, median of 3 wall times, process
# start and output included) and SymPy's DomainMatrix baseline over QQ_I.frac_field(y) on the same
# workload, alternating row by row, with the 1-minute load average before each row (2 shared cores).
#   Benchmarks/sympy/compare-derive.sh [maxKernelN] [maxSteadyN] [cap_seconds] [mayoN]
# Defaults 5, 6, 300, 6. SymPy is not run at an N once it hit the cap at a smaller N of the same
# workload (its time only grows with N); the row says so. Mayo's rates have no SymPy script.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
maxk=${1:-5}
maxs=${2:-6}
cap=${3:-300}
mayo=${4:-6}
swift build -c release --product qbattery --package-path "$root" >/dev/null
q="$root/.build/release/qbattery"

now() { date +%s.%N; }
load() { cut -d' ' -f1 /proc/loadavg; }
# median of three wall times of the command line "$@"
median3() {
  for _ in 1 2 3; do
    t0=$(now); "$@" >/dev/null; t1=$(now)
    echo "$t1 - $t0" | bc
  done | sort -n | sed -n 2p | xargs printf "%.3f"
}

echo "workload                 N  load  qbattery median s  sympy s (result)"
for workload in kernel steady; do
  if [ "$workload" = kernel ]; then maxn=$maxk; else maxn=$maxs; fi
  hit=""
  n=1
  while [ "$n" -le "$maxn" ]; do
    l=$(load)
    if [ "$workload" = kernel ]; then
      tq=$(median3 "$q" derive kernel cakmak.collective N="$n" --json)
    else
      tq=$(median3 "$q" derive steady-state cakmak.collective N="$n" initial=ground --json)
    fi
    if [ -n "$hit" ]; then
      s="not run (cap hit at N = $hit)"
    else
      s=$(timeout $((cap + 30)) python3 "$here/derive_kernel.py" "$n" "$cap" "$workload" | cut -d' ' -f2-)
      case "$s" in *"cap hit"*) hit=$n ;; esac
    fi
    printf "cakmak.collective %-6s %d  %-5s %-18s %s\n" "$workload" "$n" "$l" "$tq" "$s"
    n=$((n + 1))
  done
done
l=$(load)
tq=$(median3 "$q" derive rates mayo.collective N="$mayo" --json)
printf "mayo.collective rates    %d  %-5s %-18s %s\n" "$mayo" "$l" "$tq" "(no SymPy baseline)"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
