// swift-tools-version: 6.1
// A package that uses qbattery the way any other package does: by URL and version, with every
// library product. `make test` builds and runs it against a temporary clone of this repository
// tagged 0.0.0-test (scripts/check-consumer.sh); a real user writes the repository's URL and a
// released version instead of the two environment variables.
import PackageDescription

// Default: this repository itself (two folders up), which then needs the tag.
let url = Context.environment["QBATTERY_URL"] ?? "file://\(Context.packageDirectory)/../.."
let version = Version(Context.environment["QBATTERY_VERSION"] ?? "0.0.0-test") ?? "0.0.0-test"

let package = Package(
    name: "Consumer",
    dependencies: [
        .package(url: url, exact: version),
    ],
    targets: [
        .executableTarget(
            name: "Consumer",
            dependencies: [
                .product(name: "BigNumerics", package: "qbattery"),
                .product(name: "ClosedForms", package: "qbattery"),
                .product(name: "Simulator", package: "qbattery"),
                .product(name: "Verification", package: "qbattery"),
                .product(name: "ProofChecking", package: "qbattery"),
                .product(name: "Reproduction", package: "qbattery"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
