#!/usr/bin/env bash
# Builds and runs Examples/Consumer the way a user's package sees qbattery: through a version
# requirement on a git URL, not a path dependency (SwiftPM is more lenient with those, e.g. about
# unsafeFlags). The URL is a temporary clone of this repository at HEAD tagged 0.0.0-test, so
# commit first: uncommitted changes are not part of what a user would get.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
SWIFT="${SWIFT:-swift}"
work="$(mktemp -d "${TMPDIR:-/tmp}/qbattery-consumer.XXXXXX")"
trap 'rm -rf "$work"' EXIT
git clone --quiet "$root" "$work/qbattery"
git -C "$work/qbattery" tag 0.0.0-test
cp -R "$root/Examples/Consumer" "$work/Consumer"
rm -rf "$work/Consumer/.build" "$work/Consumer/Package.resolved"
cd "$work/Consumer"
export QBATTERY_URL="file://$work/qbattery" QBATTERY_VERSION=0.0.0-test
start=$(date +%s)
"$SWIFT" build --disable-dependency-cache --product Consumer
"$SWIFT" run --skip-build Consumer
echo "Examples/Consumer: resolved qbattery $QBATTERY_VERSION by URL, built and ran in $(( $(date +%s) - start )) s"
