# qbattery — see README.md. Every target first installs the Debian libraries it needs.
SWIFT ?= swift
# BLAS runs single-threaded: on these 2-core machines threaded OpenBLAS slows small kernels
# 5–30×; parallelism comes from Swift over independent samples instead.
export OPENBLAS_NUM_THREADS := 1

.PHONY: all deps build test reproduce memcheck bench clean

all: build

deps:
	@./scripts/ensure-system-packages.sh

build: deps
	$(SWIFT) build -c release --product qbattery

test: deps
	$(SWIFT) test

reproduce: build
	$(SWIFT) run -c release qbattery selfcheck

memcheck: deps
	@./scripts/ensure-system-packages.sh --valgrind
	./scripts/memcheck.sh

bench: deps
	cd Benchmarks && $(SWIFT) run -c release bench-ratio

clean:
	rm -rf .build Benchmarks/.build
