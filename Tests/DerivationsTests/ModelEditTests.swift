// Editing a model, shown working: change the model, re-derive exactly, and see which printed
// forms still hold and which break.
import Testing
import RealModule
import BigNumerics
import Operators
@testable import Derivations

@Suite struct ModelEditTests {
    /// Çakmak's collective model plus local dephasing g Σ_i D[σ_z,i] (g symbolic). The Gibbs state
    /// stays stationary, the decoherence-free coherences do not: the steady state becomes unique.
    @Test func cakmakWithLocalDephasing() throws {
        let n = 2
        let nbar = y / (one - y)
        var model = try CakmakDescription<ExactScalar>.collective(qubits: n, omega: 1, gamma0: 1, f: 0, nbar: nbar)
        let ops = try QubitOperators<ExactScalar>(count: n)
        let g = ExactScalar.symbol("g")
        model.extraJumps = try (0..<n).map { (try ops.sigmaZ($0), g) }
        let edited = try ModelCatalogue.sparse(model)
        let original = try ModelCatalogue.build("cakmak.collective", ["N": "\(n)"]).generator

        // kernel dimension: 2 (printed: "the steady state is then not unique") → 1
        #expect(ExactLinearAlgebra.kernel(of: original).kernelDimension == 2)
        #expect(ExactLinearAlgebra.kernel(of: edited).kernelDimension == 1)

        let ground = try InitialState.parse("ground", dimension: 1 << n)
        let before = try ExactLinearAlgebra.steadyState(of: original, initial: ground)
        let after = try ExactLinearAlgebra.steadyState(of: edited, initial: ground)
        #expect(ExactLinearAlgebra.isStationary(after, under: edited))
        // Eq. (14) held before and breaks now; the Gibbs state y^n/(1 + y)^N is what remains.
        #expect(before == printedEq14(n: n))
        #expect(after != printedEq14(n: n))
        let gibbs = Matrix<ExactScalar>.diagonal((0..<(1 << n)).map { power(y, $0.nonzeroBitCount) / power(one + y, n) })
        #expect(after == gibbs)
        // Eq. (13) (block diagonal by excitation number) and the statement "reduced one-qubit
        // states are diagonal" still hold; Eq. (7)'s |ψ−⟩⟨ψ−| is no longer stationary.
        for i in 0..<4 { for j in 0..<4 where i.nonzeroBitCount != j.nonzeroBitCount { #expect(after[i, j].isZero) } }
        let reduced = try after.partialTrace(dims: [2, 2], keep: [0])
        #expect(reduced[0, 1].isZero && reduced[1, 0].isZero)
        var psiMinus = Matrix<ExactScalar>(rows: 4, cols: 4)
        let half = one / ExactScalar.integer(2)
        psiMinus[1, 1] = half; psiMinus[2, 2] = half; psiMinus[1, 2] = -half; psiMinus[2, 1] = -half
        #expect(ExactLinearAlgebra.isStationary(psiMinus, under: original))
        #expect(!ExactLinearAlgebra.isStationary(psiMinus, under: edited))
    }

    /// Mayo's collective interaction with the degenerate labels all matched (every configuration of
    /// level k with every one of level N − k) instead of the one-to-one pairing: at N = 2 (without
    /// the |μμ⟩⟨μμ| terms) it is the same Eq. (5) and Eq. (10) holds; from N = 3 on the rates
    /// change, while the extreme transition E_0 ↔ E_N keeps its printed rate. With the |μμ⟩⟨μμ|
    /// terms kept at even N the bath mean is non-zero and the Δt → 0 limit is refused.
    @Test func mayoWithAnotherInteraction() throws {
        func rates(_ n: Int, _ labels: String) throws -> [RF: Int] {
            let s = try ExactEigenvalues.populationRates(of: ModelCatalogue.build("mayo.collective", ["N": "\(n)", "labels": labels]).generator)
            return Dictionary(s.eigenvalues.map { ($0.value, $0.multiplicity) }, uniquingKeysWith: +)
        }
        #expect(try rates(2, "offdiagonal") == rates(2, "pairing"))
        for n in [3, 4] {
            let edited = try rates(n, "offdiagonal"), paired = try rates(n, "pairing")
            #expect(edited != paired)
            let extreme = (-(ExactScalar.integer(n * n) * eps * eps * (one + power(y, n)) / power(one + y, n))).real
            #expect(paired[extreme] == 1)
            #expect(edited[extreme] == 1)
        }
        #expect(throws: DerivationError.self) { try ModelCatalogue.build("mayo.collective", ["N": "4", "labels": "matched"]) }
    }
}
