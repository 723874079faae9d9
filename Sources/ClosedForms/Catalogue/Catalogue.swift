import BigNumerics
import RealModule

/// Every closed form of both papers, by identifier (`<paper>.eq<number>[.<variant>]`, or a
/// descriptive suffix for unnumbered ones).
public enum Catalogue {
    /// All formulas, Mayo first, in a fixed order (tables and listings are deterministic).
    public static let all: [Formula] = mayo + cakmak

    public static func formula(id: String) throws(FormulaError) -> Formula {
        guard let f = all.first(where: { $0.id == id }) else {
            throw .unknownFormula(id: id, known: all.map(\.id))
        }
        return f
    }
}
