// Çakmak's master equation, Eqs. (4)–(6), written once over any field: N qubits, decay matrix
// γ_ij, dipole couplings f_ij, bath occupation n̄ given as a field element (so the exact route can
// pass n̄ = y/(1 − y), y = e^{−βω}, and the simulator 1/(e^{βω} − 1)). Knows no steady state.
import RealModule

public struct CakmakDescription<Scalar: OperatorField>: Sendable {
    public let qubits: Int
    public let omega: Scalar
    /// γ_ij (N×N).
    public let gamma: Matrix<Scalar>
    /// f_ij (N×N; the diagonal is ignored, H_d = Σ_{i≠j}).
    public let f: Matrix<Scalar>
    /// n̄ = 1/(e^{βω} − 1).
    public let nbar: Scalar
    /// Further jump operators with rates (a model edit, e.g. local dephasing); empty in the paper.
    public var extraJumps: [(operator: Matrix<Scalar>, rate: Scalar)] = []

    public init(qubits n: Int, omega: Scalar, gamma: Matrix<Scalar>, f: Matrix<Scalar>, nbar: Scalar) throws(OperatorError) {
        _ = try QubitOperators<Scalar>(count: n)
        if gamma.rows != n || gamma.cols != n { throw .dimensionMismatch(parameter: "gamma_ij", expected: "\(n)x\(n)", got: "\(gamma.rows)x\(gamma.cols)") }
        if f.rows != n || f.cols != n { throw .dimensionMismatch(parameter: "f_ij", expected: "\(n)x\(n)", got: "\(f.rows)x\(f.cols)") }
        self.qubits = n; self.omega = omega; self.gamma = gamma; self.f = f; self.nbar = nbar
    }

    /// Collective limit γ_ij = γ0, f_ij = f (i ≠ j).
    public static func collective(qubits n: Int, omega: Scalar, gamma0: Scalar, f: Scalar, nbar: Scalar) throws(OperatorError) -> CakmakDescription {
        try CakmakDescription(qubits: n, omega: omega, gamma: Matrix(rows: n, cols: n) { _, _ in gamma0 },
                              f: Matrix(rows: n, cols: n) { i, j in i == j ? .zero : f }, nbar: nbar)
    }

    /// Individual limit γ_ij = γ0 δ_ij, f_ij = 0.
    public static func individual(qubits n: Int, omega: Scalar, gamma0: Scalar, nbar: Scalar) throws(OperatorError) -> CakmakDescription {
        try CakmakDescription(qubits: n, omega: omega, gamma: Matrix.identity(n).scaled(gamma0),
                              f: Matrix(rows: n, cols: n), nbar: nbar)
    }

    @inlinable
    public var operators: QubitOperators<Scalar> { get throws(OperatorError) { try QubitOperators(count: qubits) } }

    /// H0 = ω Σ σ⁺σ⁻ (Eq. 4).
    public func h0() throws(OperatorError) -> Matrix<Scalar> { try operators.numberHamiltonian(omega: omega) }

    /// H0 + H_d, H_d = Σ_{i≠j} f_ij σ⁺_i σ⁻_j (Eq. 4).
    @inlinable
    public func hamiltonian() throws(OperatorError) -> Matrix<Scalar> {
        let ops = try operators
        var h = ops.numberHamiltonian(omega: omega)
        for i in 0..<qubits { for j in 0..<qubits where i != j && f[i, j] != .zero {
            h.addScaled(try ops.sigmaPlus(i) * ops.sigmaMinus(j), f[i, j])
        } }
        return h
    }

    @inlinable
    public func loweringOperators() throws(OperatorError) -> [Matrix<Scalar>] {
        let ops = try operators
        var out: [Matrix<Scalar>] = []
        for i in 0..<qubits { out.append(try ops.sigmaMinus(i)) }
        return out
    }

    @inlinable
    public func raisingOperators() throws(OperatorError) -> [Matrix<Scalar>] {
        let ops = try operators
        var out: [Matrix<Scalar>] = []
        for i in 0..<qubits { out.append(try ops.sigmaPlus(i)) }
        return out
    }

    /// Kossakowski matrices of D_− (γ(n̄+1), Eq. 5) and D_+ (γ n̄, Eq. 6).
    public var kossakowskiMinus: Matrix<Scalar> { gamma.scaled(nbar + 1) }
    public var kossakowskiPlus: Matrix<Scalar> { gamma.scaled(nbar) }

    /// The d²×d² Liouvillian of Eqs. (4)–(6) (plus `extraJumps`), column stacking.
    public func lindbladian() throws(OperatorError) -> Matrix<Scalar> {
        let d = 1 << qubits
        var l = try Superoperators.lindbladian(hamiltonian: hamiltonian(), operators: loweringOperators(), kossakowski: kossakowskiMinus)
        let plus = try Superoperators.lindbladian(hamiltonian: Matrix(rows: d, cols: d), operators: raisingOperators(), kossakowski: kossakowskiPlus)
        l.addScaled(plus, 1)
        for j in extraJumps where j.rate != .zero { l.addScaled(try Superoperators.dissipator(j.operator, j.operator), j.rate) }
        return l
    }
}
