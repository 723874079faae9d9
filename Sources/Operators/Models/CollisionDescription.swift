// A collision model (Mayo & Roncaglia Sec. II; Barra PRL 122, 210601) written once over any
// field: system S, bath unit R in a diagonal state p_r, interaction Ṽ = Σ_{a,r} V_{ar} ⊗ |a⟩⟨r|
// (ε and 1/√Δt removed). One collision U = exp[−iΔt(H_S + H_R) − i ε√Δt Ṽ] expanded to second
// order in Δt gives the Born generator
//   L ρ = −i[H_S, ρ] − (ε²/2) tr_R[Ṽ, [Ṽ, ρ ⊗ ρ_R]]  =  −i[H_S, ρ] + ε² Σ_{a,r} p_r D[V_{ar}](ρ)
// (valid when the first-order term Σ_r p_r V_{rr} vanishes, which is checked exactly here).
import RealModule

public struct CollisionDescription<Scalar: OperatorField>: Sendable {
    public let systemHamiltonian: Matrix<Scalar>
    public let bathDimension: Int
    /// V_{ar}, keyed a·d_R + r.
    public let blocks: [Int: Matrix<Scalar>]
    /// ε² (the Born generator needs only the square).
    public let couplingSquared: Scalar
    /// p_r, the diagonal bath state.
    public let bathPopulations: [Scalar]

    public init(systemHamiltonian: Matrix<Scalar>, bathDimension: Int, blocks: [Int: Matrix<Scalar>],
                couplingSquared: Scalar, bathPopulations: [Scalar]) throws(OperatorError) {
        if bathPopulations.count != bathDimension {
            throw .dimensionMismatch(parameter: "bath populations", expected: "\(bathDimension)", got: "\(bathPopulations.count)")
        }
        for (key, b) in blocks where b.rows != systemHamiltonian.rows || b.cols != systemHamiltonian.rows || key < 0 || key >= bathDimension * bathDimension {
            throw .dimensionMismatch(parameter: "interaction block \(key)", expected: "\(systemHamiltonian.rows) square", got: "\(b.rows)x\(b.cols)")
        }
        self.systemHamiltonian = systemHamiltonian
        self.bathDimension = bathDimension
        self.blocks = blocks
        self.couplingSquared = couplingSquared
        self.bathPopulations = bathPopulations
    }

    public var systemDimension: Int { systemHamiltonian.rows }

    /// Σ_r p_r V_{rr}: must vanish for a finite Δt → 0 limit.
    public func firstOrderTerm() throws(OperatorError) -> Matrix<Scalar> {
        var m = Matrix<Scalar>(rows: systemDimension, cols: systemDimension)
        for r in 0..<bathDimension { if let b = blocks[r * bathDimension + r] { m.addScaled(b, bathPopulations[r]) } }
        return m
    }

    /// Ṽ as a dense operator on S ⊗ R (index s·d_R + r).
    public func denseInteraction() -> Matrix<Scalar> {
        let ds = systemDimension, dr = bathDimension
        var m = Matrix<Scalar>(rows: ds * dr, cols: ds * dr)
        for (key, b) in blocks {
            let a = key / dr, r = key % dr
            for j in 0..<ds { for i in 0..<ds where b[i, j] != .zero { m[i * dr + a, j * dr + r] = b[i, j] } }
        }
        return m
    }

    /// The Born generator in block (Kraus-like) form; throws if the first-order term is non-zero.
    public func bornGenerator() throws(OperatorError) -> Matrix<Scalar> {
        if !(try firstOrderTerm()).isZero {
            throw .invalidParameter(name: "interaction V", value: "tr_R[V ρ_R] ≠ 0", allowed: "zero bath mean (the Δt → 0 limit diverges otherwise)")
        }
        var jumps: [(operator: Matrix<Scalar>, rate: Scalar)] = []
        for (key, b) in blocks.sorted(by: { $0.key < $1.key }) {
            let p = bathPopulations[key % bathDimension]
            if p != .zero { jumps.append((b, couplingSquared * p)) }
        }
        return try Superoperators.lindbladian(hamiltonian: systemHamiltonian, jumps: jumps)
    }

    /// The same generator by its literal definition −(ε²/2) tr_R[Ṽ,[Ṽ, ρ ⊗ ρ_R]] (small oracle).
    public func bornGeneratorByDoubleCommutator() throws(OperatorError) -> Matrix<Scalar> {
        let v = denseInteraction()
        let rhoR = Matrix.diagonal(bathPopulations)
        let dims = [systemDimension, bathDimension]
        let half = couplingSquared / Scalar.integer(-2)
        let d = try Superoperators.fromMap(dimension: systemDimension) { (x: Matrix<Scalar>) throws(OperatorError) -> Matrix<Scalar> in
            let inner = try Matrix.commutator(v, Matrix.kron(x, rhoR))
            return try Matrix.commutator(v, inner).partialTrace(dims: dims, keep: [0]).scaled(half)
        }
        return try Superoperators<Scalar>.hamiltonian(systemHamiltonian) + d
    }

    /// Population rate matrix R_ik = ⟨i|L(|k⟩⟨k|)|i⟩ (the populations' own dynamics when the
    /// generator maps diagonal states to diagonal states; `coherenceLeak` says whether it does).
    public func populationGenerator() throws(OperatorError) -> (rates: Matrix<Scalar>, leaksIntoCoherences: Bool) {
        let l = try bornGenerator()
        let d = systemDimension
        var r = Matrix<Scalar>(rows: d, cols: d)
        var leak = false
        for k in 0..<d {
            let col = k + d * k
            for j in 0..<d { for i in 0..<d {
                let x = l[i + d * j, col]
                if i == j { r[i, k] = x } else if x != .zero { leak = true }
            } }
        }
        return (r, leak)
    }
}

/// The interactions of Mayo & Roncaglia over any field (batteries S1…SN, bath units R1…RN,
/// each battery index in the simulator's basis convention).
public enum MayoInteractions<Scalar: OperatorField> {
    /// Ṽ_∥ = Σ_i (σ⁺_{Si}σ⁺_{Ri} + h.c.) (Eq. 4 for N = 2), as blocks V_{ar}.
    public static func parallel(batteries n: Int) throws(OperatorError) -> [Int: Matrix<Scalar>] {
        let d = try QubitOperators<Scalar>(count: n).dimension
        var blocks: [Int: Matrix<Scalar>] = [:]
        func add(_ so: Int, _ si: Int, _ a: Int, _ r: Int) {
            var b = blocks[a * d + r] ?? Matrix(rows: d, cols: d)
            b[so, si] += 1
            blocks[a * d + r] = b
        }
        for i in 0..<n {
            let bit = 1 << (n - 1 - i)
            for s in 0..<d where s & bit == 0 { for r in 0..<d where r & bit == 0 {
                add(s | bit, s, r | bit, r)
                add(s, s | bit, r, r | bit)
            } }
        }
        return blocks
    }

    /// V_#^{(N)} with matched labels, k = 0…N (the Hermitian completion of the printed sum):
    /// Σ_k Σ_{μ ∈ level k, ν ∈ level N−k} |μ, μ⟩⟨ν, ν|. At N = 2, minus the |μμ⟩⟨μμ| terms, this
    /// is Eq. (5)'s V_#/2; `offDiagonal` drops those terms. The printed coupling is Nε.
    public static func collective(batteries n: Int, offDiagonal: Bool) throws(OperatorError) -> [Int: Matrix<Scalar>] {
        let d = try QubitOperators<Scalar>(count: n).dimension
        let level: [[Int]] = (0...n).map { k in (0..<d).filter { $0.nonzeroBitCount == k } }
        var blocks: [Int: Matrix<Scalar>] = [:]
        for k in 0...n { for mu in level[k] { for nu in level[n - k] {
            if offDiagonal && mu == nu { continue }
            var b = blocks[mu * d + nu] ?? Matrix(rows: d, cols: d)
            b[mu, nu] += 1
            blocks[mu * d + nu] = b
        } } }
        return blocks
    }

    /// V_#^{(N)} in the one-to-one (complement) pairing reading: Σ_μ |μ⟩⟨μ̄|_S ⊗ |μ⟩⟨μ̄|_R, μ̄ the
    /// configuration with every qubit flipped (Eq. 5's V_#/2 at N = 2). The printed coupling is Nε.
    public static func collectivePaired(batteries n: Int) throws(OperatorError) -> [Int: Matrix<Scalar>] {
        let d = try QubitOperators<Scalar>(count: n).dimension
        var blocks: [Int: Matrix<Scalar>] = [:]
        for mu in 0..<d {
            let bar = mu ^ (d - 1)
            var b = blocks[mu * d + bar] ?? Matrix(rows: d, cols: d)
            b[mu, bar] += 1
            blocks[mu * d + bar] = b
        }
        return blocks
    }

    /// Gibbs populations of N bath qubits with H_R = (ω/2)Σσ_z at y = e^{−βω}:
    /// p_r = y^{n(r)}/(1 + y)^N, n(r) the number of excited bath qubits.
    public static func bathPopulations(qubits n: Int, y: Scalar) throws(OperatorError) -> [Scalar] {
        let d = try QubitOperators<Scalar>(count: n).dimension
        var powers: [Scalar] = [1]
        for _ in 0..<n { powers.append(powers[powers.count - 1] * y) }
        var z: Scalar = .zero
        for k in 0...n { z += Scalar.integer(binomial(n, k)) * powers[k] }
        return (0..<d).map { powers[$0.nonzeroBitCount] / z }
    }

    static func binomial(_ n: Int, _ k: Int) -> Int {
        var c = 1
        for i in 0..<k { c = c * (n - i) / (i + 1) }
        return c
    }
}
