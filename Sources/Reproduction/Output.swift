// Files the reproduction writes: CSV with a commented header (columns, units, parameters, the
// reading used and the source), atomically (temp file in the same directory, then rename(2)),
// so an interrupted run never leaves a half-written figure behind.
import Foundation

public enum AtomicFile {
    /// Writes `text` to `path` via a temporary sibling and rename; creates the directory.
    public static func write(_ text: String, to path: String) throws(ReproductionError) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw .io(path: dir, reason: "\(error)")
        }
        let tmp = dir + "/." + url.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: tmp, contents: Data(text.utf8)) else {
            throw .io(path: tmp, reason: "could not create temporary file")
        }
        if rename(tmp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw .io(path: path, reason: reason)
        }
    }

    public static func read(_ path: String) throws(ReproductionError) -> String {
        guard let d = FileManager.default.contents(atPath: path), let s = String(data: d, encoding: .utf8) else {
            throw .badShardFile(path: path, reason: "cannot read")
        }
        return s
    }
}

/// One CSV column: name and unit ("1" for dimensionless).
public struct Column: Sendable, Equatable {
    public let name: String
    public let unit: String
    public let meaning: String
    public init(_ name: String, unit: String = "1", _ meaning: String) {
        self.name = name
        self.unit = unit
        self.meaning = meaning
    }
}

/// A data table with its provenance, written as CSV with `#` header lines.
public struct Table: Sendable, Equatable {
    public let title: String
    public let source: String
    public let reading: [String]
    public let parameters: [(String, String)]
    public let columns: [Column]
    public var rows: [[Double]]

    public init(title: String, source: String, reading: [String], parameters: [(String, String)],
                columns: [Column], rows: [[Double]] = []) {
        self.title = title
        self.source = source
        self.reading = reading
        self.parameters = parameters
        self.columns = columns
        self.rows = rows
    }

    public static func == (a: Table, b: Table) -> Bool {
        a.csv == b.csv
    }

    /// Deterministic number format: Swift's shortest round-trip decimal (bit-exact on re-reading).
    public static func format(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == 0 { return "0" }
        return "\(x)"
    }

    public var csv: String {
        var out = "# \(title)\n# source: \(source)\n"
        for r in reading { out += "# reading: \(r)\n" }
        for (k, v) in parameters { out += "# parameter: \(k) = \(v)\n" }
        for c in columns { out += "# column: \(c.name) [\(c.unit)] \(c.meaning)\n" }
        out += columns.map { $0.name }.joined(separator: ",") + "\n"
        for row in rows { out += row.map(Table.format).joined(separator: ",") + "\n" }
        return out
    }

    /// Column values by name (empty if absent).
    public func values(_ name: String) -> [Double] {
        guard let i = columns.firstIndex(where: { $0.name == name }) else { return [] }
        return rows.map { $0[i] }
    }

    /// Parses the data part of a CSV written by `csv` (header lines skipped): column names and rows.
    public static func parse(_ text: String) -> (names: [String], rows: [[Double]])? {
        var names: [String]? = nil
        var rows: [[Double]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if names == nil { names = fields; continue }
            var row: [Double] = []
            for f in fields {
                switch f {
                case "nan": row.append(.nan)
                case "inf": row.append(.infinity)
                case "-inf": row.append(-.infinity)
                default:
                    guard let x = Double(f) else { return nil }
                    row.append(x)
                }
            }
            if row.count != names?.count { return nil }
            rows.append(row)
        }
        guard let n = names else { return nil }
        return (n, rows)
    }
}
