// The memory guard of the exact routes, estimated for the route that actually runs and checked
// where that route's size becomes known:
//  • the sparse columns of L (all d² of them, for the block routes), before they are built;
//  • the invariant-subspace route (steady states) on its k = dim W coordinates, once it applies;
//  • per invariant block of size n with z non-zero entries, the modular/interpolated route: the
//    dense exact block, its images mod p and their echelon forms; then, once the pivot pattern is
//    known, the samples (and the result reconstructed from them) at every point (past the limit
//    the interpolation gives up instead, and elimination is considered);
//  • elimination (n² entries with fill-in) exactly when, and only when, a block falls back to it.
// Byte constants: a non-zero exact entry (two FLINT rational functions, a dictionary or array slot)
// ≈ 320 bytes for the small entries of a generator; a zero slot of a dense exact matrix is 32
// bytes (four references to shared zero boxes); a residue 8 bytes.
// Measured 26 Nov 2026 (release CLI, peak RSS by `/usr/bin/time -f %M`; the estimate is the
// largest checked value, found by lowering --memory-limit-gb until refused; a trivial run,
// `derive generator mayo.single y=1/2 eps=1`, peaks at 25.6 MB of runtime and libraries):
//   derive …                                          estimate  peak     peak − 25.6 MB  ratio
//   kernel mayo.collective N=5                        16.5 MB   28.8 MB   3.2 MB          5.2
//   kernel mayo.collective N=6                        17.7 MB   40.2 MB  14.6 MB          1.2
//   kernel cakmak.collective N=4                      18.0 MB   29.5 MB   3.9 MB          4.6
//   kernel cakmak.collective N=5                      30.9 MB   47.4 MB  21.8 MB          1.4
//   kernel cakmak.collective N=3 f=f (elimination)    33.1 MB   29.3 MB   3.7 MB          9
//   steady-state cakmak.collective N=4 initial=basis:1 (full route)
//                                                     18.0 MB   30.0 MB   4.4 MB          4.1
//   steady-state cakmak.collective N=6 initial=ground 24.0 MB   35.8 MB  10.2 MB          2.4
//   steady-state cakmak.collective N=7 initial=ground 48.5 MB   64.1 MB  38.5 MB          1.26
// So the estimate bounds the memory the derivation adds (ratio 1.2–9) but not the process's
// runtime baseline; the fixed 16 MB dominates small cases. `kernel cakmak.collective N=4 f=f`
// (two symbols, elimination of a 70×70 block) is estimated at 2.4 GB and refused by the default
// 2 GB: unguarded it had reached 247 MB after 9.5 CPU minutes and was still growing.
import BigNumerics
import Operators

/// The limit and the parameter a refusal names.
struct MemoryGuard: Sendable {
    let limit: Double
    /// log2 of the Hilbert-space dimension (N for N qubits).
    let qubits: Int

    static let unlimited = MemoryGuard(limit: .infinity, qubits: 0)

    static let exactEntryBytes = 320.0
    static let zeroSlotBytes = 32.0
    static let residueBytes = 8.0

    init(limit: Double, qubits: Int) {
        self.limit = limit
        self.qubits = qubits
    }

    init(limit: Double, dimension d: Int) {
        self.init(limit: limit, qubits: max(1, d.trailingZeroBitCount))
    }

    var isUnlimited: Bool { limit == .infinity }

    /// Beyond the route's own data: FLINT's contexts, allocator arenas and transient columns (a
    /// small derivation adds 3 MB to a trivial run) and the model's operators (10 MB for
    /// mayo.collective N = 6, measured with `derive rates`).
    static let workingSetBytes = 16e6

    func check(_ what: String, bytes: Double) throws(DerivationError) {
        let bytes = bytes + Self.workingSetBytes
        if bytes > limit { throw .tooLarge(parameter: "N = \(qubits) (\(what))", bytesNeeded: bytes, limitBytes: limit) }
    }

    /// All d² sparse columns of L, counted one column at a time (nothing is kept).
    static func sparseColumns(of l: SparseLindbladian<ExactScalar>) -> Double {
        let d = l.dimension
        var entries = 0
        for k in 0..<(d * d) { entries += l.column(k % d, k / d).count }
        return Double(entries) * exactEntryBytes + Double(d) * Double(d) * 64
    }

    /// The dense exact block, two complex images mod p with their echelon forms and residues.
    static func interpolationImages(size n: Int, nonzeros z: Int) -> Double {
        let n2 = Double(n) * Double(n)
        return n2 * zeroSlotBytes + Double(z) * exactEntryBytes + 2 * 3 * n2 * residueBytes
    }

    /// The samples of `needed` echelon entries at `points` points (real and imaginary parts, kept
    /// per prime) and the result reconstructed from them (at most one rational coefficient per point
    /// and part, ≈ 4 words each).
    static func interpolationSamples(needed: Int, points: Int) -> Double {
        Double(needed) * Double(points) * (2 * residueBytes + 2 * 32)
    }

    /// Gauss–Jordan over Q(i)(x₁ … x_v) on an n×n block whose entries have total degree ≤ δ: an
    /// entry of the echelon form is a ratio of minors of degree ≤ nδ, so up to (nδ + 1)^v terms in
    /// each of the four polynomials (numerator and denominator of both parts), ≈ 24 bytes a term;
    /// at least one exact entry. Fill-in with two free symbols is what makes elimination expensive.
    static func elimination(_ m: Matrix<ExactScalar>) -> Double {
        var symbols = Set<String>()
        var degree = 0
        for x in m.storage where !x.isZero {
            symbols.formUnion(x.variables)
            degree = max(degree, x.real.numerator.totalDegree, x.real.denominator.totalDegree,
                         x.imaginary.numerator.totalDegree, x.imaginary.denominator.totalDegree)
        }
        let n = Double(max(m.rows, m.cols))
        var terms = 1.0
        for _ in symbols { terms *= n * Double(degree) + 1 }
        return n * n * max(exactEntryBytes, 4 * 24 * terms)
    }

    /// The invariant-subspace route for N qubits: the basis (one slot per index of vec ρ), the
    /// restricted columns (k² at most), the images L(E) of the largest basis element E (|E| columns
    /// of ≤ 2N + 2 entries) and the d×d result, whose entries are rational functions of degree
    /// ≲ 2N (four polynomials of ≤ 2N + 1 terms, ≈ 24 bytes a term).
    static func subspace(dimension d: Int, coordinates k: Int, largestElement e: Int) -> Double {
        let d2 = Double(d) * Double(d)
        let n = Double(max(1, d.trailingZeroBitCount))
        let resultEntry = max(exactEntryBytes, 4 * 24 * (2 * n + 1))
        return d2 * 48 + Double(k) * Double(k) * exactEntryBytes + Double(e) * (2 * n + 2) * exactEntryBytes
            + d2 * (zeroSlotBytes + resultEntry)
    }
}
