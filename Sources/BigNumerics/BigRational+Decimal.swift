extension BigRational {
    /// Exact decimal rounding to `digits` significant digits (nearest, ties to even), in the
    /// same scientific format as `BigFloat.formatted` (`-1.25e-3`). No binary rounding happens,
    /// so exact ties such as 0.15 → "2e-1" at one digit are decided correctly.
    public func formatted(significantDigits digits: Int) throws(BigNumericsError) -> String {
        guard (1...BigFloat.maxSignificantDigits).contains(digits) else {
            throw .digitsOutOfRange(digits: digits, allowed: 1...BigFloat.maxSignificantDigits)
        }
        if isZero {
            return digits == 1 ? "0e0" : "0." + String(repeating: "0", count: digits - 1) + "e0"
        }
        let x = magnitude
        // Decimal exponent E with 10^E <= x < 10^(E+1): estimate from bit lengths, then correct.
        var e = Int((Double(x.numerator.bitLength - x.denominator.bitLength) * 0.30102999566398120).rounded(.down))
        func tenTo(_ k: Int) -> BigRational { k >= 0 ? BigRational(BigInt(10).power(UInt(k))) : 1 / BigRational(BigInt(10).power(UInt(-k))) }
        while x >= tenTo(e + 1) { e += 1 }
        while x < tenTo(e) { e -= 1 }
        let scaled = x * tenTo(digits - 1 - e)          // in [10^(d-1), 10^d)
        var n = scaled.floor
        let fraction = scaled - BigRational(n)
        let half = BigRational(1) / 2
        if fraction > half || (fraction == half && n.isOdd) { n += 1 }
        if n == BigInt(10).power(UInt(digits)) {        // rounding carried into a new decade
            n = BigInt(10).power(UInt(digits - 1))
            e += 1
        }
        let text = n.description
        let mantissa = text.prefix(1) + (text.count > 1 ? "." + text.dropFirst() : "")
        return (signum < 0 ? "-" : "") + mantissa + "e\(e)"
    }
}
