// Initial states for the exact steady-state route, in the README's computational basis
// (bit 1 = excited, site 1 the most significant bit).
import BigNumerics
import Operators

public enum InitialState {
    public static let forms = "ground, excited, basis:K (0 ≤ K < 2^N), diag:p_0,…,p_{2^N−1} (exact, ≥ 0, sum 1), pure:a_0,…,a_{2^N−1} (exact reals, Σa² = 1)"

    /// The density matrix named by `text`; refuses anything that is not a density matrix.
    public static func parse(_ text: String, dimension d: Int) throws(DerivationError) -> Matrix<ExactScalar> {
        var rho = Matrix<ExactScalar>(rows: d, cols: d)
        switch text {
        case "ground": rho[0, 0] = 1; return rho
        case "excited": rho[d - 1, d - 1] = 1; return rho
        default: break
        }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw .invalidParameter(name: "initial", value: text, allowed: forms) }
        switch parts[0] {
        case "basis":
            guard let k = Int(parts[1]), (0..<d).contains(k) else {
                throw .invalidParameter(name: "initial basis index", value: parts[1], allowed: "0 ... \(d - 1)")
            }
            rho[k, k] = 1
            return rho
        case "diag", "pure":
            let items = parts[1].split(separator: ",").map(String.init)
            guard items.count == d else {
                throw .notDensityMatrix(parameter: "initial", reason: "\(items.count) entries given, \(d) needed (2^N)")
            }
            var values: [BigRational] = []
            for item in items {
                switch try ModelCatalogue.parse("initial", item) {
                case let .number(q): values.append(q)
                case let .symbol(s): throw .freeSymbol(name: s, needed: "entries of the initial state, whose positivity must be decided")
                }
            }
            if parts[0] == "diag" {
                if let neg = values.firstIndex(where: { $0 < 0 }) {
                    throw .notDensityMatrix(parameter: "initial", reason: "population \(neg) is \(values[neg]) < 0 (allowed: ≥ 0)")
                }
                let sum = values.reduce(BigRational(0), +)
                if sum != 1 { throw .notDensityMatrix(parameter: "initial", reason: "trace \(sum) ≠ 1") }
                for (i, p) in values.enumerated() { rho[i, i] = ExactScalar(rational: p) }
            } else {
                let norm = values.reduce(BigRational(0)) { $0 + $1 * $1 }
                if norm != 1 { throw .notDensityMatrix(parameter: "initial", reason: "Σ a_k² = \(norm) ≠ 1 (trace of |a⟩⟨a|)") }
                for j in 0..<d { for i in 0..<d where !values[i].isZero && !values[j].isZero { rho[i, j] = ExactScalar(rational: values[i] * values[j]) } }
            }
            return rho
        default:
            throw .invalidParameter(name: "initial", value: text, allowed: forms)
        }
    }
}
