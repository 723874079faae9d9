// N-qubit operators over any field, in the simulator's basis convention (README):
// |b_1 … b_N⟩ with b = 1 EXCITED, site 1 (index 0) the most significant bit, so basis index
// = Σ_i b_i 2^{N−i} and the excitation number is popcount(index). σ⁺ = |1⟩⟨0|, σ⁻ = |0⟩⟨1|,
// σ_z = diag(−1, +1). The Double simulator's `QubitRegister` builds its operators here.

import RealModule
public struct QubitOperators<Scalar: OperatorField>: Sendable {
    public typealias M = Matrix<Scalar>
    public let count: Int
    public var dimension: Int { 1 << count }

    /// Throws for N outside 1…30 (dense sizes are the caller's to limit).
    @inlinable
    public init(count: Int) throws(OperatorError) {
        if count < 1 || count > 30 { throw .invalidParameter(name: "N (qubits)", value: "\(count)", allowed: "1 ... 30") }
        self.count = count
    }

    @inlinable
    public static var sigmaPlus: M { var m = M(rows: 2, cols: 2); m[1, 0] = 1; return m }
    @inlinable
    public static var sigmaMinus: M { var m = M(rows: 2, cols: 2); m[0, 1] = 1; return m }
    public static var sigmaZ: M { M.diagonal([-1, 1]) }
    public static var sigmaX: M { var m = M(rows: 2, cols: 2); m[0, 1] = 1; m[1, 0] = 1; return m }
    /// σ_y with σ_x σ_y = i σ_z in this basis: [[0, i], [−i, 0]].
    public static var sigmaY: M {
        var m = M(rows: 2, cols: 2); m[0, 1] = Scalar.imaginaryUnit; m[1, 0] = -Scalar.imaginaryUnit; return m
    }

    /// I ⊗ … ⊗ op (at `site`, 0-based, site 0 most significant) ⊗ … ⊗ I.
    @inlinable
    public func embed(_ op: M, at site: Int) throws(OperatorError) -> M {
        if site < 0 || site >= count { throw .invalidParameter(name: "site", value: "\(site)", allowed: "0 ..< \(count)") }
        if op.rows != 2 || op.cols != 2 { throw .dimensionMismatch(parameter: "single-qubit operator", expected: "2x2", got: "\(op.rows)x\(op.cols)") }
        return M.kron([M.identity(1 << site), op, M.identity(1 << (count - site - 1))])
    }

    @inlinable
    public func sigmaPlus(_ site: Int) throws(OperatorError) -> M { try embed(Self.sigmaPlus, at: site) }
    @inlinable
    public func sigmaMinus(_ site: Int) throws(OperatorError) -> M { try embed(Self.sigmaMinus, at: site) }
    public func sigmaZ(_ site: Int) throws(OperatorError) -> M { try embed(Self.sigmaZ, at: site) }

    /// J⁺ = Σ_i σ⁺_i.
    @inlinable
    public func collectiveJPlus() throws(OperatorError) -> M {
        var j = M(rows: dimension, cols: dimension)
        for i in 0..<count { j.addScaled(try sigmaPlus(i), 1) }
        return j
    }

    /// J⁻ = Σ_i σ⁻_i.
    public func collectiveJMinus() throws(OperatorError) -> M { try collectiveJPlus().transpose }

    /// diag(value(popcount(index))): any function of the excitation number.
    @inlinable
    public func excitationDiagonal(_ value: (Int) -> Scalar) -> M {
        M.diagonal((0..<dimension).map { value($0.nonzeroBitCount) })
    }

    /// ω Σ σ⁺σ⁻.
    @inlinable
    public func numberHamiltonian(omega: Scalar) -> M {
        excitationDiagonal { (n: Int) -> Scalar in n == 0 ? Scalar.zero : omega * Scalar.integer(n) }
    }

    /// (ω/2) Σ σ_z.
    public func halfSigmaZHamiltonian(omega: Scalar) -> M {
        let n = count
        return excitationDiagonal { (k: Int) -> Scalar in omega * Scalar.integer(2 * k - n) / Scalar.integer(2) }
    }

    /// |index⟩⟨index|.
    public func basisProjector(_ index: Int) -> M { var m = M(rows: dimension, cols: dimension); m[index, index] = 1; return m }
}
