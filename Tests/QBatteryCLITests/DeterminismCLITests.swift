import Foundation
import Testing

/// The Double simulator gives the same bits in every process. Each process draws a new hash seed
/// (Dictionary order) and new heap addresses, so repeated runs are the user-level check; before
/// the fix, runs of these commands differed in the last digits (3 distinct values in 6 runs).
@Suite("CLI: bit-identical simulations across processes")
struct DeterminismCLITests {
    @Test(arguments: [
        ["simulate", "mayo-parallel", "energy", "N=3", "beta=1", "omega=1", "epsilon=1/2", "t=5", "--json"],
        ["simulate", "mayo-collective", "gamma", "N=3", "beta=1", "omega=1", "epsilon=1/2", "delta=1/100", "--json"],
    ])
    func repeatedRunsAgreeBitForBit(arguments: [String]) throws {
        var outputs = Set<String>()
        for _ in 0..<5 {
            let r = try CLI.run(arguments)
            #expect(r.status == 0, "\(r.stderr)")
            outputs.insert(r.stdout)
        }
        #expect(outputs.count == 1, "\(outputs.count) different outputs in 5 runs of \(arguments.joined(separator: " "))")
    }
}
