import BigNumerics
import PropertyBased
import Testing

/// The engine's fast paths must be invisible: every result equals the plain MPFR operation.
@Suite("Fast paths are exact")
struct FastPathTests {
    /// `BigFloat(BigInt(n))` is always materialised; `BigFloat(n)` and literals are lazy.
    @Test("lazy small integers round exactly like materialised ones", arguments: BigFloat.Rounding.allCases)
    func lazyIntegers(_ rounding: BigFloat.Rounding) throws {
        try forAll(seed: 21, count: 300, zip(Gen.int(in: -1_000_000...1_000_000), Gen.int(in: -40...40), Gen.int(in: 2...300))) {
            (m: Int, n: Int, bits: Int) in
            try BigFloat.withPrecision(bits, rounding: rounding) {
                let x = BigFloat(m) / 7 + BigFloat(BigInt(m))         // a materialised value
                let lazy = BigFloat(n), eager = BigFloat(BigInt(n))
                #expect(x + lazy == x + eager && lazy + x == eager + x)
                #expect(x - lazy == x - eager && lazy - x == eager - x)
                #expect(x * lazy == x * eager && lazy * x == eager * x)
                if n != 0 { #expect(x / lazy == x / eager) }
                if !x.isZero { #expect(lazy / x == eager / x) }
                #expect(lazy * BigFloat(m) == eager * BigFloat(BigInt(m)))   // lazy ∘ lazy
                #expect((lazy * BigFloat(m)).precision == bits)
            }
        }
    }

    @Test("integers that do not fit the precision are rounded at creation")
    func roundedIntegers() throws {
        try BigFloat.withPrecision(4, rounding: .towardZero) {
            #expect(BigFloat(19) == 18)                  // 10011₂ → 10010₂ at 4 bits
            #expect(BigFloat(3) * BigFloat(7) == 20)     // exact 21 rounds toward zero
            #expect(BigFloat(Int.max) + BigFloat(Int.max) == BigFloat(BigInt(Int.max) * 2))
        }
    }

    @Test("temporaries reused in place never alias a live value")
    func reuse() throws {
        try BigFloat.withPrecision(100) {
            let a = BigFloat(1) / 3
            let b = a                               // shares storage with a
            let c = (a + 0) * 3                     // the temporary a + 0 may be reused; a may not
            #expect(a == b && c == (BigFloat(1) / 3 + 0) * 3)
            var x = a
            x += x                                  // x and a share storage until the write
            #expect(a == b && x == a * 2)
        }
    }

    @Test("precision scopes: nesting, tasks created inside, sync inside async")
    func scopes() async throws {
        try BigFloat.withPrecision(80) {
            #expect(BigFloat.workingPrecision == 80)
            try BigFloat.withPrecision(30) { #expect((BigFloat(1) / 3).precision == 30) }
            #expect((BigFloat(1) / 3).precision == 80)
        }
        #expect(BigFloat.workingPrecision == BigFloat.defaultPrecision)
        let inherited = try BigFloat.withPrecision(70) { Task { (BigFloat(1) / 3).precision } }
        #expect(await inherited.value == 70)
        let detached = try BigFloat.withPrecision(70) { Task.detached { (BigFloat(1) / 3).precision } }
        #expect(await detached.value == BigFloat.defaultPrecision)
        try await BigFloat.withPrecision(90) { () async throws in
            #expect(try BigFloat.withPrecision(40) { (BigFloat(1) / 3).precision } == 40)
            await Task.yield()
            #expect((BigFloat(1) / 3).precision == 90)
        }
    }
}
