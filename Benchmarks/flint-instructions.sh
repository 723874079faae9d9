#!/usr/bin/env bash
# Instruction counts (valgrind callgrind) of the exact-algebra workloads: FLINT called from C
# (Sources/CFLINTAlgebra) vs the Swift wrappers (bench-algebra), repeatable whatever else the
# machine is doing. "first run" = one workload minus process start-up; "steady" = the cost of
# one more run (count of 3 runs − count of 1, halved), which leaves out one-time costs
# (dynamic linking, Swift metadata and conformance caches) that both sides pay once.
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release --product bench-algebra >/dev/null
bin=$(mktemp)
trap 'rm -f "$bin"' EXIT
# Valgrind 3.19 cannot read the DWARF 5 debug info the toolchain emits; symbols suffice.
strip --strip-debug -o "$bin" .build/release/bench-algebra
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" only "$1" "$2" 2>&1 | awk '/Collected/ {print $4}'; }
base=$(count baseline 1)
printf "%-8s %14s %14s %8s %14s %14s %8s\n" workload "C first" "Swift first" ratio "C steady" "Swift steady" ratio
for w in eq15 eq16 gcd2; do
    c1=$(count "c-$w" 1); s1=$(count "swift-$w" 1); c3=$(count "c-$w" 3); s3=$(count "swift-$w" 3)
    awk -v b="$base" -v c1="$c1" -v s1="$s1" -v c3="$c3" -v s3="$s3" -v w="$w" 'BEGIN {
        cf = c1 - b; sf = s1 - b; cs = (c3 - c1) / 2; ss = (s3 - s1) / 2
        printf "%-8s %14d %14d %8.3f %14d %14d %8.3f\n", w, cf, sf, sf / cf, cs, ss, ss / cs }'
done
