// The per-state kernel of the collective steady-state map: C_l1, ergotropy and energy of
// ρ_ss = ⊕_j M_j ⊗ τ_j (CollectiveSteadyState.swift) from the small matrices M_j alone.
//
// The spectrum of ρ_ss is {eig(M_j) × τ_j(m)} (eigenvalues by LAPACK), the ergotropy pairs it
// (sorted) with H0's sorted energies, and the l1-coherence in the computational basis is computed
// block by block in excitation number, where ρ_ss restricted to k excitations is
// ρ_k = U_k (⊕_j τ_j(m_k) M_j) U_kᵀ. Four ways to hand over the M_j, each with its cheapest route
// (chosen by callgrind instruction counts):
//   * a pure ρ0 = |ψ⟩⟨ψ|: M_j = C_j C_j†, C_j the d_j × (2j+1) coupled coordinates of ψ (low rank);
//   * factors M_j ∝ L_j L_j† (L_j d_j × d_j), e.g. a Wishart draw: ρ_k = W W†, W = U_k ⊕ √τ L_j;
//   * a diagonal ρ0: real M_j from tabulated u uᵀ, ρ_k = T U_kᵀ with T = U_k B_k, real arithmetic;
//   * general Hermitian M_j (dense route): the same T route with real and imaginary parts.
import Foundation

/// Scratch memory and flattened tables for one worker: no allocation and no reference counting per
/// state. Not shared between tasks (each task owns one).
public final class CollectiveSteadyStateKernel {
    public let map: CollectiveSteadyStateMap
    public let qubits: Int
    /// 2^N.
    public let dimension: Int
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
    // M_j per sector, row-major d_j × d_j; factors L_j (same layout, M_j = L_j L_j†)
    let mRe: UnsafeMutablePointer<Double>, mIm: UnsafeMutablePointer<Double>
    let lRe: UnsafeMutablePointer<Double>, lIm: UnsafeMutablePointer<Double>
    let mTotal: Int
    // scratch
    /// interleaved column-major matrix handed to LAPACK, and its eigenvalues
    let zA: UnsafeMutablePointer<Double>
    let eig: UnsafeMutablePointer<Double>
    let tRe: UnsafeMutablePointer<Double>, tIm: UnsafeMutablePointer<Double>
    let sPlus: UnsafeMutablePointer<Double>, sMinus: UnsafeMutablePointer<Double>
    let entries: UnsafeMutablePointer<(Double, Int)>
    var entryCount = 0

    enum Loaded { case none, general, real, pure, factored }
    var loaded = Loaded.none
    // U_k and U_kᵀ, flattened; U_kᵀ again with rows padded to nk + 8 zeros (whole SIMD tiles)
    let uFlat: UnsafeMutablePointer<Double>, utFlat: UnsafeMutablePointer<Double>
    let utPad: UnsafeMutablePointer<Double>, padOff: UnsafeMutablePointer<Int>
    // diagonal ρ0: per sector, the states it sees and u uᵀ (u = the state's row of U_k in the
    // sector's columns), so M_j = Σ_x p_x u_x u_xᵀ is one streaming pass
    let dgStart: UnsafeMutablePointer<Int>, dgState: UnsafeMutablePointer<Int>
    let dgK: UnsafeMutablePointer<Double>, dgKOff: UnsafeMutablePointer<Int>, dgStride: UnsafeMutablePointer<Int>

    public init(map: CollectiveSteadyStateMap) {
        self.map = map
        let b = map.basis
        n = b.qubits
        qubits = n
        dim = 1 << n
        dimension = dim
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
        zA = .allocate(capacity: 2 * maxSide * maxSide)
        eig = .allocate(capacity: maxSide)
        let maxLevel = sz.max() ?? 1
        let maxRank = maxLevel + b.sectors.reduce(0) { $0 + $1.size } + 4
        let maxLd = maxLevel + 8
        tRe = .allocate(capacity: maxLd * maxRank); tIm = .allocate(capacity: maxLd * maxRank)
        sPlus = .allocate(capacity: maxLd * maxRank); sMinus = .allocate(capacity: maxLd * maxRank)
        entries = .allocate(capacity: dim + 1)
        uFlat = doubles(b.u.flatMap { $0 }); utFlat = doubles(b.ut.flatMap { $0 })
        var pad: [Double] = [], po: [Int] = []
        for k in 0...n {
            let nk = sz[k]
            po.append(pad.count)
            for c in 0..<nk {
                for x in 0..<nk { pad.append(b.ut[k][c * nk + x]) }
                pad.append(contentsOf: repeatElement(0, count: 8))
            }
        }
        utPad = doubles(pad); padOff = ints(po)
        var dStart: [Int] = [], dState: [Int] = [], dK: [Double] = [], dKOff: [Int] = [], dStride: [Int] = []
        for (si, sec) in b.sectors.enumerated() {
            let d = sec.multiplicity
            var rows: [[Double]] = []  // per state: u (the state's row of U_k in the sector's columns)
            dStart.append(dState.count); dKOff.append(dK.count)
            for k in sec.lowestLevel...sec.highestLevel {
                let nk = sz[k]
                guard let o = b.slots[k].first(where: { $0.sector == si })?.offset else { continue }
                for row in 0..<nk {
                    dState.append(b.levelStates[k][row])
                    rows.append((0..<d).map { b.u[k][row * nk + o + $0] })
                }
            }
            let stride = (rows.count + 1) / 2 * 2
            dStride.append(stride)
            // entry (a ≤ c) of M_j: Σ_x p_x u_x[a] u_x[c], one row of `stride` coefficients per entry
            for a in 0..<d { for c in a..<d {
                for r in rows { dK.append(r[a] * r[c]) }
                dK.append(contentsOf: repeatElement(0, count: stride - rows.count))
            } }
        }
        dStart.append(dState.count)
        dgStart = ints(dStart); dgState = ints(dState); dgK = doubles(dK); dgKOff = ints(dKOff); dgStride = ints(dStride)
    }

    deinit {
        for p in [lvOff, lvSize, uOff, states, slotStart, slotSector, slotOffset, secMult, secSize, secLow, mOff,
                  secOffsetAt, tauOff, levelCount, padOff, dgStart, dgState, dgKOff, dgStride] { p.deallocate() }
        for p in [slotTau, slotSqrtTau, tauFlat, meanLevel, psiRe, psiIm, cRe, cIm, mRe, mIm, lRe, lIm, zA,
                  tRe, tIm, eig, sPlus, sMinus, uFlat, utFlat, utPad, dgK] { p.deallocate() }
        entries.deallocate()
    }

    /// d_j of every sector (j descending).
    public var multiplicities: [Int] { (0..<sectorCount).map { secMult[$0] } }

    // MARK: loading ρ0

    /// A pure ρ0 = |ψ⟩⟨ψ| (amplitudes in the computational basis, unit norm).
    public func loadPureState(real re: UnsafePointer<Double>, imaginary im: UnsafePointer<Double>) throws(SimulatorError) {
        for x in 0..<dim { psiRe[x] = re[x]; psiIm[x] = im[x] }
        transformVector()
        clearBlocks()
        accumulateBlocks(weight: 1)
        loaded = .pure
        try spectrumOfPureState()
    }

    /// M_j = L_j L_j† / Σ_j tr(L_j L_j†) from factors that `fill(sector, d_j, re, im)` writes (row-major
    /// d_j × d_j, zeroed before the call): the state is normalised to unit trace here.
    @inline(__always)
    public func loadFactors(_ fill: (_ sector: Int, _ d: Int, _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>) -> Void) throws(SimulatorError) {
        var total = 0.0
        for s in 0..<sectorCount {
            let d = secMult[s], lr = lRe + mOff[s], li = lIm + mOff[s]
            for i in 0..<(d * d) { lr[i] = 0; li[i] = 0 }
            fill(s, d, lr, li)
            for i in 0..<(d * d) { total += lr[i] * lr[i] + li[i] * li[i] }
        }
        let f = 1 / total.squareRoot()
        for i in 0..<mTotal { lRe[i] *= f; lIm[i] *= f }
        // M = L L†
        for s in 0..<sectorCount {
            let d = secMult[s], lr = lRe + mOff[s], li = lIm + mOff[s], mr = mRe + mOff[s], mi = mIm + mOff[s]
            for a in 0..<d {
                for c in 0...a {
                    var sr = 0.0, si = 0.0
                    for t in 0..<d {
                        let xr = lr[a * d + t], xi = li[a * d + t], yr = lr[c * d + t], yi = li[c * d + t]
                        sr += xr * yr + xi * yi
                        si += xi * yr - xr * yi
                    }
                    mr[a * d + c] = sr; mi[a * d + c] = si
                    mr[c * d + a] = sr; mi[c * d + a] = -si
                }
            }
        }
        loaded = .factored
        try spectrumFromBlocks()
    }

    /// A diagonal ρ0 = Σ_x p_x |x⟩⟨x| (populations in the computational basis, unit sum):
    /// M_j[a, c] = Σ_x p_x u_x[a] u_x[c] as one dot product per entry a ≤ c with tabulated u_x[a]u_x[c].
    public func loadDiagonal(populations p: UnsafePointer<Double>) throws(SimulatorError) {
        typealias V = SIMD2<Double>
        let g = tIm  // the populations this sector sees, gathered and zero padded
        for s in 0..<sectorCount {
            let d = secMult[s], stride = dgStride[s]
            let first = dgStart[s], count = dgStart[s + 1] - first
            for i in 0..<count { g[i] = p[dgState[first + i]] }
            for i in count..<stride { g[i] = 0 }
            var kp = dgK + dgKOff[s]
            let mr = mRe + mOff[s], mi = mIm + mOff[s]
            for a in 0..<d {
                for c in a..<d {
                    var acc0 = V(repeating: 0), acc1 = acc0
                    var i = 0
                    while i + 4 <= stride {
                        acc0 += UnsafeRawPointer(kp + i).loadUnaligned(as: V.self) * UnsafeRawPointer(g + i).loadUnaligned(as: V.self)
                        acc1 += UnsafeRawPointer(kp + i + 2).loadUnaligned(as: V.self) * UnsafeRawPointer(g + i + 2).loadUnaligned(as: V.self)
                        i += 4
                    }
                    if i < stride { acc0 += UnsafeRawPointer(kp + i).loadUnaligned(as: V.self) * UnsafeRawPointer(g + i).loadUnaligned(as: V.self) }
                    let v = acc0 + acc1
                    mr[a * d + c] = v[0] + v[1]; mr[c * d + a] = v[0] + v[1]
                    mi[a * d + c] = 0; mi[c * d + a] = 0
                    kp += stride
                }
            }
        }
        loaded = .real
        try spectrumFromBlocks()
    }

    /// M_j given as matrices (general route, used by tests and the deterministic figures).
    public func load(blocks m: [CMatrix]) throws(SimulatorError) {
        if m.count != sectorCount {
            throw .dimensionMismatch(parameter: "blocks", expected: "\(sectorCount) sectors", got: "\(m.count)")
        }
        for s in 0..<sectorCount {
            let d = secMult[s]
            if m[s].rows != d || m[s].cols != d {
                throw .dimensionMismatch(parameter: "blocks[\(s)]", expected: "\(d)x\(d)", got: "\(m[s].rows)x\(m[s].cols)")
            }
            for a in 0..<d { for c in 0..<d {
                mRe[mOff[s] + a * d + c] = m[s][a, c].real
                mIm[mOff[s] + a * d + c] = m[s][a, c].imaginary
            } }
        }
        loaded = .general
        try spectrumFromBlocks()
    }

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

    /// Copies the Hermitian d × d matrix (row-major re/im) into LAPACK's layout and diagonalises it.
    @inline(__always)
    func eigen(_ d: Int, _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, vectors: Bool) throws(SimulatorError) {
        if d == 1 { eig[0] = re[0]; zA[0] = 1; zA[1] = 0; return }
        // column-major (a, c) ← row-major (a, c)
        for c in 0..<d { for a in 0..<d { zA[2 * (a + c * d)] = re[a * d + c]; zA[2 * (a + c * d) + 1] = im[a * d + c] } }
        try LinearAlgebra.hermitianEigen(inPlace: zA, n: d, values: eig, vectors: vectors)
    }

    /// Spectrum of ρ_ss from eig(M_j).
    func spectrumFromBlocks() throws(SimulatorError) {
        entryCount = 0
        for s in 0..<sectorCount {
            let d = secMult[s]
            try eigen(d, mRe + mOff[s], mIm + mOff[s], vectors: false)
            for a in 0..<d { appendEigenvalue(eig[a], sector: s) }
        }
    }

    /// Start of C_j's column i (level lowest + i) in the coupled coordinates.
    @inline(__always)
    func columnStart(_ s: Int, _ i: Int) -> Int {
        let k = secLow[s] + i
        return lvOff[k] + secOffsetAt[s * (n + 1) + k]
    }

    /// Pure ρ0: M_j = C_j C_j† with C_j of size d_j × (2j+1); use C_j†C_j when it is smaller (same
    /// non-zero eigenvalues; the missing ones are zero and do not enter the passive energy). Where
    /// 2j+1 > d_j the eigenvectors of M_j give the d_j-column factor L_j = V √Λ the coherence needs.
    func spectrumOfPureState() throws(SimulatorError) {
        entryCount = 0
        for s in 0..<sectorCount {
            let d = secMult[s], m = secSize[s]
            if m >= d {
                try eigen(d, mRe + mOff[s], mIm + mOff[s], vectors: m > d)
                for a in 0..<d { appendEigenvalue(eig[a], sector: s) }
                if m > d {
                    let lr = lRe + mOff[s], li = lIm + mOff[s]
                    for c in 0..<d {
                        let f = max(eig[c], 0).squareRoot()
                        for a in 0..<d { lr[a * d + c] = zA[2 * (a + c * d)] * f; li[a * d + c] = zA[2 * (a + c * d) + 1] * f }
                    }
                }
            } else {
                // G[i, i'] = Σ_a conj(C[a, i]) C[a, i'], stored straight in LAPACK's layout
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
                        zA[2 * (i + i2 * m)] = sr; zA[2 * (i + i2 * m) + 1] = si
                        zA[2 * (i2 + i * m)] = sr; zA[2 * (i2 + i * m) + 1] = -si
                    }
                }
                if m == 1 { eig[0] = zA[0] } else { try LinearAlgebra.hermitianEigen(inPlace: zA, n: m, values: eig, vectors: false) }
                for a in 0..<m { appendEigenvalue(eig[a], sector: s) }
            }
        }
    }

    // MARK: observables

    /// C_l1, ergotropy and energy of the loaded ρ_ss.
    public func observe() throws(SimulatorError) -> CollectiveObservation {
        if loaded == .none { throw .invalidParameter(name: "state", value: "none loaded", allowed: "load a state first") }
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
        let c: Double
        switch loaded {
        // (measured: for Wishart factors the factored route takes ~15 % fewer instructions than T = U B)
        case .pure: c = coherenceFactored(pure: true)
        case .factored: c = coherenceFactored(pure: false)
        case .real: c = coherenceBlocks(imaginary: false)
        default: c = coherenceBlocks(imaginary: true)
        }
        return CollectiveObservation(coherence: c, ergotropy: energy - passive, energy: energy)
    }

    /// Σ_{x≠y} |⟨x|ρ_ss|y⟩| = Σ_k 2 Σ_{x<y} |(U_k B_k U_kᵀ)_{xy}|, B_k = ⊕_j τ_j(m_k) M_j: first
    /// T = U_k B_k (real and imaginary parts, U_k is real; stored transposed, rows padded like
    /// U_kᵀ's so every SIMD load stays inside its row), then the upper triangle of T U_kᵀ in
    /// register tiles of one x and eight y (SIMD2), the sum over c innermost. `imaginary: false`
    /// skips Im B (real M_j, e.g. a diagonal ρ0).
    func coherenceBlocks(imaginary: Bool) -> Double {
        typealias V = SIMD2<Double>
        @inline(__always) func load(_ p: UnsafeMutablePointer<Double>, _ i: Int) -> V {
            UnsafeRawPointer(p + i).loadUnaligned(as: V.self)
        }
        @inline(__always) func store(_ p: UnsafeMutablePointer<Double>, _ i: Int, _ v: V) {
            UnsafeMutableRawPointer(p + i).storeBytes(of: v, as: V.self)
        }
        if n < 2 { return 0 }
        var sum = V(repeating: 0)
        for k in 1..<n {
            let nk = lvSize[k], ld = nk + 8
            let ut = utPad + padOff[k]
            // Tᵀ row c = Σ_a τ B[a, c] · (U_kᵀ row a), eight x at a time in registers (rows padded to
            // stride ld, so the last chunk stays inside its row); every row c is written whole
            for slot in slotStart[k]..<slotStart[k + 1] {
                let s = slotSector[slot], o = slotOffset[slot]
                let d = secMult[s]
                let t = slotTau[slot]
                let mr = mRe + mOff[s], mi = mIm + mOff[s]
                for c in 0..<d {
                    let tr = tRe + (o + c) * ld, ti = tIm + (o + c) * ld
                    var x = 0
                    while x < nk {
                        var r0 = V(repeating: 0), r1 = r0, r2 = r0, r3 = r0
                        if imaginary {
                            var i0 = r0, i1 = r0, i2 = r0, i3 = r0
                            for a in 0..<d {
                                let urow = ut + (o + a) * ld + x
                                let u0 = load(urow, 0), u1 = load(urow, 2), u2 = load(urow, 4), u3 = load(urow, 6)
                                let br = V(repeating: mr[a * d + c]), bi = V(repeating: mi[a * d + c])
                                r0 += br * u0; r1 += br * u1; r2 += br * u2; r3 += br * u3
                                i0 += bi * u0; i1 += bi * u1; i2 += bi * u2; i3 += bi * u3
                            }
                            let tv = V(repeating: t)
                            store(ti, x, i0 * tv); store(ti, x + 2, i1 * tv); store(ti, x + 4, i2 * tv); store(ti, x + 6, i3 * tv)
                        } else {
                            for a in 0..<d {
                                let urow = ut + (o + a) * ld + x
                                let br = V(repeating: mr[a * d + c])
                                r0 += br * load(urow, 0); r1 += br * load(urow, 2); r2 += br * load(urow, 4); r3 += br * load(urow, 6)
                            }
                        }
                        let tv = V(repeating: t)
                        store(tr, x, r0 * tv); store(tr, x + 2, r1 * tv); store(tr, x + 4, r2 * tv); store(tr, x + 6, r3 * tv)
                        x += 8
                    }
                }
            }
            if imaginary {
                for x in 0..<(nk - 1) {
                    var y0 = x + 1
                    while y0 < nk {
                        var ra = V(repeating: 0), rb = ra, rc = ra, rd = ra
                        var ia = ra, ib = ra, ic = ra, id = ra
                        for c in 0..<nk {
                            let row = ut + c * ld + y0
                            let xr = V(repeating: tRe[c * ld + x]), xi = V(repeating: tIm[c * ld + x])
                            let u0 = load(row, 0), u1 = load(row, 2), u2 = load(row, 4), u3 = load(row, 6)
                            ra += xr * u0; rb += xr * u1; rc += xr * u2; rd += xr * u3
                            ia += xi * u0; ib += xi * u1; ic += xi * u2; id += xi * u3
                        }
                        // entries with y ≥ nk are zero (padding) and add nothing
                        sum += (ra * ra + ia * ia).squareRoot() + (rb * rb + ib * ib).squareRoot()
                        sum += (rc * rc + ic * ic).squareRoot() + (rd * rd + id * id).squareRoot()
                        y0 += 8
                    }
                }
            } else {
                // tiles of two rows x, x + 1 and eight y ≥ x + 1 (row x + 1's entry y = x + 1 is its
                // diagonal: masked)
                var x = 0
                while x < nk - 1 {
                    var y0 = x + 1
                    while y0 < nk {
                        var ra = V(repeating: 0), rb = ra, rc = ra, rd = ra
                        var sa = ra, sb = ra, sc = ra, sd = ra
                        for c in 0..<nk {
                            let row = ut + c * ld + y0
                            let t = load(tRe + c * ld, x)
                            let t0 = V(repeating: t[0]), t1 = V(repeating: t[1])
                            let u0 = load(row, 0), u1 = load(row, 2), u2 = load(row, 4), u3 = load(row, 6)
                            ra += t0 * u0; rb += t0 * u1; rc += t0 * u2; rd += t0 * u3
                            sa += t1 * u0; sb += t1 * u1; sc += t1 * u2; sd += t1 * u3
                        }
                        var ma = pointwiseMax(sa, -sa)
                        if y0 == x + 1 { ma[0] = 0 }
                        sum += pointwiseMax(ra, -ra) + pointwiseMax(rb, -rb) + pointwiseMax(rc, -rc) + pointwiseMax(rd, -rd)
                        sum += ma + pointwiseMax(sb, -sb) + pointwiseMax(sc, -sc) + pointwiseMax(sd, -sd)
                        y0 += 8
                    }
                    x += 2
                }
            }
        }
        return 2 * (sum[0] + sum[1])
    }

    /// ρ_k = W W† with W = U_k (⊕_j √τ_j(m_k) L_j): for a pure ρ0, L_j = C_j (d_j × (2j+1)) when
    /// 2j+1 ≤ d_j, else V√Λ of M_j; for loaded factors, L_j itself. Rank Σ_j min(d_j, 2j+1) or Σ_j d_j.
    func coherenceFactored(pure: Bool) -> Double {
        if n < 2 { return 0 }
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
                let useC = pure && size <= d
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
