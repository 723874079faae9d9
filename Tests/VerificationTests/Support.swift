import BigNumerics
import ClosedForms

// Helpers of the exact tests (as in ClosedFormsTests/Support.swift).

/// y as the variable of a rational function: the Boltzmann factor of the exact proofs.
let ySymbol = BoltzmannFactor(y: RationalFunction.x)

func q(_ text: String) -> BigRational { BigRational(text) ?? 0 }

/// A rational grid in (0, 1): j/den for j = 1…den−1.
func openUnitGrid(_ den: Int) -> [BigRational] { (1..<den).map { BigRational($0) / BigRational(den) } }

/// Runs `body` at the given MPFI precision.
func atPrecision<R>(_ bits: Int, _ body: () throws -> R) throws -> R {
    try BigFloat.withPrecision(bits) { try body() }
}
