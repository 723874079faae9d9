// A small, dependency-free SVG plotter for the reproduced figures: panels with linear or log axes,
// "nice" ticks with labels, axis labels, legend, lines, markers, error bars, step plots and guide
// lines. Output is deterministic text (same data → same bytes) and well-formed XML.
import Foundation

public enum AxisScale: Sendable, Equatable { case linear, log }

public struct Axis: Sendable {
    public var label: String
    public var scale: AxisScale
    /// Fixed range; nil = from the data (with a margin on linear axes).
    public var range: ClosedRange<Double>?
    public init(_ label: String, scale: AxisScale = .linear, range: ClosedRange<Double>? = nil) {
        self.label = label
        self.scale = scale
        self.range = range
    }
}

public enum Marker: Sendable, Equatable { case none, circle, square, triangle, diamond, dot }

public struct Series: Sendable {
    public var name: String?
    public var x: [Double]
    public var y: [Double]
    /// Symmetric error bars (same length as y) or nil.
    public var yError: [Double]?
    public var color: String
    /// Stroke dash pattern ("" solid, "6,4" dashed, "2,3" dotted); nil = no line.
    public var dash: String?
    public var marker: Marker
    public var markerSize: Double
    public var lineWidth: Double
    /// Draw as a step function (value held until the next x).
    public var step: Bool
    public var opacity: Double

    public init(_ name: String?, x: [Double], y: [Double], yError: [Double]? = nil, color: String,
                dash: String? = "", marker: Marker = .none, markerSize: Double = 3.5, lineWidth: Double = 1.6,
                step: Bool = false, opacity: Double = 1) {
        self.name = name
        self.x = x
        self.y = y
        self.yError = yError
        self.color = color
        self.dash = dash
        self.marker = marker
        self.markerSize = markerSize
        self.lineWidth = lineWidth
        self.step = step
        self.opacity = opacity
    }
}

public enum LegendPosition: Sendable { case topLeft, topRight, bottomLeft, bottomRight, none }

public struct Panel: Sendable {
    public var title: String
    public var xAxis: Axis
    public var yAxis: Axis
    public var series: [Series]
    public var legend: LegendPosition
    public init(title: String, x: Axis, y: Axis, series: [Series], legend: LegendPosition = .topLeft) {
        self.title = title
        self.xAxis = x
        self.yAxis = y
        self.series = series
        self.legend = legend
    }
}

/// Colour cycle (colour-blind friendly, Okabe–Ito / Tableau-like).
public enum Palette {
    public static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C564B", "#7F7F7F"]
    public static func color(_ i: Int) -> String { colors[((i % colors.count) + colors.count) % colors.count] }
    public static let guide = "#555555"
}

public struct SVGFigure: Sendable {
    public var title: String
    public var panels: [Panel]
    public var notes: [String]
    public var panelWidth: Double = 470
    public var panelHeight: Double = 350

    public init(title: String, panels: [Panel], notes: [String] = []) {
        self.title = title
        self.panels = panels
        self.notes = notes
    }

    public func render() -> String {
        let cols = max(1, min(panels.count, 2))
        let rowsN = (panels.count + cols - 1) / cols
        let titleH = 30.0 + 14.0 * Double(wrappedTitle.count - 1)
        let notesH = notes.isEmpty ? 0 : 10 + 14 * Double(wrappedNotes.count)
        let w = Double(cols) * panelWidth
        let h = titleH + Double(rowsN) * panelHeight + notesH
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(fmt(w))\" height=\"\(fmt(h))\" viewBox=\"0 0 \(fmt(w)) \(fmt(h))\" font-family=\"Helvetica, Arial, sans-serif\">\n"
        s += "<rect x=\"0\" y=\"0\" width=\"\(fmt(w))\" height=\"\(fmt(h))\" fill=\"white\"/>\n"
        for (i, line) in wrappedTitle.enumerated() {
            s += "<text x=\"\(fmt(w / 2))\" y=\"\(fmt(20 + 14 * Double(i)))\" text-anchor=\"middle\" font-size=\"\(i == 0 ? 14 : 11)\" font-weight=\"\(i == 0 ? "bold" : "normal")\">\(xmlEscape(line))</text>\n"
        }
        for (i, p) in panels.enumerated() {
            let ox = Double(i % cols) * panelWidth
            let oy = titleH + Double(i / cols) * panelHeight
            s += renderPanel(p, index: i, ox: ox, oy: oy)
        }
        for (i, line) in wrappedNotes.enumerated() {
            s += "<text x=\"10\" y=\"\(fmt(titleH + Double(rowsN) * panelHeight + 14 + 14 * Double(i)))\" font-size=\"10.5\" fill=\"#333\">\(xmlEscape(line))</text>\n"
        }
        s += "</svg>\n"
        return s
    }

    /// ~9.5 px per character of the bold title font (7.2 let long titles run off the canvas).
    var wrappedTitle: [String] { wrap(title, width: Int(Double(max(1, min(panels.count, 2))) * panelWidth / 9.5)) }
    var wrappedNotes: [String] { notes.flatMap { wrap($0, width: Int(Double(max(1, min(panels.count, 2))) * panelWidth / 5.8)) } }

    func renderPanel(_ p: Panel, index: Int, ox: Double, oy: Double) -> String {
        let left = 68.0, right = 16.0, top = 28.0, bottom = 50.0
        let pw = panelWidth - left - right, ph = panelHeight - top - bottom
        let x0 = ox + left, y0 = oy + top
        let xr = range(p.xAxis, p.series.flatMap { $0.x }, nil)
        let yr = range(p.yAxis, p.series.flatMap { s in s.y }, p.series)
        let map = AxisMap(x: xr, y: yr, xScale: p.xAxis.scale, yScale: p.yAxis.scale, x0: x0, y0: y0, w: pw, h: ph)
        var s = "<g>\n"
        s += "<text x=\"\(fmt(x0 + pw / 2))\" y=\"\(fmt(oy + 18))\" text-anchor=\"middle\" font-size=\"12.5\">\(xmlEscape(p.title))</text>\n"
        // ticks and grid
        for t in ticks(xr, p.xAxis.scale) {
            let px = map.px(t.value)
            s += "<line x1=\"\(fmt(px))\" y1=\"\(fmt(y0))\" x2=\"\(fmt(px))\" y2=\"\(fmt(y0 + ph))\" stroke=\"#e6e6e6\" stroke-width=\"0.7\"/>\n"
            s += "<line x1=\"\(fmt(px))\" y1=\"\(fmt(y0 + ph))\" x2=\"\(fmt(px))\" y2=\"\(fmt(y0 + ph + (t.major ? 5 : 3)))\" stroke=\"black\" stroke-width=\"1\"/>\n"
            if t.major {
                s += "<text x=\"\(fmt(px))\" y=\"\(fmt(y0 + ph + 17))\" text-anchor=\"middle\" font-size=\"10.5\">\(xmlEscape(t.label))</text>\n"
            }
        }
        for t in ticks(yr, p.yAxis.scale) {
            let py = map.py(t.value)
            s += "<line x1=\"\(fmt(x0))\" y1=\"\(fmt(py))\" x2=\"\(fmt(x0 + pw))\" y2=\"\(fmt(py))\" stroke=\"#e6e6e6\" stroke-width=\"0.7\"/>\n"
            s += "<line x1=\"\(fmt(x0 - (t.major ? 5 : 3)))\" y1=\"\(fmt(py))\" x2=\"\(fmt(x0))\" y2=\"\(fmt(py))\" stroke=\"black\" stroke-width=\"1\"/>\n"
            if t.major {
                s += "<text x=\"\(fmt(x0 - 8))\" y=\"\(fmt(py + 3.5))\" text-anchor=\"end\" font-size=\"10.5\">\(xmlEscape(t.label))</text>\n"
            }
        }
        s += "<rect x=\"\(fmt(x0))\" y=\"\(fmt(y0))\" width=\"\(fmt(pw))\" height=\"\(fmt(ph))\" fill=\"none\" stroke=\"black\" stroke-width=\"1\"/>\n"
        s += "<text x=\"\(fmt(x0 + pw / 2))\" y=\"\(fmt(y0 + ph + 38))\" text-anchor=\"middle\" font-size=\"12\">\(xmlEscape(p.xAxis.label))</text>\n"
        let ly = y0 + ph / 2, lx = ox + 16
        s += "<text x=\"\(fmt(lx))\" y=\"\(fmt(ly))\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 \(fmt(lx)) \(fmt(ly)))\">\(xmlEscape(p.yAxis.label))</text>\n"
        // data, clipped to the plot area
        let clip = "clip\(index)"
        s += "<clipPath id=\"\(clip)\"><rect x=\"\(fmt(x0))\" y=\"\(fmt(y0))\" width=\"\(fmt(pw))\" height=\"\(fmt(ph))\"/></clipPath>\n"
        s += "<g clip-path=\"url(#\(clip))\">\n"
        for ser in p.series { s += renderSeries(ser, map) }
        s += "</g>\n"
        s += renderLegend(p, x0: x0, y0: y0, w: pw, h: ph)
        s += "</g>\n"
        return s
    }

    func renderSeries(_ ser: Series, _ m: AxisMap) -> String {
        var s = ""
        let pts: [(Double, Double, Int)] = zip(ser.x, ser.y).enumerated().compactMap { i, p in
            m.valid(p.0, p.1) ? (m.px(p.0), m.py(p.1), i) : nil
        }
        let op = ser.opacity < 1 ? " opacity=\"\(fmt(ser.opacity))\"" : ""
        if let dash = ser.dash, pts.count > 1 {
            var d = ""
            for (k, p) in pts.enumerated() {
                if k == 0 {
                    d += "M\(fmt(p.0)) \(fmt(p.1))"
                } else if ser.step {
                    d += " H\(fmt(p.0)) V\(fmt(p.1))"
                } else {
                    d += " L\(fmt(p.0)) \(fmt(p.1))"
                }
            }
            let da = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            s += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(ser.color)\" stroke-width=\"\(fmt(ser.lineWidth))\"\(da)\(op)/>\n"
        }
        if let err = ser.yError {
            for (px, _, i) in pts where i < err.count && err[i] > 0 {
                let lo = ser.y[i] - err[i], hi = ser.y[i] + err[i]
                let pyl = m.valid(ser.x[i], lo) ? m.py(lo) : m.y0 + m.h
                let pyh = m.py(hi)
                s += "<path d=\"M\(fmt(px)) \(fmt(pyl)) V\(fmt(pyh)) M\(fmt(px - 4)) \(fmt(pyl)) H\(fmt(px + 4)) M\(fmt(px - 4)) \(fmt(pyh)) H\(fmt(px + 4))\" stroke=\"\(ser.color)\" stroke-width=\"1.1\" fill=\"none\"/>\n"
            }
        }
        if ser.marker != .none {
            var g = "<g fill=\"\(ser.color)\"\(op)>"
            for (px, py, _) in pts { g += markerShape(ser.marker, px, py, ser.markerSize) }
            s += g + "</g>\n"
        }
        return s
    }

    func markerShape(_ m: Marker, _ x: Double, _ y: Double, _ r: Double) -> String {
        switch m {
        case .none: return ""
        case .dot: return "<circle cx=\"\(fmt(x))\" cy=\"\(fmt(y))\" r=\"\(fmt(r))\"/>"
        case .circle: return "<circle cx=\"\(fmt(x))\" cy=\"\(fmt(y))\" r=\"\(fmt(r))\" stroke=\"black\" stroke-width=\"0.5\"/>"
        case .square:
            return "<rect x=\"\(fmt(x - r))\" y=\"\(fmt(y - r))\" width=\"\(fmt(2 * r))\" height=\"\(fmt(2 * r))\" stroke=\"black\" stroke-width=\"0.5\"/>"
        case .triangle:
            return "<path d=\"M\(fmt(x)) \(fmt(y - 1.2 * r)) L\(fmt(x + r)) \(fmt(y + 0.8 * r)) L\(fmt(x - r)) \(fmt(y + 0.8 * r)) Z\" stroke=\"black\" stroke-width=\"0.5\"/>"
        case .diamond:
            return "<path d=\"M\(fmt(x)) \(fmt(y - 1.3 * r)) L\(fmt(x + r)) \(fmt(y)) L\(fmt(x)) \(fmt(y + 1.3 * r)) L\(fmt(x - r)) \(fmt(y)) Z\" stroke=\"black\" stroke-width=\"0.5\"/>"
        }
    }

    func renderLegend(_ p: Panel, x0: Double, y0: Double, w: Double, h: Double) -> String {
        let named = p.series.filter { $0.name != nil }
        if named.isEmpty || p.legend == .none { return "" }
        let lineH = 15.0
        let maxChars = named.map { $0.name?.count ?? 0 }.max() ?? 0
        let bw = min(w - 10, 36 + 6.1 * Double(maxChars)), bh = 6 + lineH * Double(named.count)
        let bx: Double, by: Double
        switch p.legend {
        case .topLeft, .none: bx = x0 + 8; by = y0 + 8
        case .topRight: bx = x0 + w - bw - 8; by = y0 + 8
        case .bottomLeft: bx = x0 + 8; by = y0 + h - bh - 8
        case .bottomRight: bx = x0 + w - bw - 8; by = y0 + h - bh - 8
        }
        var s = "<rect x=\"\(fmt(bx))\" y=\"\(fmt(by))\" width=\"\(fmt(bw))\" height=\"\(fmt(bh))\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#999\" stroke-width=\"0.6\"/>\n"
        for (i, ser) in named.enumerated() {
            let cy = by + 4 + lineH * (Double(i) + 0.5)
            if let dash = ser.dash {
                let da = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
                s += "<line x1=\"\(fmt(bx + 5))\" y1=\"\(fmt(cy))\" x2=\"\(fmt(bx + 27))\" y2=\"\(fmt(cy))\" stroke=\"\(ser.color)\" stroke-width=\"\(fmt(ser.lineWidth))\"\(da)/>\n"
            }
            if ser.marker != .none {
                s += "<g fill=\"\(ser.color)\">" + markerShape(ser.marker, bx + 16, cy, min(ser.markerSize, 4)) + "</g>\n"
            }
            s += "<text x=\"\(fmt(bx + 32))\" y=\"\(fmt(cy + 3.5))\" font-size=\"10.5\">\(xmlEscape(ser.name ?? ""))</text>\n"
        }
        return s
    }

    func range(_ axis: Axis, _ values: [Double], _ series: [Series]?) -> ClosedRange<Double> {
        if let r = axis.range { return r }
        var vals = values.filter { $0.isFinite && (axis.scale == .linear || $0 > 0) }
        if let ss = series {
            for s in ss { if let e = s.yError { for (y, d) in zip(s.y, e) where y.isFinite && d.isFinite { vals.append(y + d); if axis.scale == .linear || y - d > 0 { vals.append(y - d) } } } }
        }
        guard var lo = vals.min(), var hi = vals.max() else { return axis.scale == .log ? 0.1...10 : 0...1 }
        switch axis.scale {
        case .linear:
            if hi == lo { lo -= 0.5; hi += 0.5 }
            let pad = 0.05 * (hi - lo)
            return (lo - pad)...(hi + pad)
        case .log:
            if hi == lo { lo /= 2; hi *= 2 }
            let a = Foundation.log10(lo), b = Foundation.log10(hi), pad = 0.04 * (b - a)
            return Foundation.pow(10, a - pad)...Foundation.pow(10, b + pad)
        }
    }
}

struct Tick { let value: Double; let label: String; let major: Bool }

struct AxisMap {
    let x: ClosedRange<Double>, y: ClosedRange<Double>
    let xScale: AxisScale, yScale: AxisScale
    let x0: Double, y0: Double, w: Double, h: Double
    func tx(_ v: Double, _ s: AxisScale) -> Double { s == .log ? Foundation.log10(v) : v }
    func px(_ v: Double) -> Double {
        let a = tx(x.lowerBound, xScale), b = tx(x.upperBound, xScale)
        return x0 + (tx(v, xScale) - a) / (b - a) * w
    }
    func py(_ v: Double) -> Double {
        let a = tx(y.lowerBound, yScale), b = tx(y.upperBound, yScale)
        return y0 + h - (tx(v, yScale) - a) / (b - a) * h
    }
    func valid(_ xv: Double, _ yv: Double) -> Bool {
        xv.isFinite && yv.isFinite && (xScale == .linear || xv > 0) && (yScale == .linear || yv > 0)
    }
}

func ticks(_ r: ClosedRange<Double>, _ scale: AxisScale) -> [Tick] {
    switch scale {
    case .linear:
        let span = r.upperBound - r.lowerBound
        let raw = span / 6
        let mag = Foundation.pow(10, Foundation.floor(Foundation.log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
        var out: [Tick] = []
        var k = Foundation.ceil(r.lowerBound / step - 1e-9)
        while k * step <= r.upperBound + 1e-9 * step {
            let v = k * step
            out.append(Tick(value: v, label: tickLabel(abs(v) < 1e-12 * step ? 0 : v), major: true))
            k += 1
        }
        return out
    case .log:
        let a = Int(Foundation.floor(Foundation.log10(r.lowerBound))), b = Int(Foundation.ceil(Foundation.log10(r.upperBound)))
        let decades = b - a
        let every = max(1, decades / 7)
        var out: [Tick] = []
        for e in a...b {
            for m in 1...9 {
                let v = Double(m) * Foundation.pow(10, Double(e))
                if v < r.lowerBound * (1 - 1e-12) || v > r.upperBound * (1 + 1e-12) { continue }
                if m == 1 {
                    out.append(Tick(value: v, label: (e - a) % every == 0 ? tickLabel(v) : "", major: (e - a) % every == 0))
                } else if decades <= 2 && (m == 2 || m == 5) {
                    out.append(Tick(value: v, label: tickLabel(v), major: true))
                } else if decades <= 8 {
                    out.append(Tick(value: v, label: "", major: false))
                }
            }
        }
        return out
    }
}

func tickLabel(_ v: Double) -> String {
    if v == 0 { return "0" }
    let a = abs(v)
    if a >= 1e5 || a < 1e-3 {
        let e = Int(Foundation.floor(Foundation.log10(a) + 1e-9))
        let m = v / Foundation.pow(10, Double(e))
        if abs(m - m.rounded()) < 1e-9 && abs(m.rounded()) == 1 { return (m < 0 ? "−" : "") + "10^\(e)" }
        return String(format: "%ge%d", m, e)
    }
    return String(format: "%g", v)
}

func fmt(_ v: Double) -> String { String(format: "%.2f", v) }

func xmlEscape(_ s: String) -> String {
    var o = ""
    for c in s {
        switch c {
        case "&": o += "&amp;"
        case "<": o += "&lt;"
        case ">": o += "&gt;"
        case "\"": o += "&quot;"
        default: o.append(c)
        }
    }
    return o
}

func wrap(_ s: String, width: Int) -> [String] {
    var lines: [String] = []
    var cur = ""
    for word in s.split(separator: " ") {
        if cur.count + word.count + 1 > width && !cur.isEmpty { lines.append(cur); cur = "" }
        cur += cur.isEmpty ? String(word) : " " + word
    }
    if !cur.isEmpty { lines.append(cur) }
    return lines.isEmpty ? [""] : lines
}
