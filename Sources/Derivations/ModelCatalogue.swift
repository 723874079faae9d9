// The models the derivations start from, by name, with exact or symbolic parameters. Each is
// built from the generic descriptions of `Operators` (the same code the Double simulator uses);
// nothing here knows a printed result.
//   cakmak.collective  N, y, omega, gamma0, f   Çakmak Eqs. (4)–(6), γ_ij = γ0, f_ij = f, n̄ = y/(1 − y)
//   cakmak.individual  N, y, omega, gamma0      γ_ij = γ0 δ_ij, f_ij = 0
//   mayo.parallel      N, y, eps                Born generator of Ṽ_∥ = Σ_i σ⁺_{Si}σ⁺_{Ri} + h.c., coupling ε
//   mayo.collective    N, y, eps, labels        Born generator of V_#^{(N)}, coupling Nε; labels = pairing (each
//                                               configuration with its complement, default), matched, offdiagonal
//   mayo.single        y, eps, alpha            Eq. (13): V = σ⁺σ⁺ + σ⁻σ⁻, H_R = α H_S (α a positive integer)
// y = e^{−βω}. A parameter is an exact number ("1/3", "0.25") or, for y, eps, f, gamma0, omega, a
// free symbol (its own name, or any identifier).
import BigNumerics
import Operators
import RealModule

/// An exact number or a free symbol.
public enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
    case number(BigRational)
    case symbol(String)

    public var scalar: ExactScalar {
        switch self {
        case let .number(q): return ExactScalar(rational: q)
        case let .symbol(s): return ExactScalar.symbol(s)
        }
    }

    public var description: String {
        switch self {
        case let .number(q): return "\(q)"
        case let .symbol(s): return s
        }
    }
}

/// A model over Q(i)(symbols): its generator column by column, and the collision description when it has one.
public struct ExactModel: Sendable {
    public let name: String
    public let qubits: Int
    public let parameters: [(name: String, value: ParameterValue)]
    public let generator: SparseLindbladian<ExactScalar>
    public let collision: CollisionDescription<ExactScalar>?
    public var dimension: Int { generator.dimension }

    /// Memory of the all-elimination route (`KernelMethod.elimination`, every block eliminated):
    /// (largest invariant block² + all sparse columns) entries of ~320 bytes. The default routes are
    /// guarded by the estimate of the route that runs: pass `memoryLimit` to
    /// `ExactLinearAlgebra.kernel` / `steadyState` (MemoryGuard.swift).
    public var kernelBytesEstimate: Double {
        let d = Double(dimension)
        let n = qubits
        let largest = Double(ModelCatalogue.binomial(2 * n, n))
        return 320 * (largest * largest + d * d * Double(2 * n + 2))
    }

    /// Memory of the dense d²×d² generator.
    public var denseGeneratorBytes: Double { 320 * Double(dimension * dimension) * Double(dimension * dimension) }

    /// The dense generator (column stacking), refused beyond `memoryLimit`.
    public func denseGenerator(memoryLimit: Double) throws(DerivationError) -> Matrix<ExactScalar> {
        if denseGeneratorBytes > memoryLimit {
            throw .tooLarge(parameter: "N = \(qubits) (dense generator \(dimension * dimension)²)", bytesNeeded: denseGeneratorBytes, limitBytes: memoryLimit)
        }
        let d = dimension
        var m = Matrix<ExactScalar>(rows: d * d, cols: d * d)
        for c in 0..<(d * d) { for (r, x) in generator.column(c % d, c / d) { m[r, c] = x } }
        return m
    }

    /// Refuses the all-elimination route beyond `memoryLimit` (see `kernelBytesEstimate`).
    public func checkKernelFits(memoryLimit: Double) throws(DerivationError) {
        if kernelBytesEstimate > memoryLimit {
            throw .tooLarge(parameter: "N = \(qubits) (largest invariant block C(2N, N) = \(ModelCatalogue.binomial(2 * qubits, qubits)))",
                            bytesNeeded: kernelBytesEstimate, limitBytes: memoryLimit)
        }
    }
}

public enum ModelCatalogue {
    public static let names = ["cakmak.collective", "cakmak.individual", "mayo.parallel", "mayo.collective", "mayo.single", "mayo.coherent"]
    /// Default memory limit of the exact routes (bytes).
    public static let defaultMemoryLimit = 2e9

    static let allowedParameters: [String: [String]] = [
        "cakmak.collective": ["N", "y", "omega", "gamma0", "f"],
        "cakmak.individual": ["N", "y", "omega", "gamma0"],
        "mayo.parallel": ["N", "y", "eps", "omega"],
        "mayo.collective": ["N", "y", "eps", "omega", "labels"],
        "mayo.single": ["y", "eps", "omega", "alpha"],
        "mayo.coherent": ["y", "eps", "omega", "alpha"],
    ]

    /// Builds a model from `name` and `key=value` arguments.
    public static func build(_ name: String, _ arguments: [String: String]) throws(DerivationError) -> ExactModel {
        guard let allowed = allowedParameters[name] else {
            throw .invalidParameter(name: "model", value: name, allowed: names.joined(separator: ", "))
        }
        for key in arguments.keys where !allowed.contains(key) {
            throw .invalidParameter(name: "parameter of \(name)", value: key, allowed: allowed.joined(separator: ", "))
        }
        func value(_ key: String, default d: ParameterValue) throws(DerivationError) -> ParameterValue {
            guard let text = arguments[key] else { return d }
            return try parse(key, text)
        }
        func positive(_ key: String, _ v: ParameterValue) throws(DerivationError) {
            if case let .number(q) = v, !(q > 0) { throw .invalidParameter(name: key, value: "\(q)", allowed: "> 0 (or a free symbol)") }
        }
        func yRange(_ v: ParameterValue) throws(DerivationError) {
            if case let .number(q) = v, !(q > 0 && q < 1) {
                throw .invalidParameter(name: "y", value: "\(q)", allowed: "0 < y < 1 (y = e^{−βω}, 0 < β < ∞), or a free symbol")
            }
        }
        let y = try value("y", default: .symbol("y"))
        try yRange(y)
        let omega = try value("omega", default: .number(1))
        try positive("omega", omega)

        switch name {
        case "cakmak.collective", "cakmak.individual":
            let n = try qubitCount(arguments["N"], range: 1...8)
            let gamma0 = try value("gamma0", default: .number(1))
            try positive("gamma0", gamma0)
            let one: ExactScalar = 1
            let nbar = y.scalar / (one - y.scalar)
            let desc: CakmakDescription<ExactScalar>
            var params: [(String, ParameterValue)] = [("N", .number(BigRational(n))), ("y", y), ("omega", omega), ("gamma0", gamma0)]
            if name == "cakmak.collective" {
                let f = try value("f", default: .number(0))
                params.append(("f", f))
                desc = try op { () throws(OperatorError) in try CakmakDescription.collective(qubits: n, omega: omega.scalar, gamma0: gamma0.scalar, f: f.scalar, nbar: nbar) }
            } else {
                desc = try op { () throws(OperatorError) in try CakmakDescription.individual(qubits: n, omega: omega.scalar, gamma0: gamma0.scalar, nbar: nbar) }
            }
            return ExactModel(name: name, qubits: n, parameters: params, generator: try sparse(desc), collision: nil)
        case "mayo.parallel", "mayo.collective", "mayo.single", "mayo.coherent":
            let n = name == "mayo.single" || name == "mayo.coherent" ? 1 : try qubitCount(arguments["N"], range: 1...8)
            let eps = try value("eps", default: .symbol("eps"))
            try positive("eps", eps)
            var params: [(String, ParameterValue)] = [("N", .number(BigRational(n))), ("y", y), ("eps", eps), ("omega", omega)]
            let blocks: [Int: Matrix<ExactScalar>]
            var coupling = eps.scalar
            var pops = try op { () throws(OperatorError) in try MayoInteractions<ExactScalar>.bathPopulations(qubits: n, y: y.scalar) }
            switch name {
            case "mayo.parallel":
                blocks = try op { () throws(OperatorError) in try MayoInteractions<ExactScalar>.parallel(batteries: n) }
            case "mayo.collective":
                let labels = arguments["labels"] ?? "pairing"
                guard ["pairing", "matched", "offdiagonal"].contains(labels) else {
                    throw .invalidParameter(name: "labels", value: labels, allowed: "pairing, matched, offdiagonal")
                }
                params.append(("labels", .symbol(labels)))
                blocks = try op { () throws(OperatorError) in
                    labels == "pairing" ? try MayoInteractions<ExactScalar>.collectivePaired(batteries: n)
                        : try MayoInteractions<ExactScalar>.collective(batteries: n, offDiagonal: labels == "offdiagonal")
                }
                coupling = ExactScalar.integer(n) * eps.scalar
            case "mayo.coherent":
                // Eq. (12)'s drive is a property of the system Hamiltonian (below); the collision is Eq. (13)'s.
                let alpha = try value("alpha", default: .symbol("alpha"))
                if case let .number(q) = alpha, !(q >= 0 && q <= 1) {
                    throw .invalidParameter(name: "alpha", value: "\(q)", allowed: "0 ≤ α ≤ 1 (H_S(α) = (ω/2)[ασ_x + (1 − α)σ_z], Eq. 12), or a free symbol")
                }
                params.append(("alpha", alpha))
                let one: ExactScalar = 1
                pops = [one / (one + y.scalar), y.scalar / (one + y.scalar)]
                blocks = [1 * 2 + 0: QubitOperators<ExactScalar>.sigmaPlus, 0 * 2 + 1: QubitOperators<ExactScalar>.sigmaMinus]
            default:
                let alphaText = arguments["alpha"] ?? "1"
                guard let alpha = Int(alphaText), (1...16).contains(alpha) else {
                    throw .invalidParameter(name: "alpha", value: alphaText, allowed: "an integer 1 ... 16 (H_R = α H_S; y^α must stay rational)")
                }
                params.append(("alpha", .number(BigRational(alpha))))
                var ya: ExactScalar = 1
                for _ in 0..<alpha { ya = ya * y.scalar }
                let one: ExactScalar = 1
                pops = [one / (one + ya), ya / (one + ya)]
                // V = σ⁺_Sσ⁺_R + σ⁻_Sσ⁻_R as blocks V_{ar}: bath 0 → 1 raises S, bath 1 → 0 lowers S
                blocks = [1 * 2 + 0: QubitOperators<ExactScalar>.sigmaPlus, 0 * 2 + 1: QubitOperators<ExactScalar>.sigmaMinus]
            }
            let ops = try op { () throws(OperatorError) in try QubitOperators<ExactScalar>(count: n) }
            var hs = ops.halfSigmaZHamiltonian(omega: omega.scalar)
            if name == "mayo.coherent", let alpha = params.last?.1.scalar {
                // H_S(α) = (ω/2)[ασ_x + (1 − α)σ_z] (Eq. 12), in the README basis (index 1 excited).
                let one: ExactScalar = 1, half = omega.scalar / ExactScalar.integer(2)
                hs = Matrix(rows: 2, cols: 2) { i, j in
                    let x = QubitOperators<ExactScalar>.sigmaX[i, j], z = QubitOperators<ExactScalar>.sigmaZ[i, j]
                    return half * (alpha * x + (one - alpha) * z)
                }
            }
            let desc = try op { () throws(OperatorError) in
                try CollisionDescription(systemHamiltonian: hs, bathDimension: 1 << n, blocks: blocks,
                                         couplingSquared: coupling * coupling, bathPopulations: pops)
            }
            if !(try op { () throws(OperatorError) in try desc.firstOrderTerm() }).isZero {
                throw .notApplicable(reason: "the interaction has a non-zero bath mean: no Δt → 0 limit")
            }
            var jumps: [(operator: Matrix<ExactScalar>, rate: ExactScalar)] = []
            for (key, b) in blocks.sorted(by: { $0.key < $1.key }) where !pops[key % (1 << n)].isZero {
                jumps.append((b, coupling * coupling * pops[key % (1 << n)]))
            }
            let gen = try op { () throws(OperatorError) in
                try SparseLindbladian(hamiltonian: hs, operators: [], kossakowski: Matrix(rows: 0, cols: 0), jumps: jumps)
            }
            return ExactModel(name: name, qubits: n, parameters: params, generator: gen, collision: desc)
        default:
            throw .invalidParameter(name: "model", value: name, allowed: names.joined(separator: ", "))
        }
    }

    static func sparse(_ d: CakmakDescription<ExactScalar>) throws(DerivationError) -> SparseLindbladian<ExactScalar> {
        try op { () throws(OperatorError) in
            let n = d.qubits
            let kos = Matrix<ExactScalar>(rows: 2 * n, cols: 2 * n) { i, j in
                if i < n && j < n { return d.kossakowskiMinus[i, j] }
                if i >= n && j >= n { return d.kossakowskiPlus[i - n, j - n] }
                return .zero
            }
            return try SparseLindbladian(hamiltonian: d.hamiltonian(), operators: d.loweringOperators() + d.raisingOperators(),
                                         kossakowski: kos, jumps: d.extraJumps)
        }
    }

    static func qubitCount(_ text: String?, range: ClosedRange<Int>) throws(DerivationError) -> Int {
        guard let text else { throw .invalidParameter(name: "N", value: "missing", allowed: "an integer \(range.lowerBound) ... \(range.upperBound)") }
        guard let n = Int(text), range.contains(n) else {
            throw .invalidParameter(name: "N", value: text, allowed: "an integer \(range.lowerBound) ... \(range.upperBound)")
        }
        return n
    }

    /// An exact number ("3/10", "0.25", "-2") or an identifier (a free symbol).
    public static func parse(_ key: String, _ text: String) throws(DerivationError) -> ParameterValue {
        if let first = text.unicodeScalars.first, first.properties.isAlphabetic,
           text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }) {
            return .symbol(text)
        }
        do { return .number(try BigRational(parsing: text)) } catch {
            throw .invalidParameter(name: key, value: text, allowed: "an exact number (3/10, 0.25) or a symbol name")
        }
    }

    public static func binomial(_ n: Int, _ k: Int) -> Int {
        var c = 1
        for i in 0..<k { c = c * (n - i) / (i + 1) }
        return c
    }
}
