#!/usr/bin/env bash
# Seeded fuzzing (make fuzz): 10^4 mutated proof files, corrupted shard files for `merge` and
# reference tables for `reference --check` (in-process, Swift Testing suites), then mutated
# argument vectors for every `qbattery` subcommand (scripts/fuzz-cli.py, one process per run).
# Fails on any crash, any input slower than the stated hang limit, or any rejection without a
# typed error at a location. Seeds are fixed: a failure reproduces with the same command.
# Sizes and limits (environment): QBATTERY_FUZZ_PROOFS (10000), QBATTERY_FUZZ_SHARDS (2000),
# QBATTERY_FUZZ_TABLES (1000), QBATTERY_FUZZ_HANG (60 s per proof input), FUZZ_CLI_RUNS (40 per
# subcommand), FUZZ_CLI_HANG (60 s per run).
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
start=$(date +%s)
$SWIFT build --build-tests
export QBATTERY_FUZZ_PROOFS=${QBATTERY_FUZZ_PROOFS:-10000}
export QBATTERY_FUZZ_SHARDS=${QBATTERY_FUZZ_SHARDS:-2000}
export QBATTERY_FUZZ_TABLES=${QBATTERY_FUZZ_TABLES:-1000}
export QBATTERY_FUZZ_HANG=${QBATTERY_FUZZ_HANG:-60}
mkdir -p .build/fuzz
status=0
$SWIFT test --skip-build --filter 'ProofFuzzTests|MergeFuzzTests|ReferenceTableFuzzTests' > .build/fuzz/swift-test.log 2>&1 || status=1
grep -E 'fuzz:|✘|Fatal|Crash' .build/fuzz/swift-test.log || true
tail -1 .build/fuzz/swift-test.log
./scripts/fuzz-cli.py --per-command "${FUZZ_CLI_RUNS:-40}" --hang "${FUZZ_CLI_HANG:-60}" || status=1
echo "make fuzz: $(( $(date +%s) - start )) s in all"
exit "$status"
