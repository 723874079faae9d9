import BigNumerics
import Foundation
import PropertyBased
import Testing

@Suite("BigInt and BigRational")
struct IntegerRationalTests {
    @Test("BigInt arithmetic agrees with attaswift/BigInt")
    func differential() throws {
        try forAll(seed: 1, count: 400, zip(bigIntGenerator, bigIntGenerator)) { (a: BigInt, b: BigInt) in
            let (sa, sb) = (a.description, b.description)
            #expect((a + b).description == Oracle.sum(sa, sb))
            #expect((a - b).description == Oracle.difference(sa, sb))
            #expect((a * b).description == Oracle.product(sa, sb))
            #expect((a < b) == Oracle.less(sa, sb))
            #expect(BigInt.gcd(a, b).description == Oracle.gcd(sa, sb))
            if !b.isZero {
                let (q, r) = try a.quotientAndRemainder(dividingBy: b)
                let (oq, or) = Oracle.quotientAndRemainder(sa, sb)
                #expect(q.description == oq && r.description == or)
            }
        }
        try forAll(seed: 2, count: 60, zip(bigIntGenerator, Gen.int(in: 0...12))) { (a: BigInt, n: Int) in
            #expect(a.power(UInt(n)).description == Oracle.power(a.description, n))
        }
    }

    @Test("ring laws")
    func ringLaws() throws {
        try forAll(seed: 3, count: 200, zip(bigIntGenerator, bigIntGenerator, bigIntGenerator)) { (a: BigInt, b: BigInt, c: BigInt) in
            #expect(a + b == b + a)
            #expect(a * b == b * a)
            #expect((a + b) + c == a + (b + c))
            #expect((a * b) * c == a * (b * c))
            #expect(a * (b + c) == a * b + a * c)
            #expect(a + (-a) == BigInt.zero)
            #expect(a - b == -(b - a))
        }
    }

    @Test("division and gcd laws")
    func divisionLaws() throws {
        try forAll(seed: 4, count: 200, zip(bigIntGenerator, bigIntGenerator)) { (a: BigInt, b: BigInt) in
            guard !b.isZero else { return }
            let (q, r) = try a.quotientAndRemainder(dividingBy: b)
            #expect(q * b + r == a)
            #expect(r.magnitude < b.magnitude)
            #expect(r.isZero || r.signum == a.signum)
            let (fq, fr) = try a.flooredDivision(by: b)
            #expect(fq * b + fr == a)
            #expect(fr.isZero || fr.signum == b.signum)
            let g = BigInt.gcd(a, b)
            #expect(g > 0)
            #expect(try a.quotientAndRemainder(dividingBy: g).remainder == 0)
            #expect(try b.quotientAndRemainder(dividingBy: g).remainder == 0)
            #expect(BigInt.lcm(a, b) * g == (a * b).magnitude)
        }
    }

    static let rationalGenerator = zip(bigIntGenerator, bigIntGenerator).map { n, d -> BigRational in
        (try? BigRational(n, d.isZero ? 1 : d)) ?? 0
    }

    @Test("field laws and canonical form")
    func fieldLaws() throws {
        try forAll(seed: 5, count: 200, zip(Self.rationalGenerator, Self.rationalGenerator, Self.rationalGenerator)) { (a: BigRational, b: BigRational, c: BigRational) in
            #expect(a + b == b + a)
            #expect(a * b == b * a)
            #expect((a + b) + c == a + (b + c))
            #expect((a * b) * c == a * (b * c))
            #expect(a * (b + c) == a * b + a * c)
            if !b.isZero {
                #expect((a / b) * b == a)
                #expect(b.reciprocal.map { $0 * b } == 1)
            }
            #expect(BigInt.gcd(a.numerator, a.denominator) == 1 || a.isZero)
            #expect(a.denominator > 0)
            #expect(try BigRational(parsing: a.description) == a)
            #expect(BigRational(a.description) == a)
            let p = try a.power(3)
            #expect(p == a * a * a)
            if !a.isZero { #expect(try a.power(-2) * a * a == 1) }
        }
    }

    @Test("Double conversions are exact in and correctly rounded out, subnormals included")
    func doubles() throws {
        try forAll(seed: 6, count: 2000, Gen.uint64(in: 0...UInt64.max)) { (bits: UInt64) in
            let d = Double(bitPattern: bits)
            guard d.isFinite else { return }
            let q = try BigRational(exactly: d)
            #expect(q.doubleValue == d || (d == 0 && q.doubleValue == 0))
            let f = try BigFloat.withPrecision(53) { BigFloat(d) }
            #expect(f.doubleValue == d || (d == 0 && f.doubleValue == 0))
            if let i = BigInt(exactly: d) { #expect(BigRational(i) == q) }
        }
        // Ties on the subnormal grid go to even.
        let halfTiny = try BigRational(exactly: 0x1p-1074) / 2
        #expect(halfTiny.doubleValue == 0)
        #expect((halfTiny * 3).doubleValue == 0x1p-1073)
        #expect((try BigRational(parsing: "1/3")).doubleValue == 1.0 / 3.0)
        #expect((try BigRational(parsing: "0.1")).doubleValue == 0.1)
    }

    @Test("decimal strings are taken exactly")
    func parsing() throws {
        #expect(try BigRational(parsing: "0.1") == BigRational(1) / 10)
        #expect(try BigRational(parsing: "-1.5e-3") == BigRational(-3) / 2000)
        #expect(try BigRational(parsing: "3/7") == BigRational(3) / 7)
        #expect(try BigRational(parsing: "-6/14") == BigRational(-3) / 7)
        #expect(try BigRational(parsing: "2E3") == 2000)
        #expect(try BigInt(parsing: "+123") == 123)
        let literal: BigInt = 1_000_000_000_000_000_000_000_000_000_001
        #expect(literal == (try BigInt(parsing: "1000000000000000000000000000001")))
        let negative: BigInt = -340282366920938463463374607431768211456
        #expect(negative == -(BigInt(2).power(128)))
    }

    @Test("exact decimal rounding of rationals, ties to even")
    func decimalRounding() throws {
        #expect(try BigRational(parsing: "0.15").formatted(significantDigits: 1) == "2e-1")
        #expect(try BigRational(parsing: "0.25").formatted(significantDigits: 1) == "2e-1")
        #expect(try BigRational(parsing: "-999.5").formatted(significantDigits: 3) == "-1.00e3")
        #expect(try (BigRational(1) / 3).formatted(significantDigits: 5) == "3.3333e-1")
        #expect(try BigRational(0).formatted(significantDigits: 3) == "0.00e0")
    }

    @Test("Codable as exact strings")
    func codable() throws {
        let values: [BigRational] = [try BigRational(parsing: "-3/7"), 0, try BigRational(parsing: "12345678901234567890123/2")]
        let data = try JSONEncoder().encode(values)
        #expect(String(decoding: data, as: UTF8.self) == #"["-3\/7","0","12345678901234567890123\/2"]"#)
        #expect(try JSONDecoder().decode([BigRational].self, from: data) == values)
        let ints: [BigInt] = [-5, BigInt(1 << 62)]
        #expect(try JSONDecoder().decode([BigInt].self, from: JSONEncoder().encode(ints)) == ints)
        #expect(throws: (any Error).self) { try JSONDecoder().decode([BigRational].self, from: Data(#"["1/0"]"#.utf8)) }
    }

    @Test("hashing agrees with equality")
    func hashing() throws {
        let a = try BigRational(parsing: "2/4"), b = try BigRational(parsing: "1/2")
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(Set([BigInt(7), try BigInt(parsing: "7")]).count == 1)
    }
}
