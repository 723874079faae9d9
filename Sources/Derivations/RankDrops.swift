// Where the kernel dimension of a generator with one free symbol y changes. Specialising y = y0
// can only lower a block's rank (its (r+1)-minors vanish identically), and the rank stays r where
// one r×r minor is non-zero. So, per invariant block M of generic rank r:
//  • the canonical kernel (verified) gives the pivot columns P; a point image of M[:, P] gives
//    rows S with det M[S, P] non-zero there, hence m(y) = det M[S, P] ≢ 0, computed EXACTLY;
//  • the rank can drop only at real roots of m, i.e. at common roots of its real and imaginary
//    numerators: the factors of g = gcd(Re m, Im m) over Q;
//  • each rational root y0 (a linear factor) where the generator is defined is checked EXACTLY:
//    rank M(y0) by elimination over Q(i). Quadratic factors without real roots are dropped; other
//    factors of degree ≥ 2 are reported as unresolved (the rank may drop at their real roots; not
//    claimed either way).
// The result is complete for rational y0: no rational value outside the list changes the kernel
// dimension. Values outside the physical range (y ≤ 0, y ≥ 1) are listed too; the caller filters. Poles of the generator's entries (where it is undefined) are listed separately.
import BigNumerics
import Operators

/// A value of the free symbol where the kernel dimension of the generator differs from the generic one.
public struct KernelDimensionChange: Sendable, Equatable {
    public let value: BigRational
    public let kernelDimension: Int
}

public struct KernelDimensionProfile: Sendable {
    public let symbol: String
    public let genericKernelDimension: Int
    /// Proven changes, by increasing value.
    public let changes: [KernelDimensionChange]
    /// Irreducible factors of degree ≥ 2 at whose real roots a block's rank may drop (not decided).
    public let unresolvedFactors: [String]
    /// Irreducible factors of the entries' denominators: the generator is undefined at their roots.
    public let poles: [String]
}

extension ExactLinearAlgebra {
    /// Largest invariant block `kernelDimensionChanges` accepts (it takes exact r×r determinants).
    public static let rankProfileBlockLimit = 128

    /// The values of the single free symbol where the kernel dimension changes (see the file comment).
    public static func kernelDimensionChanges(of l: SparseLindbladian<ExactScalar>) throws(DerivationError) -> KernelDimensionProfile {
        let (blocks, columns) = l.invariantBlocks()
        var symbols = Set<String>()
        for c in columns { for x in c.values { symbols.formUnion(x.variables) } }
        guard symbols.count == 1, let v = symbols.first else {
            throw .invalidParameter(name: "free symbols", value: symbols.isEmpty ? "none" : symbols.sorted().joined(separator: ", "),
                                    allowed: "exactly one (give the others as exact numbers)")
        }
        if let big = blocks.map(\.count).max(), big > rankProfileBlockLimit {
            throw .invalidParameter(name: "largest invariant block", value: "\(big)", allowed: "≤ \(rankProfileBlockLimit) (exact determinants)")
        }
        // Poles: irreducible factors of the entries' denominators.
        var poleFactors: [MultivariatePolynomial] = []
        for c in columns {
            for x in c.values {
                for part in [x.real, x.imaginary] where !part.denominator.isConstant {
                    for (f, _) in part.denominator.factored().factors where !poleFactors.contains(f) { poleFactors.append(f) }
                }
            }
        }
        func isPole(_ y0: BigRational) -> Bool { poleFactors.contains { (try? $0.evaluate([v: y0]))?.isZero == true } }

        var generic = 0
        var candidates: [BigRational] = []
        var unresolved: [MultivariatePolynomial] = []
        var blockMatrices: [Matrix<ExactScalar>] = []
        var blockRanks: [Int] = []
        var blockMinors: [ExactScalar] = []
        for b in blocks {
            let m = block(columns, b)
            let kernel = blockNullSpace(m, method: .automatic).basis
            let free = Set(kernel.map { vec in vec.lastIndex { !$0.isZero } ?? 0 })
            let pivots = (0..<m.cols).filter { !free.contains($0) }
            generic += kernel.count
            blockMatrices.append(m)
            blockRanks.append(pivots.count)
            guard !pivots.isEmpty else { blockMinors.append(1); continue }
            guard let rows = independentRows(m, columns: pivots, symbol: v) else {
                throw .algebra("no point image of a block keeps its generic rank (20 points tried)")
            }
            let minor = determinant(m.submatrix(rows: rows, cols: pivots))
            if minor.isZero { throw .algebra("the certified minor of a block vanished exactly") }
            blockMinors.append(minor)
            // real roots of m: common roots of the real and imaginary numerators
            var g = minor.real.numerator
            if !minor.imaginary.isZero { g = MultivariatePolynomial.gcd(g, minor.imaginary.numerator) }
            for (f, _) in g.factored().factors where f.degree(in: v) >= 1 {
                if f.degree(in: v) == 1 {
                    // f = c1·y + c0
                    let c = f.coefficients(in: v)
                    guard let c0 = c[0].constantValue, let c1 = c[1].constantValue, !c1.isZero else { continue }
                    let y0 = -(c0 / c1)
                    if !candidates.contains(y0) { candidates.append(y0) }
                } else if !unresolved.contains(f) && !Self.hasNoRealRoot(f, v) {
                    unresolved.append(f)
                }
            }
        }
        var changes: [KernelDimensionChange] = []
        for y0 in candidates.sorted(by: <) where !isPole(y0) {
            var dimension = generic
            for (k, m) in blockMatrices.enumerated() {
                // only blocks whose certified minor vanishes at y0 can lose rank
                guard let at = try? blockMinors[k].evaluated([v: y0]), at.real.isZero && at.imaginary.isZero else { continue }
                let image: Matrix<GaussianRational>
                do { image = try m.map { try $0.evaluated([v: y0]) } } catch { throw .algebra("\(error)") }
                let rank = image.rowReduced().rank
                dimension += blockRanks[k] - rank
            }
            if dimension != generic { changes.append(KernelDimensionChange(value: y0, kernelDimension: dimension)) }
        }
        return KernelDimensionProfile(symbol: v, genericKernelDimension: generic, changes: changes,
                                      unresolvedFactors: unresolved.map { "\($0)" }, poles: poleFactors.map { "\($0)" })
    }

    /// true for a quadratic with negative discriminant (no real root, so no real rank drop there).
    static func hasNoRealRoot(_ f: MultivariatePolynomial, _ v: String) -> Bool {
        guard f.degree(in: v) == 2 else { return false }
        let c = f.coefficients(in: v).map(\.constantValue)
        guard let a = c[2], let b = c[1], let c0 = c[0] else { return false }
        return b * b - BigRational(4) * a * c0 < 0
    }

    /// Rows S of m with M[S, columns] of full column rank at a rational point (hence generically).
    static func independentRows(_ m: Matrix<ExactScalar>, columns: [Int], symbol: String) -> [Int]? {
        for k in 0..<20 {
            let point = [symbol: BigRational(2 * k + 3) / BigRational(4 * k + 11)]
            guard let image = try? m.submatrix(rows: Array(0..<m.rows), cols: columns).map({ try $0.evaluated(point) }) else { continue }
            let e = image.transpose.rowReduced()
            if e.rank == columns.count { return e.pivots }
        }
        return nil
    }

    /// det A by Gaussian elimination over Q(i)(y, …) (exact zero test).
    static func determinant(_ a: Matrix<ExactScalar>) -> ExactScalar {
        var m = a
        let n = m.rows
        var det: ExactScalar = 1
        for col in 0..<n {
            guard let p = (col..<n).first(where: { !m[$0, col].isZero }) else { return .zero }
            if p != col {
                for j in 0..<n { let t = m[p, j]; m[p, j] = m[col, j]; m[col, j] = t }
                det = -det
            }
            let pivot = m[col, col]
            det = det * pivot
            guard let inv = pivot.reciprocal else { return .zero }
            let pivotRow = (col + 1..<n).filter { !m[col, $0].isZero }
            for i in (col + 1)..<n where !m[i, col].isZero {
                let f = m[i, col] * inv
                for j in pivotRow { m[i, j] = m[i, j] - f * m[col, j] }
                m[i, col] = .zero
            }
        }
        return det
    }
}
