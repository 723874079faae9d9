#!/usr/bin/env bash
# Instruction counts (valgrind callgrind) of each benchmark grid, plain C vs Swift engine:
# repeatable for the same binary whatever else the machine is doing, unlike wall time.
# `scripts/bench-instructions.sh --wall [ROUNDS]` first prints bench-ratio's wall-clock medians of
# the same binary (interleaved rounds, load average quoted), so both come from one run.
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks"
swift build -c release --product bench-ratio >/dev/null
if [ "${1:-}" = "--wall" ]; then
    uptime
    .build/release/bench-ratio "${2:-15}"
    echo
fi
bin=$(mktemp)
trap 'rm -f "$bin"' EXIT
# Valgrind 3.19 cannot read the DWARF 5 debug info the toolchain emits; symbols suffice.
strip --strip-debug -o "$bin" .build/release/bench-ratio
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" only "$1" "$2" 2>&1 | awk '/Collected/ {print $4}'; }
printf "%-28s %6s %16s %16s %8s\n" grid bits "C instructions" "Swift instr." ratio
for bits in 256 2048; do
    for pair in "gamma:gamma" "gamma:gamma-safe" \
                "coherence:coherence-catalogue" "coherence:coherence" "coherence:coherence-inplace" \
                "ergotropy:ergotropy-catalogue" "ergotropy:ergotropy" "ergotropy:ergotropy-inplace"; do
        c=${pair%%:*}; s=${pair##*:}
        ci=$(count "c-$c" "$bits"); si=$(count "swift-$s" "$bits")
        printf "%-28s %6s %16s %16s %8s\n" "$s" "$bits" "$ci" "$si" "$(awk -v a="$si" -v b="$ci" 'BEGIN {printf "%.3f", a / b}')"
    done
done
