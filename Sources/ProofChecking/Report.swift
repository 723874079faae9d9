import Foundation
/// How a step was decided, strongest first (the numbers are the methods).
public enum ProofMethod: String, Sendable, CaseIterable {
    /// Every N of an unbounded range: sums in closed form by Gosper/Zeilberger certificates checked
    /// by exact arithmetic, then an identity (or exact limit) of rational functions in N and the atoms.
    case certificate = "every N: certificate"
    /// Every N of an unbounded range: an inequality by termwise positivity.
    case termwise = "every N: termwise positivity"
    /// (1) identity of rational functions in all variables at once (FLINT multivariate, canonical form), exact.
    case exactIdentity = "exact identity"
    /// (2) exact evaluation at seeded random rational points (Schwartz–Zippel bound).
    case randomRational = "random exact points"
    /// (2) BigFloat evaluation at random domain points (agreement in digits).
    case randomFloat = "random high-precision points"
    /// (3) exact limit of a rational function.
    case exactLimit = "exact limit"
    /// (3) high-precision evaluation along a sequence with a stated rate.
    case numericLimit = "numerical limit"
    /// (4) exact Bernstein sign certificate (one variable, rational).
    case bernstein = "exact Bernstein certificate"
    /// (4) rigorous interval enclosure with adaptive subdivision.
    case interval = "interval enclosure"
    /// Nothing applied (reported with the reason).
    case none = "none"
}

public enum StepOutcome: String, Sendable {
    /// The claim holds.
    case passed
    /// The claim fails and was not marked `xfail`.
    case failed
    /// Marked `xfail` and it fails, as expected.
    case expectedFailure = "expected failure"
    /// Marked `xfail` but it holds: the erratum is not one.
    case unexpectedPass = "unexpected pass"
    /// The step could not be checked (an error in the file, such as a missing domain).
    case error
}

/// The verdict on one step of a chain.
public struct StepReport: Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let derivation: String
    public let relation: Relation
    public let method: ProofMethod
    public let outcome: StepOutcome
    /// Points, digits, enclosures, the counterexample with both sides' values.
    public let detail: String
    public let seconds: Double

    /// True when the outcome is what the file says (passed, or failed as marked).
    public var isAsMarked: Bool { outcome == .passed || outcome == .expectedFailure }

    public var description: String {
        "\(file):\(line): [\(derivation)] \(relation.rawValue) \(method.rawValue): \(outcome.rawValue.uppercased()) — \(detail)"
            + String(format: " (%.2fs)", seconds)
    }
}

public struct FileReport: Sendable {
    public let path: String
    public let steps: [StepReport]
    public var allAsMarked: Bool { steps.allSatisfy(\.isAsMarked) }
}
