#!/usr/bin/env bash
# Installs the Debian packages the build needs, only when pkg-config (or the named command)
# cannot find them. Usage: ensure-system-packages.sh [--valgrind]
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists gmp     || need+=(libgmp-dev)
    pkg-config --exists mpfr    || need+=(libmpfr-dev)
    pkg-config --exists lapacke || need+=(liblapacke-dev)
else
    need+=(libgmp-dev libmpfr-dev liblapacke-dev)
fi
# The reference LAPACK/BLAS the simulator loads at run time by full path and runs on (see Sources/CLAPACKE/shim.h): the
# libraries, their -dev links and CBLAS's cblas-netlib.h, whatever update-alternatives selects.
for p in liblapack3 liblapack-dev libblas3 libblas-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
[ -f /usr/include/mpfi.h ] || need+=(libmpfi-dev)
# FLINT 2.9 (exact algebra) ships no .pc file either.
[ -f /usr/include/flint/fmpq_mpoly.h ] || need+=(libflint-dev)
if [ "${1:-}" = "--valgrind" ]; then command -v valgrind >/dev/null 2>&1 || need+=(valgrind); fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${need[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
