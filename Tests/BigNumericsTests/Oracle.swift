// attaswift/BigInt is the differential oracle; its module and type are both named BigInt,
// so only this file imports it and hands out plain strings.
import BigInt

enum Oracle {
    static func parse(_ s: String) -> BigInt { BigInt(s, radix: 10)! }

    static func sum(_ a: String, _ b: String) -> String { String(parse(a) + parse(b)) }
    static func difference(_ a: String, _ b: String) -> String { String(parse(a) - parse(b)) }
    static func product(_ a: String, _ b: String) -> String { String(parse(a) * parse(b)) }
    /// Truncating, as Swift's integers.
    static func quotientAndRemainder(_ a: String, _ b: String) -> (String, String) {
        let (q, r) = parse(a).quotientAndRemainder(dividingBy: parse(b))
        return (String(q), String(r))
    }
    static func gcd(_ a: String, _ b: String) -> String { String(parse(a).greatestCommonDivisor(with: parse(b))) }
    static func power(_ a: String, _ n: Int) -> String { String(parse(a).power(n)) }
    static func less(_ a: String, _ b: String) -> Bool { parse(a) < parse(b) }
}
