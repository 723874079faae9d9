import Numerics
import Testing
@testable import Simulator

@Suite("Qubit operators and vectorisation")
struct QubitAndSuperoperatorTests {
    @Test func basisConvention() throws {
        let reg = try QubitRegister(count: 3)
        // σ⁺ on site 0 (most significant bit) maps |000⟩ (index 0) to |100⟩ (index 4)
        let sp0 = try reg.sigmaPlus(0)
        #expect(sp0[4, 0] == Cx(1) && sp0.frobeniusNorm == 2)
        let sp2 = try reg.sigmaPlus(2)
        #expect(sp2[1, 0] == Cx(1))
        // [J⁺, J⁻] = 2 J_z, exact integers
        let jp = try reg.collectiveJPlus(), jm = try reg.collectiveJMinus()
        #expect(try CMatrix.commutator(jp, jm).maxAbsDifference(reg.collectiveJz().scaled(2)) == 0)
        // σ_z = +1 on the excited state (Mayo's operator σ_z equals ours; only its labels are flipped)
        #expect(Qubit.sigmaZ[1, 1] == Cx(1))
        // Mayo's ρ00 (excited) is our index 1 for one qubit
        let rho = CMatrix.diagonal(real: [0.3, 0.7])
        #expect(PaperBasis.mayo.fromSimulator(rho)[0, 0] == Cx(0.7))
        // σx σy = i σz fixes σy in this basis
        #expect(try (Qubit.sigmaX * Qubit.sigmaY).maxAbsDifference(Qubit.sigmaZ.scaled(by: Cx(0, 1))) == 0)
    }

    @Test func partialTrace() throws {
        let a = randomState(2, seed: 1), b = randomState(3, seed: 2)
        let ab = CMatrix.kron(a, b)
        // partial trace of a product state returns the factor; only additions of 3 terms: ulps
        #expect(try ab.partialTrace(dims: [2, 3], keep: [0]).maxAbsDifference(a) < 1e-14)
        #expect(try ab.partialTrace(dims: [2, 3], keep: [1]).maxAbsDifference(b) < 1e-14)
        // three parties, keep the outer two
        let c = randomState(2, seed: 3)
        let abc = CMatrix.kron([a, b, c])
        #expect(try abc.partialTrace(dims: [2, 3, 2], keep: [0, 2]).maxAbsDifference(CMatrix.kron(a, c)) < 1e-14)
    }

    @Test func vectorisationMatchesExplicitAction() throws {
        let a = randomMatrix(3, 3, seed: 21), b = randomMatrix(3, 3, seed: 22), rho = randomMatrix(3, 3, seed: 23)
        let explicit = try a * rho * b
        let viaSuper = try Superoperator.apply(Superoperator.sandwich(a, b), to: rho)
        // two products of 3×3 matrices each way: round-off only
        #expect(explicit.maxAbsDifference(viaSuper) < 1e-13)
        // column stacking: vec(ρ)[i + d j] = ρ_ij
        #expect(rho.vectorised[1 + 3 * 2, 0] == rho[1, 2])
        // Hamiltonian part and dissipator against explicit formulas
        let h = randomHermitian(3, seed: 24), l = randomMatrix(3, 3, seed: 25)
        let lind = try Lindbladian(hamiltonian: h, jumps: [(l, 0.7)])
        let comm = try CMatrix.commutator(h, rho).scaled(by: Cx(0, -1))
        let ldl = try l.adjoint * l
        let diss = try (l * rho * l.adjoint - CMatrix.anticommutator(ldl, rho).scaled(0.5)).scaled(0.7)
        // same arithmetic in a different order: round-off only
        #expect(try lind.apply(rho).maxAbsDifference(comm + diss) < 1e-13)
        // trace preservation: vec(1)† L = 0
        #expect(Superoperator.traceDefect(try LinearAlgebra.expm(lind.matrix), dimension: 3) < 1e-13)
        // row stacking permutation for Mayo Eq. 14: the (ρ01) slot is index 1 in row order
        let rs = Superoperator.toRowStacking(Superoperator.leftMultiplication(h), dimension: 3)
        #expect(rs[1, 2] == Superoperator.leftMultiplication(h)[3, 6])
    }

    @Test func badInputIsRefusedWithNamedParameter() throws {
        if case let .tooLarge(_, value, bytes, _)? = caught({ try QubitRegister(count: 17) }) {
            #expect(value == 17 && bytes == 16 * Double(1 << 17) * Double(1 << 17))
        } else { Issue.record("N = 17 accepted") }
        let h = Qubit.sigmaZ
        if case let .invalidParameter(name, _, _)? = caught({ try Lindbladian(hamiltonian: h, jumps: [(Qubit.sigmaMinus, -1)]) }) {
            #expect(name == "rate[0]")
        } else { Issue.record("negative rate accepted") }
        guard case .notHermitian? = caught({ try Lindbladian(hamiltonian: Qubit.sigmaPlus, jumps: []) }) else {
            Issue.record("non-Hermitian Hamiltonian accepted"); return
        }
        guard case .notNormalised? = caught({ try DensityMatrix.validate(CMatrix.identity(2)) }) else {
            Issue.record("unnormalised state accepted"); return
        }
        guard case .notPositive? = caught({ try DensityMatrix.validate(CMatrix.diagonal(real: [1.5, -0.5])) }) else {
            Issue.record("non-positive state accepted"); return
        }
        let l = try Lindbladian(hamiltonian: h, jumps: [])
        guard case .invalidParameter? = caught({ try Evolution.trajectory(l, Qubit.ground, timeStep: 0, steps: 3) }) else {
            Issue.record("dt = 0 accepted"); return
        }
        let notPSD = try CMatrix(real: [[1, 2], [2, 1]])
        guard case .invalidParameter? = caught({
            try Lindbladian(hamiltonian: CMatrix.identity(2), operators: [Qubit.sigmaMinus, Qubit.sigmaMinus], kossakowski: notPSD)
        }) else { Issue.record("non-PSD gamma_ij accepted"); return }
    }
}
