// The exact fields of the derivations: Q(i) and Q(i)(y, c, …) as `ComplexExtension`s of the
// FLINT-backed BigRational and MultivariateRationalFunction. Both have canonical forms, so the
// exact pivot policy of `Operators.Elimination` decides every zero.
import BigNumerics
import Operators

extension BigRational: ExtensibleField {}
extension MultivariateRationalFunction: ExtensibleField {}

/// Q(i).
public typealias GaussianRational = ComplexExtension<BigRational>
/// Q(i)(x₁, …): the scalars of an exact model with free symbols.
public typealias ExactScalar = ComplexExtension<MultivariateRationalFunction>

extension ComplexExtension where Base == MultivariateRationalFunction {
    public static func symbol(_ name: String) -> ExactScalar { ExactScalar(.variable(name)) }
    public init(rational q: BigRational) { self.init(MultivariateRationalFunction(q)) }

    /// Both parts at a point (every free symbol given).
    public func evaluated(_ point: [String: BigRational]) throws(AlgebraError) -> GaussianRational {
        GaussianRational(try real.evaluate(point), try imaginary.evaluate(point))
    }

    /// Substitutes the given symbols; others stay free.
    public func partiallyEvaluated(_ point: [String: BigRational]) throws(AlgebraError) -> ExactScalar {
        ExactScalar(try real.partiallyEvaluated(point), try imaginary.partiallyEvaluated(point))
    }

    public var variables: [String] { Array(Set(real.variables).union(imaginary.variables)).sorted() }
}
