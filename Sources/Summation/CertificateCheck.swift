import BigNumerics
import RealModule

/// The checker side of the WZ discipline: a certificate is accepted only because exact
/// identities hold, whatever produced it.
public enum CertificateCheck {
    /// Σⱼ σⱼ·F(N + j, k)/F(N, k) = R(N, k + 1)·F(N, k + 1)/F(N, k) − R(N, k), as rational functions
    /// (atoms included). Dividing by F makes both sides rational: that is the whole check.
    public static func telescopes<K: SymbolicField>(_ f: K, _ c: TelescopingCertificate<K>, table: AtomTable<K>) throws(SummationError) -> Bool {
        guard !f.isZeroElement else { return false }
        var lhs = K.zero
        for (j, s) in c.sigma.enumerated() where !s.isZeroElement {
            let shifted = j == 0 ? f : try table.shift(f, c.outer ?? "", by: j)
            lhs = lhs + s * shifted / f
        }
        let rhs = try table.shift(c.rational, c.index, by: 1) * (try table.shift(f, c.index, by: 1)) / f - c.rational
        return lhs == rhs && c.sigma.contains { !$0.isZeroElement }
    }

    /// Integers N ≥ n0 with α·N ≥ β for every (α, β): is the set non-empty?
    static func feasible(_ constraints: [(Int, Int)], from n0: Int) -> Bool {
        var lo = n0, hi = Int.max
        for (alpha, beta) in constraints {
            if alpha > 0 { lo = max(lo, Int((Double(beta) / Double(alpha)).rounded(.up))) }
            else if alpha < 0 { hi = min(hi, Int((Double(beta) / Double(alpha)).rounded(.down))) }
            else if beta > 0 { return false }
        }
        return lo <= hi
    }

    /// Checks that G = R·F is finite at every integer k of [lower, upper] (for every N ≥ n0 when the
    /// bounds use the outer variable): each irreducible factor of G's denominator that involves k
    /// must be linear in k; its root k₀ is either never an integer of the range, or G is finite
    /// there once the reciprocal factorials absorb the zero (1/Γ is entire). Roots depending on
    /// a real parameter lie in the range only on a null set of it; the identities proven are
    /// between functions continuous in that parameter, so they extend (reported as such).
    /// Returns a sentence for the report.
    public static func finiteOnRange<K: SymbolicField>(_ g: K, index k: String, lower: LinearForm, upper: LinearForm,
                                                       outer: String?, from n0: Int, table: AtomTable<K>) throws(SummationError) -> String {
        var notes: [String] = []
        let (_, factors) = g.denominatorElement.irreducibleFactors()
        for (f, _) in factors where f.symbolNames.contains(k) {
            guard let cs = f.coefficients(in: k), cs.count == 2 else {
                throw .notApplicable("the certificate's denominator has a factor of degree > 1 in \(k) (\(f)); its integer roots are not located")
            }
            let root = K.zero - cs[0] / cs[1]
            let others = root.symbolNames.subtracting(outer.map { [$0] } ?? [])
            if !others.isEmpty { notes.append("a pole \(k) = \(root) depends on \(others.sorted().joined(separator: ", ")) (a null set; continuity)"); continue }
            var p = BigRational(0), q = BigRational(0)
            if let outer, root.symbolNames.contains(outer) {
                guard let rc = root.coefficients(in: outer), rc.count == 2, let p0 = rc[0].rationalValue, let q0 = rc[1].rationalValue else {
                    throw .notApplicable("a pole of the certificate at k = \(root) is not linear in \(outer)")
                }
                (p, q) = (p0, q0)
            } else if let p0 = root.rationalValue { p = p0 } else {
                throw .notApplicable("a pole of the certificate at k = \(root)")
            }
            if q.isInteger && !p.isInteger { continue }              // never an integer
            guard q.isInteger, p.isInteger, let pi = p.numerator.asInt, let qi = q.numerator.asInt else {
                throw .notApplicable("the certificate has a pole at k = \(root), an integer for some \(outer ?? "value"); not handled")
            }
            let form = LinearForm(outer.map { [$0: qi] } ?? [:], constant: pi)
            // Inside the range for some N ≥ n0?  lower(N) ≤ form(N) ≤ upper(N).
            let o = outer ?? ""
            let inRange = feasible([(qi - lower.coefficient(o), lower.constant - pi),
                                    (upper.coefficient(o) - qi, pi - upper.constant)], from: outer == nil ? 0 : n0)
            guard inRange else { continue }
            do { _ = try table.specialize(g, k, to: form) } catch {
                throw .pole("the certificate R·F has a pole at \(k) = \(form), inside the summation range \(lower)…\(upper)")
            }
            notes.append("\(k) = \(form) removable (a reciprocal factorial vanishes there)")
        }
        return notes.isEmpty ? "no pole in the range" : notes.joined(separator: "; ")
    }
}
