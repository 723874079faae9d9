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
        (["kernel", "cakmak.collective", "N=4", "f=f"], "N = 4 (elimination of a 70×70 invariant block): the exact computation needs about 2.4 GB"),
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

/// `qbattery derive rank-drops` and the route-aware memory guard through the executable.
@Suite struct DeriveRankDropsAndGuardTests {
    @Test func rankDropsText() throws {
        let r = try CLI.run(["derive", "rank-drops", "cakmak.collective", "N=2"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("kernel dimension for generic y: 2"))
        #expect(r.stdout.contains("y = -1: kernel dimension 4 (generic 2, outside 0 < y < 1)"))
        #expect(r.stdout.contains("generator undefined at roots of y - 1"))
    }

    @Test func rankDropsJSON() throws {
        let r = try CLI.run(["derive", "rank-drops", "cakmak.collective", "N=2", "--json"])
        #expect(r.status == 0)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(obj["symbol"] as? String == "y")
        #expect(obj["generic_kernel_dimension"] as? Int == 2)
        let changes = try #require(obj["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(changes.first?["value"] as? String == "-1")
        #expect(changes.first?["kernel_dimension"] as? Int == 4)
        #expect(changes.first?["physical"] as? Bool == false)
        #expect(obj["entries"] == nil)
    }

    @Test func rankDropsLaTeX() throws {
        let r = try CLI.run(["derive", "rank-drops", "cakmak.collective", "N=2", "--latex"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("y = -1: \\dim\\ker L = 4 \\\\"))
    }

    @Test(arguments: [
        (["rank-drops", "cakmak.collective", "N=2", "f=f"], "free symbols = f, y; allowed: exactly one"),
        (["rank-drops", "mayo.collective", "N=2"], "free symbols = eps, y; allowed: exactly one"),
        (["rank-drops", "cakmak.collective", "N=2", "y=1/3"], "free symbols = none"),
        (["rank-drops", "cakmak.collective", "N=5"], "largest invariant block = 252; allowed: ≤ 128"),
        (["steady-state", "cakmak.collective", "N=7", "initial=ground", "--memory-limit-gb", "0.001"], "N = 7 (invariant subspace of dimension 64)"),
        (["kernel", "mayo.collective", "N=4", "--memory-limit-gb", "0.0001"], "N = 4 ("),
    ]) func refusalsExitTwo(arguments: [String], message: String) throws {
        let r = try CLI.run(["derive"] + arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message))
    }
}
