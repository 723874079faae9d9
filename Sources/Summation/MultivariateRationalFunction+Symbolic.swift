import BigNumerics
import RealModule

/// FLINT-backed multivariate rational functions are the field the summation works in.
extension MultivariateRationalFunction: SymbolicField {
    public static func symbol(_ name: String) -> MultivariateRationalFunction { variable(name) }
    public var symbolNames: Set<String> { Set(variables) }

    public func substitutingSymbols(_ values: [String: MultivariateRationalFunction]) throws(SummationError) -> MultivariateRationalFunction {
        do { return try substituting(values) } catch {
            throw .pole("\(error)")
        }
    }

    public var numeratorElement: MultivariateRationalFunction { MultivariateRationalFunction(numerator) }
    public var denominatorElement: MultivariateRationalFunction { MultivariateRationalFunction(denominator) }

    public func coefficients(in name: String) -> [MultivariateRationalFunction]? {
        guard !denominator.variables.contains(name) else { return nil }
        let d = MultivariateRationalFunction(denominator)
        return numerator.coefficients(in: name).map { MultivariateRationalFunction($0) / d }
    }

    public func irreducibleFactors() -> (content: BigRational, factors: [(MultivariateRationalFunction, Int)]) {
        let (unit, factors) = numerator.factored()
        return (unit, factors.map { (MultivariateRationalFunction($0.0), $0.1) })
    }

    public var rationalValue: BigRational? { constantValue }
}
