#!/usr/bin/env bash
# valgrind memcheck on the engine's test binary: fails on any *definite* leak or invalid access.
# The 10⁶-allocation growth test is skipped here (it runs in `make test`; under valgrind it
# would take ~50× longer without checking anything the other tests do not).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
bin=.build/debug/qbatteryPackageTests.xctest
valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite \
    --errors-for-leak-kinds=definite --error-exitcode=1 --num-callers=30 \
    --suppressions=scripts/valgrind-swift.supp \
    "$bin" --testing-library swift-testing --filter BigNumericsTests --skip noGrowth
