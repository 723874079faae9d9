// The fast exact routes (modular images + interpolation checked exactly; the restriction to the
// symmetric subspace) against the plain elimination route: identical canonical forms, and a wrong
// reconstruction is caught by the exact substitution back.
import Testing
import BigNumerics
import Operators
@testable import Derivations

/// Catalan numbers: the steady-state dimension of the collective model (Σ_j (multiplicity of j)²).
func catalan(_ n: Int) -> Int { ModelCatalogue.binomial(2 * n, n) / (n + 1) }

@Suite struct FastKernelTests {
    @Test(arguments: [1, 2, 3]) func interpolatedKernelEqualsElimination(n: Int) throws {
        let m = try ModelCatalogue.build("cakmak.collective", ["N": "\(n)"])
        let fast = ExactLinearAlgebra.kernel(of: m.generator)
        let plain = ExactLinearAlgebra.kernel(of: m.generator, method: .elimination)
        #expect(fast.blocks == plain.blocks)
        #expect(fast.kernel == plain.kernel)
        #expect(fast.kernelDimension == catalan(n))
        #expect(!plain.routes.contains { if case .interpolated = $0 { return true } else { return false } })
        // the reconstruction route really ran (every block with a kernel), and nothing fell back
        #expect(!fast.routes.contains(.eliminated))
        #expect(fast.routes.contains { if case .interpolated = $0 { return true } else { return false } })
        for v in fast.kernelMatrices { #expect(ExactLinearAlgebra.isStationary(v, under: m.generator)) }
    }

    /// y given as a number: the blocks are over Q(i) only (degree-0 reconstruction), same answer.
    @Test func numericYGivesTheSameKernelAsElimination() throws {
        let m = try ModelCatalogue.build("cakmak.collective", ["N": "3", "y": "2/7"])
        let fast = ExactLinearAlgebra.kernel(of: m.generator)
        #expect(fast.kernel == ExactLinearAlgebra.kernel(of: m.generator, method: .elimination).kernel)
        #expect(fast.routes.contains { if case .interpolated = $0 { return true } else { return false } })
    }

    /// Other models with one free symbol: the same canonical kernel as elimination.
    @Test(arguments: [("mayo.collective", ["N": "3", "eps": "1/10"]), ("mayo.parallel", ["N": "2", "eps": "1/10"]),
                      ("cakmak.individual", ["N": "3"]), ("cakmak.collective", ["N": "3", "f": "1/2"])])
    func otherModelsAgreeWithElimination(name: String, arguments: [String: String]) throws {
        let m = try ModelCatalogue.build(name, arguments)
        let fast = ExactLinearAlgebra.kernel(of: m.generator)
        #expect(fast.kernel == ExactLinearAlgebra.kernel(of: m.generator, method: .elimination).kernel)
        #expect(!fast.routes.contains(.eliminated))
        if name == "mayo.collective" { #expect(fast.kernelDimension == 4) }  // 2^{N−1}
    }

    /// Two free symbols (y and f): interpolation does not apply, elimination answers.
    @Test func twoSymbolsFallBackToElimination() throws {
        let m = try ModelCatalogue.build("cakmak.collective", ["N": "2", "f": "f"])
        let fast = ExactLinearAlgebra.kernel(of: m.generator)
        #expect(fast.routes.contains(.eliminated))
        #expect(fast.kernel == ExactLinearAlgebra.kernel(of: m.generator, method: .elimination).kernel)
    }

    /// The largest block of N = 3 (charge 0, 20 × 20, complex for the coherence blocks) with a
    /// tampered reconstruction: one coefficient perturbed by 1/10⁶, or one entry scaled by
    /// (1 + y/10⁶). The exact check refuses both; untampered, it accepts the canonical basis.
    @Test func aWrongReconstructionIsCaughtByTheExactCheck() throws {
        let m = try ModelCatalogue.build("cakmak.collective", ["N": "3"])
        let (blocks, columns) = m.generator.invariantBlocks()
        var checked = 0
        for b in blocks {
            let block = ExactLinearAlgebra.block(columns, b)
            let reference = block.nullSpace()
            if reference.isEmpty { continue }
            let good = try #require(InterpolatedKernel.nullSpace(of: block))
            #expect(good.basis == reference)
            // pick the entry to perturb: a non-zero, non-unit entry (a reconstructed R[r, f])
            guard let (vi, ei) = reference.enumerated().lazy.compactMap({ (k, v) -> (Int, Int)? in
                v.firstIndex { !$0.isZero && $0 != 1 }.map { (k, $0) } }).first else { continue }
            let small = ExactScalar(rational: BigRational(1) / BigRational(1_000_000))
            #expect(InterpolatedKernel.nullSpace(of: block, tamper: { $0[vi][ei] = $0[vi][ei] + small }) == nil)
            #expect(InterpolatedKernel.nullSpace(of: block, tamper: { $0[vi][ei] = $0[vi][ei] * (1 + y * small) }) == nil)
            // the two halves of the check, separately
            var wrong = reference
            wrong[vi][ei] = wrong[vi][ei] + small
            #expect(!InterpolatedKernel.annihilates(block, wrong))
            #expect(InterpolatedKernel.annihilates(block, reference))
            checked += 1
        }
        #expect(checked >= 1)
    }

    /// A basis of the kernel that is not the canonical one (a sum of two basis vectors) passes
    /// M·v = 0 but not the echelon shape, so it is never returned as the canonical basis.
    @Test func aNonCanonicalBasisFailsTheShapeCheck() throws {
        let m = try ModelCatalogue.build("cakmak.collective", ["N": "2"])
        let (blocks, columns) = m.generator.invariantBlocks()
        let b = try #require(blocks.first { ExactLinearAlgebra.block(columns, $0).nullSpace().count >= 2 })
        let block = ExactLinearAlgebra.block(columns, b)
        let e = block.rowReduced()
        var basis = block.nullSpace()
        #expect(InterpolatedKernel.echelonShaped(basis, pivots: e.pivots, cols: block.cols))
        basis[0] = zip(basis[0], basis[1]).map { $0 + $1 }
        #expect(InterpolatedKernel.annihilates(block, basis))
        #expect(!InterpolatedKernel.echelonShaped(basis, pivots: e.pivots, cols: block.cols))
    }
}

@Suite struct SymmetricSubspaceTests {
    /// Ground, excited, a symmetric pure state and a non-symmetric one (which takes the full route):
    /// every steady state is identical to the elimination route's.
    @Test(arguments: [2, 3]) func restrictedSteadyStateEqualsFullRoute(n: Int) throws {
        let m = try ModelCatalogue.build("cakmak.collective", ["N": "\(n)"])
        let d = m.dimension
        // (|0…0⟩ + |1…1⟩)/√2 is not exact; take amplitudes 3/5 and 4/5 (Σa² = 1).
        var amplitudes = [String](repeating: "0", count: d)
        amplitudes[0] = "3/5"; amplitudes[d - 1] = "4/5"
        for text in ["ground", "excited", "pure:" + amplitudes.joined(separator: ","), "basis:1"] {
            let rho0 = try InitialState.parse(text, dimension: d)
            let fast = try ExactLinearAlgebra.steadyState(of: m.generator, initial: rho0)
            let plain = try ExactLinearAlgebra.steadyState(of: m.generator, initial: rho0, method: .elimination)
            #expect(fast == plain, "initial \(text)")
            #expect(ExactLinearAlgebra.isStationary(fast, under: m.generator))
        }
    }

    /// The restriction is used only when it is proved: ρ0 = |001⟩⟨001| is not in B(S) (but it is
    /// not permutation invariant either); the thermal-like mixture diag(weights) is not in B(S) but
    /// is permutation invariant; the local dissipators of cakmak.individual leave B(S).
    @Test func restrictionIsRefusedUnlessProved() throws {
        let collective = try ModelCatalogue.build("cakmak.collective", ["N": "3"])
        let ground = try InitialState.parse("ground", dimension: 8)
        let s = InvariantSubspace.symmetric(qubits: 3), w = InvariantSubspace.permutationInvariant(qubits: 3)
        #expect(s.count == 16 && w.count == 20)  // (N+1)², C(N+3, 3)
        #expect(InvariantSubspace.restrict(collective.generator, to: s, initial: ground) != nil)
        let basis1 = try InitialState.parse("basis:1", dimension: 8)
        #expect(InvariantSubspace.restrict(collective.generator, to: s, initial: basis1) == nil)
        #expect(InvariantSubspace.restrict(collective.generator, to: w, initial: basis1) == nil)
        let mixture = try InitialState.parse("diag:1/2,1/12,1/12,1/12,1/12,1/12,1/12,0", dimension: 8)
        #expect(InvariantSubspace.restrict(collective.generator, to: s, initial: mixture) == nil)
        #expect(InvariantSubspace.restrict(collective.generator, to: w, initial: mixture) != nil)
        let fastMixture = try #require(try InvariantSubspace.steadyState(of: collective.generator, initial: mixture))
        #expect(fastMixture == (try ExactLinearAlgebra.steadyState(of: collective.generator, initial: mixture, method: .elimination)))
        let individual = try ModelCatalogue.build("cakmak.individual", ["N": "3"])
        #expect(InvariantSubspace.restrict(individual.generator, to: s, initial: ground) == nil)
        let fast = try ExactLinearAlgebra.steadyState(of: individual.generator, initial: ground)
        #expect(fast == (try ExactLinearAlgebra.steadyState(of: individual.generator, initial: ground, method: .elimination)))
    }

    /// N = 4, 5 from the ground state through the (N+1)² restriction: Eq. (14) exactly, stationary.
    @Test(arguments: [4, 5]) func reducedGroundStateMatchesEq14(n: Int) throws {
        let m = try ModelCatalogue.build("cakmak.collective", ["N": "\(n)"])
        let rho0 = try InitialState.parse("ground", dimension: m.dimension)
        let rho = try #require(try InvariantSubspace.steadyState(of: m.generator, initial: rho0))
        #expect(rho == printedEq14(n: n))
        #expect(rho != printedEq14(n: n, shift: 1))
        #expect(ExactLinearAlgebra.isStationary(rho, under: m.generator))
    }
}

@Suite struct ModularToolkitTests {
    let f = PrimeField(p: PrimeField.primes(1)[0])

    @Test func primesAreOneModFourWithASquareRootOfMinusOne() {
        for p in PrimeField.primes(3) {
            #expect(p % 4 == 1 && ModularMatrix.isPrime(p) && p < 1 << 62)
            let g = PrimeField(p: p)
            let s = g.sqrtMinusOne
            #expect(g.mul(s, s) == p - 1)
        }
    }

    /// (3y² − 1/2)/(y³ + 7y − 5) from 12 values: found; from 5 values (too few): refused.
    @Test func rationalFunctionFromValues() {
        let num: [UInt] = [f.neg(f.inverse(2)), 0, 3], den: [UInt] = [f.neg(5), 7, 0, 1]
        let xs: [UInt] = (0..<14).map { UInt(11 + 17 * $0) }
        let vs = xs.map { f.mul(f.evaluate(num, at: $0), f.inverse(f.evaluate(den, at: $0))) }
        let r = f.reconstructRationalFunction(points: xs[0..<12], values: vs[0..<12], vanishing: f.vanishing(xs[0..<12]),
                                              table: f.newtonTable(xs[0..<12]), checkPoints: xs[12...], checkValues: vs[12...])
        #expect(r?.num == num && r?.den == den)
        let few = f.reconstructRationalFunction(points: xs[0..<5], values: vs[0..<5], vanishing: f.vanishing(xs[0..<5]),
                                                table: f.newtonTable(xs[0..<5]), checkPoints: xs[12...], checkValues: vs[12...])
        #expect(few == nil)
    }

    /// a·b mod p against GMP's product and remainder, at the extremes of the range and at
    /// pseudo-random residues of every prime used; batch inversion against the definition.
    @Test func multiplicationAgreesWithBigIntegers() throws {
        for p in PrimeField.primes(4) {
            let g = PrimeField(p: p)
            var values: [UInt] = [0, 1, 2, p - 1, p - 2, p / 2, p / 2 + 1, (p - 1) / 3]
            var state: UInt = 0x2545_F491_4F6C_DD1D
            for _ in 0..<2_000 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                values.append((state >> 1) % p)
            }
            var bad = 0
            for (i, a) in values.enumerated() {
                let b = values[(i * 7 + 3) % values.count]
                let exact = try (BigInt(a) * BigInt(b)).quotientAndRemainder(dividingBy: BigInt(p)).remainder
                if BigInt(g.mul(a, b)) != exact { bad += 1 }
            }
            #expect(bad == 0, "prime \(p)")
            let xs: [UInt] = [3, p - 1, 12345]
            #expect(g.inverses(xs).enumerated().allSatisfy { k, x in g.mul(x, xs[k]) == 1 })
            var cache: [UInt: UInt] = [:]
            let q = try BigRational(BigInt(-7), BigInt(3))
            #expect(g.residue(q, inverses: &cache).map { g.mul($0, 3) } == p - 7)
            #expect(g.residue(q, inverses: &cache).map { g.mul($0, 3) } == p - 7)  // from the cache
        }
    }

    @Test func rationalNumbersBackFromResidues() throws {
        let q = try BigRational(BigInt(-123_456_789), BigInt(987_654_321))
        let r = try #require(f.residue(q))
        #expect(RationalReconstruction.small(r, modulus: f.p) == q)
        // too large for one prime (and for two: |n| ≈ 2^78), found modulo the product of three
        let big = try BigRational(BigInt(parsing: "1234567890123456789012345"), BigInt(parsing: "98765432109876543"))
        let ps = PrimeField.primes(3)
        var a = BigInt(0), mod = BigInt(1)
        for p in ps {
            a = RationalReconstruction.crt(a, modulus: mod, try #require(PrimeField(p: p).residue(big)), prime: p)
            mod = mod * BigInt(p)
        }
        #expect(RationalReconstruction.small(try #require(PrimeField(p: ps[0]).residue(big)), modulus: ps[0]) != big)
        #expect(RationalReconstruction.large(a, modulus: mod) == big)
    }
}

@Suite struct KernelDimensionChangeTests {
    /// The kernel dimension at a value of y, by substituting y into every block (independent of the profile).
    func kernelDimension(_ l: SparseLindbladian<ExactScalar>, at y0: BigRational) throws -> Int {
        let (blocks, columns) = l.invariantBlocks()
        var k = 0
        for b in blocks {
            let m = try ExactLinearAlgebra.block(columns, b).map { try $0.evaluated(["y": y0]) }
            k += m.cols - m.rowReduced().rank
        }
        return k
    }

    /// Every reported change is real (the dimension at that value, recomputed directly, differs and
    /// matches), and at values outside the list the dimension is the generic one. Found: Çakmak N = 2
    /// changes only at y = −1 (outside 0 < y < 1), N = 3 nowhere (its minor's factor 5y² + 6y + 5
    /// has no real root); Mayo's collective N = 2 at y = 0 (bath in its ground state): 2 → 5.
    @Test(arguments: [("cakmak.collective", ["N": "2"], [BigRational(-1)]), ("cakmak.collective", ["N": "3"], []),
                      ("mayo.collective", ["N": "2", "eps": "1"], [BigRational(0)])])
    func changesAreProvedAndOthersAreGeneric(name: String, arguments: [String: String], expected: [BigRational]) throws {
        let m = try ModelCatalogue.build(name, arguments)
        let profile = try ExactLinearAlgebra.kernelDimensionChanges(of: m.generator)
        #expect(profile.symbol == "y")
        #expect(profile.genericKernelDimension == ExactLinearAlgebra.kernel(of: m.generator).kernelDimension)
        #expect(profile.changes.map(\.value) == expected)
        #expect(profile.unresolvedFactors.isEmpty)
        for c in profile.changes {
            #expect(c.kernelDimension != profile.genericKernelDimension)
            #expect(try kernelDimension(m.generator, at: c.value) == c.kernelDimension)
        }
        for y0 in [BigRational(0), BigRational(-1), BigRational(1) / BigRational(3), BigRational(5) / BigRational(7), BigRational(2)] where !profile.changes.contains(where: { $0.value == y0 }) {
            // y0 = −1 is a pole of Mayo's generator (1 + y in the denominators): undefined there, skipped
            guard let k = try? kernelDimension(m.generator, at: y0) else { #expect(name == "mayo.collective" && y0 == -1); continue }
            #expect(k == profile.genericKernelDimension)
        }
    }

    @Test func twoSymbolsAreRefused() throws {
        let m = try ModelCatalogue.build("cakmak.collective", ["N": "2", "f": "f"])
        #expect(throws: DerivationError.self) { try ExactLinearAlgebra.kernelDimensionChanges(of: m.generator) }
    }
}
