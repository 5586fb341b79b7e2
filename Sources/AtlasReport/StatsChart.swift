import AtlasEngine
import AtlasModel
import Foundation

/// A statistical table as a standalone SVG bar chart, the kind a person puts in a report: a title, what is drawn
/// (the atlas's rates computed from the counts, or numbers as printed), a y axis with its unit and gridlines, the
/// rows along the x axis, a legend, the seed lines and the provenance, every word in the chosen language and every
/// number written as the language writes it.
///
/// What it draws is the table's corpus `<chart>` (rates or count columns, data rows or printed totals); a table
/// without one draws its rates, else its count columns. Each bar carries its row, series and exact value
/// (`data-row`, `data-series`, `data-value`), and its height is that value over the axis maximum times the plot
/// height, so that a reader (or a test) can check the picture against the numbers.
public struct StatsChart: Sendable {
    public let computation: StatsComputation
    public let language: Language
    public let provenance: Provenance?

    /// The chart of `computation`'s table in `language`, with `provenance` in its footer when given.
    public init(_ computation: StatsComputation, language: Language, provenance: Provenance? = nil) {
        self.computation = computation
        self.language = language
        self.provenance = provenance
    }

    /// One bar: the row and series it shows and its value; `nil` where the value cannot be computed (a gap).
    struct Point {
        var row: String
        var value: Double?
        /// Exact, for `data-value` ("36.48", "124").
        var machine: String
        /// In the language, for the label and the tooltip.
        var text: String
    }

    struct Series {
        var key: String
        var label: String
        var points: [Point]
    }

    var table: StatsTable { computation.table }
    var words: StatsWords { StatsWords(table: table, language: language) }

    /// The plan drawn: the table's own, else its rates, else its count columns.
    var plan: StatsTable.ChartPlan {
        if let plan = table.chart { return plan }
        if !table.rates.isEmpty { return StatsTable.ChartPlan(series: table.rates.map(\.key)) }
        return StatsTable.ChartPlan(series: table.columns.filter { $0.kind == .count }.map(\.key))
    }

    var rows: [StatsTable.Row] { table.rows.filter { $0.role == plan.rows } }

    /// Whether the series are rates (a percent axis) rather than counts.
    var drawsRates: Bool { plan.series.contains { table.rate($0) != nil } }

    var series: [Series] {
        let w = words
        return plan.series.map { key in
            if let rate = table.rate(key) {
                return Series(key: key, label: w.label(rate.labels, key), points: rows.map { row in
                    let percent = computation.rate(key, row: row.key)?.percent
                    return Point(row: row.key, value: percent.map { Double($0.numerator) / Double($0.denominator) },
                                 machine: percent?.rounded(digits: 2).description ?? "",
                                 text: percent.map { w.numbers.percent($0) + "%" } ?? "—")
                })
            }
            return Series(key: key, label: w.columnLabel(key), points: rows.map { row in
                let count = computation.count(row, key)
                return Point(row: row.key, value: count.map { Double($0.value) }, machine: count.map { String($0.value) } ?? "",
                             text: count.map { w.count($0) } ?? "—")
            })
        }
    }

    /// Colours that stay apart for readers with the commonest colour-vision deficiencies (Okabe-Ito).
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

    /// A round axis maximum above `value` and its step (1, 2, 2.5 or 5 times a power of ten, about five steps).
    static func axis(for value: Double) -> (maximum: Double, step: Double) {
        guard value > 0 else { return (1, 0.2) }
        let raw = value / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        return (ceil(value / step - 1e-9) * step, step)
    }

    /// A coordinate with two decimals, as SVG reads it.
    static func coordinate(_ x: Double) -> String { String(format: "%.2f", x) }

    /// A tick value in the language: a whole number with its groups, else one or two decimals.
    func tick(_ value: Double) -> String {
        let n = StatsNumbers(language)
        let hundredths = Int((value * 100).rounded())
        if hundredths % 100 == 0 { return n.count(hundredths / 100) }
        let number = hundredths % 10 == 0 ? StatsNumber(units: hundredths / 10, scale: 1)
            : StatsNumber(units: hundredths, scale: 2)
        return n.decimal(number)
    }

    /// The chart as a standalone SVG document.
    public var svg: String {
        let w = words
        let esc = HTMLText.escaped
        let series = self.series
        // A chart of printed totals needs no "total" before each label: the subtitle says what is drawn.
        let labels = rows.map { w.rowLabel($0, namingTotal: false) }
        // Each row gets a slot of the plot; its bars fill three quarters of it, between 10 and 44 units wide.
        let seriesCount = Double(max(series.count, 1))
        let right = 28.0, margin = 20.0
        let plotWidth = max(520, Double(max(rows.count, 1)) * (seriesCount * 18 + 18))
        let slot = plotWidth / Double(max(rows.count, 1))
        let barWidth = min(44, max(10, slot * 0.75 / seriesCount))
        // Row labels: level when they fit under their slot, else turned 45°; a turned label reaches left of its
        // slot's middle by about 4.7 units a character, and none may leave the picture.
        let longest = labels.map(\.count).max() ?? 0
        let turned = Double(longest) * 6.5 > slot - 6
        var reach = 0.0
        for (i, label) in labels.enumerated() {
            let middle = (Double(i) + 0.5) * slot
            reach = max(reach, Double(label.count) * 4.7 - middle + margin)
        }
        let left = max(78, turned ? reach : 0)
        let width = left + plotWidth + right
        // About 11 units per character of the bold 17-unit title (Cyrillic is wide), 8.2 of 13-unit text.
        let titleLines = TextTable.wrap(w.title, width: max(Int((width - 2 * margin) / 11), 30))
        let subtitle = drawsRates ? w.phrase(.chartSubtitleRates) : w.phrase(.chartSubtitleCounts)

        // The legend: a swatch and a label per series, wrapped onto further lines when the width is used up.
        var legend: [(x: Double, line: Int, index: Int)] = []
        var x = margin, line = 0
        for (i, s) in series.enumerated() {
            let needed = 22 + Double(s.label.count) * 8.2 + 24
            if x + needed > width - margin, x > margin { x = margin; line += 1 }
            legend.append((x, line, i))
            x += needed
        }
        let legendLines = series.isEmpty ? 0 : line + 1
        let top = 24 + Double(titleLines.count) * 22 + 22 + Double(legendLines) * 20 + 16
        let plotHeight = 300.0
        let bottomOfPlot = top + plotHeight

        let labelDepth = turned ? min(Double(longest) * 4.9 + 16, 260) : 22
        let axisTitleY = bottomOfPlot + labelDepth + 22
        let inferred = table.columns.contains { $0.values.contains(where: \.inferred) }
        let footerLines = [w.phrase(.source, ["lines": w.sources])] + (inferred ? [w.phrase(.markInferredNote)] : [])
            + [provenance?.footer(language: language)].compactMap { $0 }
        let height = axisTitleY + 16 + Double(footerLines.count) * 16 + 12

        // Rates are drawn as percentages (their points already are), counts as they are.
        let maximum = series.flatMap { $0.points.compactMap(\.value) }.max() ?? 0
        let (axisMaximum, step) = Self.axis(for: maximum)
        func y(_ value: Double) -> Double { bottomOfPlot - value / axisMaximum * plotHeight }
        let c = Self.coordinate

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" xml:lang=\"\(language.rawValue)\" width=\"\(c(width))\" "
            + "height=\"\(c(height))\" viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" "
            + "aria-labelledby=\"chart-title chart-desc\" font-family=\"'DejaVu Sans', 'Noto Sans', Arial, sans-serif\">\n"
        out += "  <title id=\"chart-title\">\(esc(w.title))</title>\n"
        out += "  <desc id=\"chart-desc\">\(esc(subtitle)). \(esc(w.phrase(.source, ["lines": w.sources])))</desc>\n"
        out += "  <rect x=\"0\" y=\"0\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#ffffff\"/>\n"
        for (i, text) in titleLines.enumerated() {
            out += "  <text class=\"title\" x=\"\(c(margin))\" y=\"\(c(30 + Double(i) * 22))\" font-size=\"17\" "
                + "font-weight=\"bold\" fill=\"#222222\">\(esc(text))</text>\n"
        }
        let subtitleY = 30 + Double(titleLines.count) * 22
        out += "  <text class=\"subtitle\" x=\"\(c(margin))\" y=\"\(c(subtitleY))\" font-size=\"13\" fill=\"#555555\">"
            + "\(esc(subtitle))</text>\n"
        out += "  <g class=\"legend\">\n"
        for item in legend {
            let ly = subtitleY + 18 + Double(item.line) * 20
            out += "    <rect x=\"\(c(item.x))\" y=\"\(c(ly))\" width=\"14\" height=\"14\" "
                + "fill=\"\(Self.palette[item.index % Self.palette.count])\"/>\n"
            out += "    <text x=\"\(c(item.x + 20))\" y=\"\(c(ly + 12))\" font-size=\"13\" fill=\"#222222\">"
                + "\(esc(series[item.index].label))</text>\n"
        }
        out += "  </g>\n"

        // Gridlines and the y axis with its ticks and title.
        out += "  <g class=\"y-axis\" font-size=\"12\" fill=\"#444444\">\n"
        var tickValue = 0.0
        while tickValue <= axisMaximum + step / 1000 {
            let ty = bottomOfPlot - tickValue / axisMaximum * plotHeight
            out += "    <line x1=\"\(c(left))\" y1=\"\(c(ty))\" x2=\"\(c(left + plotWidth))\" y2=\"\(c(ty))\" "
                + "stroke=\"\(tickValue == 0 ? "#444444" : "#dddddd")\" stroke-width=\"1\"/>\n"
            out += "    <text x=\"\(c(left - 8))\" y=\"\(c(ty + 4))\" text-anchor=\"end\">\(esc(tick(tickValue)))</text>\n"
            tickValue += step
        }
        let yTitle = drawsRates ? w.phrase(.chartAxisPercent) + ", %" : w.phrase(.chartAxisCount)
        out += "    <text class=\"axis-title\" x=\"\(c(20))\" y=\"\(c(top + plotHeight / 2))\" font-size=\"13\" "
            + "text-anchor=\"middle\" transform=\"rotate(-90 \(c(20)) \(c(top + plotHeight / 2)))\">\(esc(yTitle))</text>\n"
        out += "  </g>\n"

        // The bars, row by row, with their values above them when every value fits over its bar.
        let showValues = series.allSatisfy { $0.points.allSatisfy { Double($0.text.count) * 6 <= barWidth + 4 } }
        out += "  <g class=\"bars\">\n"
        for (g, row) in rows.enumerated() {
            let groupX = left + Double(g) * slot + (slot - seriesCount * barWidth) / 2
            for (s, line) in series.enumerated() {
                let point = line.points[g]
                guard let value = point.value else { continue }
                let bx = groupX + Double(s) * barWidth
                let barTop = y(value)
                let barHeight = bottomOfPlot - barTop
                out += "    <rect class=\"bar\" data-row=\"\(esc(row.key))\" data-series=\"\(esc(line.key))\" "
                    + "data-value=\"\(point.machine)\" x=\"\(c(bx + 1))\" y=\"\(c(barTop))\" width=\"\(c(barWidth - 2))\" "
                    + "height=\"\(c(barHeight))\" fill=\"\(Self.palette[s % Self.palette.count])\">"
                    + "<title>\(esc(labels[g] + " — " + line.label + ": " + point.text))</title></rect>\n"
                if showValues {
                    out += "    <text class=\"value\" x=\"\(c(bx + barWidth / 2))\" y=\"\(c(barTop - 4))\" "
                        + "font-size=\"10\" text-anchor=\"middle\" fill=\"#222222\">\(esc(point.text))</text>\n"
                }
            }
        }
        out += "  </g>\n"

        // The x axis: a label per group, and what the groups are.
        out += "  <g class=\"x-axis\" font-size=\"12\" fill=\"#222222\">\n"
        for (g, label) in labels.enumerated() {
            let cx = left + (Double(g) + 0.5) * slot
            let ly = bottomOfPlot + 16
            if turned {
                out += "    <text x=\"\(c(cx))\" y=\"\(c(ly))\" text-anchor=\"end\" "
                    + "transform=\"rotate(-45 \(c(cx)) \(c(ly)))\">\(esc(label))</text>\n"
            } else {
                out += "    <text x=\"\(c(cx))\" y=\"\(c(ly))\" text-anchor=\"middle\">\(esc(label))</text>\n"
            }
        }
        let xTitle = table.dimensions.filter { d in rows.contains { $0.cell(d.key) != nil } }
            .map { w.label($0.labels, $0.key) }.joined(separator: " · ")
        out += "    <text class=\"axis-title\" x=\"\(c(left + plotWidth / 2))\" y=\"\(c(axisTitleY))\" font-size=\"13\" "
            + "text-anchor=\"middle\">\(esc(xTitle))</text>\n"
        out += "  </g>\n"
        out += "  <g class=\"footer\" font-size=\"11\" fill=\"#555555\">\n"
        for (i, text) in footerLines.enumerated() {
            out += "    <text x=\"\(c(margin))\" y=\"\(c(axisTitleY + 24 + Double(i) * 16))\">\(esc(text))</text>\n"
        }
        out += "  </g>\n</svg>\n"
        return out
    }
}
