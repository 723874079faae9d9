import Numerics
import Testing
@testable import Simulator

@Suite("Linear algebra kernels")
struct LinearAlgebraTests {
    @Test func productAndKronecker() throws {
        let a = try CMatrix([[Cx(1), Cx(0, 1)], [Cx(2), Cx(3)]])
        let b = try CMatrix([[Cx(0), Cx(1)], [Cx(1, 1), Cx(0)]])
        let p = try a * b
        // exact small-integer arithmetic: equality to the last bit is expected
        #expect(p[0, 0] == Cx(-1, 1) && p[0, 1] == Cx(1) && p[1, 0] == Cx(3, 3) && p[1, 1] == Cx(2))
        let k = CMatrix.kron(Qubit.sigmaX, Qubit.sigmaZ)
        // σx⊗σz with σz = diag(−1, 1): the (0,2) block entry is σz[0,0] = −1
        #expect(k[0, 2] == Cx(-1) && k[1, 3] == Cx(1) && k[2, 0] == Cx(-1) && k[0, 0] == Cx.zero)
        #expect(a.adjoint[0, 1] == Cx(2) && a.adjoint[1, 0] == Cx(0, -1))
        #expect(a.trace == Cx(4))
        #expect(caught { try a * CMatrix(rows: 3, cols: 1) } != nil)
    }

    @Test func hermitianEigen() throws {
        let a = try CMatrix([[Cx(2), Cx(1, -1)], [Cx(1, 1), Cx(3)]])
        let e = try LinearAlgebra.eigh(a)
        // eigenvalues 1 and 4 exactly; LAPACK round-off is a few ulps of ‖A‖ ≈ 4
        #expect(Swift.abs(e.values[0] - 1) < 1e-14 && Swift.abs(e.values[1] - 4) < 1e-14)
        let h = randomHermitian(6, seed: 7)
        let d = try LinearAlgebra.eigh(h)
        let recon = try d.vectors * CMatrix.diagonal(real: d.values) * d.vectors.adjoint
        // backward stability of zheevd: residual O(n ε ‖H‖)
        #expect(recon.maxAbsDifference(h) < 1e-13)
        let bad = try CMatrix([[Cx(0), Cx(1)], [Cx(0), Cx(0)]])
        guard case .notHermitian? = caught({ try LinearAlgebra.eigh(bad, parameter: "H") }) else {
            Issue.record("non-Hermitian input was accepted"); return
        }
    }

    @Test func solveSVDAndNullSpace() throws {
        let a = randomMatrix(5, 5, seed: 3)
        let b = randomMatrix(5, 2, seed: 4)
        let x = try LinearAlgebra.solve(a, b)
        // residual of LU with partial pivoting on a well-conditioned random 5×5: O(ε κ)
        #expect(try (a * x).maxAbsDifference(b) < 1e-12)
        let s = try LinearAlgebra.singularValues(CMatrix.diagonal(real: [3, -5, 0.5]))
        // singular values of a diagonal matrix are |d_i| sorted; zgesdd is exact to ulps here
        #expect(Swift.abs(s[0] - 5) < 1e-14 && Swift.abs(s[1] - 3) < 1e-14 && Swift.abs(s[2] - 0.5) < 1e-14)
        // rank-2 4×4 matrix: null space dimension 2, and A N = 0
        let u = randomMatrix(4, 2, seed: 5), v = randomMatrix(2, 4, seed: 6)
        let r2 = try u * v
        let ns = try LinearAlgebra.nullSpace(r2)
        #expect(ns.dimension == 2)
        // null vectors from the SVD satisfy A n = 0 to O(ε ‖A‖)
        #expect(try (r2 * ns.basis).maxAbs < 1e-12)
        #expect(ns.largestDropped < ns.tolerance && ns.smallestKept > 1e3 * ns.tolerance)
        let singular = CMatrix.diagonal(real: [1, 0])
        guard case .singular? = caught({ try LinearAlgebra.solve(singular, CMatrix.identity(2)) }) else {
            Issue.record("singular system not reported"); return
        }
    }

    @Test func matrixExponential() throws {
        // rotation generator: exp([[0, t], [−t, 0]]) = [[cos t, sin t], [−sin t, cos t]]
        let t = 2.7
        let g = try CMatrix(real: [[0, t], [-t, 0]])
        let r = try LinearAlgebra.expm(g)
        // Padé 13 with scaling is accurate to a few ulps for ‖A‖ ~ 3
        #expect(Swift.abs(r[0, 0].real - Double.cos(t)) < 1e-14 && Swift.abs(r[0, 1].real - Double.sin(t)) < 1e-14)
        // nilpotent: exp(N) = 1 + N exactly
        let n = try CMatrix(real: [[0, 1], [0, 0]])
        #expect(try LinearAlgebra.expm(n).maxAbsDifference(CMatrix(real: [[1, 1], [0, 1]])) < 1e-15)
        // large Hermitian (many squarings) against the eigen-decomposition route
        let h = randomHermitian(6, seed: 11).scaled(20)
        let viaPade = try LinearAlgebra.expm(h.scaled(by: Cx(0, -1)))
        let viaEig = try LinearAlgebra.unitary(h, time: 1)
        // ‖H‖ ≈ 60 needs ~4 squarings; error growth ~ 2^s ε ‖H‖
        #expect(viaPade.maxAbsDifference(viaEig) < 1e-11)
        // non-normal: e^A e^{−A} = 1
        let a = randomMatrix(5, 5, seed: 12).scaled(1.5)
        let prod = try LinearAlgebra.expm(a) * LinearAlgebra.expm(-a)
        // conditioning of e^{±A} (norms ~ e^{‖A‖}) amplifies round-off
        #expect(prod.maxAbsDifference(CMatrix.identity(5)) < 1e-10)
    }

    @Test func generalEigenvalues() throws {
        let a = try CMatrix([[Cx(1), Cx(5), Cx(2)], [Cx(0), Cx(0, 2), Cx(7)], [Cx(0), Cx(0), Cx(-3, 1)]])
        let ev = try LinearAlgebra.eigenvalues(a).sorted { $0.real < $1.real }
        // triangular: eigenvalues are the diagonal; zgeev is backward stable
        #expect((ev[0] - Cx(-3, 1)).length < 1e-13 && (ev[1] - Cx(0, 2)).length < 1e-13 && (ev[2] - Cx(1)).length < 1e-13)
    }
}
