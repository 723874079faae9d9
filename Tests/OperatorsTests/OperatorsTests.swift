import Testing
import Numerics
import BigNumerics
@testable import Operators

import Derivations
typealias QI = GaussianRational
func q(_ n: Int, _ d: Int) -> BigRational { BigRational(n) / BigRational(d) }

@Suite struct ComplexExtensionTests {
    @Test func fieldAxioms() throws {
        let a = QI(q(3, 2), q(-1, 5)), b = QI(BigRational(7), q(2, 3))
        #expect(QI.imaginaryUnit * QI.imaginaryUnit == QI(-1))
        #expect(a * b == QI(q(3, 2) * 7 + q(1, 5) * q(2, 3), q(3, 2) * q(2, 3) - q(7, 5)))
        #expect(a / b * b == a)
        #expect((a * a.conjugate).isReal)
        #expect(QI.zero.reciprocal == nil)
        #expect(a - a == .zero)
    }
}

@Suite struct MatrixLayerTests {
    typealias M = Matrix<QI>

    /// vec(A ρ B) = (Bᵀ ⊗ A) vec ρ, exactly, on non-symmetric complex matrices.
    @Test func sandwichConvention() throws {
        func m(_ seed: Int) -> M { M(rows: 3, cols: 3) { i, j in QI(BigRational(i * 3 + j + seed), BigRational((i - 2 * j) * seed)) } }
        let a = m(1), b = m(2), rho = m(5)
        let lhs = try (a * rho * b).vectorised
        let rhs = try Superoperators<QI>.sandwich(a, b) * rho.vectorised
        #expect(lhs == rhs)
        // a transposed convention would fail
        #expect(try Superoperators<QI>.sandwich(b, a) * rho.vectorised != lhs)
    }

    @Test func partialTraceOfProduct() throws {
        let a = M(rows: 2, cols: 2) { i, j in QI(BigRational(i + 2 * j + 1)) }
        let b = M(rows: 3, cols: 3) { i, j in QI(BigRational(i == j ? 1 : 0), BigRational(i - j)) }
        let ab = M.kron(a, b)
        #expect(try ab.partialTrace(dims: [2, 3], keep: [0]) == a.scaled(b.trace))
        #expect(try ab.partialTrace(dims: [2, 3], keep: [1]) == b.scaled(a.trace))
    }

    @Test func dissipatorIsTracePreservingAndMatchesItsMap() throws {
        let ops = try QubitOperators<QI>(count: 2)
        let a = try ops.collectiveJMinus()
        let l = try Superoperators<QI>.dissipator(a, a)
        let byMap = try Superoperators<QI>.fromMap(dimension: 4) { (x: M) throws(OperatorError) -> M in
            let adA = try a.adjoint * a
            return try a * x * a.adjoint - (adA * x).scaled(QI(q(1, 2))) - (x * adA).scaled(QI(q(1, 2)))
        }
        #expect(l == byMap)
        // trace preservation: Σ_k L[k + 4k, c] = 0 for every column
        for c in 0..<16 { var t = QI.zero; for k in 0..<4 { t += l[k + 4 * k, c] }; #expect(t == .zero) }
    }

    @Test func exactNullSpaceAndRank() throws {
        // rank-2 3×4 matrix; null space of dimension 2, A v = 0 exactly
        let a = try M([[1, 2, 3, 4], [2, 4, 6, 8], [0, 1, 1, 1]].map { $0.map { QI(BigRational($0)) } })
        #expect(a.rank == 2)
        let ns = a.nullSpace()
        #expect(ns.count == 2)
        for v in ns { #expect(try (a * M.column(v)).isZero) }
    }

    @Test func doublePolicyNeedsTolerance() throws {
        typealias C = Complex<Double>
        let a = try Matrix<C>([[C(1), C(1)], [C(1), C(1 + 1e-14)]])
        #expect(try a.rowReduced(tolerance: 1e-10).rank == 1)
        #expect(try a.rowReduced(tolerance: 0).rank == 2)
        #expect(throws: OperatorError.self) { try a.rowReduced(tolerance: -1) }
    }

    /// The sparse column builder equals the dense generic Lindbladian entry by entry.
    @Test(arguments: [1, 2, 3]) func sparseEqualsDense(n: Int) throws {
        let half = QI(q(1, 2)), third = QI(q(1, 3))
        let model = try CakmakDescription<QI>.collective(qubits: n, omega: 1, gamma0: half, f: third, nbar: QI(q(2, 7)))
        let dense = try model.lindbladian()
        let sparse = try SparseLindbladian(hamiltonian: model.hamiltonian(), operators: model.loweringOperators() + model.raisingOperators(),
                                           kossakowski: blockDiagonal(model.kossakowskiMinus, model.kossakowskiPlus))
        let d = 1 << n
        for c in 0..<(d * d) {
            let col = sparse.column(c % d, c / d)
            for r in 0..<(d * d) { #expect((col[r] ?? .zero) == dense[r, c]) }
        }
        // U(1) charge blocks are found as components
        let blocks = sparse.invariantBlocks().blocks
        for b in blocks {
            let q = Set(b.map { ($0 % d).nonzeroBitCount - ($0 / d).nonzeroBitCount })
            #expect(q.count == 1)
        }
    }

    func blockDiagonal(_ a: M, _ b: M) -> M {
        M(rows: a.rows + b.rows, cols: a.cols + b.cols) { i, j in
            if i < a.rows && j < a.cols { return a[i, j] }
            if i >= a.rows && j >= a.cols { return b[i - a.rows, j - a.cols] }
            return .zero
        }
    }
}
