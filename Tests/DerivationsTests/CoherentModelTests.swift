import BigNumerics
import Derivations
import Operators
import Testing

/// `mayo.coherent`: Eq. (13)'s collision with Eq. (12)'s drive in the system Hamiltonian.
@Suite("mayo.coherent: the driven single battery")
struct CoherentModelTests {
    @Test("α outside [0, 1] is refused, naming α and its range")
    func driveOutOfRange() {
        for bad in ["3/2", "-1/4"] {
            #expect(throws: DerivationError.self) { _ = try ModelCatalogue.build("mayo.coherent", ["alpha": bad]) }
            do { _ = try ModelCatalogue.build("mayo.coherent", ["alpha": bad]); Issue.record("accepted α = \(bad)") } catch {
                guard case let .invalidParameter(name, _, allowed) = error else { Issue.record("\(error)"); continue }
                #expect(name == "alpha" && allowed.hasPrefix("0 ≤ α ≤ 1"))
            }
        }
    }

    @Test("At α = 0 it is mayo.single with α_R = 1; at α = 1/2 the steady state keeps a coherence")
    func driveEndpoints() throws {
        let undriven = try ModelCatalogue.build("mayo.coherent", ["alpha": "0", "y": "1/3", "eps": "1"])
        let single = try ModelCatalogue.build("mayo.single", ["alpha": "1", "y": "1/3", "eps": "1"])
        let ground = try InitialState.parse("ground", dimension: 2)
        let a = try ExactLinearAlgebra.steadyState(of: undriven.generator, initial: ground)
        let b = try ExactLinearAlgebra.steadyState(of: single.generator, initial: ground)
        #expect(a == b)
        let driven = try ModelCatalogue.build("mayo.coherent", ["alpha": "1/2", "y": "1/3", "eps": "1"])
        let c = try ExactLinearAlgebra.steadyState(of: driven.generator, initial: ground)
        #expect(ExactLinearAlgebra.isStationary(c, under: driven.generator))
        #expect(!c[0, 1].isZero)
        #expect(c[0, 0] + c[1, 1] == 1)
    }
}
