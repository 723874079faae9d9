// The steady-state map of the collective Lindbladian (Çakmak Eqs. 4–6 in the collective limit,
// γ_ij = γ0, f_ij = f) from its symmetry, and the per-sample kernel of the random-state study.
//
// In the coupled basis H = ⊕_j C^{d_j} ⊗ C^{2j+1} every term of the generator (−i[H0 + H_d, ·],
// D[J⁻], D[J⁺]) acts as 1 ⊗ (spin-j operator), so a block ρ_{(j,a),(j',b)} evolves under a
// generator L_{jj'} that does not depend on the copies a, b. For j = j' the spin-j chain is an
// ergodic birth–death process (rates ∝ n̄+1 down, n̄ up) whose only fixed point is
// τ_j ∝ Σ_m r^{m+j}|j,m⟩⟨j,m|, r = n̄/(n̄+1) = e^{−βω}, and whose left fixed point is the trace;
// for j ≠ j' there is no fixed point. Hence
//     ρ_ss = ⊕_j M_j ⊗ τ_j,   (M_j)_{ab} = tr_spin ρ0_{(j,a),(j,b)},
// and nullity Σ_j d_j². (Checked against the dense Liouvillian null-space projector in the tests.)
//
// Per sample everything needed follows from the small matrices M_j: the spectrum of ρ_ss is
// {eig(M_j) × τ_j(m)}, the ergotropy pairs it (sorted) with H0's sorted energies, and the
// l1-coherence in the computational basis is computed block by block in excitation number, where
// ρ_ss restricted to k excitations is U_k (⊕_j τ_j(m_k) M_j) U_kᵀ.
import Foundation
import Simulator

/// The random initial-state ensembles of the study.
public enum RandomEnsemble: String, CaseIterable, Sendable, Codable {
    /// Haar-random pure states |ψ⟩, ψ ~ complex Gaussian, normalised.
    case haar
    /// Hilbert–Schmidt random mixed states G G†/tr(G G†), G complex Ginibre 2^N × 2^N.
    case hilbertSchmidt = "hs"
    /// Random diagonal states in the computational basis, populations flat Dirichlet(1, …, 1).
    case diagonal = "diag"

    public var title: String {
        switch self {
        case .haar: return "Haar-random pure states"
        case .hilbertSchmidt: return "Hilbert–Schmidt random mixed states"
        case .diagonal: return "random diagonal states (flat Dirichlet populations)"
        }
    }
}

/// ρ0 ↦ ρ_ss for N collectively coupled qubits at inverse temperature β (β = 0: the β → 0 limit).
public struct CollectiveSteadyStateMap: Sendable {
    public let basis: CoupledBasis
    public let omega: Double
    public let beta: Double
    /// r = e^{−βω}.
    public let r: Double
    /// τ_j populations per sector, index i ↔ m = −j + i (i excitations above the lowest weight).
    public let tau: [[Double]]
    /// Whether all τ_j are uniform (β = 0).
    public let uniform: Bool
    /// Σ_m τ_j(m) k(m): mean excitation number of τ_j.
    let meanLevel: [Double]

    public var qubits: Int { basis.qubits }

    public init(qubits n: Int, beta: Double, omega: Double = 1) throws(ReproductionError) {
        try self.init(basis: CoupledBasis(qubits: n), beta: beta, omega: omega)
    }

    public init(basis: CoupledBasis, beta: Double, omega: Double = 1) throws(ReproductionError) {
        if !(omega > 0) || !omega.isFinite { throw .invalidParameter(name: "omega", value: "\(omega)", allowed: "> 0, finite") }
        if !(beta >= 0) || beta.isNaN { throw .invalidParameter(name: "beta", value: "\(beta)", allowed: ">= 0 (0 = high-temperature limit; +inf = zero temperature)") }
        self.basis = basis
        self.omega = omega
        self.beta = beta
        let r = Foundation.exp(-beta * omega)
        self.r = r
        self.uniform = beta == 0
        var t: [[Double]] = [], ml: [Double] = []
        for s in basis.sectors {
            var w = [Double](repeating: 0, count: s.size)
            var x = 1.0
            for i in 0..<s.size { w[i] = x; x *= r }
            let z = w.reduce(0, +)
            w = w.map { $0 / z }
            t.append(w)
            var m = 0.0
            for i in 0..<s.size { m += w[i] * Double(s.lowestLevel + i) }
            ml.append(m)
        }
        self.tau = t
        self.meanLevel = ml
    }

    /// M_j for every sector from a dense ρ0 (simulator ordering), the general (slow) route.
    public func blocks(from rho0: CMatrix) throws(ReproductionError) -> [CMatrix] {
        let d = 1 << qubits
        if rho0.rows != d || rho0.cols != d {
            throw .invalidParameter(name: "rho0", value: "\(rho0.rows)x\(rho0.cols)", allowed: "\(d)x\(d)")
        }
        var out = basis.sectors.map { CMatrix(rows: $0.multiplicity, cols: $0.multiplicity) }
        for k in 0...qubits {
            let states = basis.levelStates[k], nk = states.count, u = basis.u[k]
            // R = U_kᵀ ρ0_k U_k (coupled coordinates at level k)
            var r = CMatrix(rows: nk, cols: nk)
            for a in 0..<nk { for b in 0..<nk {
                var s = Cx.zero
                for i in 0..<nk where u[i * nk + a] != 0 {
                    for j in 0..<nk where u[j * nk + b] != 0 {
                        s += rho0[states[i], states[j]] * Cx(u[i * nk + a] * u[j * nk + b])
                    }
                }
                r[a, b] = s
            } }
            for slot in basis.slots[k] {
                let dm = basis.sectors[slot.sector].multiplicity
                for a in 0..<dm { for b in 0..<dm { out[slot.sector][a, b] += r[slot.offset + a, slot.offset + b] } }
            }
        }
        return out
    }

    /// ρ_ss = ⊕_j M_j ⊗ τ_j as a dense matrix in the simulator's computational basis.
    public func dense(blocks m: [CMatrix]) -> CMatrix {
        let d = 1 << qubits
        var rho = CMatrix(rows: d, cols: d)
        for k in 0...qubits {
            let states = basis.levelStates[k], nk = states.count, u = basis.u[k]
            var b = CMatrix(rows: nk, cols: nk)
            for slot in basis.slots[k] {
                let s = basis.sectors[slot.sector]
                let t = tau[slot.sector][k - s.lowestLevel]
                for a in 0..<s.multiplicity { for c in 0..<s.multiplicity { b[slot.offset + a, slot.offset + c] = m[slot.sector][a, c] * Cx(t) } }
            }
            for i in 0..<nk { for j in 0..<nk {
                var s = Cx.zero
                for a in 0..<nk where u[i * nk + a] != 0 { for c in 0..<nk where u[j * nk + c] != 0 {
                    s += b[a, c] * Cx(u[i * nk + a] * u[j * nk + c])
                } }
                rho[states[i], states[j]] = s
            } }
        }
        return rho
    }

    /// ρ0 ↦ ρ_ss (dense in, dense out).
    public func steadyState(from rho0: CMatrix) throws(ReproductionError) -> CMatrix {
        dense(blocks: try blocks(from: rho0))
    }

    /// C_l1 (computational basis), ergotropy and energy of ρ_ss = ⊕ M_j ⊗ τ_j, by the fast kernel.
    public func observables(blocks m: [CMatrix]) -> Observation {
        let w = SampleWorkspace(map: self)
        w.load(blocks: m)
        w.spectrumFromBlocks()
        return w.observe()
    }
}

/// What the study records per sample.
public struct Observation: Sendable, Equatable {
    /// l1-norm of coherence in the computational basis (Çakmak Eq. 3).
    public let coherence: Double
    /// Ergotropy w.r.t. H0 = ω Σ σ⁺σ⁻ (Çakmak Eq. 2).
    public let ergotropy: Double
    /// tr(ρ_ss H0).
    public let energy: Double
}

/// Scratch memory for one worker: no allocation per sample. Not shared between tasks.
public final class SampleWorkspace {
    let map: CollectiveSteadyStateMap
    let n: Int
    let dim: Int
    // ψ (computational basis), split re/im
    let psiRe: UnsafeMutablePointer<Double>, psiIm: UnsafeMutablePointer<Double>
    // coupled coordinates per level, concatenated (offset levelOffset[k])
    let cRe: UnsafeMutablePointer<Double>, cIm: UnsafeMutablePointer<Double>
    let levelOffset: [Int]
    // M_j per sector, row-major d_j × d_j (offset mOffset[s])
    let mRe: UnsafeMutablePointer<Double>, mIm: UnsafeMutablePointer<Double>
    let mOffset: [Int]
    let mTotal: Int
    // scratch: eigen-solver matrix, T = U_k B_k, accumulator rows
    let gRe: UnsafeMutablePointer<Double>, gIm: UnsafeMutablePointer<Double>
    let tRe: UnsafeMutablePointer<Double>, tIm: UnsafeMutablePointer<Double>
    let aRe: UnsafeMutablePointer<Double>, aIm: UnsafeMutablePointer<Double>
    let eig: UnsafeMutablePointer<Double>
    // spectrum entries (value, multiplicity)
    let entries: UnsafeMutablePointer<(Double, Int)>
    var entryCount = 0
    // flattened U_k and U_kᵀ
    let uFlat: UnsafeMutablePointer<Double>, utFlat: UnsafeMutablePointer<Double>
    let uOffset: [Int]
    let levelSize: [Int]
    let levelCount: [Int]  // C(N, k) for the passive-energy walk

    public init(map: CollectiveSteadyStateMap) {
        self.map = map
        let b = map.basis
        n = b.qubits
        dim = 1 << n
        psiRe = .allocate(capacity: dim); psiIm = .allocate(capacity: dim)
        cRe = .allocate(capacity: dim); cIm = .allocate(capacity: dim)
        var lo: [Int] = [], acc = 0
        var uo: [Int] = [], uacc = 0
        for k in 0...n { lo.append(acc); acc += b.levelStates[k].count; uo.append(uacc); uacc += b.levelStates[k].count * b.levelStates[k].count }
        levelOffset = lo
        uOffset = uo
        levelSize = (0...n).map { b.levelStates[$0].count }
        levelCount = levelSize
        var mo: [Int] = [], macc = 0
        for s in b.sectors { mo.append(macc); macc += s.multiplicity * s.multiplicity }
        mOffset = mo
        mTotal = macc
        mRe = .allocate(capacity: max(1, macc)); mIm = .allocate(capacity: max(1, macc))
        let maxSide = b.sectors.map { max($0.multiplicity, $0.size) }.max() ?? 1
        gRe = .allocate(capacity: maxSide * maxSide); gIm = .allocate(capacity: maxSide * maxSide)
        eig = .allocate(capacity: maxSide)
        let maxLevel = levelSize.max() ?? 1
        tRe = .allocate(capacity: maxLevel * maxLevel); tIm = .allocate(capacity: maxLevel * maxLevel)
        aRe = .allocate(capacity: maxLevel); aIm = .allocate(capacity: maxLevel)
        entries = .allocate(capacity: dim + 1)
        uFlat = .allocate(capacity: max(1, uacc)); utFlat = .allocate(capacity: max(1, uacc))
        for k in 0...n {
            for (i, x) in b.u[k].enumerated() { uFlat[uo[k] + i] = x }
            for (i, x) in b.ut[k].enumerated() { utFlat[uo[k] + i] = x }
        }
    }

    deinit {
        for p in [psiRe, psiIm, cRe, cIm, mRe, mIm, gRe, gIm, tRe, tIm, aRe, aIm, eig, uFlat, utFlat] { p.deallocate() }
        entries.deallocate()
    }

    // MARK: loading ρ0

    /// Coupled coordinates c_k = U_kᵀ ψ_k of the vector in psiRe/psiIm (computational order).
    @inline(__always)
    func transformVector() {
        let b = map.basis
        for k in 0...n {
            let nk = levelSize[k], off = levelOffset[k], u = uFlat + uOffset[k]
            let cr = cRe + off, ci = cIm + off
            for c in 0..<nk { cr[c] = 0; ci[c] = 0 }
            let states = b.levelStates[k]
            for row in 0..<nk {
                let x = states[row]
                let pr = psiRe[x], pi = psiIm[x]
                let urow = u + row * nk
                for c in 0..<nk { cr[c] += urow[c] * pr; ci[c] += urow[c] * pi }
            }
        }
    }

    func clearBlocks() {
        for i in 0..<mTotal { mRe[i] = 0; mIm[i] = 0 }
    }

    /// M_j += weight · Σ_m c_{(j,a,m)} c*_{(j,b,m)} from the current coupled coordinates.
    @inline(__always)
    func accumulateBlocks(weight: Double) {
        let b = map.basis
        for k in 0...n {
            let off = levelOffset[k]
            for slot in b.slots[k] {
                let d = b.sectors[slot.sector].multiplicity
                let mr = mRe + mOffset[slot.sector], mi = mIm + mOffset[slot.sector]
                let cr = cRe + off + slot.offset, ci = cIm + off + slot.offset
                for a in 0..<d {
                    let xr = cr[a] * weight, xi = ci[a] * weight
                    let rowR = mr + a * d, rowI = mi + a * d
                    for c in 0..<d {
                        // (xr + i xi)(cr − i ci)
                        rowR[c] += xr * cr[c] + xi * ci[c]
                        rowI[c] += xi * cr[c] - xr * ci[c]
                    }
                }
            }
        }
    }

    /// Loads M_j from matrices (general route, used by tests and the deterministic figures).
    public func load(blocks m: [CMatrix]) {
        for (s, sec) in map.basis.sectors.enumerated() {
            let d = sec.multiplicity
            for a in 0..<d { for c in 0..<d {
                mRe[mOffset[s] + a * d + c] = m[s][a, c].real
                mIm[mOffset[s] + a * d + c] = m[s][a, c].imaginary
            } }
        }
    }

    /// Haar-random pure state from `rng`: fills M_j and the spectrum (via the smaller Gram matrix).
    public func loadHaar(_ rng: inout SplitMix64) {
        var norm = 0.0
        var i = 0
        while i < dim {
            let (g1, g2) = gaussianPair(&rng)
            let (g3, g4) = gaussianPair(&rng)
            psiRe[i] = g1; psiIm[i] = g2
            if i + 1 < dim { psiRe[i + 1] = g3; psiIm[i + 1] = g4 }
            i += 2
        }
        for x in 0..<dim { norm += psiRe[x] * psiRe[x] + psiIm[x] * psiIm[x] }
        let inv = 1 / norm.squareRoot()
        for x in 0..<dim { psiRe[x] *= inv; psiIm[x] *= inv }
        transformVector()
        clearBlocks()
        accumulateBlocks(weight: 1)
        spectrumOfPureState()
    }

    /// Hilbert–Schmidt random mixed state G G†/tr(G G†): Σ over the columns g of G of |g⟩⟨g|.
    public func loadHilbertSchmidt(_ rng: inout SplitMix64) {
        clearBlocks()
        var total = 0.0
        for _ in 0..<dim {
            var i = 0
            while i < dim {
                let (g1, g2) = gaussianPair(&rng)
                psiRe[i] = g1; psiIm[i] = g2
                i += 1
            }
            for x in 0..<dim { total += psiRe[x] * psiRe[x] + psiIm[x] * psiIm[x] }
            transformVector()
            accumulateBlocks(weight: 1)
        }
        scaleBlocks(1 / total)
        spectrumFromBlocks()
    }

    /// Random diagonal state Σ_x p_x |x⟩⟨x|, p flat Dirichlet (normalised exponentials).
    public func loadDiagonal(_ rng: inout SplitMix64) {
        clearBlocks()
        var total = 0.0
        for x in 0..<dim {
            let e = -Foundation.log(1 - rng.nextUniform())
            psiRe[x] = e
            total += e
        }
        let b = map.basis
        for k in 0...n {
            let nk = levelSize[k], u = uFlat + uOffset[k]
            for (row, x) in b.levelStates[k].enumerated() {
                let p = psiRe[x] / total
                let urow = u + row * nk
                for slot in b.slots[k] {
                    let d = b.sectors[slot.sector].multiplicity
                    let mr = mRe + mOffset[slot.sector]
                    for a in 0..<d {
                        let ua = urow[slot.offset + a] * p
                        for c in 0..<d { mr[a * d + c] += ua * urow[slot.offset + c] }
                    }
                }
            }
        }
        spectrumFromBlocks()
    }

    func scaleBlocks(_ f: Double) {
        for (s, sec) in map.basis.sectors.enumerated() {
            for i in 0..<(sec.multiplicity * sec.multiplicity) { mRe[mOffset[s] + i] *= f; mIm[mOffset[s] + i] *= f }
        }
    }

    // MARK: spectrum

    @inline(__always)
    func appendEigenvalue(_ lambda: Double, sector s: Int) {
        let t = map.tau[s]
        if map.uniform {
            entries[entryCount] = (lambda * t[0], t.count)
            entryCount += 1
        } else {
            for x in t { entries[entryCount] = (lambda * x, 1); entryCount += 1 }
        }
    }

    /// Spectrum of ρ_ss from eig(M_j) (Jacobi on each M_j).
    public func spectrumFromBlocks() {
        entryCount = 0
        for (s, sec) in map.basis.sectors.enumerated() {
            let d = sec.multiplicity
            for i in 0..<(d * d) { gRe[i] = mRe[mOffset[s] + i]; gIm[i] = mIm[mOffset[s] + i] }
            hermitianEigenvalues(d, gRe, gIm, eig)
            for a in 0..<d { appendEigenvalue(eig[a], sector: s) }
        }
    }

    /// Pure ρ0: M_j = C_j C_j† with C_j of size d_j × (2j+1); use C_j†C_j when it is smaller
    /// (same non-zero eigenvalues; the missing ones are zero and do not enter the passive energy).
    func spectrumOfPureState() {
        entryCount = 0
        let b = map.basis
        for (s, sec) in b.sectors.enumerated() {
            let d = sec.multiplicity, m = sec.size
            if m >= d {
                for i in 0..<(d * d) { gRe[i] = mRe[mOffset[s] + i]; gIm[i] = mIm[mOffset[s] + i] }
                hermitianEigenvalues(d, gRe, gIm, eig)
                for a in 0..<d { appendEigenvalue(eig[a], sector: s) }
            } else {
                // G[i, i'] = Σ_a conj(C[a, i]) C[a, i'],  C[a, i] = c_{level lowest+i}[offset + a]
                for i in 0..<m {
                    let ki = sec.lowestLevel + i
                    let oi = levelOffset[ki] + offset(of: s, level: ki)
                    for i2 in i..<m {
                        let k2 = sec.lowestLevel + i2
                        let o2 = levelOffset[k2] + offset(of: s, level: k2)
                        var sr = 0.0, si = 0.0
                        for a in 0..<d {
                            let xr = cRe[oi + a], xi = cIm[oi + a], yr = cRe[o2 + a], yi = cIm[o2 + a]
                            sr += xr * yr + xi * yi
                            si += xr * yi - xi * yr
                        }
                        gRe[i * m + i2] = sr; gIm[i * m + i2] = si
                        gRe[i2 * m + i] = sr; gIm[i2 * m + i] = -si
                    }
                }
                hermitianEigenvalues(m, gRe, gIm, eig)
                for a in 0..<m { appendEigenvalue(eig[a], sector: s) }
            }
        }
    }

    @inline(__always)
    func offset(of sector: Int, level k: Int) -> Int {
        for slot in map.basis.slots[k] where slot.sector == sector { return slot.offset }
        return 0
    }

    // MARK: observables

    /// C_l1, ergotropy and energy of the loaded ρ_ss (spectrum must be loaded).
    public func observe() -> Observation {
        let b = map.basis
        let omega = map.omega
        // energy
        var energy = 0.0
        for (s, sec) in b.sectors.enumerated() {
            var tr = 0.0
            for a in 0..<sec.multiplicity { tr += mRe[mOffset[s] + a * sec.multiplicity + a] }
            energy += tr * map.meanLevel[s]
        }
        energy *= omega
        // passive energy: eigenvalues descending against energies ω k ascending (multiplicity C(N,k))
        var buf = UnsafeMutableBufferPointer(start: entries, count: entryCount)
        buf.sort { $0.0 > $1.0 }
        var passive = 0.0
        var level = 0, left = levelCount[0]
        outer: for e in buf {
            var need = e.1
            while need > 0 {
                while left == 0 {
                    level += 1
                    if level > n { break outer }
                    left = levelCount[level]
                }
                let take = min(need, left)
                passive += e.0 * Double(take) * Double(level)
                need -= take
                left -= take
            }
        }
        passive *= omega
        return Observation(coherence: coherence(), ergotropy: energy - passive, energy: energy)
    }

    /// Σ_{x≠y} |⟨x|ρ_ss|y⟩| = Σ_k 2 Σ_{i<l} |(U_k B_k U_kᵀ)_{il}|.
    func coherence() -> Double {
        let b = map.basis
        var total = 0.0
        if n < 2 { return 0 }
        for k in 1..<n {
            let nk = levelSize[k]
            let u = uFlat + uOffset[k], ut = utFlat + uOffset[k]
            // T = U_k B_k, B_k = ⊕ τ_j(m_k) M_j
            for i in 0..<(nk * nk) { tRe[i] = 0; tIm[i] = 0 }
            for slot in b.slots[k] {
                let sec = b.sectors[slot.sector]
                let d = sec.multiplicity, o = slot.offset
                let t = map.tau[slot.sector][k - sec.lowestLevel]
                let mr = mRe + mOffset[slot.sector], mi = mIm + mOffset[slot.sector]
                for row in 0..<nk {
                    let urow = u + row * nk + o
                    let trow = tRe + row * nk + o, tirow = tIm + row * nk + o
                    for a in 0..<d {
                        let x = urow[a] * t
                        if x == 0 { continue }
                        let mra = mr + a * d, mia = mi + a * d
                        for c in 0..<d { trow[c] += x * mra[c]; tirow[c] += x * mia[c] }
                    }
                }
            }
            // ρ[i, l] = Σ_c T[i, c] U[l, c] for l > i, accumulated as rows (axpy over l)
            var blockSum = 0.0
            for i in 0..<(nk - 1) {
                for l in (i + 1)..<nk { aRe[l] = 0; aIm[l] = 0 }
                let tr = tRe + i * nk, ti = tIm + i * nk
                for c in 0..<nk {
                    let xr = tr[c], xi = ti[c]
                    let urow = ut + c * nk
                    for l in (i + 1)..<nk { aRe[l] += xr * urow[l]; aIm[l] += xi * urow[l] }
                }
                for l in (i + 1)..<nk { blockSum += (aRe[l] * aRe[l] + aIm[l] * aIm[l]).squareRoot() }
            }
            total += 2 * blockSum
        }
        return total
    }
}

/// Two independent standard normals (Marsaglia's polar method): no trigonometric calls.
@inline(__always)
func gaussianPair(_ rng: inout SplitMix64) -> (Double, Double) {
    while true {
        let u = 2 * rng.nextUniform() - 1, v = 2 * rng.nextUniform() - 1
        let s = u * u + v * v
        if s > 0 && s < 1 {
            let f = (-2 * Foundation.log(s) / s).squareRoot()
            return (u * f, v * f)
        }
    }
}

/// Eigenvalues of a Hermitian n×n matrix (row-major re/im, overwritten) by cyclic complex Jacobi.
/// Written for the small sizes of the study (n ≤ 14); accurate to a few ulps of ‖A‖.
func hermitianEigenvalues(_ n: Int, _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>,
                          _ out: UnsafeMutablePointer<Double>) {
    if n == 1 { out[0] = re[0]; return }
    if n == 2 {
        let a = re[0], d = re[3], br = re[1], bi = im[1]
        let h = 0.5 * (a - d), m = 0.5 * (a + d)
        let rad = (h * h + br * br + bi * bi).squareRoot()
        out[0] = m + rad; out[1] = m - rad
        return
    }
    var scale = 0.0
    for i in 0..<(n * n) { scale = max(scale, abs(re[i]), abs(im[i])) }
    if scale == 0 { for i in 0..<n { out[i] = 0 }; return }
    for _ in 0..<60 {
        var off = 0.0
        for p in 0..<n { for q in (p + 1)..<n { off += re[p * n + q] * re[p * n + q] + im[p * n + q] * im[p * n + q] } }
        if off <= 1e-34 * scale * scale { break }
        for p in 0..<(n - 1) {
            for q in (p + 1)..<n {
                let xr = re[p * n + q], xi = im[p * n + q]
                let bb = (xr * xr + xi * xi).squareRoot()
                if bb <= 1e-300 || bb <= 1e-18 * scale { continue }
                // phase e^{iφ} = a_pq/|a_pq|
                let cph = xr / bb, sph = xi / bb
                let app = re[p * n + p], aqq = re[q * n + q]
                let theta = (aqq - app) / (2 * bb)
                let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                let c = 1 / (t * t + 1).squareRoot(), s = t * c
                for k in 0..<n where k != p && k != q {
                    let kpR = re[k * n + p], kpI = im[k * n + p]
                    // y = a_kq e^{−iφ}
                    let kqR0 = re[k * n + q], kqI0 = im[k * n + q]
                    let yR = kqR0 * cph + kqI0 * sph, yI = kqI0 * cph - kqR0 * sph
                    let npR = c * kpR - s * yR, npI = c * kpI - s * yI
                    let nqR = s * kpR + c * yR, nqI = s * kpI + c * yI
                    re[k * n + p] = npR; im[k * n + p] = npI
                    re[p * n + k] = npR; im[p * n + k] = -npI
                    re[k * n + q] = nqR; im[k * n + q] = nqI
                    re[q * n + k] = nqR; im[q * n + k] = -nqI
                }
                re[p * n + p] = app - t * bb
                re[q * n + q] = aqq + t * bb
                re[p * n + q] = 0; im[p * n + q] = 0
                re[q * n + p] = 0; im[q * n + p] = 0
            }
        }
    }
    for i in 0..<n { out[i] = re[i * n + i] }
}
