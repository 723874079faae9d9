import Numerics
import Testing
@testable import Simulator

/// Bit-for-bit reproducibility of the Double simulator. Swift seeds Dictionary hashing per process,
/// so a sum taken in Dictionary order changes its last bits from run to run; in-process the same
/// reordering is produced by rehashing the blocks into tables of other capacities.
@Suite("Determinism of the Double simulator")
struct DeterminismTests {
    /// The same model with its interaction blocks stored in a Dictionary of `capacity` buckets
    /// (same keys and values, another iteration order).
    static func rehashed(_ m: CollisionModel, capacity: Int) throws -> CollisionModel {
        var v = BipartiteOperator(systemDimension: m.interaction.systemDimension, bathDimension: m.interaction.bathDimension)
        v.blocks.reserveCapacity(capacity)
        for (key, b) in m.interaction.blocks.sorted(by: { $0.key > $1.key }) { v.blocks[key] = b }
        return try CollisionModel(systemHamiltonian: m.systemHamiltonian, bathHamiltonian: m.bathHamiltonian,
                                  interaction: v, coupling: m.coupling, beta: m.beta)
    }

    static func bits(_ m: CMatrix) -> [UInt64] { m.interleaved.map(\.bitPattern) }

    /// How many entries of `a` differ from `b` in any bit (all of them if the shapes differ).
    static func differing(_ a: CMatrix, _ b: [UInt64]) -> Int {
        let x = bits(a)
        return x.count == b.count ? zip(x, b).filter { $0 != $1 }.count : Swift.max(x.count, b.count)
    }

    /// Every block sum (population rates, heat and energy observables, Born generator) must not
    /// depend on the Dictionary's layout.
    @Test(arguments: [("parallel", 3), ("collective", 3)])
    func blockSumsIgnoreDictionaryOrder(kind: String, n: Int) throws {
        let m = kind == "parallel"
            ? try MayoModels.nBatteriesParallel(n: n, omega: 1, beta: 1, epsilon: 0.5)
            : try MayoModels.nBatteriesCollective(n: n, omega: 1, beta: 1, epsilon: 0.5, reading: .matchedLabels)
        let rates = Self.bits(try m.bornPopulationGenerator().rates)
        let heat = Self.bits(m.bornHeatObservable())
        let energy = Self.bits(try m.bornSystemEnergyObservable())
        let born = Self.bits(try m.bornGenerator().matrix)
        var layouts = Set<[Int]>()
        for capacity in [0, 7, 64, 257, 4096] {
            let r = try Self.rehashed(m, capacity: capacity)
            layouts.insert(r.interaction.blocks.map(\.key))
            #expect(Self.differing(try r.bornPopulationGenerator().rates, rates) == 0, "rates, capacity \(capacity)")
            #expect(Self.differing(r.bornHeatObservable(), heat) == 0, "heat observable, capacity \(capacity)")
            #expect(Self.differing(try r.bornSystemEnergyObservable(), energy) == 0, "energy observable, capacity \(capacity)")
            #expect(Self.differing(try r.bornGenerator().matrix, born) == 0, "Born generator, capacity \(capacity)")
        }
        // The check can fail only if the layouts really differ.
        #expect(layouts.count > 1)
    }

    /// The charging curve itself (the quantity reported by `qbattery simulate mayo-parallel energy`).
    @Test func energyCurveIgnoresDictionaryOrder() throws {
        let m = try MayoModels.nBatteriesParallel(n: 3, omega: 1, beta: 1, epsilon: 0.5)
        let rho0 = CMatrix.identity(8).scaled(1.0 / 8)
        let e = try Charging.LinearEnergyDynamics.populations(m, initial: rho0).energy(at: 5).bitPattern
        for capacity in [7, 64, 257, 4096] {
            let r = try Self.rehashed(m, capacity: capacity)
            #expect(try Charging.LinearEnergyDynamics.populations(r, initial: rho0).energy(at: 5).bitPattern == e,
                    "capacity \(capacity)")
        }
    }
}
