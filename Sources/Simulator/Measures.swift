// Quantities reported by both papers: ergotropy (Çakmak Eq. 2, Allahverdyan et al.), l1-norm of
// coherence (Çakmak Eq. 3), von Neumann entropy, mutual information, relative entropy of coherence
// (Mayo Eq. 16), dephasing (Mayo Eq. 15, both readings), energies and populations.
import Numerics

/// Basis in which a basis-dependent measure (coherence) is taken. Çakmak's text does not name it.
public enum CoherenceBasis: Sendable {
    /// The computational basis of the simulator (product energy eigenbasis of the qubits).
    case computational
    /// The eigenbasis of this Hamiltonian; refused when its spectrum is degenerate (basis not fixed).
    case energyEigenbasis(CMatrix)
    /// Columns of this unitary.
    case custom(CMatrix)
}

public enum Measures {
    /// tr(ρH).
    public static func energy(_ rho: CMatrix, _ h: CMatrix) throws(SimulatorError) -> Double {
        try (rho * h).trace.real
    }

    /// Ergotropy W = tr(ρH) − Σ_k r_k↓ ε_k↑ (Çakmak Eq. 2 rewritten with the passive state): eigenvalues
    /// of ρ descending paired with energies ascending, so degenerate H needs no eigenvector choice.
    public static func ergotropy(_ rho: CMatrix, _ h: CMatrix) throws(SimulatorError) -> Double {
        try checkPair(rho, h)
        let r = try LinearAlgebra.eigvalsh(rho, parameter: "rho").reversed()
        let e = try LinearAlgebra.eigvalsh(h, parameter: "H")
        let passive = zip(r, e).reduce(0.0) { $0 + $1.0 * $1.1 }
        return try energy(rho, h) - passive
    }

    /// Çakmak Eq. 2 literally: Σ_{j,i} r_j ε_i (|⟨r_j|ε_i⟩|² − δ_ji) with both lists sorted as in Eq. 1.
    /// For degenerate H or ρ the eigenvector choice is arbitrary but the sum is not.
    public static func ergotropyEq2(_ rho: CMatrix, _ h: CMatrix) throws(SimulatorError) -> Double {
        try checkPair(rho, h)
        let er = try LinearAlgebra.eigh(rho, parameter: "rho")
        let eh = try LinearAlgebra.eigh(h, parameter: "H")
        let n = rho.rows
        let overlap = CMatrix.adjointTimes(er.vectors, eh.vectors)  // ⟨r_j|ε_i⟩ with r ascending
        var w = 0.0
        for j in 0..<n {
            let jd = n - 1 - j  // r_1 ≥ r_2 ≥ … : descending index
            for i in 0..<n {
                let o = overlap[jd, i].lengthSquared - (j == i ? 1 : 0)
                w += er.values[jd] * eh.values[i] * o
            }
        }
        return w
    }

    /// Result of the unitary-optimisation route to the ergotropy.
    public struct OptimisedErgotropy: Sendable {
        public let value: Double
        public let iterations: Int
        /// ‖[σ, H]‖_F at the end (zero at a critical point).
        public let finalGradientNorm: Double
    }

    /// Second, independent route: minimise tr(H UρU†) over unitaries by Riemannian gradient descent
    /// (σ ← e^{sA} σ e^{−sA}, A = [σ, H], Armijo backtracking), from a seeded random unitary so that
    /// commuting (saddle) starts are avoided. Intended for small dimensions.
    public static func ergotropyByOptimisation(_ rho: CMatrix, _ h: CMatrix, seed: UInt64 = 1,
                                               maxIterations: Int = 20000,
                                               gradientTolerance: Double = 1e-11) throws(SimulatorError) -> OptimisedErgotropy {
        try checkPair(rho, h)
        let n = rho.rows
        var rng = SplitMix64(seed: seed)
        let g = CMatrix(rows: n, cols: n) { _, _ in Cx(rng.nextGaussian(), rng.nextGaussian()) }
        let herm = try (g + g.adjoint).scaled(0.5)
        let u0 = try LinearAlgebra.unitary(herm, time: 1, parameter: "random generator")
        var sigma = try (u0 * rho * u0.adjoint).hermitianPart
        var f = try energy(sigma, h)
        var step = 1.0 / Swift.max(1e-12, h.maxAbs)
        var it = 0
        var gnorm = Double.infinity
        while it < maxIterations {
            it += 1
            let a = try CMatrix.commutator(sigma, h)  // anti-Hermitian
            gnorm = a.frobeniusNorm
            if gnorm <= gradientTolerance * Swift.max(1, h.maxAbs) { break }
            // i·A is Hermitian, e^{sA} = e^{−i s (iA)}
            let ia = a.scaled(by: Cx(0, 1)).hermitianPart
            var accepted = false
            var s = step * 2
            for _ in 0..<60 {
                let u = try LinearAlgebra.unitary(ia, time: s, parameter: "gradient")
                let trial = try (u * sigma * u.adjoint).hermitianPart
                let ft = try energy(trial, h)
                if ft <= f - 1e-4 * s * gnorm * gnorm {
                    sigma = trial; f = ft; step = s; accepted = true
                    break
                }
                s *= 0.5
            }
            if !accepted { break }
        }
        return OptimisedErgotropy(value: try energy(rho, h) - f, iterations: it, finalGradientNorm: gnorm)
    }

    /// Von Neumann entropy −tr ρ ln ρ (natural log; eigenvalues ≤ 0 contribute 0).
    public static func vonNeumannEntropy(_ rho: CMatrix) throws(SimulatorError) -> Double {
        let r = try LinearAlgebra.eigvalsh(rho, parameter: "rho")
        return r.reduce(0.0) { $0 - ($1 > 0 ? $1 * Double.log($1) : 0) }
    }

    /// I(A:B) = S(A) + S(B) − S(AB) for a bipartition with dimensions dA, dB.
    public static func mutualInformation(_ rho: CMatrix, dimensions dA: Int, _ dB: Int) throws(SimulatorError) -> Double {
        if dA * dB != rho.rows {
            throw .dimensionMismatch(parameter: "rho for mutual information", expected: "\(dA * dB)", got: "\(rho.rows)")
        }
        let a = try rho.partialTrace(dims: [dA, dB], keep: [0])
        let b = try rho.partialTrace(dims: [dA, dB], keep: [1])
        return try vonNeumannEntropy(a) + vonNeumannEntropy(b) - vonNeumannEntropy(rho)
    }

    /// Unitary whose columns are the basis vectors of `basis`.
    public static func basisUnitary(_ basis: CoherenceBasis, dimension n: Int) throws(SimulatorError) -> CMatrix {
        switch basis {
        case .computational:
            return CMatrix.identity(n)
        case .energyEigenbasis(let h):
            let e = try LinearAlgebra.eigh(h, parameter: "H (coherence basis)")
            let scale = Swift.max(1, e.values.map { Swift.abs($0) }.max() ?? 1)
            for k in 1..<Swift.max(1, e.values.count) where e.values[k] - e.values[k - 1] <= 1e-9 * scale {
                throw .invalidParameter(name: "H (coherence basis)", value: "degenerate eigenvalue \(e.values[k])",
                                        allowed: "non-degenerate spectrum (otherwise the energy eigenbasis is not unique)")
            }
            return e.vectors
        case .custom(let u):
            let dev = try (u.adjoint * u - CMatrix.identity(u.cols)).maxAbs
            if dev > 1e-9 { throw .invalidParameter(name: "custom basis", value: "U†U − 1 = \(dev)", allowed: "unitary") }
            return u
        }
    }

    /// ρ in the given basis: U†ρU.
    public static func inBasis(_ rho: CMatrix, _ basis: CoherenceBasis) throws(SimulatorError) -> CMatrix {
        let u = try basisUnitary(basis, dimension: rho.rows)
        return CMatrix.gemm(CMatrix.adjointTimes(u, rho), u)
    }

    /// l1-norm of coherence Σ_{i≠j} |ρ_ij| in a named basis (Çakmak Eq. 3).
    public static func l1Coherence(_ rho: CMatrix, basis: CoherenceBasis = .computational) throws(SimulatorError) -> Double {
        let r = try inBasis(rho, basis)
        var s = 0.0
        for j in 0..<r.cols { for i in 0..<r.rows where i != j { s += r[i, j].length } }
        return s
    }

    /// Orthogonal projectors onto the eigenspaces of H (degenerate levels grouped, tolerance relative).
    public static func eigenprojectors(_ h: CMatrix, tolerance: Double = 1e-9) throws(SimulatorError) -> [(energy: Double, projector: CMatrix)] {
        let e = try LinearAlgebra.eigh(h, parameter: "H")
        let scale = Swift.max(1, e.values.map { Swift.abs($0) }.max() ?? 1)
        var groups: [[Int]] = []
        for k in 0..<e.values.count {
            if let last = groups.last?.last, e.values[k] - e.values[last] <= tolerance * scale {
                groups[groups.count - 1].append(k)
            } else {
                groups.append([k])
            }
        }
        return groups.map { idx in
            var p = CMatrix(rows: h.rows, cols: h.rows)
            for k in idx { p.addScaled(CMatrix.timesAdjoint(e.vectors.columns(k..<(k + 1)), e.vectors.columns(k..<(k + 1))), Cx(1)) }
            return (idx.map { e.values[$0] }.reduce(0, +) / Double(idx.count), p)
        }
    }

    /// Σ_i Π_i ρ Π_i.
    public static func pinch(_ rho: CMatrix, projectors: [CMatrix]) throws(SimulatorError) -> CMatrix {
        var out = CMatrix(rows: rho.rows, cols: rho.cols)
        for p in projectors { out.addScaled(try p * rho * p, Cx(1)) }
        return out
    }

    /// Relative entropy of coherence S(Δρ) − S(ρ), Δ the pinching onto H's eigenspaces (Mayo Eq. 16
    /// before the maximum over the process; `maxRelativeEntropyOfCoherence` takes that maximum).
    public static func relativeEntropyOfCoherence(_ rho: CMatrix, hamiltonian h: CMatrix) throws(SimulatorError) -> Double {
        let p = try eigenprojectors(h).map { $0.projector }
        return try vonNeumannEntropy(pinch(rho, projectors: p)) - vonNeumannEntropy(rho)
    }

    /// Mayo Eq. 16: max over a sampled process of S(ρ_deph) − S(ρ), with the instantaneous H at each sample.
    public static func maxRelativeEntropyOfCoherence(_ samples: [(rho: CMatrix, hamiltonian: CMatrix)]) throws(SimulatorError) -> Double {
        var best = 0.0
        for s in samples { best = Swift.max(best, try relativeEntropyOfCoherence(s.rho, hamiltonian: s.hamiltonian)) }
        return best
    }

    /// Populations in the eigenbasis of H, ordered by ascending energy.
    public static func populations(_ rho: CMatrix, hamiltonian h: CMatrix) throws(SimulatorError) -> [Double] {
        let e = try LinearAlgebra.eigh(h, parameter: "H")
        let r = CMatrix.gemm(CMatrix.adjointTimes(e.vectors, rho), e.vectors)
        return r.diagonalElements.map { $0.real }
    }

    static func checkPair(_ rho: CMatrix, _ h: CMatrix) throws(SimulatorError) {
        if !rho.isSquare || rho.rows != h.rows || !h.isSquare {
            throw .dimensionMismatch(parameter: "rho and H", expected: "equal square", got: "\(rho.rows)x\(rho.cols), \(h.rows)x\(h.cols)")
        }
        try DensityMatrix.validate(rho, parameter: "rho")
        try Superoperator.checkHermitian(h, "H")
    }
}

/// Mayo Eq. 15 admits two readings of "removes coherences with probability p".
public enum DephasingReading: Sendable, CaseIterable {
    /// As printed: E(ρ) = (1 − p/2) ρ + (p/2) Σ_i Π_i ρ Π_i (coherences shrink by 1 − p/2; p = 1 halves them).
    case asPrinted
    /// p is the full probability: E(ρ) = (1 − p) ρ + p Σ_i Π_i ρ Π_i (p = 1 removes all coherence).
    case fullProbability
}

public enum Dephasing {
    /// The dephasing channel in the eigenbasis of H (Mayo Eq. 15), p ∈ [0, 1].
    public static func apply(_ rho: CMatrix, hamiltonian h: CMatrix, p: Double,
                             reading: DephasingReading) throws(SimulatorError) -> CMatrix {
        try superoperator(hamiltonian: h, p: p, reading: reading).applying(to: rho)
    }

    /// The channel as a superoperator (column stacking).
    public static func superoperator(hamiltonian h: CMatrix, p: Double,
                                     reading: DephasingReading) throws(SimulatorError) -> CMatrix {
        if !(p >= 0 && p <= 1) { throw .invalidParameter(name: "p (dephasing)", value: "\(p)", allowed: "0 ... 1") }
        let q = reading == .asPrinted ? p / 2 : p
        let d = h.rows
        var s = CMatrix.identity(d * d).scaled(1 - q)
        for pr in try Measures.eigenprojectors(h) {
            s.addScaled(Superoperator.sandwich(pr.projector, pr.projector), Cx(q))
        }
        return s
    }
}

extension CMatrix {
    /// Superoperator (self) applied to a d×d matrix.
    public func applying(to rho: CMatrix) throws(SimulatorError) -> CMatrix { try Superoperator.apply(self, to: rho) }
}

/// Deterministic generator (SplitMix64) so that seeded tests and optimisations are reproducible.
public struct SplitMix64: Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    public mutating func nextUniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }
    /// Standard normal (Box–Muller).
    public mutating func nextGaussian() -> Double {
        let u1 = Swift.max(nextUniform(), 1e-300), u2 = nextUniform()
        return (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
    }
}

public enum RandomStates {
    /// Haar-random pure state |ψ⟩⟨ψ| in dimension n.
    public static func haarPure(dimension n: Int, rng: inout SplitMix64) -> CMatrix {
        let psi = (0..<n).map { _ in Cx(rng.nextGaussian(), rng.nextGaussian()) }
        let n2 = psi.reduce(0.0) { $0 + $1.lengthSquared }
        return CMatrix.outer(psi, psi).scaled(1 / n2)
    }

    /// Hilbert–Schmidt random mixed state G G†/tr, G with i.i.d. complex Gaussian entries.
    public static func hilbertSchmidt(dimension n: Int, rng: inout SplitMix64) -> CMatrix {
        let g = CMatrix(rows: n, cols: n) { _, _ in Cx(rng.nextGaussian(), rng.nextGaussian()) }
        let m = CMatrix.timesAdjoint(g, g)
        return m.scaled(1 / m.trace.real).hermitianPart
    }
}
