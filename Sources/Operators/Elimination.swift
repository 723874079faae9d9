// Gauss–Jordan elimination with an explicit pivot policy.
//
// POLICY. A pivot must be a non-zero entry, so elimination is only as sound as the zero test:
//  • `.exact` — for fields with a canonical form (Q, Q(i), Q(i)(y, …) on FLINT: equal values
//    have equal representations), zeroness is DECIDED; the first non-zero entry of the column
//    is the pivot (no size heuristics needed for correctness). Rank and null space are exact.
//  • `.partialPivoting(tolerance:)` — for floating point, zeroness is NOT decidable: the entry
//    of largest magnitude is the pivot and a column whose best candidate is ≤ tolerance·max|A|
//    is declared zero. The rank returned is the numerical rank at that tolerance, nothing more;
//    callers that need a certified rank use an exact field.
// Elimination needs only a field with a zero test (`ExtensibleField`), not i: real fields reduce too.
import RealModule
import ComplexModule

public enum PivotPolicy: Sendable, Equatable {
    case exact
    case partialPivoting(tolerance: Double)
}

/// A field whose elements have a size to pivot on under `.partialPivoting`.
public protocol PivotMagnitude {
    var pivotMagnitude: Double { get }
}

extension Complex: PivotMagnitude where RealType == Double {
    public var pivotMagnitude: Double { length }
}

extension ComplexExtension: PivotMagnitude where Base == Double {
    public var pivotMagnitude: Double { (real * real + imaginary * imaginary).squareRoot() }
}

public struct RowEchelon<Scalar: ExtensibleField>: Sendable {
    /// The reduced row echelon form (pivots 1, zero above and below).
    public let matrix: Matrix<Scalar>
    /// Pivot columns, in row order.
    public let pivots: [Int]
    public var rank: Int { pivots.count }
}

extension Matrix where Scalar: ExtensibleField {
    /// Reduced row echelon form with zeroness decided by `isZero` (exact fields only).
    public func rowReduced() -> RowEchelon<Scalar> {
        eliminate(pick: { m, col, from in (from..<m.rows).first { !m[$0, col].isZero } }, negligible: { $0.isZero })
    }

    func eliminate(pick: (Matrix, Int, Int) -> Int?, negligible: (Scalar) -> Bool) -> RowEchelon<Scalar> {
        var m = self
        var pivots: [Int] = []
        var row = 0
        for col in 0..<cols where row < rows {
            guard let p = pick(m, col, row) else { continue }
            if p != row { for j in 0..<cols { m.storage.swapAt(p + rows * j, row + rows * j) } }
            let one: Scalar = 1
            let inv = one / m[row, col]
            for j in col..<cols where !m[row, j].isZero { m[row, j] = m[row, j] * inv }
            m[row, col] = 1
            let pivotRow = (col..<cols).filter { !m[row, $0].isZero }
            for i in 0..<rows where i != row {
                let factor = m[i, col]
                if factor.isZero { continue }
                for j in pivotRow { m[i, j] -= factor * m[row, j] }
                m[i, col] = .zero
                for j in pivotRow where negligible(m[i, j]) { m[i, j] = .zero }
            }
            pivots.append(col)
            row += 1
        }
        return RowEchelon(matrix: m, pivots: pivots)
    }

    /// Basis of {x : A x = 0}, one column per free variable (free entry 1, other free entries 0).
    public func nullSpace() -> [[Scalar]] { Self.nullSpace(of: rowReduced(), cols: cols) }

    public var rank: Int { rowReduced().rank }

    static func nullSpace(of e: RowEchelon<Scalar>, cols: Int) -> [[Scalar]] {
        let pivotSet = Set(e.pivots)
        return (0..<cols).filter { !pivotSet.contains($0) }.map { free in
            var v = [Scalar](repeating: .zero, count: cols)
            v[free] = 1
            for (r, pc) in e.pivots.enumerated() where !e.matrix[r, free].isZero { v[pc] = -e.matrix[r, free] }
            return v
        }
    }

    /// Solves A X = B for square invertible A (exact zero test).
    public func solving(_ b: Matrix) throws(OperatorError) -> Matrix {
        if !isSquare || b.rows != rows {
            throw .dimensionMismatch(parameter: "linear system", expected: "square A with \(rows) rows in B", got: "\(rows)x\(cols), B \(b.rows)x\(b.cols)")
        }
        var aug = Matrix(rows: rows, cols: cols + b.cols)
        for j in 0..<cols { for i in 0..<rows { aug[i, j] = self[i, j] } }
        for j in 0..<b.cols { for i in 0..<rows { aug[i, cols + j] = b[i, j] } }
        let e = aug.rowReduced()
        if e.pivots.count < rows || e.pivots.last.map({ $0 >= cols }) == true { throw .singular(parameter: "A") }
        return Matrix(rows: rows, cols: b.cols) { i, j in e.matrix[i, cols + j] }
    }
}

extension Matrix where Scalar: ExtensibleField & PivotMagnitude {
    /// Row reduction under `.partialPivoting(tolerance:)` (floating point; see the policy above).
    public func rowReduced(tolerance: Double) throws(OperatorError) -> RowEchelon<Scalar> {
        if !(tolerance >= 0) || !tolerance.isFinite {
            throw .invalidParameter(name: "tolerance", value: "\(tolerance)", allowed: ">= 0, finite")
        }
        let scale = storage.reduce(0.0) { Swift.max($0, $1.pivotMagnitude) }
        let cut = tolerance * scale
        return eliminate(pick: { m, col, from in
            var best = from, bestSize = -1.0
            for i in from..<m.rows { let s = m[i, col].pivotMagnitude; if s > bestSize { best = i; bestSize = s } }
            return bestSize > cut ? best : nil
        }, negligible: { $0.pivotMagnitude <= cut })
    }

    public func nullSpace(tolerance: Double) throws(OperatorError) -> [[Scalar]] {
        Self.nullSpace(of: try rowReduced(tolerance: tolerance), cols: cols)
    }
}
