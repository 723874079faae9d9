import BigNumerics
import PropertyBased
import Testing

@Suite("Sign certificates on boxes (multivariate Bernstein)")
struct BernsteinBoxTests {
    let x = MP.variable("x"), y = MP.variable("y"), z = MP.variable("z")
    func q(_ n: Int, _ d: Int = 1) -> BigRational { BigRational(n) / BigRational(d) }
    var unitSquare: [String: ClosedRange<BigRational>] { ["x": 0...1, "y": 0...1] }

    @Test("hand-checkable: positive, refuted at a corner, undecided at an interior zero")
    func handChecked() throws {
        // x² − xy + y² + 1 ≥ 1 everywhere.
        let p = x * x - x * y + y * y + 1
        #expect(try p.isPositive(on: ["x": q(-1)...q(1), "y": q(-1)...q(1)]).isPositive)
        // (x − y)² + 1/1000 needs subdivision: its Bernstein coefficients on the square are not all positive.
        let tight = (x - y) * (x - y) + MP(q(1, 1000))
        guard case let .positive(boxes) = try tight.isPositive(on: unitSquare) else { Issue.record("not proven"); return }
        #expect(boxes > 1)
        // xy − 1/4 is −1/4 at the corner (0, 0).
        #expect(try (x * y - MP(q(1, 4))).isPositive(on: unitSquare) == .counterexample(point: ["x": 0, "y": 0], value: q(-1, 4)))
        // (x − 1/3)² + (y − 1/3)² vanishes only at (1/3, 1/3), never a dyadic corner: undecided.
        let touching = (x - MP(q(1, 3))).power(2) + (y - MP(q(1, 3))).power(2)
        #expect(try touching.isPositive(on: unitSquare, maxSubdivisions: 200) == .undecided(boxes: 200))
        // Three variables on a shifted box, and a degenerate side.
        #expect(try (x * y * z + 1).isPositive(on: ["x": q(1, 2)...q(2), "y": q(0)...q(3), "z": q(1)...q(1)]).isPositive)
        #expect(try MP(3).isPositive(on: [:]).isPositive)
        // Non-negativity with zeros on the box: x(1 − x)y ≥ 0 on the unit square (zero on three
        // edges) is proven; (x − y)² ≥ 0 is not decidable this way (on every sub-box straddling
        // the diagonal a Bernstein coefficient is negative), refuted strictly at a corner;
        // x − 1/2 is refuted at x = 0.
        #expect(try ((x - y) * (x - y)).isNonNegative(on: unitSquare, maxSubdivisions: 64) == .undecided(boxes: 64))
        #expect(try (x * (1 - x) * y).isNonNegative(on: unitSquare).isPositive)
        #expect(try ((x - y) * (x - y)).isPositive(on: unitSquare) == .counterexample(point: ["x": 0, "y": 0], value: 0))
        #expect(try (x - MP(q(1, 2))).isNonNegative(on: ["x": 0...1]) == .counterexample(point: ["x": 0], value: q(-1, 2)))
        #expect(try MP.zero.isNonNegative(on: [:]).isPositive && !(try MP.zero.isPositive(on: [:]).isPositive))
    }

    @Test("bad input: a variable without a side, an empty budget")
    func badInput() {
        #expect(throws: AlgebraError.missingVariable(name: "y", expression: "x*y")) { try (x * y).isPositive(on: ["x": 0...1]) }
        #expect(throws: AlgebraError.self) { try x.isPositive(on: ["x": 0...1], maxSubdivisions: 0) }
    }

    @Test("random: a certificate is never wrong (exact values at random box points and at the counterexample)")
    func randomSoundness() throws {
        let box: [String: ClosedRange<BigRational>] = ["x": q(-1)...q(1, 2), "y": q(0)...q(2), "z": q(-1, 3)...q(1)]
        var proven = 0, refuted = 0
        try forAll(seed: 23, count: 80, zip(randomPolynomial, Gen.int(in: 0...40))) { (p: MP, shift: Int) throws in
            let f = p * p + MP(BigRational(shift - 10) / 10)      // often positive, sometimes not
            switch try f.isPositive(on: box, maxSubdivisions: 256) {
            case .positive:
                proven += 1
                for i in 0...4 {
                    let pt: [String: BigRational] = ["x": q(-1) + q(3 * i, 16), "y": q(i, 2), "z": q(-1, 3) + q(4 * i, 15)]
                    #expect(try f.evaluate(pt) > 0)
                }
            case let .counterexample(point, value):
                refuted += 1
                #expect(try f.evaluate(point) == value && value <= 0)
                for (n, v) in point { #expect(box[n]!.contains(v)) }
            case .undecided:
                break
            }
        }
        #expect(proven > 5 && refuted > 5, "both outcomes exercised: \(proven) proven, \(refuted) refuted")
    }
}
