// N-qubit operators and the single basis convention of the simulator.
//
// BASIS CONVENTION (one, everywhere): the computational basis |b_1 b_2 … b_N⟩ with b = 1 the
// EXCITED and b = 0 the GROUND state of each qubit; site 1 (array index 0) is the most
// significant bit, so basis index = Σ_i b_i 2^{N−i} and the excitation number is popcount(index).
//   σ⁺ = |1⟩⟨0| (raises), σ⁻ = |0⟩⟨1|, σ_z = |1⟩⟨1| − |0⟩⟨0| = diag(−1, +1) in index order.
// Mapping to the papers:
//   • Çakmak: H0 = ω Σ σ⁺σ⁻, ground |0…0⟩ — same ket labels as here (index 0 = all ground).
//     Its printed column vectors (Eq. 9 and the H0 eigenvectors) list the doubly excited state
//     first, i.e. they are in REVERSED index order: use `PaperBasis.cakmakVectors`.
//   • Mayo: H = (ω/2)σ_z with σ_z = diag(+1, −1), so Mayo's |0⟩ (index 0) is EXCITED; its matrix
//     elements ρ00, ρ01, … and its Eq. (14) vector are in REVERSED index order: `PaperBasis.mayo`.
//     (Mayo's σ_z as an operator equals ours; only the labels/order differ.)
// Both paper orders are the full bit flip, index ↦ d − 1 − index.
import Numerics
import Operators

/// Single-qubit matrices in the convention above.
public enum Qubit {
    /// σ⁺ = |1⟩⟨0|: ground (index 0) → excited (index 1). The single-qubit matrices are the
    /// generic layer's (`QubitOperators`), where σ_y is fixed by σ_x σ_y = i σ_z.
    public static let sigmaPlus: CMatrix = QubitOperators<Cx>.sigmaPlus
    public static let sigmaMinus: CMatrix = QubitOperators<Cx>.sigmaMinus
    /// σ_z = diag(−1, +1) in index order (+1 on the excited state).
    public static let sigmaZ: CMatrix = QubitOperators<Cx>.sigmaZ
    public static let sigmaX: CMatrix = QubitOperators<Cx>.sigmaX
    public static let sigmaY: CMatrix = QubitOperators<Cx>.sigmaY
    public static let identity: CMatrix = CMatrix.identity(2)
    public static let excited: CMatrix = CMatrix.diagonal(real: [0, 1])
    public static let ground: CMatrix = CMatrix.diagonal(real: [1, 0])
}

/// The paper orders in which matrices/vectors are printed, for converting to and from ours.
public enum PaperBasis: Sendable {
    /// The simulator's order (index 0 = all ground).
    case simulator
    /// Mayo's labels: index 0 = all excited (full bit flip).
    case mayo
    /// Çakmak's printed vectors: first component all excited (full bit flip).
    case cakmakVectors

    /// Permutation index ↦ paper index.
    func paperIndex(_ i: Int, dimension d: Int) -> Int {
        switch self {
        case .simulator: return i
        case .mayo, .cakmakVectors: return d - 1 - i
        }
    }

    /// A matrix in the simulator order rewritten in this paper's order.
    public func fromSimulator(_ m: CMatrix) -> CMatrix {
        CMatrix(rows: m.rows, cols: m.cols) { i, j in
            m[paperIndex(i, dimension: m.rows), paperIndex(j, dimension: m.cols)]
        }
    }

    /// A matrix printed in this paper's order rewritten in the simulator's order.
    public func toSimulator(_ m: CMatrix) -> CMatrix { fromSimulator(m) }  // the flip is an involution

    /// A vector printed in this paper's order rewritten in the simulator's order.
    public func toSimulator(vector v: [Cx]) -> [Cx] {
        (0..<v.count).map { v[paperIndex($0, dimension: v.count)] }
    }
}

/// N qubits with site operators; memory is checked once, here.
public struct QubitRegister: Sendable {
    public let count: Int
    public var dimension: Int { 1 << count }

    /// Throws if N < 1 or a dense 2^N × 2^N operator would exceed `memoryLimit` bytes.
    public init(count: Int, memoryLimit: Double = SimulatorLimits.defaultDenseBytes) throws(SimulatorError) {
        if count < 1 || count > 30 {
            throw .invalidParameter(name: "N (qubits)", value: "\(count)", allowed: "1 ... 30 and within memory")
        }
        try SimulatorLimits.checkDense(parameter: "N (qubits)", value: count, dimension: 1 << count, limit: memoryLimit)
        self.count = count
    }

    /// I ⊗ … ⊗ op (at `site`, 0-based, site 0 most significant) ⊗ … ⊗ I (the generic builder).
    public func embed(_ op: CMatrix, at site: Int) throws(SimulatorError) -> CMatrix {
        let ops = try bridged { () throws(OperatorError) in try QubitOperators<Cx>(count: count) }
        return try bridged { () throws(OperatorError) in try ops.embed(op, at: site) }
    }

    public func sigmaPlus(_ site: Int) throws(SimulatorError) -> CMatrix { try embed(Qubit.sigmaPlus, at: site) }
    public func sigmaMinus(_ site: Int) throws(SimulatorError) -> CMatrix { try embed(Qubit.sigmaMinus, at: site) }
    public func sigmaZ(_ site: Int) throws(SimulatorError) -> CMatrix { try embed(Qubit.sigmaZ, at: site) }
    public func sigmaX(_ site: Int) throws(SimulatorError) -> CMatrix { try embed(Qubit.sigmaX, at: site) }
    public func sigmaY(_ site: Int) throws(SimulatorError) -> CMatrix { try embed(Qubit.sigmaY, at: site) }

    /// J⁺ = Σ_i σ⁺_i (the generic builder).
    public func collectiveJPlus() throws(SimulatorError) -> CMatrix {
        let ops = try bridged { () throws(OperatorError) in try QubitOperators<Cx>(count: count) }
        return try bridged { () throws(OperatorError) in try ops.collectiveJPlus() }
    }

    /// J⁻ = Σ_i σ⁻_i.
    public func collectiveJMinus() throws(SimulatorError) -> CMatrix { try collectiveJPlus().adjoint }

    /// J_z = ½ Σ_i σ_z,i.
    public func collectiveJz() throws(SimulatorError) -> CMatrix {
        CMatrix.diagonal(real: (0..<dimension).map { Double(2 * $0.nonzeroBitCount - count) / 2 })
    }

    /// Number of excitations n = Σ_i σ⁺_i σ⁻_i (diagonal).
    public func excitationNumber() -> CMatrix {
        CMatrix.diagonal(real: (0..<dimension).map { Double($0.nonzeroBitCount) })
    }

    /// Σ_i (ω/2) σ_z,i: the Mayo battery Hamiltonian H_S^{(N)} (Mayo Eq. 3, summed).
    public func mayoHamiltonian(omega: Double) -> CMatrix {
        CMatrix.diagonal(real: (0..<dimension).map { omega * Double(2 * $0.nonzeroBitCount - count) / 2 })
    }

    /// ω Σ_i σ⁺_i σ⁻_i: Çakmak's H0 (Çakmak Eq. 4).
    public func cakmakH0(omega: Double) -> CMatrix {
        CMatrix.diagonal(real: (0..<dimension).map { omega * Double($0.nonzeroBitCount) })
    }

    /// Projector onto a computational basis state.
    public func basisProjector(_ index: Int) -> CMatrix {
        var m = CMatrix(rows: dimension, cols: dimension); m[index, index] = Cx(1); return m
    }
}

extension Matrix where Scalar == Complex<Double> {
    /// Partial trace over the subsystems not in `keep` (subsystem 0 is the most significant): the
    /// generic `Matrix.partialTrace` of the Operators layer, with the simulator's typed error.
    public func partialTrace(dims: [Int], keep: [Int]) throws(SimulatorError) -> CMatrix {
        try bridged { () throws(OperatorError) in try genericPartialTrace(self, dims: dims, keep: keep) }
    }
}

/// The generic member: in a context generic over the scalar the overload above is not visible,
/// so this calls `Operators.Matrix.partialTrace` (the overload would call itself).
private func genericPartialTrace<F>(_ m: Matrix<F>, dims: [Int], keep: [Int]) throws(OperatorError) -> Matrix<F> {
    try m.partialTrace(dims: dims, keep: keep)
}
