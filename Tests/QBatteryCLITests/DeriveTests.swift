import Foundation
import Testing

/// `qbattery derive` through the built executable: JSON shape, exact fractions, typed refusals (exit 2).
@Suite struct DeriveCommandTests {
    @Test func jsonSteadyStateWithExactNumbers() throws {
        let r = try CLI.run(["derive", "steady-state", "cakmak.collective", "N=2", "y=1/3", "--json"])
        #expect(r.status == 0)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(obj["basis"] as? [String] == ["00", "01", "10", "11"])
        let entries = try #require(obj["entries"] as? [String: String])
        #expect(entries["0,0"] == "9/13")
        #expect(entries["1,2"] == "3/26")
        #expect(entries["3,3"] == "1/13")
        #expect(entries["0,3"] == nil)
    }

    @Test func jsonKernelDimension() throws {
        let r = try CLI.run(["derive", "kernel", "cakmak.collective", "N=3", "--json"])
        #expect(r.status == 0)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(obj["kernel_dimension"] as? Int == 5)
        #expect((obj["kernel"] as? [Any])?.count == 5)
    }

    @Test(arguments: [
        (["steady-state", "cakmak.collective", "N=2", "initial=diag:1/2,1/2,1/2,0"], "trace 3/2"),
        (["steady-state", "cakmak.collective", "N=2", "initial=diag:3/2,-1/2,0,0"], "< 0"),
        (["steady-state", "cakmak.collective", "N=2", "initial=diag:c,0,0,0"], "symbol c is free"),
        (["kernel", "cakmak.collective", "N=0"], "allowed: an integer 1 ... 8"),
        (["rates", "cakmak.collective", "N=2"], "a collision model"),
        (["kernel", "cakmak.collective", "N=7"], "GB"),
        (["rates", "mayo.collective", "N=2", "eps=-1"], "eps"),
    ]) func badInputExitsTwo(arguments: [String], message: String) throws {
        let r = try CLI.run(["derive"] + arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message))
    }
}

/// `qbattery crosscheck --jobs` outside 1 ... 4096 is refused with exit 2, not clamped.
@Suite struct CrossCheckJobsTests {
    @Test(arguments: ["0", "-3", "4097"]) func outOfRangeJobsExitTwo(jobs: String) throws {
        let r = try CLI.run(["crosscheck", "--jobs=\(jobs)"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("allowed: 1 ... 4096"))
    }
}
