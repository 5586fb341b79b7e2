import AtlasEngine
import AtlasModel
import Foundation

/// A cohort's counts as a standalone SVG chart, the picture beside `parole cohort`'s tables: one panel per
/// mechanism, in the tables' order; in each, a group of bars per date (the as-of date, then each year of the
/// horizon) and in each group one bar per scenario (the law in force, then each reform), so that a reform's effect
/// reads as the gap between neighbouring bars. Every word is in the wording's language; the colours are
/// `StatsChart`'s, and the y axis, shared by the panels so that they compare, is laid out as its is.
///
/// Each bar carries its mechanism, scenario, date and count (`data-mechanism`, `data-scenario`, `data-date`,
/// `data-value`), and its height is the count over the axis maximum times the panel's height, so that a reader (or
/// a test) can check the picture against the tally.
public struct CohortChart: Sendable {
    public let report: CohortReport
    public let wording: Wording
    public let provenance: Provenance?

    public init(_ report: CohortReport, wording: Wording, provenance: Provenance? = nil) {
        self.report = report
        self.wording = wording
        self.provenance = provenance
    }

    var tally: CohortTally { report.tally }

    /// The dates of the groups: the as-of date, then the end of each year of the horizon.
    var dates: [CalendarDate] { (0...tally.horizonYears).map(report.horizonDate) }

    /// Eligible by each of `dates` under scenario `s` for mechanism `m`.
    func values(scenario s: Int, mechanism m: Int) -> [Int] {
        let counts = tally.counts[s][m]
        return [counts.eligibleNow] + counts.eligibleBy
    }

    /// A scenario's key in the picture: `law`, else the reform as chosen (as in the CSV).
    func scenarioKey(_ s: Int) -> String { s == 0 ? "law" : report.scenarios[s] }

    /// The chart as an `<svg>` element to place in an HTML page (no XML declaration); it draws with presentation
    /// attributes only (no `style`), so that a page whose Content-Security-Policy forbids inline styles shows it.
    public var svgElement: String { SVGElement.inline(svg) }

    /// The chart as a standalone SVG document.
    public var svg: String {
        let esc = HTMLText.escaped
        let c = StatsChart.coordinate
        let w = wording
        let numbers = StatsNumbers(w.language)
        let scenarios = tally.scenarios, dates = self.dates
        let palette = StatsChart.palette

        let margin = 20.0, left = 78.0, right = 24.0
        let barWidth = min(28, max(10, 120 / Double(max(scenarios, 1))))
        let slot = Double(scenarios) * barWidth + 18
        // Wide enough for the provenance line of the footer (about 6.2 units a character of 11-unit text).
        let footer = [provenance?.footer(language: w.language)].compactMap { $0 }
        let footerWidth = (footer.map { Double($0.count) * 6.2 }.max() ?? 0) + 2 * margin - left - right
        let plotWidth = max(480, footerWidth, Double(dates.count) * slot)
        let width = left + plotWidth + right
        let title = w.text(.cohortChartTitle)
        let subtitle = w.text(.cohortChartSubtitle, ["people": "\(tally.people)", "asOf": tally.asOf.description])
        // About 11 units per character of the bold 17-unit title (Cyrillic is wide), 7.4 of 12-unit text.
        let titleLines = TextTable.wrap(title, width: max(Int((width - 2 * margin) / 11), 30))
        let subtitleLines = TextTable.wrap(subtitle, width: max(Int((width - 2 * margin) / 7.4), 30))

        // The legend: a swatch and the scenario's name, wrapped when the width is used up.
        var legend: [(x: Double, line: Int)] = []
        var lx = margin, line = 0
        for s in 0..<scenarios {
            let needed = 22 + Double(report.scenarioName(s, w).count) * 7.4 + 24
            if lx + needed > width - margin, lx > margin { lx = margin; line += 1 }
            legend.append((lx, line))
            lx += needed
        }
        let subtitleY = 30 + Double(titleLines.count) * 22
        let legendY = subtitleY + Double(subtitleLines.count) * 16 + 6
        let top = legendY + Double(line + 1) * 20 + 16

        // Counts are whole people: the axis steps by at least one.
        let maximum = Double((0..<scenarios).flatMap { s in tally.mechanisms.indices.flatMap { values(scenario: s, mechanism: $0) } }.max() ?? 0)
        let (axisMaximum, step) = StatsChart.axis(for: max(maximum, 5))
        // A panel: its mechanism's name (wrapped, about 8.6 units a character of bold 14-unit text), the plot, the
        // dates and the axis title under it.
        let plotHeight = 180.0, under = 44.0
        let headings = tally.mechanisms.map {
            TextTable.wrap(report.mechanismName($0, w), width: max(Int((width - 2 * margin) / 8.6), 20))
        }
        var panelTops: [Double] = []
        var panelsEnd = top
        for lines in headings {
            panelTops.append(panelsEnd)
            panelsEnd += Double(lines.count) * 18 + 8 + plotHeight + under
        }
        let height = panelsEnd + 8 + Double(footer.count) * 16 + 12

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" xml:lang=\"\(w.language.rawValue)\" width=\"\(c(width))\" "
            + "height=\"\(c(height))\" viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" "
            + "aria-labelledby=\"cohort-title cohort-desc\" "
            + "font-family=\"'DejaVu Sans', 'Noto Sans', Arial, sans-serif\">\n"
        out += "  <title id=\"cohort-title\">\(esc(title))</title>\n"
        out += "  <desc id=\"cohort-desc\">\(esc(subtitle))</desc>\n"
        out += "  <rect x=\"0\" y=\"0\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#ffffff\"/>\n"
        for (i, text) in titleLines.enumerated() {
            out += "  <text class=\"title\" x=\"\(c(margin))\" y=\"\(c(30 + Double(i) * 22))\" font-size=\"17\" "
                + "font-weight=\"bold\" fill=\"#222222\">\(esc(text))</text>\n"
        }
        for (i, text) in subtitleLines.enumerated() {
            out += "  <text class=\"subtitle\" x=\"\(c(margin))\" y=\"\(c(subtitleY + Double(i) * 16))\" font-size=\"12\" "
                + "fill=\"#555555\">\(esc(text))</text>\n"
        }
        out += "  <g class=\"legend\" font-size=\"12\" fill=\"#222222\">\n"
        for (s, item) in legend.enumerated() {
            let ly = legendY + Double(item.line) * 20
            out += "    <g class=\"legend-item\" data-scenario=\"\(esc(scenarioKey(s)))\">"
                + "<rect x=\"\(c(item.x))\" y=\"\(c(ly))\" width=\"14\" height=\"14\" fill=\"\(palette[s % palette.count])\"/>"
                + "<text x=\"\(c(item.x + 20))\" y=\"\(c(ly + 12))\">\(esc(report.scenarioName(s, w)))</text></g>\n"
        }
        out += "  </g>\n"

        for (m, key) in tally.mechanisms.enumerated() {
            let panelTop = panelTops[m]
            let plotTop = panelTop + Double(headings[m].count) * 18 + 8
            let bottom = plotTop + plotHeight
            func y(_ value: Int) -> Double { bottom - Double(value) / axisMaximum * plotHeight }
            let name = report.mechanismName(key, w)
            out += "  <g class=\"mechanism\" data-mechanism=\"\(esc(key.jurisdiction + "/" + key.mechanism))\">\n"
            for (i, text) in headings[m].enumerated() {
                out += "    <text class=\"panel-title\" x=\"\(c(margin))\" y=\"\(c(panelTop + 16 + Double(i) * 18))\" "
                    + "font-size=\"14\" font-weight=\"bold\" fill=\"#222222\">\(esc(text))</text>\n"
            }
            // Gridlines, the y axis's ticks and its title.
            out += "    <g class=\"y-axis\" font-size=\"11\" fill=\"#444444\">\n"
            var tick = 0.0
            while tick <= axisMaximum + step / 1000 {
                let ty = bottom - tick / axisMaximum * plotHeight
                out += "      <line x1=\"\(c(left))\" y1=\"\(c(ty))\" x2=\"\(c(left + plotWidth))\" y2=\"\(c(ty))\" "
                    + "stroke=\"\(tick == 0 ? "#444444" : "#dddddd")\" stroke-width=\"1\"/>\n"
                out += "      <text x=\"\(c(left - 8))\" y=\"\(c(ty + 4))\" text-anchor=\"end\">"
                    + "\(esc(numbers.count(Int(tick.rounded()))))</text>\n"
                tick += step
            }
            let middle = plotTop + plotHeight / 2
            out += "      <text class=\"axis-title\" x=\"\(c(margin))\" y=\"\(c(middle))\" font-size=\"12\" "
                + "text-anchor=\"middle\" transform=\"rotate(-90 \(c(margin)) \(c(middle)))\">"
                + "\(esc(w.text(.cohortChartAxisPeople)))</text>\n"
            out += "    </g>\n"
            // The bars: a group per date, a bar per scenario, the count above each bar.
            out += "    <g class=\"bars\">\n"
            for (g, date) in dates.enumerated() {
                let groupX = left + Double(g) * (plotWidth / Double(dates.count))
                    + (plotWidth / Double(dates.count) - Double(scenarios) * barWidth) / 2
                for s in 0..<scenarios {
                    let value = values(scenario: s, mechanism: m)[g]
                    let bx = groupX + Double(s) * barWidth
                    let tooltip = name + " — " + report.scenarioName(s, w) + ", " + date.description + ": " + numbers.count(value)
                    out += "      <rect class=\"bar\" data-mechanism=\"\(esc(key.jurisdiction + "/" + key.mechanism))\" "
                        + "data-scenario=\"\(esc(scenarioKey(s)))\" data-date=\"\(date)\" data-value=\"\(value)\" "
                        + "x=\"\(c(bx + 1))\" y=\"\(c(y(value)))\" width=\"\(c(barWidth - 2))\" "
                        + "height=\"\(c(bottom - y(value)))\" fill=\"\(palette[s % palette.count])\">"
                        + "<title>\(esc(tooltip))</title></rect>\n"
                    if Double(numbers.count(value).count) * 6 <= barWidth + 4 {
                        out += "      <text class=\"value\" x=\"\(c(bx + barWidth / 2))\" y=\"\(c(y(value) - 3))\" "
                            + "font-size=\"9\" text-anchor=\"middle\" fill=\"#222222\">\(esc(numbers.count(value)))</text>\n"
                    }
                }
            }
            out += "    </g>\n"
            // The x axis: each group's date, and what the dates are.
            out += "    <g class=\"x-axis\" font-size=\"11\" fill=\"#222222\">\n"
            for (g, date) in dates.enumerated() {
                let cx = left + (Double(g) + 0.5) * (plotWidth / Double(dates.count))
                out += "      <text x=\"\(c(cx))\" y=\"\(c(bottom + 15))\" text-anchor=\"middle\">\(date)</text>\n"
            }
            out += "      <text class=\"axis-title\" x=\"\(c(left + plotWidth / 2))\" y=\"\(c(bottom + 33))\" "
                + "font-size=\"12\" text-anchor=\"middle\">\(esc(w.text(.cohortChartAxisDate)))</text>\n"
            out += "    </g>\n  </g>\n"
        }
        for (i, text) in footer.enumerated() {
            out += "  <text class=\"footer\" x=\"\(c(margin))\" y=\"\(c(panelsEnd + 8 + Double(i) * 16))\" "
                + "font-size=\"11\" fill=\"#666666\">\(esc(text))</text>\n"
        }
        out += "</svg>\n"
        return out
    }
}
