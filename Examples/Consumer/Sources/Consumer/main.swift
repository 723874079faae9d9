// One call into every library product of qbattery; exits 1 if any result is not the one expected.
import BigNumerics
import Foundation
import ClosedForms
import ProofChecking
import Reproduction
import Simulator
import Verification

func check(_ what: String, _ ok: Bool, _ detail: String, failures: inout Int) {
    print("\(ok ? "ok  " : "FAIL") \(what): \(detail)")
    if !ok { failures += 1 }
}

var failures = 0
do {
    // BigNumerics: e^{1/3} at 200 bits, correctly rounded to 30 digits.
    let x = try BigFloat.withPrecision(200) { BigFloat.exp(BigFloat(1) / 3) }
    let digits = try x.formatted(significantDigits: 30)
    check("BigNumerics", digits.hasPrefix("1.39561242508608952862"), "exp(1/3) = \(digits)", failures: &failures)

    // ClosedForms: Çakmak Eq. (16) at N = 5, r = 1/3 is W/ω = 29/182 exactly.
    let w = try Catalogue.formula(id: "cakmak.eq16").evaluate(["N": try BigRational(parsing: "5"), "r": try BigRational(parsing: "1/3")], digits: 20)
    check("ClosedForms", w.value == "1.5934065934065934066e-1", "cakmak.eq16 N=5 r=1/3 = \(w.value)", failures: &failures)

    // Simulator: two collectively coupled qubits relax from the ground state to a steady state
    // that keeps coherence (Çakmak Sec. IV A).
    let model = try CakmakModel.collective(qubits: 2, omega: 1, beta: 1, gamma0: 1, f: 0.3)
    var ground = CMatrix(rows: 4, cols: 4)
    ground[0, 0] = Cx(1)
    let steady = try SteadyState.from(ground, try model.lindbladian())
    let c = try Measures.l1Coherence(steady)
    check("Simulator", c > 0.1 && c < 1, "C_l1 of the collective steady state from |gg⟩ at β = 1: \(c)", failures: &failures)

    // Verification: the closed form next to the simulator at one point (what `qbattery compare` prints).
    let row = try PointComparison.compare(formulaID: "cakmak.eq16", parameters: ["N": "3", "r": "1/2", "omega": "1"])
    check("Verification", row.outcome == .pass, "cakmak.eq16 N=3 r=1/2: closed form \(row.closedForm), simulated \(row.simulated ?? .nan)", failures: &failures)

    // ProofChecking: an exact identity in a proof file of one claim.
    let proof = """
        proof consumer.example
        source Consumer example
        assume x > 0
        claim (x + 1)^2
          = x^2 + 2*x + 1
        """
    let report = try ProofChecker().check(text: proof, path: "consumer.proof")
    check("ProofChecking", report.allAsMarked && report.steps.count == 1, "\(report.steps.count) step(s), all as marked: \(report.allAsMarked)", failures: &failures)

    // Reproduction: the figure catalogue and a deterministic shard of it.
    let figures = try Reproducer.select(["all"])
    let shard = try Shard(parsing: "2/3")
    check("Reproduction", figures.count >= 10 && shard.items(of: 7) == [1, 4], "\(figures.count) figures; shard 2/3 of 7 items = \(shard.items(of: 7))", failures: &failures)
} catch {
    print("FAIL error: \(error)")
    failures += 1
}
if failures > 0 {
    print("\(failures) product check(s) failed")
    exit(1)
}
print("every product of qbattery works from a versioned dependency")
