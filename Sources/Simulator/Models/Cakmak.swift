// Çakmak, "Ergotropy from coherences in an open quantum system": N qubits in a common thermal bath,
// master equation Eqs. (4)–(6) with a general decay matrix γ_ij and dipole–dipole couplings f_ij.
// Built from the operators; nothing here knows the paper's steady-state formulas (Eqs. 7–16).
import Numerics
import Operators

public struct CakmakModel: Sendable {
    public let qubits: Int
    public let omega: Double
    public let beta: Double
    /// γ_ij (N×N, Hermitian, positive semidefinite).
    public let gamma: CMatrix
    /// f_ij (N×N, Hermitian; the diagonal is ignored as in H_d = Σ_{i≠j}).
    public let f: CMatrix

    /// General model; throws on ω ≤ 0, β ≤ 0 (n̄ must be finite and positive), bad γ or f, N beyond memory.
    public init(qubits n: Int, omega: Double, beta: Double, gamma: CMatrix, f: CMatrix) throws(SimulatorError) {
        if !(omega > 0) || !omega.isFinite { throw .invalidParameter(name: "omega", value: "\(omega)", allowed: "> 0, finite") }
        if !(beta > 0) || !beta.isFinite { throw .invalidParameter(name: "beta", value: "\(beta)", allowed: "> 0, finite (n̄ = 1/(e^{βω} − 1))") }
        _ = try QubitRegister(count: n)
        if gamma.rows != n || gamma.cols != n { throw .dimensionMismatch(parameter: "gamma_ij", expected: "\(n)x\(n)", got: "\(gamma.rows)x\(gamma.cols)") }
        if f.rows != n || f.cols != n { throw .dimensionMismatch(parameter: "f_ij", expected: "\(n)x\(n)", got: "\(f.rows)x\(f.cols)") }
        try Superoperator.checkHermitian(f, "f_ij")
        self.qubits = n; self.omega = omega; self.beta = beta; self.gamma = gamma; self.f = f
    }

    /// Individual limit: f_ij = 0, γ_ij = γ0 δ_ij.
    public static func individual(qubits n: Int, omega: Double, beta: Double, gamma0: Double) throws(SimulatorError) -> CakmakModel {
        try checkRate(gamma0)
        return try CakmakModel(qubits: n, omega: omega, beta: beta,
                               gamma: CMatrix.identity(n).scaled(gamma0), f: CMatrix(rows: n, cols: n))
    }

    /// Collective limit: γ_ij = γ0 and f_ij = f for all i ≠ j (the steady state is then not unique).
    public static func collective(qubits n: Int, omega: Double, beta: Double, gamma0: Double, f: Double) throws(SimulatorError) -> CakmakModel {
        try checkRate(gamma0)
        return try CakmakModel(qubits: n, omega: omega, beta: beta,
                               gamma: CMatrix(rows: n, cols: n) { _, _ in Cx(gamma0) },
                               f: CMatrix(rows: n, cols: n) { i, j in i == j ? Cx.zero : Cx(f) })
    }

    static func checkRate(_ g: Double) throws(SimulatorError) {
        if !(g >= 0) || !g.isFinite { throw .invalidParameter(name: "gamma0", value: "\(g)", allowed: ">= 0, finite") }
    }

    /// n̄ = 1/(e^{βω} − 1), the bath occupation at the qubit frequency.
    public var nbar: Double { 1 / Double.expMinusOne(beta * omega) }

    public var register: QubitRegister { get throws(SimulatorError) { try QubitRegister(count: qubits) } }

    /// H0 = ω Σ σ⁺σ⁻ (the battery Hamiltonian used for energies and ergotropy).
    public func h0() throws(SimulatorError) -> CMatrix { try register.cakmakH0(omega: omega) }

    /// The model written once (`Operators.CakmakDescription`) with Complex<Double> entries.
    public var modelDescription: CakmakDescription<Cx> {
        get throws(SimulatorError) {
            try bridged { () throws(OperatorError) in
                try CakmakDescription(qubits: qubits, omega: Cx(omega), gamma: gamma, f: f, nbar: Cx(nbar))
            }
        }
    }

    /// H0 + H_d, H_d = Σ_{i≠j} f_ij σ_i⁺σ_j⁻ (Eq. 4), from the generic description.
    public func hamiltonian() throws(SimulatorError) -> CMatrix {
        let m = try modelDescription
        return try bridged { () throws(OperatorError) in try m.hamiltonian() }
    }

    /// The Liouvillian of Eqs. (4)–(6): γ_ij(n̄+1) on σ⁻ (Eq. 5) and γ_ij n̄ on σ⁺ (Eq. 6). Operators
    /// and Kossakowski matrices from the generic description; assembled (and γ checked positive
    /// semidefinite) by the LAPACK-backed `Lindbladian`.
    public func lindbladian(memoryLimit: Double = SimulatorLimits.defaultDenseBytes) throws(SimulatorError) -> Lindbladian {
        let reg = try register
        let d = reg.dimension
        try SimulatorLimits.checkDense(parameter: "N (Liouville dimension 4^N)", value: qubits, dimension: d * d, limit: memoryLimit)
        let m = try modelDescription
        let h = try hamiltonian()
        let minus = try bridged { () throws(OperatorError) in try m.loweringOperators() }
        let plus = try bridged { () throws(OperatorError) in try m.raisingOperators() }
        let nb = nbar
        let lMinus = try Lindbladian(hamiltonian: h, operators: minus, kossakowski: gamma.scaled(nb + 1), memoryLimit: memoryLimit)
        let lPlus = try Lindbladian(hamiltonian: CMatrix(rows: d, cols: d), operators: plus, kossakowski: gamma.scaled(nb), memoryLimit: memoryLimit)
        return try lMinus + lPlus
    }

    /// Jump operators with rates, valid only in the collective limit (γ_ij = γ0 for all i, j):
    /// γ0(n̄+1) D[J⁻] + γ0 n̄ D[J⁺]. Used by the symmetry-sector route.
    public func collectiveJumps() throws(SimulatorError) -> [(operator: CMatrix, rate: Double)] {
        let g0 = gamma[0, 0]
        for i in 0..<qubits { for j in 0..<qubits where (gamma[i, j] - g0).length > 1e-14 * Swift.max(1, g0.length) {
            throw .invalidParameter(name: "gamma_ij", value: "not all equal", allowed: "gamma_ij = gamma0 for the collective route")
        } }
        let reg = try register
        return [(try reg.collectiveJMinus(), g0.real * (nbar + 1)), (try reg.collectiveJPlus(), g0.real * nbar)]
    }
}
