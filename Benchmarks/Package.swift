// swift-tools-version: 6.1
// Benchmarks live in their own package so `swift test` never builds their dependencies.
import PackageDescription

let package = Package(
    name: "qbattery-benchmarks",
    dependencies: [
        .package(name: "main", path: ".."),
    ],
    targets: [
        // The grid written in plain C against MPFR: what a wrapper cannot beat by wrapping alone.
        .target(name: "CMPFRGrid", cSettings: [.unsafeFlags(["-O2"])], linkerSettings: [.linkedLibrary("mpfr"), .linkedLibrary("gmp")]),
        .executableTarget(
            name: "bench-ratio",
            dependencies: ["CMPFRGrid", .product(name: "BigNumerics", package: "main")],
            path: "Sources/BenchRatio"),
        // The random-state study against the plain NumPy implementation (Benchmarks/numpy).
        .executableTarget(
            name: "bench-random-states",
            dependencies: [.product(name: "Reproduction", package: "main")],
            path: "Sources/BenchRandomStates"),
    ],
    swiftLanguageModes: [.v6]
)
