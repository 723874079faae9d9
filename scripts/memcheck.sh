#!/usr/bin/env bash
# Memory checks, two complementary ways:
#  1. the whole Swift Testing binary under AddressSanitizer + LeakSanitizer (Swift's own
#     sanitizer runtime): any leak, use-after-free or out-of-bounds access fails the run;
#  2. valgrind memcheck on the engine's self-check, which runs single-threaded. Valgrind 3.19
#     (Debian bookworm) itself crashes ("the 'impossible' happened") on the test binary's Swift
#     concurrency runtime, so it gets the part of the work it can run.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== LeakSanitizer + AddressSanitizer: swift test binary"
swift build --build-tests --sanitize=address --scratch-path .build-asan
ASAN_OPTIONS=detect_leaks=1 .build-asan/debug/qbatteryPackageTests.xctest --testing-library swift-testing
echo "== valgrind memcheck: qbattery selfcheck"
swift build --product qbattery
valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite \
    --errors-for-leak-kinds=definite --error-exitcode=1 .build/debug/qbattery selfcheck
