import Testing
import Verification

@Suite("Engine self-check")
struct EngineSelfCheckTests {
    @Test("every self-check line passes, and there are lines to pass")
    func selfCheck() {
        let report = EngineSelfCheck.run()
        #expect(report.failed == 0, "\(report.lines.filter { $0.hasPrefix("FAIL") })")
        #expect(report.passed >= 6)
    }
}
