import Testing
import Numerics
import Operators
import Simulator

/// The Double simulator and the generic layer build the same model: the simulator's LAPACK
/// assembly of Çakmak's Liouvillian against the generic dense formula over Complex<Double>.
@Suite struct SimulatorSharesModelsTests {
    @Test(arguments: [1, 2, 3]) func cakmakLiouvillian(n: Int) throws {
        let sim = try CakmakModel.collective(qubits: n, omega: 1.3, beta: 0.7, gamma0: 0.9, f: 0.4)
        let generic = try sim.modelDescription.lindbladian()
        let l = try sim.lindbladian().matrix
        var worst = 0.0, scale = 0.0
        for c in 0..<l.cols { for r in 0..<l.rows {
            worst = max(worst, (l[r, c] - generic[r, c]).length)
            scale = max(scale, l[r, c].length)
        } }
        // Both sum the same products in a different order: a few ulps of the largest entry.
        #expect(worst <= 8 * Double.ulpOfOne * scale)
        // A changed rate is seen (the check can fail).
        let other = try CakmakModel.collective(qubits: n, omega: 1.3, beta: 0.7, gamma0: 0.9 * (1 + 1e-12), f: 0.4).lindbladian().matrix
        var moved = 0.0
        for c in 0..<l.cols { for r in 0..<l.rows { moved = max(moved, (other[r, c] - generic[r, c]).length) } }
        #expect(moved > 8 * Double.ulpOfOne * scale)
    }

    @Test func mayoCollectiveBlocksAreTheGenericOnes() throws {
        let sim = try MayoModels.nBatteriesCollective(n: 3, omega: 1, beta: 0.5, epsilon: 0.2, reading: .matchedLabels)
        let blocks = try MayoInteractions<Cx>.collective(batteries: 3, offDiagonal: false)
        #expect(sim.interaction.blocks.count == blocks.count)
        for (k, b) in blocks { #expect(sim.interaction.blocks[k] == b) }
    }
}
