import Numerics
import Operators
import Testing
@testable import Simulator

/// `CMatrix` is `Operators.Matrix<Complex<Double>>`; its Double kernels are overloads chosen
/// statically. These tests tell the kernels apart by IEEE special values on which they differ by
/// design: the generic members skip zero entries (exact entries cost more than the test), the
/// Double kernels and BLAS do not, so 0·∞ is NaN only on the fast path, and a·(+0) with a < 0 is −0
/// only where the product is formed.
@Suite("CMatrix is the LAPACK-backed case of the generic Matrix")
struct CMatrixDispatchTests {
    /// A generic context, as in code written over any field: it sees only the generic members.
    static func genericProduct<F>(_ a: Matrix<F>, _ b: Matrix<F>) throws(OperatorError) -> Matrix<F> { try a * b }
    static func genericKron<F>(_ a: Matrix<F>, _ b: Matrix<F>) -> Matrix<F> { Matrix<F>.kron(a, b) }
    static func genericPartialTrace<F>(_ m: Matrix<F>, dims: [Int], keep: [Int]) throws(OperatorError) -> Matrix<F> {
        try m.partialTrace(dims: dims, keep: keep)
    }

    static let zeroTimesInfinity: (CMatrix, CMatrix) = (CMatrix(rows: 2, cols: 2), CMatrix.diagonal(real: [.infinity, 1]))

    @Test func oneStorageType() throws {
        let g: Matrix<Complex<Double>> = try QubitOperators<Cx>(count: 2).collectiveJPlus()
        let c: CMatrix = g  // no conversion: the same type
        #expect(c == (try QubitRegister(count: 2).collectiveJPlus()))
        // LAPACK's interleaved layout is the storage itself
        let m = try CMatrix([[Cx(1, 2), Cx(3, 4)], [Cx(5, 6), Cx(7, 8)]])
        #expect(m.interleaved == [1, 2, 5, 6, 3, 4, 7, 8])
        #expect(MemoryLayout<Cx>.stride == 2 * MemoryLayout<Double>.stride)
    }

    @Test func concreteProductIsBLAS() throws {
        _ = try ReferenceLAPACK.shared()
        let (a, b) = Self.zeroTimesInfinity
        // zgemm forms 0·∞ = NaN; the generic loop skips the zero factor
        let fast = try a * b
        #expect(fast[0, 0].real.isNaN)
        let generic = try Self.genericProduct(a, b)
        #expect(generic[0, 0] == Cx.zero && !generic[0, 0].real.isNaN)
        // the concrete overload throws the simulator's typed error
        #expect(throws: SimulatorError.self) { try a * CMatrix(rows: 3, cols: 1) }
        // and agrees with zgemm called directly (bit for bit) on ordinary entries
        let x = randomMatrix(5, 4, seed: 3), y = randomMatrix(4, 6, seed: 4)
        #expect(try (x * y).interleaved.map(\.bitPattern) == CMatrix.gemm(x, y).interleaved.map(\.bitPattern))
    }

    @Test func hotPathsUseTheDoubleKernels() throws {
        // Superoperator application (every Liouvillian evaluation) goes through zgemm
        let l = try Lindbladian(dimension: 2, matrix: CMatrix(rows: 4, cols: 4))
        let rho = CMatrix.diagonal(real: [.infinity, 0])
        #expect(try l.apply(rho)[0, 0].real.isNaN)
        // kron forms every product: (−1)·(+0) = −0, where the generic member leaves +0
        let minusOne = CMatrix.diagonal(real: [-1]), zero = CMatrix(rows: 1, cols: 1)
        #expect(CMatrix.kron(minusOne, zero)[0, 0].real.sign == .minus)
        #expect(Self.genericKron(minusOne, zero)[0, 0].real.sign == .plus)
        #expect(Superoperator.sandwich(minusOne, CMatrix.identity(1)).maxAbsDifference(minusOne) == 0)
        // an integer factor is a Double factor (not the generic Complex one): the same bits
        let h = randomHermitian(3, seed: 5)
        #expect(h.scaled(2).interleaved == h.scaled(2.0).interleaved)
        // the simulator's partial trace (typed error) is the generic one (same entries)
        let big = randomHermitian(4, seed: 6)
        #expect(try big.partialTrace(dims: [2, 2], keep: [0]) == Self.genericPartialTrace(big, dims: [2, 2], keep: [0]))
        #expect(throws: SimulatorError.self) { try big.partialTrace(dims: [2, 3], keep: [0]) }
    }
}
