// The printed results derived from the models themselves (operators → exact generator →
// kernel / steady state / rates) and compared EXACTLY with the printed forms over Q(y, c, ε).
import Testing
import RealModule
import BigNumerics
import Operators
@testable import Derivations

let y = ExactScalar.symbol("y")
let eps = ExactScalar.symbol("eps")
let one: ExactScalar = 1

func power(_ x: ExactScalar, _ k: Int) -> ExactScalar { (0..<k).reduce(one) { acc, _ in acc * x } }

/// Çakmak Eq. (14): ρ_ss from the all-ground state is block diagonal, D_k = d_k U_k with
/// d_k = (1 − r) r^k / ((1 − r^{N+1}) p_k), r = n̄/(n̄ + 1) = y.
func printedEq14(n: Int, shift: Int = 0) -> Matrix<ExactScalar> {
    let d = 1 << n
    return Matrix(rows: d, cols: d) { i, j in
        let k = i.nonzeroBitCount
        guard k == j.nonzeroBitCount else { return .zero }
        let pk = ExactScalar.integer(ModelCatalogue.binomial(n, k))
        let numerator: ExactScalar = (one - y) * power(y, k + shift)
        let denominator: ExactScalar = (one - power(y, n + 1)) * pk
        return numerator / denominator
    }
}

@Suite struct CakmakFromTheLindbladianTests {
    @Test(arguments: [1, 2, 3]) func eq13to14FromTheGroundState(n: Int) throws {
        let m = try ModelCatalogue.build("cakmak.collective", ["N": "\(n)"])
        let rho0 = try InitialState.parse("ground", dimension: m.dimension)
        let rho = try ExactLinearAlgebra.steadyState(of: m.generator, initial: rho0)
        #expect(ExactLinearAlgebra.isStationary(rho, under: m.generator))
        #expect(rho == printedEq14(n: n))
        // an off-by-one in the exponent is seen
        #expect(rho != printedEq14(n: n, shift: 1))
    }

    /// Eq. (15): C_l1 of the derived steady state (all its coherences are positive for 0 < y < 1,
    /// so |ρ_ij| = ρ_ij) against (r − 1)(r + 1)^N/(r^{N+1} − 1) − 1, r = y.
    @Test(arguments: [1, 2, 3]) func eq15FromTheGroundState(n: Int) throws {
        let m = try ModelCatalogue.build("cakmak.collective", ["N": "\(n)"])
        let rho = try ExactLinearAlgebra.steadyState(of: m.generator, initial: InitialState.parse("ground", dimension: m.dimension))
        var c = ExactScalar.zero
        for j in 0..<m.dimension { for i in 0..<m.dimension where i != j && !rho[i, j].isZero {
            #expect(try rho[i, j].evaluated(["y": BigRational(1) / BigRational(3)]).real > 0)
            c = c + rho[i, j]
        } }
        let printed: ExactScalar = (y - one) * power(one + y, n) / (power(y, n + 1) - one) - one
        #expect(c == printed)
    }

    /// Eq. (7), symbolic c and y: ρ0 = (1 − c)|ψ−⟩⟨ψ−| + c|00⟩⟨00| (so c is Eq. 7's c) relaxes to
    /// (1 − c)|ψ−⟩⟨ψ−| + c Z+⁻¹(y²|11⟩⟨11| + y|ψ+⟩⟨ψ+| + |00⟩⟨00|), Z+ = 1 + y + y².
    @Test func eq7WithSymbolicC() throws {
        let c = ExactScalar.symbol("c")
        let half = one / ExactScalar.integer(2)
        let m = try ModelCatalogue.build("cakmak.collective", ["N": "2", "f": "f"])
        func psi(_ sign: ExactScalar) -> Matrix<ExactScalar> {  // |ψ±⟩⟨ψ±| on |01⟩ = 1, |10⟩ = 2
            var p = Matrix<ExactScalar>(rows: 4, cols: 4)
            p[1, 1] = half; p[2, 2] = half; p[1, 2] = sign * half; p[2, 1] = sign * half
            return p
        }
        var rho0 = psi(-1).scaled(one - c); rho0[0, 0] = c
        let rho = try ExactLinearAlgebra.steadyState(of: m.generator, initial: rho0)
        let zPlus = one + y + y * y
        var printed = psi(1).scaled(c * y / zPlus)
        printed[0, 0] = c / zPlus
        printed[3, 3] = c * y * y / zPlus
        printed = try printed + psi(-1).scaled(one - c)
        #expect(rho == printed)
        #expect(ExactLinearAlgebra.isStationary(psi(-1), under: m.generator))  // L(|ψ−⟩⟨ψ−|) = 0
    }

    /// The dimension of the steady-state space. For Çakmak's collective model it is Σ_j m_j²
    /// (m_j the multiplicity of total spin j: 1, 2, 5 = Catalan numbers), which is 2^{N−1} only
    /// up to N = 2. Mayo's pairing interaction has 2^{N−1} (see below).
    @Test(arguments: [(1, 1), (2, 2), (3, 5)]) func kernelDimension(n: Int, expected: Int) throws {
        let m = try ModelCatalogue.build("cakmak.collective", ["N": "\(n)"])
        let k = ExactLinearAlgebra.kernel(of: m.generator)
        #expect(k.kernelDimension == expected)
        for v in k.kernelMatrices { #expect(ExactLinearAlgebra.isStationary(v, under: m.generator)) }
    }
}

@Suite struct MayoFromTheCollisionTests {
    /// Eq. (10): 1/τ_k = 2cosh(βE_k)N²ε²/Z1^N = N²ε²(y^k + y^{N−k})/(1 + y)^N, E_k ↔ E_{N−k},
    /// derived as the eigenvalues of the Born generator's population block; the kernel (the
    /// conserved pair weights) has dimension 2^{N−1}.
    @Test(arguments: [2, 3, 4, 5, 6]) func eq10RatesAndDegeneracy(n: Int) throws {
        let m = try ModelCatalogue.build("mayo.collective", ["N": "\(n)"])
        let s = try ExactEigenvalues.populationRates(of: m.generator)
        #expect(s.otherFactors.isEmpty)
        var expected: [RF: Int] = [RF.zero: 1 << (n - 1)]
        let nn = ExactScalar.integer(n * n)
        for k in 0...(n / 2) {
            let rate = nn * eps * eps * (power(y, k) + power(y, n - k)) / power(one + y, n)
            let pairs = 2 * k == n ? ModelCatalogue.binomial(n, k) / 2 : ModelCatalogue.binomial(n, k)
            expected[(-rate).real, default: 0] += pairs
        }
        let derived = Dictionary(s.eigenvalues.map { ($0.value, $0.multiplicity) }, uniquingKeysWith: +)
        #expect(derived == expected)
    }

    /// Eqs. (7) and (9) at N = 2: τ_∥ = 1/ε², τ_# = 1/[2ε²(1 + tanh²(βω/2))], Γ = τ_∥/τ_#;
    /// tanh(βω/2) = (1 − y)/(1 + y).
    @Test func eq7And9() throws {
        let par = try ExactEigenvalues.populationRates(of: ModelCatalogue.build("mayo.parallel", ["N": "2"]).generator)
        let col = try ExactEigenvalues.populationRates(of: ModelCatalogue.build("mayo.collective", ["N": "2"]).generator)
        let t = (one - y) / (one + y)
        let rateParallel = eps * eps
        let rateCollective = ExactScalar.integer(2) * eps * eps * (one + t * t)
        // the slowest non-zero population rate of each process sets its charging time
        func slowest(_ s: RationalSpectrum) -> RF? {
            s.eigenvalues.map(\.value).filter { !$0.isZero }.max()   // rates are −λ: the largest λ
        }
        #expect(slowest(par) == (-rateParallel).real)
        #expect(col.eigenvalues.contains { $0.value == (-rateCollective).real })
        let gamma = rateCollective / rateParallel
        #expect(gamma == ExactScalar.integer(2) * (one + t * t))
        let printed: ExactScalar = ExactScalar.integer(4) * (one + y * y) / ((one + y) * (one + y))
        #expect(gamma == printed)
    }
}
