import BigNumerics
import PropertyBased
import Testing

/// Deterministic property checks: swift-property-based's generators driven by a fixed Xoshiro
/// seed (its `.fixedSeed` trait is for debugging and always records an issue), so every run,
/// CI included, sees the same cases. A failure message names the seed and the case index.
func forAll<Value, S>(seed: UInt64, count: Int, _ generator: Generator<Value, S>,
                      _ body: (Value) throws -> Void) throws {
    var rng = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, seed &* 31 &+ 7, 0xD1B5_4A32_D192_ED03))
    for index in 0..<count {
        let value = generator.run(using: &rng)
        do {
            try body(value)
        } catch {
            Issue.record("seed \(seed), case \(index), input \(value): \(error)")
            throw error
        }
    }
}

/// Random signed integers of 1 to 8 words (up to 512 bits), built from uniform words.
let bigIntWords = Gen.uint64(in: 0...UInt64.max).array(of: 1...8)
let bigIntGenerator = zip(bigIntWords, Gen.bool).map { words, negative -> BigInt in
    var value = BigInt(0)
    let radix = BigInt(UInt64.max) + 1
    for w in words { value = value * radix + BigInt(w) }
    return negative ? -value : value
}

/// π to 1000 significant digits, printed by mpmath (an implementation independent of MPFR).
let piThousandDigits = "3.141592653589793238462643383279502884197169399375105820974944592307816406286208998628034825342117067982148086513282306647093844609550582231725359408128481117450284102701938521105559644622948954930381964428810975665933446128475648233786783165271201909145648566923460348610454326648213393607260249141273724587006606315588174881520920962829254091715364367892590360011330530548820466521384146951941511609433057270365759591953092186117381932611793105118548074462379962749567351885752724891227938183011949129833673362440656643086021394946395224737190702179860943702770539217176293176752384674818467669405132000568127145263560827785771342757789609173637178721468440901224953430146549585371050792279689258923542019956112129021960864034418159813629774771309960518707211349999998372978049951059731732816096318595024459455346908302642522308253344685035261931188171010003137838752886587533208381420617177669147303598253490428755468731159562863882353787593751957781857780532171226806613001927876611195909216420199"
