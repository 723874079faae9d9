// swift-tools-version: 6.1
// Benchmarks live in their own package so `swift test` never builds their dependencies.
import PackageDescription

let package = Package(
    name: "qbattery-benchmarks",
    dependencies: [
        .package(name: "main", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The grid written in plain C against MPFR: what a wrapper cannot beat by wrapping alone.
        .target(name: "CMPFRGrid", cSettings: [.unsafeFlags(["-O2"])], linkerSettings: [.linkedLibrary("mpfr"), .linkedLibrary("gmp")]),
        // The grids of grid.c: the catalogue's own generic closed forms (ClosedForms), the same
        // expressions with operators, and a hand-written in-place sequence.
        .target(name: "BenchmarkGrids", dependencies: [.product(name: "BigNumerics", package: "main"),
                                                       .product(name: "ClosedForms", package: "main")]),
        .executableTarget(
            name: "bench-ratio",
            dependencies: ["CMPFRGrid", "BenchmarkGrids", .product(name: "BigNumerics", package: "main")],
            path: "Sources/BenchRatio"),
        // The same grids under ordo-one/benchmark: percentiles, and mallocs per evaluation.
        .executableTarget(
            name: "EngineGrid",
            dependencies: [
                "CMPFRGrid", "BenchmarkGrids",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/EngineGrid",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        // The exact-algebra workloads written directly against FLINT in C (the wrapper's baseline).
        .target(name: "CFLINTAlgebra", cSettings: [.unsafeFlags(["-O2"])],
                linkerSettings: [.linkedLibrary("flint"), .linkedLibrary("mpfr"), .linkedLibrary("gmp")]),
        // The Swift FLINT wrappers against CFLINTAlgebra; Benchmarks/sympy has the SymPy side.
        .executableTarget(
            name: "bench-algebra",
            dependencies: ["CFLINTAlgebra", .product(name: "BigNumerics", package: "main")],
            path: "Sources/BenchAlgebra"),
        // The random-state study against the plain NumPy implementation (Benchmarks/numpy).
        .executableTarget(
            name: "bench-random-states",
            dependencies: [.product(name: "Reproduction", package: "main")],
            path: "Sources/BenchRandomStates"),
        // Exact derivations from the models (Çakmak kernel, Mayo rates) by N; SymPy beside it (Benchmarks/sympy).
        .executableTarget(
            name: "bench-derive",
            dependencies: [.product(name: "Derivations", package: "main"), .product(name: "Operators", package: "main")],
            path: "Sources/BenchDerive"),
    ],
    swiftLanguageModes: [.v6]
)
