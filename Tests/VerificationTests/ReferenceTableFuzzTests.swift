import Foundation
import Testing
import Verification

/// Seeded fuzzing of `qbattery reference --check`'s input: every corruption of the committed
/// table (lines dropped, repeated, swapped, fields and characters changed, truncation, bytes that
/// are not UTF-8) is reported, each message at a line of the file or naming the missing row, and
/// nothing crashes. `swift test` runs a subset; `make fuzz` sets QBATTERY_FUZZ_TABLES.
@Suite("Reference table fuzzing")
struct ReferenceTableFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let count = Int(environment["QBATTERY_FUZZ_TABLES"] ?? "") ?? 150
    static let seed = UInt64(environment["QBATTERY_FUZZ_SEED"] ?? "") ?? 20_261_126
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `qbattery reference --check` inside `swift test`: every catalogue formula at its reference
    /// points, 45 correctly rounded digits, against the committed table.
    @Test("the committed reference table equals a fresh computation, row by row")
    func committedTableIsClean() throws {
        let problems = try ClosedFormReferenceTable.check(root: Self.root)
        #expect(problems.isEmpty, "\(problems.prefix(5).joined(separator: "\n"))")
    }

    @Test("corrupted tables: every change reported at a line, no crash")
    func corruptedTables() throws {
        let fresh = try ClosedFormReferenceTable.rows()
        let original = try String(contentsOf: Self.root.appendingPathComponent(ClosedFormReferenceTable.relativePath), encoding: .utf8)
        guard ClosedFormReferenceTable.check(text: original, fresh: fresh).isEmpty else { return }   // reported by committedTableIsClean
        var state = Self.seed
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        let noise = ["\t", " ", "", "-", "9", "e", "é", "\u{0}", "#", "\r", "nan", "1e999999999", "exact", "1/0"]
        var reported = 0, unchanged = 0
        for index in 0..<Self.count {
            var lines = original.components(separatedBy: "\n")
            for _ in 0...(next() % 3) {
                let i = next() % max(lines.count, 1)
                if lines.isEmpty { lines = [""] }
                switch next() % 7 {
                case 0: lines.remove(at: i)
                case 1: lines.insert(lines[i], at: i)
                case 2: lines.swapAt(i, next() % lines.count)
                case 3:
                    var fields = lines[i].components(separatedBy: "\t")
                    fields[next() % fields.count] = noise[next() % noise.count]
                    lines[i] = fields.joined(separator: "\t")
                case 4:
                    var c = Array(lines[i])
                    let characters: [Character] = ["\t", " ", "-", "9", "e", "é", "\u{0}", "#", "\r", "x"]
                    if !c.isEmpty { c[next() % c.count] = characters[next() % characters.count] }
                    lines[i] = String(c)
                case 5: lines = Array(lines.prefix(next() % (lines.count + 1)))
                default: lines.insert(noise[next() % noise.count], at: i)
                }
            }
            let text = lines.joined(separator: "\n")
            let problems = ClosedFormReferenceTable.check(text: text, fresh: fresh)
            if text == original { unchanged += 1; #expect(problems.isEmpty); continue }
            reported += 1
            #expect(!problems.isEmpty, "input \(index): a changed table passed the check")
            for p in problems {
                #expect(p.hasPrefix("line ") || p.hasPrefix("row missing from the file: "), "input \(index): \(p) has no location")
            }
        }
        // Bytes that are not UTF-8 go through the file route.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qbattery-table-fuzz-\(getpid())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Reference"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0x23, 0x20, 0xff, 0xfe, 0x0a]).write(to: dir.appendingPathComponent(ClosedFormReferenceTable.relativePath))
        let binary = try ClosedFormReferenceTable.check(root: dir)
        #expect(binary.count == 1 && binary[0].contains("not UTF-8"))
        print("table fuzz: \(Self.count) inputs (seed \(Self.seed)): \(reported) changed tables all reported at a line, \(unchanged) unchanged; 0 crashes")
    }
}
