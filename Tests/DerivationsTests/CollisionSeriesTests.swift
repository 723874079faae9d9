import BigNumerics
import Derivations
import Operators
import Testing

/// One collision expanded exactly in s = ε√Δt: the Born generator without assuming its form.
@Suite("One collision as an exact series in ε√Δt")
struct CollisionSeriesTests {
    /// H_R = (ω/2)Σσ_z on the bath units (the bath state of the catalogue is its Gibbs state).
    func bathHamiltonian(_ model: ExactModel, omegaR: ExactScalar = 1) throws -> Matrix<ExactScalar> {
        try QubitOperators<ExactScalar>(count: model.qubits).halfSigmaZHamiltonian(omega: omegaR)
    }

    @Test("ε²Φ₂ is the Born generator of Eqs. (4)–(5) and (13), and the model's generator; Φ₀ = 1, Φ₁ = 0",
          arguments: [("mayo.parallel", ["N": "2"]), ("mayo.collective", ["N": "2"]), ("mayo.collective", ["N": "2", "labels": "offdiagonal"]),
                      ("mayo.coherent", ["alpha": "alpha"]), ("mayo.single", ["alpha": "2"])])
    func seriesGivesTheBornGenerator(name: String, arguments: [String: String]) throws {
        let model = try ModelCatalogue.build(name, arguments)
        let collision = try #require(model.collision)
        let omegaR: ExactScalar = name == "mayo.single" ? ExactScalar.integer(Int(arguments["alpha"] ?? "1") ?? 1) : 1
        let hR = try bathHamiltonian(model, omegaR: omegaR)
        let series = try collision.collisionSeries(order: 2, bathHamiltonian: hR)
        #expect(series[0] == Matrix.identity(model.dimension * model.dimension))
        #expect(series[1].isZero)
        let fromSeries = try collision.bornGeneratorFromSeries(bathHamiltonian: hR)
        #expect(fromSeries == (try collision.bornGenerator()))
        #expect(fromSeries == (try model.denseGenerator(memoryLimit: 1e9)))
    }

    @Test("Every order is trace preserving (U stays unitary order by order; a wrong 1/n! would break it)")
    func everyOrderPreservesTheTrace() throws {
        let model = try ModelCatalogue.build("mayo.coherent", ["alpha": "1/3", "y": "1/5", "eps": "2"])
        let collision = try #require(model.collision)
        let series = try collision.collisionSeries(order: 5, bathHamiltonian: try bathHamiltonian(model))
        let d = 2
        for (k, phi) in series.enumerated() {
            for col in 0..<(d * d) {
                var trace = ExactScalar.zero
                for i in 0..<d { trace += phi[i + d * i, col] }
                #expect(trace == (k == 0 && col % (d + 1) == 0 ? 1 : 0), "order \(k), column \(col)")
            }
        }
        // Odd orders vanish (every V_ar moves the bath off r, so an odd number of them cannot come back
        // under the trace): the step error is O(Δt²), and the fourth order is not zero, so the check
        // above is not vacuous.
        #expect(series[3].isZero && series[5].isZero)
        #expect(!series[4].isZero)
    }

    @Test("A bath with non-zero mean (matched labels with |μμ⟩⟨μμ| at N = 2) has Φ₁ ≠ 0 and no generator")
    func firstOrderTermRefused() throws {
        let blocks = try MayoInteractions<ExactScalar>.collective(batteries: 2, offDiagonal: false)
        let y = ExactScalar(MultivariateRationalFunction.variable("y"))
        let pops = try MayoInteractions<ExactScalar>.bathPopulations(qubits: 2, y: y)
        let ops = try QubitOperators<ExactScalar>(count: 2)
        let description = try CollisionDescription(systemHamiltonian: ops.halfSigmaZHamiltonian(omega: 1), bathDimension: 4,
                                                   blocks: blocks, couplingSquared: 4, bathPopulations: pops)
        let series = try description.collisionSeries(order: 2, bathHamiltonian: ops.halfSigmaZHamiltonian(omega: 1))
        #expect(!series[1].isZero)
        #expect(throws: OperatorError.self) { _ = try description.bornGeneratorFromSeries(bathHamiltonian: ops.halfSigmaZHamiltonian(omega: 1)) }
    }

    @Test("A bath Hamiltonian that does not commute with the bath state, or an order beyond 6, is refused")
    func badInput() throws {
        let model = try ModelCatalogue.build("mayo.coherent", ["alpha": "0"])
        let collision = try #require(model.collision)
        #expect(throws: OperatorError.self) { _ = try collision.collisionSeries(order: 2, bathHamiltonian: QubitOperators<ExactScalar>.sigmaX) }
        #expect(throws: OperatorError.self) { _ = try collision.collisionSeries(order: 7, bathHamiltonian: try bathHamiltonian(model)) }
    }
}
