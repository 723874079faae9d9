// swift-tools-version: 6.1
// qbattery: the Mayo–Roncaglia and Çakmak quantum-battery papers as checkable code.
//
// Layers (each a module; a newcomer finds a thing by its layer):
//   CGMPFR, CMPFI, CFLINT, CLAPACKE – system C libraries (GMP+MPFR, MPFI, FLINT; LAPACKE/CBLAS headers, the reference libraries loaded at run time), installed by the Makefile
//   Operators         – dense matrices over any field, kron, partial trace, superoperators, qubit operators, elimination
//   Derivations       – exact models over Q(i)(y, …): invariant blocks, kernels, steady states, rates
//   BigNumerics       – exact (BigInt, BigRational, Polynomial, RationalFunction), MPFR BigFloat, MPFI BigInterval
//   ClosedForms       – every printed formula of both papers, written once, generic over the number type
//   Simulator         – independent Double-precision physics: operators, Lindbladians, collision models
//   Verification      – cross-checks, reference tables, errata and their independent routes
//   Summation         – Gosper's and Zeilberger's algorithms; certificates checked by exact arithmetic
//   ProofChecking     – Proofs/*.proof: parser and step checker (exact, random points, limits, rigorous inequalities)
//   QBatteryCLI       – the `qbattery` command
import PackageDescription

let package = Package(
    name: "qbattery",
    products: [
        .executable(name: "qbattery", targets: ["QBatteryCLI"]),
        .library(name: "BigNumerics", targets: ["BigNumerics"]),
        .library(name: "ClosedForms", targets: ["ClosedForms"]),
        .library(name: "Simulator", targets: ["Simulator"]),
        .library(name: "Operators", targets: ["Operators"]),
        .library(name: "Derivations", targets: ["Derivations"]),
        .library(name: "Verification", targets: ["Verification"]),
        .library(name: "ProofChecking", targets: ["ProofChecking"]),
        .library(name: "Summation", targets: ["Summation"]),
        .library(name: "Reproduction", targets: ["Reproduction"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        // `make docs`: swift package generate-documentation (DocC catalogues in Sources/<Module>/<Module>.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGMPFR", pkgConfig: "mpfr",
            providers: [.apt(["libgmp-dev", "libmpfr-dev"])]),
        .systemLibrary(name: "CConcurrencyRuntime"),
        .systemLibrary(
            name: "CMPFI",
            providers: [.apt(["libmpfi-dev"])]),
        // FLINT 2.9 has no pkg-config file: found by header presence, like MPFI.
        .systemLibrary(
            name: "CFLINT",
            providers: [.apt(["libflint-dev"])]),
        // Headers only: the Simulator loads the reference LAPACK/BLAS at run time by full path
        // (no link flags, no rpath: usable from a versioned dependency; see CLAPACKE/shim.h).
        .systemLibrary(
            name: "CLAPACKE",
            providers: [.apt(["liblapacke-dev", "liblapack-dev", "libblas-dev"])]),
        .target(
            name: "BigNumerics",
            dependencies: [
                "CGMPFR", "CMPFI", "CFLINT", "CConcurrencyRuntime",
                .product(name: "RealModule", package: "swift-numerics"),
            ]),
        .target(
            name: "Operators",
            dependencies: [.product(name: "Numerics", package: "swift-numerics")]),
        .target(
            name: "ClosedForms",
            dependencies: [
                "BigNumerics",
                .product(name: "RealModule", package: "swift-numerics"),
            ]),
        .target(
            name: "Simulator",
            dependencies: [
                "CLAPACKE", "Operators",
                .product(name: "Numerics", package: "swift-numerics"),
            ]),
        .target(
            name: "Derivations",
            dependencies: [
                "Operators", "BigNumerics",
                .product(name: "RealModule", package: "swift-numerics"),
            ]),
        .target(
            name: "Verification",
            dependencies: ["BigNumerics", "ClosedForms", "Simulator", "Operators"]),
        .target(
            name: "Summation",
            dependencies: [
                "BigNumerics",
                .product(name: "RealModule", package: "swift-numerics"),
            ]),
        .target(
            name: "ProofChecking",
            dependencies: [
                "BigNumerics", "ClosedForms", "Summation", "Derivations", "Operators",
                .product(name: "RealModule", package: "swift-numerics"),
            ]),
        .target(
            name: "Reproduction",
            dependencies: ["BigNumerics", "ClosedForms", "Simulator"]),
        .executableTarget(
            name: "QBatteryCLI",
            dependencies: [
                "BigNumerics", "ClosedForms", "Simulator", "Verification", "ProofChecking", "Reproduction", "Derivations", "Operators",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(
            name: "BigNumericsTests",
            dependencies: [
                "BigNumerics",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "BigInt", package: "BigInt"),
            ]),
        .testTarget(
            name: "OperatorsTests",
            dependencies: ["Operators", "Derivations", "BigNumerics", "Simulator"]),
        .testTarget(
            name: "DerivationsTests",
            dependencies: [
                "Derivations", "Operators", "BigNumerics",
                .product(name: "RealModule", package: "swift-numerics"),
            ]),
        .testTarget(
            name: "ClosedFormsTests",
            dependencies: ["ClosedForms", "BigNumerics"]),
        .testTarget(
            name: "SimulatorTests",
            dependencies: ["Simulator", "Operators", "CLAPACKE"]),
        .testTarget(
            name: "ProofCheckingTests",
            dependencies: ["ProofChecking", "Summation", "ClosedForms", "BigNumerics"]),
        .testTarget(
            name: "ReproductionTests",
            dependencies: ["Reproduction", "Simulator", "ClosedForms", "BigNumerics"]),
        .testTarget(
            name: "VerificationTests",
            dependencies: ["Verification", "ClosedForms", "BigNumerics", "Operators", "Derivations"]),
        // Runs the built `qbattery` (compare, simulate, progress) and the documented sessions.
        .testTarget(
            name: "QBatteryCLITests",
            dependencies: ["QBatteryCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
