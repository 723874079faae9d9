import ArgumentParser
import Foundation
import Verification

struct CrossCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosscheck",
        abstract: "Closed forms (catalogue, 30 digits) against the independent Double simulator, one row per (formula, point).",
        discussion: "Exit status 1 when a row fails unexpectedly (disagreement where agreement is expected, a printed form known wrong that agrees, or an error).")

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    @Flag(name: .long, help: "Run the whole table (default: the fast subset).")
    var full = false

    @Option(name: .long, help: "Rows evaluated concurrently (Swift tasks, 1 ... 4096).")
    var jobs = 2

    /// Refused, not clamped: a user who asks for 0 workers gets told, exit 2.
    func validate() throws {
        guard (1...4096).contains(jobs) else {
            throw ValidationError("--jobs = \(jobs) is out of range (allowed: 1 ... 4096)")
        }
    }

    /// Rows handed from the task group back to this synchronous command (the root command is
    /// synchronous, so the concurrent run is awaited through a semaphore).
    final class Handoff: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [CrossCheckRow] = []
        func set(_ rows: [CrossCheckRow]) { lock.lock(); stored = rows; lock.unlock() }
        var rows: [CrossCheckRow] { lock.lock(); defer { lock.unlock() }; return stored }
    }

    func run() throws {
        let cases = full ? CrossCheck.fullTable : CrossCheck.fastSubset
        let width = jobs
        let start = Date()
        let handoff = Handoff()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            handoff.set(await CrossCheck.run(cases, width: width))
            done.signal()
        }
        done.wait()
        let rows = handoff.rows
        let summary = CrossCheck.summary(rows, seconds: Date().timeIntervalSince(start))
        let claims = Claims.run()
        if json {
            print(try CrossCheck.json(rows, summary: summary, claims: claims))
        } else {
            print(CrossCheck.text(rows, summary: summary))
            print("")
            print(CrossCheck.text(claims))
        }
        if !summary.ok || !claims.allSatisfy(\.ok) { throw ExitCode(1) }
    }
}
