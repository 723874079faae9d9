import Foundation
import Testing

/// `qbattery compare` and `qbattery simulate`, run as a user runs them (the built executable).
@Suite("CLI: compare and simulate")
struct CompareAndSimulateTests {
    @Test("compare: agreement exits 0 and shows closed form, simulation, tolerance with its reason, route")
    func compareAgrees() throws {
        let r = try CLI.run(["compare", "cakmak.eq16", "N=5", "r=1/3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("closed form  1.59340659340659340659340659341e-1"))
        #expect(r.stdout.contains("tolerance    round-off"))
        #expect(r.stdout.contains("route        sorted-spectrum ergotropy"))
        #expect(r.stdout.contains("verdict      agree"))
        let j = try CLI.run(["compare", "cakmak.eq16", "N=5", "r=1/3", "omega=3/2", "--json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        #expect(doc["agrees"] as? Bool == true)
        let row = try #require(doc["row"] as? [String: Any])
        #expect(row["parameters"] as? String == "N=5 r=1/3 omega=3/2")
    }

    @Test("compare: disagreement exits 1 (a printed erratum names itself)")
    func compareDisagrees() throws {
        let r = try CLI.run(["compare", "mayo.eq6.parallel", "beta=2", "omega=1", "epsilon=1/2", "t=3"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("DISAGREE: printed form contradicted → erratum mayo.eq6.parallel"))
        let ok = try CLI.run(["compare", "mayo.eq6.parallel.corrected", "beta=2", "omega=1", "epsilon=1/2", "t=3"])
        #expect(ok.status == 0)
    }

    @Test("compare: bad input exits 2 naming it and the allowed values", arguments: [
        (["compare", "cakmak.eq99"], "unknown formula cakmak.eq99; allowed (formulas with a simulated route): mayo.eq7.parallel"),
        (["compare", "cakmak.eq16", "N=3", "r=1/2", "beta=1"], "unknown parameter beta; allowed: N, r, omega"),
        (["compare", "cakmak.eq16", "N=3"], "parameter r is missing"),
        (["compare", "cakmak.eq16", "N=3", "r=3/2"], "out of domain (allowed: 0 < r < 1)"),
        (["compare", "cakmak.eq16", "N=30", "r=1/2"], "outside the simulated route's range (allowed: N ≤ 7)"),
        (["compare", "cakmak.eq16", "N3"], "expected name=value"),
    ])
    func compareBadInput(_ args: [String], _ message: String) throws {
        let r = try CLI.run(args)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("simulate cakmak: ergotropy and C_l1 from the ground state are the closed forms' values (Eq. 10 corrected, Eq. 8)")
    func cakmakAgainstClosedForms() throws {
        let w = try CLI.run(["simulate", "cakmak", "ergotropy", "N=2", "beta=1"])
        #expect(w.status == 0)
        let simulated = try #require(CLI.number(after: "W", in: w.stdout))
        let closed = try #require(Double(try CLI.run(["eval", "cakmak.eq10.c1.corrected", "beta=1", "omega=1"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Swift.abs(simulated - closed) / closed < 1e-10)
        // C_l1 in the basis named (the Hadamard basis gives another number: the measure is basis-dependent).
        let c = try CLI.run(["simulate", "cakmak", "coherence", "N=2", "beta=1"])
        let h = try CLI.run(["simulate", "cakmak", "coherence", "N=2", "beta=1", "--basis", "hadamard"])
        #expect(c.stdout.contains("basis          computational") && h.stdout.contains("basis          hadamard"))
        let cc = try #require(CLI.number(after: "C_l1", in: c.stdout)), ch = try #require(CLI.number(after: "C_l1", in: h.stdout))
        #expect(Swift.abs(cc - ch) > 1e-3)
    }

    @Test("simulate cakmak steady-state: the non-unique case depends on the initial state; a dark state stays put")
    func nonUniqueSteadyState() throws {
        let ground = try CLI.run(["simulate", "cakmak", "steady-state", "N=2", "beta=1"])
        let dark = try CLI.run(["simulate", "cakmak", "steady-state", "N=2", "beta=1", "--initial", "psi-minus"])
        #expect(ground.status == 0 && dark.status == 0)
        #expect(ground.stdout.contains("not unique: the kernel of L has dimension 2"))
        #expect(dark.stdout.contains("    0, 0.5, -0.5, 0\n    0, -0.5, 0.5, 0"))
        #expect(ground.stdout != dark.stdout)
        // A matrix literal: the maximally mixed state of one qubit relaxes to the unique thermal state.
        let one = try CLI.run(["simulate", "cakmak", "steady-state", "N=1", "beta=1", "--initial", "1/2,0;0,1/2", "--json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        let state = try #require(doc["state"] as? [[[Double]]])
        let excited = state[1][1][0]
        #expect(Swift.abs(excited - 1 / (1 + Foundation.exp(1))) < 1e-10)
        #expect((doc["notes"] as? [String])?.first?.contains("unique") == true)
    }

    @Test("simulate mayo steady-state: unique for parallel batteries, not for V_# (nullity 2): it depends on the initial state")
    func mayoSteadyStates() throws {
        func run(_ model: String, _ initial: String) throws -> (nullity: Double, state: [[[Double]]]) {
            let r = try CLI.run(["simulate", model, "steady-state", "N=2", "beta=1", "--initial", initial, "--json"])
            #expect(r.status == 0, "\(r.stderr)")
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let results = try #require(doc["results"] as? [[String: Any]])
            let nullity = try #require(results.first { $0["name"] as? String == "nullity" }?["value"] as? Double)
            return (nullity, try #require(doc["state"] as? [[[Double]]]))
        }
        func distance(_ a: [[[Double]]], _ b: [[[Double]]]) -> Double {
            zip(a.joined(), b.joined()).map { Swift.abs($0[0] - $1[0]) + Swift.abs($0[1] - $1[1]) }.max() ?? .infinity
        }
        let p1 = try run("mayo-parallel", "ground"), p2 = try run("mayo-parallel", "excited")
        #expect(p1.nullity == 1 && distance(p1.state, p2.state) < 1e-10)
        let c1 = try run("mayo-collective", "ground"), c2 = try run("mayo-collective", "psi-minus")
        #expect(c1.nullity == 2 && distance(c1.state, c2.state) > 1e-3)
        let big = try CLI.run(["simulate", "mayo-collective", "steady-state", "N=5", "beta=1"])
        #expect(big.status == 2 && big.stderr.contains("N ≤ 4 for steady-state"))
    }

    @Test("simulate mayo: Γ(N, β, δ) is the closed form's; E(t) relaxes from the thermal value")
    func mayoCollisionModels() throws {
        let g = try CLI.run(["simulate", "mayo-collective", "gamma", "N=3", "beta=5", "delta=1/100"])
        #expect(g.status == 0)
        let simulated = try #require(CLI.number(after: "Γ", in: g.stdout))
        let closed = try #require(Double(try CLI.run(["eval", "mayo.gamma.delta", "N=3", "beta=5", "omega=1", "delta=1/100"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Swift.abs(simulated - closed) / closed < 1e-8, "\(simulated) vs \(closed)")
        let e0 = try CLI.run(["simulate", "mayo-parallel", "energy", "N=2", "beta=1", "t=0"])
        let e = try CLI.run(["simulate", "mayo-parallel", "energy", "N=2", "beta=1", "t=1"])
        let thermal = -Foundation.tanh(0.5)   // two batteries at the bath temperature, H_S = (ω/2)Σσ_z
        #expect(Swift.abs(try #require(CLI.number(after: "E(t)", in: e0.stdout)) - thermal) < 1e-12)
        #expect(try #require(CLI.number(after: "E(t)", in: e.stdout)) > thermal + 0.1)
    }

    @Test("simulate mayo-engine: heat from the hot bath is Eq. (A2); η = W/Q_h and P = W/t_cycle")
    func engine() throws {
        let args = ["beta_c=10", "omega_c=1", "beta_h=1/10", "omega_h=3/2", "epsilon=1/4", "t_d=2"]
        let r = try CLI.run(["simulate", "mayo-engine", "efficiency"] + args)
        #expect(r.status == 0)
        let w = try #require(CLI.number(after: "work W", in: r.stdout)), q = try #require(CLI.number(after: "heat Q_h", in: r.stdout))
        let eta = try #require(CLI.number(after: "η", in: r.stdout)), p = try #require(CLI.number(after: "power", in: r.stdout))
        let t = try #require(CLI.number(after: "cycle time", in: r.stdout))
        #expect(Swift.abs(eta - w / q) < 1e-14 && Swift.abs(p - w / t) < 1e-14)
        let a2 = try #require(Double(try CLI.run(["eval", "mayo.eqA2", "beta_c=10", "omega_c=1", "beta_h=1/10", "omega_h=3/2"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Swift.abs(q - a2) / a2 < 1e-9, "\(q) vs \(a2)")
        for (quantity, symbol) in [("work", "W"), ("heat", "Q_h"), ("power", "P")] {
            let one = try CLI.run(["simulate", "mayo-engine", quantity] + args + ["--json"])
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
            #expect(doc["symbol"] as? String == symbol && doc["value"] is Double)
        }
    }

    @Test("simulate: bad input exits 2 naming it and the allowed values", arguments: [
        (["simulate", "foo", "bar"], "unknown model foo; allowed: cakmak, mayo-parallel, mayo-collective, mayo-engine"),
        (["simulate", "cakmak", "work", "N=2"], "model cakmak has no quantity work; allowed: steady-state, ergotropy, coherence"),
        (["simulate", "mayo-parallel", "energy", "beta=1", "t=1", "f=1"], "does not take parameter f; allowed: N, beta, omega, epsilon, t"),
        (["simulate", "cakmak", "ergotropy", "N=2"], "needs parameter beta"),
        (["simulate", "cakmak", "ergotropy", "N=9", "beta=1"], "N = 9 is out of range; allowed: integer 1 ≤ N ≤ 7"),
        (["simulate", "cakmak", "ergotropy", "N=1", "beta=1", "--initial", "1/2,i;-i,1/2"], "initial state 1/2,i;-i,1/2 is not usable: initial state is not positive semidefinite"),
        (["simulate", "cakmak", "ergotropy", "N=1", "beta=1", "--initial", "1,0;0,1"], "not normalised"),
        (["simulate", "cakmak", "ergotropy", "N=1", "beta=1", "--initial", "1,1;0,0"], "not Hermitian"),
        (["simulate", "cakmak", "ergotropy", "N=1", "beta=1", "--initial", "hot"], "allowed: ground, excited, mixed, plus, psi-minus"),
        (["simulate", "cakmak", "coherence", "N=1", "beta=1", "--basis", "polar"], "unknown coherence basis polar; allowed: computational, hadamard, energy"),
        (["simulate", "mayo-engine", "work", "beta_c=1", "omega_c=1", "beta_h=1", "omega_h=1", "--initial", "ground"], "does not take --initial"),
    ])
    func simulateBadInput(_ args: [String], _ message: String) throws {
        let r = try CLI.run(args)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("a LAPACK other than the reference one, loaded first under the same soname, is refused with a typed error")
    func shadowedLAPACKIsRefused() throws {
        // A copy of the reference library at another path, preloaded: LAPACKE would bind to it.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qbattery-lapack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let impostor = dir.appendingPathComponent("liblapack.so.3")
        let reference = URL(fileURLWithPath: "/usr/lib").appendingPathComponent(Self.multiarch).appendingPathComponent("lapack/liblapack.so.3")
        try FileManager.default.copyItem(at: reference.resolvingSymlinksInPath(), to: impostor)
        let r = try CLI.run(["simulate", "cakmak", "ergotropy", "N=2", "beta=1"], environment: ["LD_PRELOAD": impostor.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("reference LAPACK/BLAS unavailable: \(impostor.path)"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        // Without the impostor the same command works.
        #expect(try CLI.run(["simulate", "cakmak", "ergotropy", "N=2", "beta=1"]).status == 0)
    }

    static var multiarch: String {
        #if arch(arm64)
        "aarch64-linux-gnu"
        #else
        "x86_64-linux-gnu"
        #endif
    }

    @Test("a command that runs over a second shows progress on a terminal and nothing in a pipe")
    func progressOnlyOnATerminal() throws {
        // In a pipe (this process's pipes): stderr stays empty.
        let piped = try CLI.run(["crosscheck"])
        #expect(piped.status == 0)
        #expect(piped.stderr.isEmpty)
        // On a pseudo-terminal (util-linux `script`): the ticker is drawn, then erased before the output.
        let script = URL(fileURLWithPath: "/usr/bin/script")
        try #require(FileManager.default.isExecutableFile(atPath: script.path), "util-linux script(1) is needed for a pseudo-terminal")
        let p = Process()
        p.executableURL = script
        p.arguments = ["-qfec", "\(CLI.executable.path) crosscheck", "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\r\u{1B}[2Kqbattery crosscheck … 1 s"))
        // The rows come after the last erase, never on the ticker's line.
        let tail = try #require(text.components(separatedBy: "\u{1B}[2K").last)
        #expect(tail.hasPrefix("PASS") || tail.hasPrefix("\rPASS") || tail.hasPrefix("XFAIL"), "\(tail.prefix(80))")
        #expect(tail.contains("rows per formula"))
    }
}
