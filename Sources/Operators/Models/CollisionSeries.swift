// One collision as an exact power series, the route to the Born generator that does not assume
// its form: U = exp[−i(s²/ε²)(H_S + H_R) − i s Ṽ] with s = ε√Δt, expanded as a truncated
// series of matrices, and the reduced map Φ(ρ) = tr_R[U(ρ ⊗ ρ_R)U†] = Σ_k s^k Φ_k(ρ).
// Then Φ_0 = 1, Φ_1 = −i[Σ_r p_r V_rr, ·] (the first-order term), and, when that vanishes,
// ρ(t + Δt) = ρ + Δt·ε²Φ_2(ρ) + O(Δt^{3/2}): the generator is ε²Φ_2. (For Mayo's interactions
// every V_ar has a ≠ r, odd orders vanish under the trace and the step error is O(Δt²); tested.) Superoperators act on
// vec ρ by column stacking, as everywhere in Operators.
import RealModule

extension CollisionDescription {
    /// Φ_0 … Φ_order of one collision in s = ε√Δt (superoperators, column stacking).
    /// `bathHamiltonian` is H_R (diagonal in the bath basis for a stationary ρ_R; it is checked to
    /// commute with ρ_R, or the bath would not be a fixed resource).
    public func collisionSeries(order: Int, bathHamiltonian: Matrix<Scalar>) throws(OperatorError) -> [Matrix<Scalar>] {
        guard (0...6).contains(order) else {
            throw .invalidParameter(name: "order", value: "\(order)", allowed: "0 ... 6")
        }
        let ds = systemDimension, dr = bathDimension
        guard bathHamiltonian.rows == dr, bathHamiltonian.cols == dr else {
            throw .dimensionMismatch(parameter: "bath Hamiltonian", expected: "\(dr)x\(dr)", got: "\(bathHamiltonian.rows)x\(bathHamiltonian.cols)")
        }
        let rhoR = Matrix.diagonal(bathPopulations)
        guard (try Matrix.commutator(bathHamiltonian, rhoR)).isZero else {
            throw .invalidParameter(name: "bath Hamiltonian", value: "[H_R, ρ_R] ≠ 0", allowed: "a bath Hamiltonian commuting with the bath state")
        }
        // The exponent A(s) = s·A1 + s²·A2 on S ⊗ R (index s·d_R + r, as denseInteraction).
        let minusI = Scalar.zero - Scalar.imaginaryUnit
        let a1 = denseInteraction().scaled(minusI)
        let total = try Matrix.kron(systemHamiltonian, Matrix.identity(dr)) + Matrix.kron(Matrix.identity(ds), bathHamiltonian)
        let a2 = total.scaled(minusI / couplingSquared)
        let exponent: [Matrix<Scalar>] = [Matrix(rows: ds * dr, cols: ds * dr), a1, a2]
        let u = try Self.exponential(exponent, order: order)
        let uDagger = u.map(\.adjoint)
        let dims = [ds, dr]
        var out: [Matrix<Scalar>] = []
        for k in 0...order {
            out.append(try Superoperators.fromMap(dimension: ds) { (x: Matrix<Scalar>) throws(OperatorError) -> Matrix<Scalar> in
                let joint = Matrix.kron(x, rhoR)
                var sum = Matrix<Scalar>(rows: ds * dr, cols: ds * dr)
                for a in 0...k where !u[a].isZero && !uDagger[k - a].isZero {
                    sum.addScaled(try u[a] * joint * uDagger[k - a], 1)
                }
                return try sum.partialTrace(dims: dims, keep: [0])
            })
        }
        return out
    }

    /// The generator ε²Φ_2 read off the series (refused when Φ_1 ≠ 0: no Δt → 0 limit).
    public func bornGeneratorFromSeries(bathHamiltonian: Matrix<Scalar>) throws(OperatorError) -> Matrix<Scalar> {
        let series = try collisionSeries(order: 2, bathHamiltonian: bathHamiltonian)
        guard series[1].isZero else {
            throw .invalidParameter(name: "interaction V", value: "first-order term Φ_1 ≠ 0", allowed: "zero bath mean (the Δt → 0 limit diverges otherwise)")
        }
        return series[2].scaled(couplingSquared)
    }

    /// exp(A) for A = Σ_k s^k A_k with A_0 = 0, truncated at s^order: Σ_n A^n/n!.
    static func exponential(_ a: [Matrix<Scalar>], order: Int) throws(OperatorError) -> [Matrix<Scalar>] {
        let d = a[0].rows
        let zero = Matrix<Scalar>(rows: d, cols: d)
        var result = [Matrix<Scalar>](repeating: zero, count: order + 1)
        var power = [Matrix<Scalar>](repeating: zero, count: order + 1)   // A^n / n!
        power[0] = Matrix.identity(d)
        result[0] = power[0]
        var n = 1
        while n <= order {   // A^n starts at s^n, so n ≤ order terms suffice
            var next = [Matrix<Scalar>](repeating: zero, count: order + 1)
            for i in 0...order where !power[i].isZero {
                for j in 1..<a.count where i + j <= order && !a[j].isZero {
                    next[i + j].addScaled(try power[i] * a[j], 1 / Scalar.integer(n))
                }
            }
            power = next
            for i in 0...order { result[i].addScaled(power[i], 1) }
            n += 1
        }
        return result
    }
}
