import AtlasEngine
import AtlasModel
import Foundation

/// A simulation as a standalone SVG timeline, the picture a drafter puts beside the table: one bar per jurisdiction
/// from the start of the term to its earliest release, in the table's order, the span between the dates the
/// sources give shaded where they disagree, and the end of the term and the as-of date marked. Every word is in the
/// wording's language.
///
/// Each bar carries its jurisdiction and dates (`data-jurisdiction`, `data-start`, `data-date`, and
/// `data-from`/`data-to` for a shaded span), and its length is the days from the start over the days of the axis
/// times the plot's width, so that a reader (or a test) can check the picture against the dates.
public struct OutcomeTimeline: Sendable {
    public let facts: Case
    public let outcomes: [JurisdictionOutcome]
    public let wording: Wording
    public let home: String
    public let provenance: Provenance?

    public init(facts: Case, outcomes: [JurisdictionOutcome], wording: Wording, home: String,
                provenance: Provenance? = nil) {
        self.facts = facts
        self.outcomes = outcomes
        self.wording = wording
        self.home = home
        self.provenance = provenance
    }

    /// One row of the picture.
    struct Row {
        var jurisdiction: String
        var label: String
        var date: CalendarDate?
        /// The span the sources' dates cover, where they disagree.
        var disputed: (from: CalendarDate, to: CalendarDate)?
        /// Why there is no bar ("no minimum stated", "excluded"…), in the language.
        var note: String
    }

    var rows: [Row] {
        OutcomeText.ranked(outcomes).map { outcome in
            let lead = OutcomeText.lead(outcome)
            let name = lead.map { OutcomeText.mechanismName($0, among: outcome.mechanisms, wording) } ?? "—"
            let date = lead.flatMap { $0.endsCustody ? $0.earliestDate : nil }
            let note = lead.map { m -> String in
                if m.earliestDate == nil && m.status == .availableNoThreshold { return wording.text(.noMinimumStated) }
                // A release a source says may not end custody (temporary leave) is not drawn as one.
                if let kind = m.disputedKind, let day = m.earliestDate {
                    return "\(day) (" + wording.text(.disputedKind, ["kind": wording.text(.term(set: "mechanism-kind", term: kind))]) + ")"
                }
                return OutcomeText.availability(m, wording)
            } ?? "—"
            return Row(jurisdiction: outcome.jurisdiction.id, label: "\(outcome.jurisdiction.id) · \(name)",
                       date: date, disputed: lead.flatMap(Self.disputedSpan), note: note)
        }
    }

    /// The earliest and latest date the sources give for a mechanism, when they differ.
    static func disputedSpan(_ m: MechanismOutcome) -> (from: CalendarDate, to: CalendarDate)? {
        if let range = m.discrepancies.first(where: { $0.earliest != nil && $0.latest != nil && $0.earliest != $0.latest }),
           let from = range.earliest, let to = range.latest {
            return (from, to)
        }
        let readings = m.branches.filter { !$0.isOpenFact }.compactMap(\.earliestDate) + [m.earliestDate].compactMap { $0 }
        guard let from = readings.min(), let to = readings.max(), from != to else { return nil }
        return (from, to)
    }

    static func coordinate(_ x: Double) -> String { String(format: "%.2f", x) }

    /// Characters of a row label before it is cut (the whole label is in the bar's tooltip).
    static let longestLabel = 40

    static func cut(_ label: String) -> String {
        label.count <= longestLabel ? label : String(label.prefix(longestLabel - 1)) + "…"
    }

    /// The timeline as an `<svg>` element to place in an HTML page: the document without its XML declaration,
    /// which has no place inside HTML. It draws with presentation attributes only (no `style`), so that a page whose
    /// Content-Security-Policy forbids inline styles shows it as the file does.
    public var svgElement: String { SVGElement.inline(svg) }

    /// The timeline as a standalone SVG document.
    public var svg: String {
        let esc = HTMLText.escaped
        let c = Self.coordinate
        let w = wording
        let rows = self.rows
        let start = facts.start
        // The axis runs from the start to the latest date drawn, the term's end or the as-of date, whichever is
        // last, rounded up to a whole year after the start.
        let dates = rows.flatMap { [$0.date, $0.disputed?.to].compactMap { $0 } } + [facts.termEnd, facts.asOf].compactMap { $0 }
        let lastDay = dates.max() ?? start.adding(months: 12 * 1)
        let years = max(1, Int((Double(start.days(until: lastDay)) / 365.25).rounded(.up)))
        let axisEnd = start.adding(months: 12 * years)
        let totalDays = Double(max(start.days(until: axisEnd), 1))

        let margin = 20.0
        // About 7.4 units a character of 12-unit text (Cyrillic is wide); a longer label is cut with an ellipsis.
        let labelWidth = Double(min(rows.map(\.label.count).max() ?? 10, Self.longestLabel)) * 7.4 + 12
        let left = margin + labelWidth
        let plotWidth = 640.0
        let width = left + plotWidth + 150
        let rowHeight = 22.0
        let title = w.text(.timelineTitle)
        let subtitle = w.text(.timelineSubtitle, ["start": start.description, "asOf": facts.asOf.description])
        let top = 24 + 22 + 20 + 20 + 16.0
        let plotHeight = Double(max(rows.count, 1)) * rowHeight
        let bottom = top + plotHeight
        let footer = [provenance?.footer(language: w.language)].compactMap { $0 }
        let height = bottom + 30 + 22 + Double(footer.count) * 16 + 12
        func x(_ date: CalendarDate) -> Double {
            left + Double(start.days(until: date)) / totalDays * plotWidth
        }

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" xml:lang=\"\(w.language.rawValue)\" width=\"\(c(width))\" "
            + "height=\"\(c(height))\" viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" "
            + "aria-labelledby=\"timeline-title timeline-desc\" "
            + "font-family=\"'DejaVu Sans', 'Noto Sans', Arial, sans-serif\">\n"
        out += "  <title id=\"timeline-title\">\(esc(title))</title>\n"
        out += "  <desc id=\"timeline-desc\">\(esc(subtitle))</desc>\n"
        out += "  <rect x=\"0\" y=\"0\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#ffffff\"/>\n"
        out += "  <text class=\"title\" x=\"\(c(margin))\" y=\"30\" font-size=\"17\" font-weight=\"bold\" "
            + "fill=\"#222222\">\(esc(title))</text>\n"
        out += "  <text class=\"subtitle\" x=\"\(c(margin))\" y=\"52\" font-size=\"13\" fill=\"#555555\">"
            + "\(esc(subtitle))</text>\n"
        // The legend: release bar, disputed span, term end, as-of.
        let legend: [(String, String)] = [
            ("<rect width=\"14\" height=\"10\" fill=\"#0072B2\"/>", w.text(.timelineLegendRelease)),
            ("<rect width=\"14\" height=\"10\" fill=\"#E69F00\" fill-opacity=\"0.55\"/>", w.text(.timelineLegendDisputed)),
            ("<rect x=\"6\" width=\"2\" height=\"12\" fill=\"#D55E00\"/>", w.text(.timelineLegendTermEnd)),
            ("<rect x=\"6\" width=\"2\" height=\"12\" fill=\"#009E73\"/>", w.text(.timelineLegendAsOf)),
        ]
        out += "  <g class=\"legend\" font-size=\"12\" fill=\"#222222\">\n"
        var legendX = margin
        for (swatch, label) in legend {
            out += "    <g transform=\"translate(\(c(legendX)) 64)\">\(swatch)<text x=\"20\" y=\"10\">\(esc(label))</text></g>\n"
            legendX += 34 + Double(label.count) * 7
        }
        out += "  </g>\n"

        // Year ticks and gridlines.
        let every = years > 24 ? 5 : years > 12 ? 2 : 1
        out += "  <g class=\"x-axis\" font-size=\"11\" fill=\"#444444\">\n"
        for year in stride(from: 0, through: years, by: every) {
            let tx = x(start.adding(months: 12 * year))
            out += "    <line x1=\"\(c(tx))\" y1=\"\(c(top))\" x2=\"\(c(tx))\" y2=\"\(c(bottom))\" stroke=\"#e4e4e4\"/>\n"
            out += "    <text x=\"\(c(tx))\" y=\"\(c(bottom + 16))\" text-anchor=\"middle\">\(esc(w.text(.timelineYears, ["years": String(year)])))</text>\n"
        }
        out += "    <text class=\"axis-title\" x=\"\(c(left + plotWidth / 2))\" y=\"\(c(bottom + 34))\" font-size=\"12\" "
            + "text-anchor=\"middle\">\(esc(w.text(.timelineAxis)))</text>\n"
        out += "  </g>\n"

        out += "  <g class=\"rows\" font-size=\"12\">\n"
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            let bold = row.jurisdiction == home ? " font-weight=\"bold\"" : ""
            out += "    <text x=\"\(c(left - 8))\" y=\"\(c(y + 15))\" text-anchor=\"end\" fill=\"#222222\"\(bold)>"
                + "\(esc(Self.cut(row.label)))</text>\n"
            guard let date = row.date else {
                out += "    <text class=\"no-bar\" data-jurisdiction=\"\(esc(row.jurisdiction))\" x=\"\(c(left + 4))\" "
                    + "y=\"\(c(y + 15))\" fill=\"#777777\">\(esc(row.note))</text>\n"
                continue
            }
            out += "    <rect class=\"bar\" data-jurisdiction=\"\(esc(row.jurisdiction))\" data-start=\"\(start)\" "
                + "data-date=\"\(date)\" x=\"\(c(left))\" y=\"\(c(y + 5))\" width=\"\(c(max(x(date) - left, 0)))\" "
                + "height=\"12\" fill=\"#0072B2\"><title>\(esc(row.label)): \(date)</title></rect>\n"
            if let span = row.disputed {
                out += "    <rect class=\"disputed\" data-jurisdiction=\"\(esc(row.jurisdiction))\" "
                    + "data-from=\"\(span.from)\" data-to=\"\(span.to)\" x=\"\(c(x(span.from)))\" y=\"\(c(y + 3))\" "
                    + "width=\"\(c(max(x(span.to) - x(span.from), 1)))\" height=\"16\" fill=\"#E69F00\" "
                    + "fill-opacity=\"0.55\"><title>\(span.from)…\(span.to) ⚠</title></rect>\n"
            }
            out += "    <text x=\"\(c(max(x(date), x(row.disputed?.to ?? date)) + 6))\" y=\"\(c(y + 15))\" "
                + "fill=\"#333333\">\(date)</text>\n"
        }
        out += "  </g>\n"

        // The term's end and the as-of date as vertical lines across the rows.
        var markers: [(CalendarDate, String, String, String)] = [(facts.asOf, "as-of", "#009E73", w.text(.timelineLegendAsOf))]
        if let end = facts.termEnd { markers.insert((end, "term-end", "#D55E00", w.text(.timelineLegendTermEnd)), at: 0) }
        for (date, kind, colour, label) in markers {
            let mx = x(date)
            out += "  <line class=\"\(kind)\" data-date=\"\(date)\" x1=\"\(c(mx))\" y1=\"\(c(top - 4))\" x2=\"\(c(mx))\" "
                + "y2=\"\(c(bottom))\" stroke=\"\(colour)\" stroke-width=\"2\"><title>\(esc(label)): \(date)</title></line>\n"
        }
        for (index, line) in footer.enumerated() {
            out += "  <text class=\"footer\" x=\"\(c(margin))\" y=\"\(c(bottom + 56 + Double(index) * 16))\" font-size=\"11\" "
                + "fill=\"#666666\">\(esc(line))</text>\n"
        }
        out += "</svg>\n"
        return out
    }
}
