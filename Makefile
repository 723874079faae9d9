# qbattery — see README.md. Every target first installs the Debian libraries it needs.
SWIFT ?= swift
# The simulator runs on reference LAPACK/BLAS, single-threaded by construction; parallelism
# comes from Swift over independent samples (OpenBLAS 0.3.21 over-reads: see CLAPACKE/shim.h).

.PHONY: all deps build test examples docs reproduce memcheck fuzz mutate bench clean

all: build

deps:
	@./scripts/ensure-system-packages.sh

build: deps
	$(SWIFT) build -c release --product qbattery

test: deps
	$(SWIFT) test
	QBATTERY_MEMORY_TEST=1 $(SWIFT) test --filter noGrowth
	SWIFT=$(SWIFT) ./Examples/run-consumer.sh

# Examples/Consumer uses every library product through a version requirement on a git URL
# (a temporary clone of HEAD tagged 0.0.0-test), as a user's package would.
examples: deps
	SWIFT=$(SWIFT) ./Examples/run-consumer.sh

# DocC archives of the documented modules, in .build/plugins/Swift-DocC/outputs/.
DOC_TARGETS = BigNumerics ClosedForms Simulator Verification ProofChecking
docs: deps
	$(SWIFT) package generate-documentation --warnings-as-errors $(addprefix --target ,$(DOC_TARGETS))
	@ls -d .build/plugins/Swift-DocC/outputs/*.doccarchive

reproduce: build
	$(SWIFT) run -c release qbattery selfcheck
	$(SWIFT) run -c release qbattery reference --check
	$(SWIFT) run -c release qbattery errata
	$(SWIFT) run -c release qbattery prove
	$(SWIFT) run -c release qbattery reproduce all
	$(SWIFT) run -c release qbattery crosscheck --full
	$(SWIFT) run -c release qbattery claims --check

memcheck: deps
	@./scripts/ensure-system-packages.sh --valgrind
	./scripts/memcheck.sh

# Seeded fuzzing: 10^4 mutated proof files, corrupted shard files and reference tables, argument
# vectors for every subcommand; 0 crashes, 0 hangs (limits stated in scripts/fuzz.sh).
fuzz: deps
	./scripts/fuzz.sh

# Mutation testing (long; not part of `make test`): scripts/mutants.txt applied one at a time.
mutate: deps
	./scripts/mutate.py

bench: deps
	cd Benchmarks && $(SWIFT) run -c release bench-ratio
	@./scripts/ensure-system-packages.sh --valgrind
	./scripts/bench-instructions.sh

clean:
	rm -rf .build Benchmarks/.build
