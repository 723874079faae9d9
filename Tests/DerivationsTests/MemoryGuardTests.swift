// The memory guard estimates the route that runs: the same limit refuses elimination of a block
// and accepts the modular/interpolated route of the same block; refusals are typed and name N and
// the bytes needed.
import Testing
import BigNumerics
import Operators
@testable import Derivations

@Suite struct MemoryGuardTests {
    /// The largest invariant block of a model's generator and its number of non-zero entries.
    func largestBlock(_ m: ExactModel) -> (size: Int, nonzeros: Int, matrix: Matrix<ExactScalar>) {
        let (blocks, columns) = m.generator.invariantBlocks()
        let b = blocks.max { $0.count < $1.count } ?? []
        let members = Set(b)
        return (b.count, b.reduce(0) { $0 + columns[$1].keys.count { members.contains($0) } }, ExactLinearAlgebra.block(columns, b))
    }

    @Test func aLimitBelowEliminationAcceptsTheInterpolatedRouteAndRefusesTheFallback() throws {
        // y alone is free: every block is interpolated; y and f free: blocks fall back to elimination.
        let oneSymbol = try ModelCatalogue.build("cakmak.collective", ["N": "3"])
        let twoSymbols = try ModelCatalogue.build("cakmak.collective", ["N": "3", "f": "f"])
        let (n, _, block) = largestBlock(twoSymbols)
        let (n1, z1, _) = largestBlock(oneSymbol)
        let elimination = MemoryGuard.elimination(block) + MemoryGuard.workingSetBytes
        let columns = MemoryGuard.sparseColumns(of: twoSymbols.generator)
        let limit = columns + elimination - 1
        try #require(n1 == n && MemoryGuard.sparseColumns(of: oneSymbol.generator) + MemoryGuard.interpolationImages(size: n, nonzeros: z1) + MemoryGuard.workingSetBytes < limit)
        let fast = try ExactLinearAlgebra.kernel(of: oneSymbol.generator, memoryLimit: limit)
        #expect(fast.kernel == ExactLinearAlgebra.kernel(of: oneSymbol.generator).kernel)
        #expect(!fast.routes.contains(.eliminated))
        do {
            _ = try ExactLinearAlgebra.kernel(of: twoSymbols.generator, memoryLimit: limit)
            Issue.record("elimination of a \(n)×\(n) block above the limit was not refused")
        } catch {
            guard case let .tooLarge(parameter, needed, l) = error else { Issue.record("\(error)"); return }
            #expect(parameter.contains("N = 3") && parameter.contains("elimination of a \(n)×\(n)"))
            #expect(needed == columns + elimination && l == limit)
        }
        // with the elimination estimate allowed, the fallback runs and agrees with the unguarded route
        let slow = try ExactLinearAlgebra.kernel(of: twoSymbols.generator, memoryLimit: columns + elimination)
        #expect(slow.routes.contains(.eliminated))
        #expect(slow.kernel == ExactLinearAlgebra.kernel(of: twoSymbols.generator).kernel)
    }

    /// The ground steady state goes through the (N+1)² symmetric subspace; its estimate is what is checked.
    @Test func steadyStateIsEstimatedOnItsSubspace() throws {
        let m = try ModelCatalogue.build("cakmak.collective", ["N": "4", "y": "1/3"])
        let rho0 = try InitialState.parse("ground", dimension: 16)
        let subspace = MemoryGuard.subspace(dimension: 16, coordinates: 25, largestElement: 36) + MemoryGuard.workingSetBytes
        let guarded = try ExactLinearAlgebra.steadyState(of: m.generator, initial: rho0, memoryLimit: 4 * subspace)
        #expect(guarded == (try ExactLinearAlgebra.steadyState(of: m.generator, initial: rho0)))
        #expect(throws: DerivationError.tooLarge(parameter: "N = 4 (invariant subspace of dimension 25)", bytesNeeded: subspace, limitBytes: subspace / 2)) {
            try ExactLinearAlgebra.steadyState(of: m.generator, initial: rho0, memoryLimit: subspace / 2)
        }
    }

    /// The interpolation gives up when its samples exceed the budget (and the caller falls back).
    @Test func interpolationRespectsItsSampleBudget() throws {
        let m = try ModelCatalogue.build("cakmak.collective", ["N": "2"])
        let (blocks, columns) = m.generator.invariantBlocks()
        let b = try #require(blocks.first { ExactLinearAlgebra.block(columns, $0).nullSpace().count > 0 && $0.count > 1 })
        let block = ExactLinearAlgebra.block(columns, b)
        #expect(InterpolatedKernel.nullSpace(of: block) != nil)
        #expect(InterpolatedKernel.nullSpace(of: block, sampleBudget: 1) == nil)
    }
}
