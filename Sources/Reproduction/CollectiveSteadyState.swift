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

/// Scratch memory and flattened tables for one worker: no allocation and no reference counting per
/// sample. Not shared between tasks (each task owns one).
public final class SampleWorkspace {
    let map: CollectiveSteadyStateMap
    let n: Int
    let dim: Int
    let sectorCount: Int
    // level tables (k = 0 … N)
    let lvOff: UnsafeMutablePointer<Int>, lvSize: UnsafeMutablePointer<Int>, uOff: UnsafeMutablePointer<Int>
    let states: UnsafeMutablePointer<Int>
    // slots per level: slotStart[k] ..< slotStart[k + 1]
    let slotStart: UnsafeMutablePointer<Int>, slotSector: UnsafeMutablePointer<Int>, slotOffset: UnsafeMutablePointer<Int>
    let slotTau: UnsafeMutablePointer<Double>, slotSqrtTau: UnsafeMutablePointer<Double>
    // sectors
    let secMult: UnsafeMutablePointer<Int>, secSize: UnsafeMutablePointer<Int>, secLow: UnsafeMutablePointer<Int>
    let mOff: UnsafeMutablePointer<Int>
    /// column offset of sector s at level k (s·(N+1) + k), −1 if absent
    let secOffsetAt: UnsafeMutablePointer<Int>
    let tauFlat: UnsafeMutablePointer<Double>, tauOff: UnsafeMutablePointer<Int>
    let meanLevel: UnsafeMutablePointer<Double>
    let levelCount: UnsafeMutablePointer<Int>
    // ψ (computational basis) and coupled coordinates per level (concatenated), split re/im
    let psiRe: UnsafeMutablePointer<Double>, psiIm: UnsafeMutablePointer<Double>
    let cRe: UnsafeMutablePointer<Double>, cIm: UnsafeMutablePointer<Double>
    // M_j per sector, row-major d_j × d_j; Cholesky factors L_j (same layout)
    let mRe: UnsafeMutablePointer<Double>, mIm: UnsafeMutablePointer<Double>
    let lRe: UnsafeMutablePointer<Double>, lIm: UnsafeMutablePointer<Double>
    let mTotal: Int
    // scratch
    let gRe: UnsafeMutablePointer<Double>, gIm: UnsafeMutablePointer<Double>
    let tRe: UnsafeMutablePointer<Double>, tIm: UnsafeMutablePointer<Double>
    let aRe: UnsafeMutablePointer<Double>, aIm: UnsafeMutablePointer<Double>
    let eig: UnsafeMutablePointer<Double>
    /// per-column magnitude sums of one level; third accumulator and A ± B of the 3M product
    let eig2: UnsafeMutablePointer<Double>, p3: UnsafeMutablePointer<Double>
    let sPlus: UnsafeMutablePointer<Double>, sMinus: UnsafeMutablePointer<Double>
    let entries: UnsafeMutablePointer<(Double, Int)>
    var entryCount = 0
    /// The loaded ρ0 was pure (enables the low-rank coherence route).
    var pure = false
    // U_k and U_kᵀ, flattened
    let uFlat: UnsafeMutablePointer<Double>, utFlat: UnsafeMutablePointer<Double>

    public init(map: CollectiveSteadyStateMap) {
        self.map = map
        let b = map.basis
        n = b.qubits
        dim = 1 << n
        sectorCount = b.sectors.count
        func ints(_ a: [Int]) -> UnsafeMutablePointer<Int> {
            let p = UnsafeMutablePointer<Int>.allocate(capacity: max(1, a.count))
            for (i, x) in a.enumerated() { p[i] = x }
            return p
        }
        func doubles(_ a: [Double]) -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(1, a.count))
            for (i, x) in a.enumerated() { p[i] = x }
            return p
        }
        var lo: [Int] = [], sz: [Int] = [], uo: [Int] = []
        var acc = 0, uacc = 0
        for k in 0...n {
            let c = b.levelStates[k].count
            lo.append(acc); sz.append(c); uo.append(uacc)
            acc += c; uacc += c * c
        }
        lvOff = ints(lo); lvSize = ints(sz); uOff = ints(uo); levelCount = ints(sz)
        states = ints(b.levelStates.flatMap { $0 })
        var ss: [Int] = [], sSec: [Int] = [], sOff: [Int] = [], sTau: [Double] = []
        var offAt = [Int](repeating: -1, count: b.sectors.count * (n + 1))
        for k in 0...n {
            ss.append(sSec.count)
            for slot in b.slots[k] {
                sSec.append(slot.sector); sOff.append(slot.offset)
                sTau.append(map.tau[slot.sector][k - b.sectors[slot.sector].lowestLevel])
                offAt[slot.sector * (n + 1) + k] = slot.offset
            }
        }
        ss.append(sSec.count)
        slotStart = ints(ss); slotSector = ints(sSec); slotOffset = ints(sOff)
        slotTau = doubles(sTau); slotSqrtTau = doubles(sTau.map { $0.squareRoot() })
        secMult = ints(b.sectors.map { $0.multiplicity }); secSize = ints(b.sectors.map { $0.size })
        secLow = ints(b.sectors.map { $0.lowestLevel })
        secOffsetAt = ints(offAt)
        var mo: [Int] = [], macc = 0
        for s in b.sectors { mo.append(macc); macc += s.multiplicity * s.multiplicity }
        mOff = ints(mo)
        mTotal = macc
        var to: [Int] = [], tacc = 0
        for t in map.tau { to.append(tacc); tacc += t.count }
        tauOff = ints(to)
        tauFlat = doubles(map.tau.flatMap { $0 })
        meanLevel = doubles(map.meanLevel)
        psiRe = .allocate(capacity: dim); psiIm = .allocate(capacity: dim)
        cRe = .allocate(capacity: dim); cIm = .allocate(capacity: dim)
        mRe = .allocate(capacity: max(1, macc)); mIm = .allocate(capacity: max(1, macc))
        lRe = .allocate(capacity: max(1, macc)); lIm = .allocate(capacity: max(1, macc))
        let maxSide = b.sectors.map { max($0.multiplicity, $0.size) }.max() ?? 1
        gRe = .allocate(capacity: maxSide * maxSide); gIm = .allocate(capacity: maxSide * maxSide)
        eig = .allocate(capacity: maxSide)
        let maxLevel = sz.max() ?? 1
        let maxRank = maxLevel + b.sectors.reduce(0) { $0 + $1.size } + 4
        let maxLd = maxLevel + 8
        tRe = .allocate(capacity: maxLd * maxRank); tIm = .allocate(capacity: maxLd * maxRank)
        aRe = .allocate(capacity: maxLevel); aIm = .allocate(capacity: maxLevel)
        eig2 = .allocate(capacity: maxLevel); p3 = .allocate(capacity: maxLevel)
        sPlus = .allocate(capacity: maxLd * maxRank); sMinus = .allocate(capacity: maxLd * maxRank)
        entries = .allocate(capacity: dim + 1)
        uFlat = doubles(b.u.flatMap { $0 }); utFlat = doubles(b.ut.flatMap { $0 })
    }

    deinit {
        for p in [lvOff, lvSize, uOff, states, slotStart, slotSector, slotOffset, secMult, secSize, secLow, mOff,
                  secOffsetAt, tauOff, levelCount] { p.deallocate() }
        for p in [slotTau, slotSqrtTau, tauFlat, meanLevel, psiRe, psiIm, cRe, cIm, mRe, mIm, lRe, lIm, gRe, gIm,
                  tRe, tIm, aRe, aIm, eig, eig2, p3, sPlus, sMinus, uFlat, utFlat] { p.deallocate() }
        entries.deallocate()
    }

    // MARK: loading ρ0

    /// Coupled coordinates c_k = U_kᵀ ψ_k of the vector in psiRe/psiIm (computational order).
    @inline(__always)
    func transformVector() {
        for k in 0...n {
            let nk = lvSize[k], off = lvOff[k], u = uFlat + uOff[k], st = states + off
            let cr = cRe + off, ci = cIm + off
            for c in 0..<nk { cr[c] = 0; ci[c] = 0 }
            for row in 0..<nk {
                let x = st[row]
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
        for k in 0...n {
            let off = lvOff[k]
            for slot in slotStart[k]..<slotStart[k + 1] {
                let s = slotSector[slot]
                let d = secMult[s]
                let mr = mRe + mOff[s], mi = mIm + mOff[s]
                let cr = cRe + off + slotOffset[slot], ci = cIm + off + slotOffset[slot]
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
        pure = false
        for s in 0..<sectorCount {
            let d = secMult[s]
            for a in 0..<d { for c in 0..<d {
                mRe[mOff[s] + a * d + c] = m[s][a, c].real
                mIm[mOff[s] + a * d + c] = m[s][a, c].imaginary
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
        pure = true
        spectrumOfPureState()
    }

    /// Hilbert–Schmidt random mixed state G G†/tr(G G†): Σ over the columns g of G of |g⟩⟨g|.
    /// The Ginibre ensemble is invariant under the real orthogonal change to the coupled basis
    /// (UᵀG has the law of G), so the columns are drawn in coupled coordinates directly: no basis
    /// change per column (`RandomStateStudy.initialState` rotates them back for the dense oracle).
    public func loadHilbertSchmidt(_ rng: inout SplitMix64) {
        clearBlocks()
        var total = 0.0
        for _ in 0..<dim {
            for i in 0..<dim {
                let (g1, g2) = gaussianPair(&rng)
                cRe[i] = g1; cIm[i] = g2
                total += g1 * g1 + g2 * g2
            }
            accumulateBlocks(weight: 1)
        }
        scaleBlocks(1 / total)
        pure = false
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
        for k in 0...n {
            let nk = lvSize[k], u = uFlat + uOff[k], st = states + lvOff[k]
            for row in 0..<nk {
                let p = psiRe[st[row]] / total
                let urow = u + row * nk
                for slot in slotStart[k]..<slotStart[k + 1] {
                    let s = slotSector[slot], o = slotOffset[slot]
                    let d = secMult[s]
                    let mr = mRe + mOff[s]
                    for a in 0..<d {
                        let ua = urow[o + a] * p
                        for c in 0..<d { mr[a * d + c] += ua * urow[o + c] }
                    }
                }
            }
        }
        pure = false
        spectrumFromBlocks()
    }

    func scaleBlocks(_ f: Double) {
        for i in 0..<mTotal { mRe[i] *= f; mIm[i] *= f }
    }

    // MARK: spectrum

    @inline(__always)
    func appendEigenvalue(_ lambda: Double, sector s: Int) {
        let size = secSize[s], t = tauFlat + tauOff[s]
        if map.uniform {
            entries[entryCount] = (lambda * t[0], size)
            entryCount += 1
        } else {
            for i in 0..<size { entries[entryCount] = (lambda * t[i], 1); entryCount += 1 }
        }
    }

    /// Spectrum of ρ_ss from eig(M_j) (Jacobi on each M_j).
    public func spectrumFromBlocks() {
        entryCount = 0
        for s in 0..<sectorCount {
            let d = secMult[s]
            for i in 0..<(d * d) { gRe[i] = mRe[mOff[s] + i]; gIm[i] = mIm[mOff[s] + i] }
            hermitianEigenvalues(d, gRe, gIm, eig)
            for a in 0..<d { appendEigenvalue(eig[a], sector: s) }
        }
    }

    /// Start of C_j's column i (level lowest + i) in the coupled coordinates.
    @inline(__always)
    func columnStart(_ s: Int, _ i: Int) -> Int {
        let k = secLow[s] + i
        return lvOff[k] + secOffsetAt[s * (n + 1) + k]
    }

    /// Pure ρ0: M_j = C_j C_j† with C_j of size d_j × (2j+1); use C_j†C_j when it is smaller
    /// (same non-zero eigenvalues; the missing ones are zero and do not enter the passive energy).
    func spectrumOfPureState() {
        entryCount = 0
        for s in 0..<sectorCount {
            let d = secMult[s], m = secSize[s]
            if m >= d {
                for i in 0..<(d * d) { gRe[i] = mRe[mOff[s] + i]; gIm[i] = mIm[mOff[s] + i] }
                hermitianEigenvalues(d, gRe, gIm, eig)
                for a in 0..<d { appendEigenvalue(eig[a], sector: s) }
            } else {
                // G[i, i'] = Σ_a conj(C[a, i]) C[a, i']
                for i in 0..<m {
                    let oi = columnStart(s, i)
                    for i2 in i..<m {
                        let o2 = columnStart(s, i2)
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

    // MARK: observables

    /// C_l1, ergotropy and energy of the loaded ρ_ss (spectrum must be loaded).
    public func observe() -> Observation {
        let omega = map.omega
        var energy = 0.0
        for s in 0..<sectorCount {
            let d = secMult[s]
            var tr = 0.0
            for a in 0..<d { tr += mRe[mOff[s] + a * d + a] }
            energy += tr * meanLevel[s]
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
        let c = pure ? coherencePure() : coherenceGeneral()
        return Observation(coherence: c, ergotropy: energy - passive, energy: energy)
    }

    /// Σ_{x≠y} |⟨x|ρ_ss|y⟩| = Σ_k 2 Σ_{i<l} |(U_k B_k U_kᵀ)_{il}|, B_k = ⊕_j τ_j(m_k) M_j.
    func coherenceGeneral() -> Double {
        var total = 0.0
        if n < 2 { return 0 }
        for k in 1..<n {
            let nk = lvSize[k]
            let u = uFlat + uOff[k], ut = utFlat + uOff[k]
            // T = U_k B_k
            for i in 0..<(nk * nk) { tRe[i] = 0; tIm[i] = 0 }
            for slot in slotStart[k]..<slotStart[k + 1] {
                let s = slotSector[slot], o = slotOffset[slot]
                let d = secMult[s]
                let t = slotTau[slot]
                let mr = mRe + mOff[s], mi = mIm + mOff[s]
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

    /// Pure ρ0: ρ_k = W W† with W = U_k (⊕_j √τ_j(m_k) L_j), L_j = C_j (d_j × (2j+1)) when 2j+1 ≤ d_j,
    /// else the Cholesky factor of M_j: rank Σ_j min(d_j, 2j+1) instead of C(N, k).
    func coherencePure() -> Double {
        if n < 2 { return 0 }
        // Cholesky factors where needed (2j+1 > d_j)
        for s in 0..<sectorCount where secSize[s] > secMult[s] {
            cholesky(secMult[s], mRe + mOff[s], mIm + mOff[s], lRe + mOff[s], lIm + mOff[s])
        }
        var total = 0.0
        for k in 1..<n {
            let nk = lvSize[k]
            let ld = nk + 8  // column stride: zero padding lets the kernel run whole tiles of 8
            let ut = utFlat + uOff[k]
            // Wᵀ rows (one per factor column), contiguous over the level's states
            var r = 0
            for slot in slotStart[k]..<slotStart[k + 1] {
                let s = slotSector[slot], o = slotOffset[slot]
                let d = secMult[s], size = secSize[s]
                let st = slotSqrtTau[slot]
                let useC = size <= d
                let cols = useC ? size : d
                for col in 0..<cols {
                    let wr = tRe + r * ld, wi = tIm + r * ld
                    for x in 0..<ld { wr[x] = 0; wi[x] = 0 }
                    let cStart = useC ? columnStart(s, col) : 0
                    for a in 0..<d {
                        let lr: Double, li: Double
                        if useC {
                            lr = cRe[cStart + a] * st; li = cIm[cStart + a] * st
                        } else {
                            lr = lRe[mOff[s] + a * d + col] * st; li = lIm[mOff[s] + a * d + col] * st
                        }
                        if lr == 0 && li == 0 { continue }
                        let urow = ut + (o + a) * nk
                        for x in 0..<nk { wr[x] += lr * urow[x]; wi[x] += li * urow[x] }
                    }
                    let sp = sPlus + r * ld, sm = sMinus + r * ld
                    for x in 0..<ld { sp[x] = wr[x] + wi[x]; sm[x] = wr[x] - wi[x] }
                    r += 1
                }
            }
            total += 2 * upperMagnitudeSum(nk, ld, r)
        }
        return total
    }

    /// Σ_{x<y} |Σ_c W[x,c] conj(W[y,c])| for W = A + iB stored by columns (A = tRe, B = tIm, A ± B in
    /// sPlus/sMinus, stride ld, zero padded), by the "3M" rule with three real products
    ///   P1 = Σ A_x A_y,  P2 = Σ B_x B_y,  P3 = Σ (A+B)_x (A−B)_y = P1 + Im − P2,
    /// so Re = P1 + P2 and Im = Σ (B_x A_y − A_x B_y) = P3 − P1 + P2. Register tiles of one x and
    /// eight y (SIMD2 accumulators), the dot product over the factor columns innermost.
    @inline(__always)
    func upperMagnitudeSum(_ nk: Int, _ ld: Int, _ r: Int) -> Double {
        typealias V = SIMD2<Double>
        @inline(__always) func load(_ p: UnsafeMutablePointer<Double>, _ i: Int) -> V {
            UnsafeRawPointer(p + i).loadUnaligned(as: V.self)
        }
        var sum = V(repeating: 0)
        for x in 0..<(nk - 1) {
            var y0 = x + 1
            while y0 < nk {
                var p1a = V(repeating: 0), p1b = p1a, p1c = p1a, p1d = p1a
                var p2a = p1a, p2b = p1a, p2c = p1a, p2d = p1a
                var p3a = p1a, p3b = p1a, p3c = p1a, p3d = p1a
                for c in 0..<r {
                    let ac = tRe + c * ld, bc = tIm + c * ld, sc = sPlus + c * ld, dc = sMinus + c * ld
                    let xa = V(repeating: ac[x]), xb = V(repeating: bc[x]), xs = V(repeating: sc[x])
                    p1a += xa * load(ac, y0); p1b += xa * load(ac, y0 + 2); p1c += xa * load(ac, y0 + 4); p1d += xa * load(ac, y0 + 6)
                    p2a += xb * load(bc, y0); p2b += xb * load(bc, y0 + 2); p2c += xb * load(bc, y0 + 4); p2d += xb * load(bc, y0 + 6)
                    p3a += xs * load(dc, y0); p3b += xs * load(dc, y0 + 2); p3c += xs * load(dc, y0 + 4); p3d += xs * load(dc, y0 + 6)
                }
                // entries with y ≥ nk are zero (padding) and add nothing
                let ra = p1a + p2a, ia = p3a - p1a + p2a
                let rb = p1b + p2b, ib = p3b - p1b + p2b
                let rc = p1c + p2c, ic = p3c - p1c + p2c
                let rd = p1d + p2d, id = p3d - p1d + p2d
                sum += (ra * ra + ia * ia).squareRoot() + (rb * rb + ib * ib).squareRoot()
                sum += (rc * rc + ic * ic).squareRoot() + (rd * rd + id * id).squareRoot()
                y0 += 8
            }
        }
        return sum[0] + sum[1]
    }
}

/// Lower Cholesky factor L (L L† = A) of a Hermitian positive semidefinite d × d matrix (row-major);
/// a non-positive pivot (rank deficiency) gives a zero column.
func cholesky(_ d: Int, _ ar: UnsafeMutablePointer<Double>, _ ai: UnsafeMutablePointer<Double>,
              _ lr: UnsafeMutablePointer<Double>, _ li: UnsafeMutablePointer<Double>) {
    for i in 0..<(d * d) { lr[i] = 0; li[i] = 0 }
    for j in 0..<d {
        var diag = ar[j * d + j]
        for k in 0..<j { diag -= lr[j * d + k] * lr[j * d + k] + li[j * d + k] * li[j * d + k] }
        if !(diag > 0) { continue }
        let ljj = diag.squareRoot()
        lr[j * d + j] = ljj
        for i in (j + 1)..<max(j + 1, d) {
            // L[i, j] = (A[i, j] − Σ_k L[i, k] conj(L[j, k])) / L[j, j]
            var sr = ar[i * d + j], si = ai[i * d + j]
            for k in 0..<j {
                let xr = lr[i * d + k], xi = li[i * d + k], yr = lr[j * d + k], yi = li[j * d + k]
                sr -= xr * yr + xi * yi
                si -= xi * yr - xr * yi
            }
            lr[i * d + j] = sr / ljj
            li[i * d + j] = si / ljj
        }
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
        if off <= 1e-30 * scale * scale { break }
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
