// The random initial-state ensembles of Çakmak's Fig. 3 study, drawn straight into what the
// collective steady state needs from them (Simulator/Collective: ρ_ss = ⊕_j M_j ⊗ τ_j depends on
// ρ0 only through the d_j × d_j matrices M_j = tr_spin ρ0_{jj}).
//
// Hilbert–Schmidt: ρ0 = G G†/tr(G G†), G complex Ginibre 2^N × 2^N. In the coupled basis (a real
// orthogonal change, under which G keeps its law) M_j = H_j H_j† with H_j the d_j × 2^N(2j+1) rows of
// G in sector j: an unnormalised complex Wishart matrix W_{d_j}(n_j = 2^N(2j+1)), independent across
// sectors, and tr(G G†) = Σ_j tr M_j. Bartlett's decomposition draws it as M_j = L_j L_j†, L_j lower
// triangular with |L_ii|² = 2·Gamma(n_j − i) (i = 0…d_j−1) and complex Gaussian entries below the
// diagonal (the same N(0,1) + i N(0,1) as G's entries): Σ_j d_j(d_j + 1)/2 draws per sample instead
// of 4^N, and the factor L_j is exactly what the coherence kernel needs.
import Foundation
import Simulator

public typealias Observation = CollectiveObservation

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

/// Draws samples of every ensemble for one N and evaluates their steady states. One per worker
/// (owns the kernel's scratch memory); no allocation per sample.
public final class RandomStateSampler {
    public let kernel: CollectiveSteadyStateKernel
    public var qubits: Int { kernel.qubits }
    let dim: Int
    let re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>
    /// Wishart degrees of freedom n_j = 2^N (2j+1) per sector.
    let degrees: [Int]

    public init(map: CollectiveSteadyStateMap) {
        kernel = CollectiveSteadyStateKernel(map: map)
        dim = 1 << map.qubits
        re = .allocate(capacity: dim)
        im = .allocate(capacity: dim)
        degrees = map.basis.sectors.map { (1 << map.qubits) * $0.size }
    }

    public convenience init(qubits n: Int, beta: Double, omega: Double = 1) throws(ReproductionError) {
        do { self.init(map: try CollectiveSteadyStateMap(qubits: n, beta: beta, omega: omega)) } catch { throw .simulator(error) }
    }

    deinit { re.deallocate(); im.deallocate() }

    /// Sample `index` of the ensemble's stream for `seed`: its steady-state observables.
    public func sample(ensemble: RandomEnsemble, seed: UInt64, index: Int) throws(ReproductionError) -> Observation {
        var rng = SplitMix64(seed: StreamSeed.seed(seed, ensemble: ensemble, qubits: qubits, index: index))
        do {
            switch ensemble {
            case .haar: try loadHaar(&rng)
            case .hilbertSchmidt: try loadHilbertSchmidt(&rng)
            case .diagonal: try loadDiagonal(&rng)
            }
            return try kernel.observe()
        } catch {
            throw .simulator(error)
        }
    }

    func loadHaar(_ rng: inout SplitMix64) throws(SimulatorError) {
        drawHaar(&rng, re, im, dim)
        try kernel.loadPureState(real: re, imaginary: im)
    }

    func loadHilbertSchmidt(_ rng: inout SplitMix64) throws(SimulatorError) {
        try kernel.loadFactors { s, d, lr, li in
            drawBartlett(&rng, degrees: degrees[s], d, lr, li)
        }
    }

    func loadDiagonal(_ rng: inout SplitMix64) throws(SimulatorError) {
        drawDirichlet(&rng, re, dim)
        try kernel.loadDiagonal(populations: re)
    }
}

/// ψ ~ complex Gaussian, normalised (pairs of polar-method normals, real then imaginary part).
@inline(__always)
func drawHaar(_ rng: inout SplitMix64, _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, _ dim: Int) {
    var i = 0
    while i < dim {
        let (g1, g2) = gaussianPair(&rng)
        let (g3, g4) = gaussianPair(&rng)
        re[i] = g1; im[i] = g2
        if i + 1 < dim { re[i + 1] = g3; im[i + 1] = g4 }
        i += 2
    }
    var norm = 0.0
    for x in 0..<dim { norm += re[x] * re[x] + im[x] * im[x] }
    let inv = 1 / norm.squareRoot()
    for x in 0..<dim { re[x] *= inv; im[x] *= inv }
}

/// Flat Dirichlet populations: normalised standard exponentials.
@inline(__always)
func drawDirichlet(_ rng: inout SplitMix64, _ p: UnsafeMutablePointer<Double>, _ dim: Int) {
    var total = 0.0
    for x in 0..<dim {
        let e = -Foundation.log(1 - rng.nextUniform())
        p[x] = e
        total += e
    }
    for x in 0..<dim { p[x] /= total }
}

/// Bartlett factor of an unnormalised complex Wishart W_d(n) with entries N(0,1) + i N(0,1): row by
/// row, the diagonal √(2·Gamma(n − i)) then the complex Gaussians left of it (row-major d × d).
@inline(__always)
func drawBartlett(_ rng: inout SplitMix64, degrees n: Int, _ d: Int, _ lr: UnsafeMutablePointer<Double>, _ li: UnsafeMutablePointer<Double>) {
    for i in 0..<d {
        lr[i * d + i] = (2 * gammaVariate(&rng, shape: Double(n - i))).squareRoot()
        for a in 0..<i {
            let (g1, g2) = gaussianPair(&rng)
            lr[i * d + a] = g1; li[i * d + a] = g2
        }
    }
}

/// Gamma(shape, 1) for shape ≥ 1 by Marsaglia and Tsang's squeeze (ACM TOMS 26, 2000): one normal
/// and one uniform per try, acceptance > 95 %.
@inline(__always)
func gammaVariate(_ rng: inout SplitMix64, shape: Double) -> Double {
    let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
    while true {
        let (x, _) = gaussianPair(&rng)
        let t = 1 + c * x
        if t <= 0 { continue }
        let v = t * t * t
        let u = rng.nextUniform()
        if u < 1 - 0.0331 * (x * x) * (x * x) { return d * v }
        if Foundation.log(u) < 0.5 * x * x + d * (1 - v + Foundation.log(v)) { return d * v }
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
