// Repeated-interaction (collision) model of Mayo & Roncaglia Sec. II (arXiv:2205.06897), with the
// energetics of their ref. [37] (F. Barra, PRL 122, 210601 (2019)): a system S meets, for a time
// Δt each, fresh bath units R in the Gibbs state of H_R through U = exp[−iΔt(H_S + H_R + V)],
// V = (ε/√Δt) Ṽ. Everything is derived from these operators: the finite-Δt CPTP map, its
// generator (Φ_Δt − 1)/Δt, and the Δt → 0 (Born) generator
//   L ρ = −i[H_S, ρ] − (ε²/2) tr_R[Ṽ, [Ṽ, ρ ⊗ ρ_R]].
import Numerics
import Operators

/// An operator on S ⊗ R (S the slow index) stored by bath blocks: Ṽ = Σ_{a,r} V_{ar} ⊗ |a⟩⟨r|,
/// so that models with a large, sparse interaction (Mayo's N-battery V_#^{(N)}) stay cheap.
public struct BipartiteOperator: Sendable {
    public let systemDimension: Int
    public let bathDimension: Int
    /// Non-zero blocks keyed by a·d_R + r.
    public internal(set) var blocks: [Int: CMatrix]

    public init(systemDimension: Int, bathDimension: Int) {
        self.systemDimension = systemDimension
        self.bathDimension = bathDimension
        self.blocks = [:]
    }

    /// From a dense operator on S ⊗ R (index s·d_R + r).
    public init(dense: CMatrix, systemDimension ds: Int, bathDimension dr: Int) throws(SimulatorError) {
        if dense.rows != ds * dr || dense.cols != ds * dr {
            throw .dimensionMismatch(parameter: "interaction", expected: "\(ds * dr) square", got: "\(dense.rows)x\(dense.cols)")
        }
        self.init(systemDimension: ds, bathDimension: dr)
        for a in 0..<dr { for r in 0..<dr {
            let b = CMatrix(rows: ds, cols: ds) { i, j in dense[i * dr + a, j * dr + r] }
            if b.maxAbs > 0 { blocks[a * dr + r] = b }
        } }
    }

    /// From the blocks of a generic model (keyed a·d_R + r, d_R = d_S here).
    public init(generic blocks: [Int: Matrix<Cx>], systemDimension ds: Int) {
        self.init(systemDimension: ds, bathDimension: ds)
        for (key, b) in blocks { self.blocks[key] = b }
    }

    /// Adds `value`·|s'⟩⟨s| ⊗ |a⟩⟨r|.
    mutating func add(systemOut: Int, systemIn: Int, bathOut: Int, bathIn: Int, value: Cx) {
        let key = bathOut * bathDimension + bathIn
        var b = blocks[key] ?? CMatrix(rows: systemDimension, cols: systemDimension)
        b[systemOut, systemIn] += value
        blocks[key] = b
    }

    public func block(_ a: Int, _ r: Int) -> CMatrix? { blocks[a * bathDimension + r] }

    /// The blocks by ascending key. Any Double sum over blocks must use this order: a Dictionary's
    /// order follows its per-process random hash seed, so sums in it differ in the last bits from
    /// run to run.
    public var blocksInKeyOrder: [(key: Int, value: CMatrix)] { blocks.sorted { $0.key < $1.key } }

    /// Dense matrix on S ⊗ R; refused beyond the memory limit.
    public func dense(memoryLimit: Double = SimulatorLimits.defaultDenseBytes) throws(SimulatorError) -> CMatrix {
        let ds = systemDimension, dr = bathDimension
        try SimulatorLimits.checkDense(parameter: "d_S·d_R", value: ds * dr, dimension: ds * dr, limit: memoryLimit)
        var m = CMatrix(rows: ds * dr, cols: ds * dr)
        for (key, b) in blocks {
            let a = key / dr, r = key % dr
            for j in 0..<ds { for i in 0..<ds where b[i, j] != .zero { m[i * dr + a, j * dr + r] = b[i, j] } }
        }
        return m
    }

    /// max |Ṽ − Ṽ†| over blocks.
    public var hermitianDeviation: Double {
        var worst = 0.0
        for (key, b) in blocks {
            let a = key / bathDimension, r = key % bathDimension
            let partner = block(r, a)?.adjoint ?? CMatrix(rows: systemDimension, cols: systemDimension)
            worst = Swift.max(worst, b.maxAbsDifference(partner))
        }
        return worst
    }
}

/// Energy bookkeeping of one collision (Barra): W = Δ⟨H_S + H_R⟩, heat into the bath Q = Δ⟨H_R⟩.
public struct CollisionEnergetics: Sendable {
    /// Switching work done on S+R (positive: supplied by the external agent).
    public let work: Double
    /// Energy gained by the bath unit (heat dissipated into the bath).
    public let heatToBath: Double
    /// Energy gained by the system, W − Q.
    public let systemEnergyChange: Double
}

public struct CollisionModel: Sendable {
    public let systemHamiltonian: CMatrix
    /// Must be diagonal in the computational basis (its Gibbs state is then diagonal too).
    public let bathHamiltonian: CMatrix
    /// Ṽ: the interaction with ε and 1/√Δt removed.
    public let interaction: BipartiteOperator
    /// ε.
    public let coupling: Double
    public let beta: Double
    /// Gibbs populations of the bath unit, p_r ∝ e^{−β (H_R)_rr}.
    public let bathPopulations: [Double]

    public init(systemHamiltonian hs: CMatrix, bathHamiltonian hr: CMatrix, interaction v: BipartiteOperator,
                coupling: Double, beta: Double) throws(SimulatorError) {
        try Superoperator.checkHermitian(hs, "H_S")
        try Superoperator.checkHermitian(hr, "H_R")
        if hs.rows != v.systemDimension || hr.rows != v.bathDimension {
            throw .dimensionMismatch(parameter: "interaction", expected: "S \(hs.rows), R \(hr.rows)", got: "S \(v.systemDimension), R \(v.bathDimension)")
        }
        var off = 0.0
        for j in 0..<hr.cols { for i in 0..<hr.rows where i != j { off = Swift.max(off, hr[i, j].length) } }
        if off > 0 { throw .invalidParameter(name: "H_R", value: "off-diagonal entries", allowed: "diagonal in the computational basis") }
        let dev = v.hermitianDeviation
        if dev > 1e-12 { throw .notHermitian(parameter: "interaction V", deviation: dev, tolerance: 1e-12) }
        if !(coupling >= 0) || !coupling.isFinite { throw .invalidParameter(name: "epsilon", value: "\(coupling)", allowed: ">= 0, finite") }
        if !beta.isFinite { throw .invalidParameter(name: "beta", value: "\(beta)", allowed: "finite") }
        let e = hr.diagonalElements.map { $0.real }
        let e0 = beta >= 0 ? (e.min() ?? 0) : (e.max() ?? 0)
        let w = e.map { Double.exp(-beta * ($0 - e0)) }
        let z = w.reduce(0, +)
        self.systemHamiltonian = hs
        self.bathHamiltonian = hr
        self.interaction = v
        self.coupling = coupling
        self.beta = beta
        self.bathPopulations = w.map { $0 / z }
    }

    public var systemDimension: Int { systemHamiltonian.rows }
    public var bathDimension: Int { bathHamiltonian.rows }

    /// The same model with another system Hamiltonian (time-dependent driving, quenches).
    public func with(systemHamiltonian hs: CMatrix) throws(SimulatorError) -> CollisionModel {
        try CollisionModel(systemHamiltonian: hs, bathHamiltonian: bathHamiltonian, interaction: interaction, coupling: coupling, beta: beta)
    }

    public var bathState: CMatrix { CMatrix.diagonal(real: bathPopulations) }

    static func checkStep(_ dt: Double) throws(SimulatorError) {
        if !(dt > 0) || !dt.isFinite { throw .invalidParameter(name: "dt", value: "\(dt)", allowed: "> 0, finite") }
    }

    /// H_S ⊗ 1 + 1 ⊗ H_R + (ε/√Δt) Ṽ.
    public func totalHamiltonian(dt: Double) throws(SimulatorError) -> CMatrix {
        try Self.checkStep(dt)
        let ds = systemDimension, dr = bathDimension
        var h = CMatrix.kron(systemHamiltonian, CMatrix.identity(dr))
        h.addScaled(CMatrix.kron(CMatrix.identity(ds), bathHamiltonian), Cx(1))
        h.addScaled(try interaction.dense(), Cx(coupling / dt.squareRoot()))
        return h
    }

    /// U = exp[−iΔt(H_S + H_R + V)].
    public func collisionUnitary(dt: Double) throws(SimulatorError) -> CMatrix {
        try LinearAlgebra.unitary(totalHamiltonian(dt: dt), time: dt, parameter: "H_S + H_R + V")
    }

    /// Φ_Δt(ρ) = tr_R[U (ρ ⊗ ρ_R) U†] in Kraus form Σ_{a,r} p_r U_{ar} ρ U_{ar}†.
    public func collisionMap(dt: Double) throws(SimulatorError) -> CMatrix {
        let u = try collisionUnitary(dt: dt)
        let ds = systemDimension, dr = bathDimension
        var phi = CMatrix(rows: ds * ds, cols: ds * ds)
        for r in 0..<dr where bathPopulations[r] > 0 {
            for a in 0..<dr {
                let k = CMatrix(rows: ds, cols: ds) { i, j in u[i * dr + a, j * dr + r] }
                phi.addScaled(Superoperator.sandwich(k, k.adjoint), Cx(bathPopulations[r]))
            }
        }
        return phi
    }

    /// The same map by its definition, ρ ↦ tr_R[U(ρ ⊗ ρ_R)U†] on matrix units (oracle for small sizes).
    public func collisionMapByPartialTrace(dt: Double) throws(SimulatorError) -> CMatrix {
        let u = try collisionUnitary(dt: dt)
        let rhoR = bathState
        let dims = [systemDimension, bathDimension]
        return try Superoperator.fromMap(dimension: systemDimension) { (x: CMatrix) throws(SimulatorError) -> CMatrix in
            try (u * CMatrix.kron(x, rhoR) * u.adjoint).partialTrace(dims: dims, keep: [0])
        }
    }

    /// (Φ_Δt − 1)/Δt, the finite-step generator (not of Lindblad form in general).
    public func finiteStepGenerator(dt: Double) throws(SimulatorError) -> Lindbladian {
        let phi = try collisionMap(dt: dt)
        let d2 = systemDimension * systemDimension
        return try Lindbladian(dimension: systemDimension, matrix: (phi - CMatrix.identity(d2)).scaled(1 / dt))
    }

    /// Δt → 0 generator: −i[H_S, ·] + ε² Σ_{a,r} p_r D[V_{ar}], the block form of
    /// −(ε²/2) tr_R[Ṽ,[Ṽ, ρ ⊗ ρ_R]] (valid because ρ_R is diagonal and tr_R Ṽ(1 ⊗ ρ_R) = 0 is checked).
    public func bornGenerator(memoryLimit: Double = SimulatorLimits.defaultDenseBytes) throws(SimulatorError) -> Lindbladian {
        let ds = systemDimension
        try SimulatorLimits.checkDense(parameter: "d_S²", value: ds * ds, dimension: ds * ds, limit: memoryLimit)
        try checkFirstOrderVanishes()
        var jumps: [(operator: CMatrix, rate: Double)] = []
        for (key, b) in interaction.blocksInKeyOrder {
            let r = key % bathDimension
            let rate = coupling * coupling * bathPopulations[r]
            if rate > 0 { jumps.append((b, rate)) }
        }
        return try Lindbladian(hamiltonian: systemHamiltonian, jumps: jumps, memoryLimit: memoryLimit)
    }

    /// The Born generator by its literal definition with dense double commutators (small oracle).
    public func bornGeneratorByDoubleCommutator() throws(SimulatorError) -> Lindbladian {
        let v = try interaction.dense()
        let rhoR = bathState
        let dims = [systemDimension, bathDimension]
        let e2 = coupling * coupling
        let d = try Superoperator.fromMap(dimension: systemDimension) { (x: CMatrix) throws(SimulatorError) -> CMatrix in
            let inner = try CMatrix.commutator(v, CMatrix.kron(x, rhoR))
            return try CMatrix.commutator(v, inner).partialTrace(dims: dims, keep: [0]).scaled(-0.5 * e2)
        }
        return try Lindbladian(dimension: systemDimension, matrix: Superoperator.hamiltonian(systemHamiltonian) + d)
    }

    /// The O(√Δt) term −i(ε/√Δt) tr_R[Ṽ, ρ ⊗ ρ_R] must vanish for a finite Δt → 0 limit:
    /// tr_R[Ṽ(1 ⊗ ρ_R)] = Σ_r p_r V_{rr} = 0.
    func checkFirstOrderVanishes() throws(SimulatorError) {
        var m = CMatrix(rows: systemDimension, cols: systemDimension)
        for r in 0..<bathDimension { if let b = interaction.block(r, r) { m.addScaled(b, Cx(bathPopulations[r])) } }
        if m.maxAbs > 1e-12 {
            throw .invalidParameter(name: "interaction V", value: "tr_R[V ρ_R] = \(m.maxAbs) ≠ 0",
                                    allowed: "zero bath mean (otherwise the Δt → 0 limit diverges as 1/√Δt)")
        }
    }

    /// Population rate matrix R_ik = ⟨i|L(|k⟩⟨k|)|i⟩ of the Born generator, built without the d²×d²
    /// superoperator, and the largest off-diagonal element L(|k⟩⟨k|) produces (zero when populations
    /// evolve on their own; then the diagonal dynamics is exact).
    public func bornPopulationGenerator() throws(SimulatorError) -> (rates: CMatrix, coherenceLeak: Double) {
        try checkFirstOrderVanishes()
        let d = systemDimension
        var rates = CMatrix(rows: d, cols: d)
        var leak = 0.0
        let e2 = coupling * coupling
        for k in 0..<d {
            var out = CMatrix(rows: d, cols: d)
            for (key, b) in interaction.blocksInKeyOrder {
                let p = bathPopulations[key % bathDimension] * e2
                if p == 0 { continue }
                let col = b.column(k)
                for j in 0..<d where col[j] != .zero { for i in 0..<d where col[i] != .zero { out[i, j] += col[i] * col[j].conjugate * Cx(p) } }
                // −½{V†V, |k⟩⟨k|}
                for i in 0..<d {
                    var s = Cx.zero
                    for m in 0..<d { s += b[m, i].conjugate * b[m, k] }
                    if s != .zero {
                        out[i, k] -= s * Cx(0.5 * p)
                        out[k, i] -= s.conjugate * Cx(0.5 * p)
                    }
                }
            }
            // −i[H_S, |k⟩⟨k|]
            for i in 0..<d where i != k {
                out[i, k] += Cx(0, -1) * systemHamiltonian[i, k]
                out[k, i] += Cx(0, 1) * systemHamiltonian[k, i]
            }
            for i in 0..<d {
                rates[i, k] = Cx(out[i, i].real)
                for j in 0..<d where j != i { leak = Swift.max(leak, out[i, j].length) }
            }
        }
        return (rates, leak)
    }

    /// Energetics of one collision from system state ρ (Barra's definitions).
    public func collisionEnergetics(_ rho: CMatrix, dt: Double) throws(SimulatorError) -> CollisionEnergetics {
        try DensityMatrix.validate(rho, parameter: "rho")
        let u = try collisionUnitary(dt: dt)
        let before = CMatrix.kron(rho, bathState)
        let after = try u * before * u.adjoint
        let dims = [systemDimension, bathDimension]
        let dS = try Measures.energy(after.partialTrace(dims: dims, keep: [0]) - rho, systemHamiltonian)
        let dR = try Measures.energy(after.partialTrace(dims: dims, keep: [1]) - bathState, bathHamiltonian)
        return CollisionEnergetics(work: dS + dR, heatToBath: dR, systemEnergyChange: dS)
    }

    /// Δt → 0 heat current into the bath as an observable: Q̇ = tr(A ρ),
    /// A = ε² Σ_{a,r} p_r (E^R_a − E^R_r) V_{ar}† V_{ar} (bath energy gained per transition r → a).
    public func bornHeatObservable() -> CMatrix {
        let d = systemDimension
        var a = CMatrix(rows: d, cols: d)
        let e = bathHamiltonian.diagonalElements.map { $0.real }
        for (key, b) in interaction.blocksInKeyOrder {
            let out = key / bathDimension, r = key % bathDimension
            let w = coupling * coupling * bathPopulations[r] * (e[out] - e[r])
            if w != 0 { a.addScaled(CMatrix.adjointTimes(b, b), Cx(w)) }
        }
        return a.hermitianPart
    }

    /// Δt → 0 rate of change of the system energy due to the collisions: tr(H_S D(ρ)) = tr(B ρ),
    /// B = D†(H_S) = ε² Σ p_r (V_{ar}† H_S V_{ar} − ½{V_{ar}†V_{ar}, H_S}).
    public func bornSystemEnergyObservable() throws(SimulatorError) -> CMatrix {
        let d = systemDimension
        var b = CMatrix(rows: d, cols: d)
        for (key, v) in interaction.blocksInKeyOrder {
            let w = coupling * coupling * bathPopulations[key % bathDimension]
            if w == 0 { continue }
            let vdv = CMatrix.adjointTimes(v, v)
            b.addScaled(CMatrix.gemm(CMatrix.adjointTimes(v, systemHamiltonian), v), Cx(w))
            b.addScaled(try CMatrix.anticommutator(vdv, systemHamiltonian), Cx(-0.5 * w))
        }
        return b.hermitianPart
    }

    /// Δt → 0 switching-work rate Ẇ = Q̇ + tr(H_S D(ρ)) as an observable.
    public func bornWorkObservable() throws(SimulatorError) -> CMatrix {
        try bornHeatObservable() + bornSystemEnergyObservable()
    }

    /// ‖Ṽ‖_op (dense SVD; small models).
    public func interactionNorm() throws(SimulatorError) -> Double {
        try LinearAlgebra.singularValues(interaction.dense()).first ?? 0
    }
}

public enum Thermodynamics {
    /// Work of a sudden change H1 → H2 at fixed state: tr[ρ(H2 − H1)].
    public static func quenchWork(_ rho: CMatrix, from h1: CMatrix, to h2: CMatrix) throws(SimulatorError) -> Double {
        try Measures.energy(rho, h2 - h1)
    }

    /// ∫_0^T e^{sG} ds by the block exponential exp([[G, 1], [0, 0]] T) (top-right block).
    public static func integratedPropagator(_ g: CMatrix, time t: Double) throws(SimulatorError) -> (propagator: CMatrix, integral: CMatrix) {
        let n = g.rows
        var big = CMatrix(rows: 2 * n, cols: 2 * n)
        for j in 0..<n { for i in 0..<n { big[i, j] = g[i, j] * Cx(t) } }
        for i in 0..<n { big[i, n + i] = Cx(t) }
        let e = try LinearAlgebra.expm(big, parameter: "augmented generator")
        let p = CMatrix(rows: n, cols: n) { i, j in e[i, j] }
        let integral = CMatrix(rows: n, cols: n) { i, j in e[i, n + j] }
        return (p, integral)
    }
}
