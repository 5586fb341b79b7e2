import AtlasModel
import Foundation
internal import SafeXML

/// Reads the report's statistical tables (corpus/stats/*.xml, `<stats-table>`) into the model, and checks what the
/// schema cannot state: that every cell names a declared column (and a dimension cell a declared value), that a
/// printed number is one the report could print, that rates, identities, carry-overs and the chart name columns of
/// the right kind. These checks run on every load (a stamp may have let schema validation be skipped); that each
/// printed number really stands on its cited seed line is checked by `parole validate` (`checkPrinted`).
extension ModelReader {
    mutating func statsTable(_ root: XMLElement) -> StatsTable {
        let id = root.attribute("id") ?? ""
        let fileStem = ((root.file as NSString).lastPathComponent as NSString).deletingPathExtension
        if fileStem != id {
            diagnostics.append(root.diagnostic(.fileNameMismatch,
                "stats table id \"\(id)\" does not match its file name \(fileStem).xml; rename the file or the id"))
        }
        var columns: [StatsTable.Column] = []
        for e in root.children(named: "column") {
            guard let column = statsColumn(e) else { continue }
            if columns.contains(where: { $0.key == column.key }) {
                diagnostics.append(e.diagnostic(.invalidValue, "column \"\(column.key)\" is declared twice in \(id)"))
                continue
            }
            columns.append(column)
        }
        let byKey = Dictionary(columns.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [StatsTable.Row] = []
        for e in root.children(named: "row") {
            let row = statsRow(e, columns: byKey)
            if rows.contains(where: { $0.key == row.key }) {
                diagnostics.append(e.diagnostic(.invalidValue, "row \"\(row.key)\" is declared twice in \(id)"))
                continue
            }
            rows.append(row)
        }
        let groups = Set(rows.filter { $0.role == .data }.compactMap(\.group))
        for (row, e) in zip(rows, root.children(named: "row")) where row.role == .total {
            if let group = row.group, !groups.contains(group) {
                diagnostics.append(e.diagnostic(.unresolvedReference,
                    "total row \"\(row.key)\" adds up group \"\(group)\", which no data row belongs to"))
            }
        }
        var rates: [StatsTable.Rate] = []
        for e in root.children(named: "rate") {
            let rate = StatsTable.Rate(
                key: e.attribute("key") ?? "", labels: labels(e), numerator: words(e, "numerator"),
                denominator: words(e, "denominator"), printed: e.attribute("printed"),
                kind: e.attribute("kind").flatMap(StatsTable.Rate.Kind.init(rawValue:)) ?? .share)
            if rates.contains(where: { $0.key == rate.key }) {
                diagnostics.append(e.diagnostic(.invalidValue, "rate \"\(rate.key)\" is declared twice in \(id)"))
                continue
            }
            requireColumns(rate.numerator + rate.denominator, .count, in: byKey, at: e, what: "rate \"\(rate.key)\"")
            if let printed = rate.printed { requireColumns([printed], .percent, in: byKey, at: e, what: "rate \"\(rate.key)\"") }
            if rate.kind == .growth, rate.numerator.count != 1 || rate.denominator.count != 1 {
                diagnostics.append(e.diagnostic(.invalidValue,
                    "growth rate \"\(rate.key)\" compares one column with one column; name one in numerator= and one in denominator="))
            }
            rates.append(rate)
        }
        let identities = root.children(named: "identity").map { e in
            let identity = StatsTable.Identity(
                whole: e.attribute("whole") ?? "", parts: words(e, "parts"),
                basis: e.attribute("basis").flatMap(StatsTable.Identity.Basis.init(rawValue:)) ?? .assumed,
                labels: labels(e))
            requireColumns([identity.whole] + identity.parts, .count, in: byKey, at: e, what: "identity")
            return identity
        }
        let carryOvers = root.children(named: "carry-over").map { e in
            let carry = StatsTable.CarryOver(
                dimension: e.attribute("dimension") ?? "", from: e.attribute("from") ?? "", to: e.attribute("to") ?? "",
                opening: e.attribute("opening") ?? "", inflow: words(e, "in"), outflow: words(e, "out"), labels: labels(e))
            requireColumns([carry.dimension], .dimension, in: byKey, at: e, what: "carry-over")
            requireColumns([carry.opening] + carry.inflow + carry.outflow, .count, in: byKey, at: e, what: "carry-over")
            if let dimension = byKey[carry.dimension] {
                for value in [carry.from, carry.to] where dimension.value(value) == nil {
                    diagnostics.append(e.diagnostic(.unresolvedReference,
                        "carry-over names \"\(value)\", which is not a value of column \"\(carry.dimension)\""))
                }
            }
            return carry
        }
        let chart = root.child(named: "chart").map { e in
            let plan = StatsTable.ChartPlan(series: words(e, "series"),
                                            rows: e.attribute("rows") == "total" ? .total : .data)
            for series in plan.series where !rates.contains(where: { $0.key == series }) {
                if byKey[series]?.kind != .count {
                    diagnostics.append(e.diagnostic(.unresolvedReference,
                        "chart series \"\(series)\" is neither a rate nor a count column of \(id)"))
                }
            }
            // One scale per chart: percentages and counts on one axis would make one of them unreadable.
            let kinds = Set(plan.series.map { s in rates.contains { $0.key == s } })
            if kinds.count > 1 {
                diagnostics.append(e.diagnostic(.invalidValue,
                    "chart series of \(id) mix rates and counts; draw one kind per chart"))
            }
            return plan
        }
        return StatsTable(id: id, titles: texts(root, "title"), citations: citations(root), notes: texts(root, "note"),
                          columns: columns, rows: rows, rates: rates, identities: identities, carryOvers: carryOvers,
                          chart: chart, origin: location(root))
    }

    private mutating func statsColumn(_ e: XMLElement) -> StatsTable.Column? {
        let key = e.attribute("key") ?? ""
        guard let kind = e.attribute("kind").flatMap(StatsTable.ColumnKind.init(rawValue:)) else {
            diagnostics.append(e.diagnostic(.invalidValue,
                "column \"\(key)\" has no kind; give kind=\"dimension\", \"count\" or \"percent\""))
            return nil
        }
        var values: [StatsTable.DimensionValue] = []
        for v in e.children(named: "value") {
            let value = StatsTable.DimensionValue(
                key: v.attribute("key") ?? "", labels: labels(v), lines: statsLines(v, "lines"),
                inferred: v.attribute("inferred").map { $0 == "true" || $0 == "1" } ?? false, notes: texts(v, "note"))
            if values.contains(where: { $0.key == value.key }) {
                diagnostics.append(v.diagnostic(.invalidValue, "value \"\(value.key)\" is declared twice in column \"\(key)\""))
                continue
            }
            values.append(value)
        }
        if kind != .dimension, !values.isEmpty {
            diagnostics.append(e.diagnostic(.invalidValue, "column \"\(key)\" is a \(kind.rawValue) column; only a dimension has <value>s"))
        }
        return StatsTable.Column(key: key, kind: kind, labels: labels(e), lines: statsLines(e, "lines"),
                                 notes: texts(e, "note"), values: values)
    }

    private mutating func statsRow(_ e: XMLElement, columns: [String: StatsTable.Column]) -> StatsTable.Row {
        let key = e.attribute("key") ?? ""
        var cells: [StatsTable.Cell] = []
        for c in e.children(named: "cell") {
            let columnKey = c.attribute("column") ?? ""
            let lines = statsLines(c, "lines") ?? ""
            guard let column = columns[columnKey] else {
                diagnostics.append(c.diagnostic(.unresolvedReference,
                    "cell of row \"\(key)\" names column \"\(columnKey)\", which the table does not declare"))
                continue
            }
            if cells.contains(where: { $0.column == columnKey }) {
                diagnostics.append(c.diagnostic(.invalidValue, "row \"\(key)\" has two cells in column \"\(columnKey)\""))
                continue
            }
            let text = c.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let approximate = c.attribute("approximate").map { $0 == "true" || $0 == "1" } ?? false
            if column.kind == .dimension {
                guard let value = c.attribute("value"), text.isEmpty else {
                    diagnostics.append(c.diagnostic(.invalidValue,
                        "cell of dimension \"\(columnKey)\" in row \"\(key)\" names its value with value=\"…\" and holds no text"))
                    continue
                }
                if column.value(value) == nil {
                    diagnostics.append(c.diagnostic(.unresolvedReference,
                        "cell of row \"\(key)\" names value \"\(value)\", which column \"\(columnKey)\" does not declare"))
                    continue
                }
                cells.append(StatsTable.Cell(column: columnKey, lines: lines, value: value))
                continue
            }
            if c.attribute("value") != nil {
                diagnostics.append(c.diagnostic(.invalidValue,
                    "value= belongs to dimension cells; \"\(columnKey)\" is a \(column.kind.rawValue) column"))
            }
            guard let number = StatsNumber(printed: text) else {
                diagnostics.append(c.diagnostic(.invalidValue,
                    "\(quoted(text)) in column \"\(columnKey)\" of row \"\(key)\" is not a number as the report prints it "
                    + "(digits grouped by spaces, a decimal comma: 24 774, 45,7)"))
                continue
            }
            if column.kind == .count, !number.isWhole {
                diagnostics.append(c.diagnostic(.invalidValue,
                    "\(quoted(text)) in count column \"\(columnKey)\" of row \"\(key)\" is not a whole number"))
                continue
            }
            cells.append(StatsTable.Cell(column: columnKey, lines: lines, printed: text, number: number,
                                         approximate: approximate))
        }
        return StatsTable.Row(key: key, role: e.attribute("role") == "total" ? .total : .data, group: e.attribute("group"),
                              cells: cells, notes: texts(e, "note"))
    }

    /// A seed locator attribute (`L123` or `L123-130`), reported when it runs backwards or is not one.
    private mutating func statsLines(_ e: XMLElement, _ attribute: String) -> String? {
        guard let text = e.attribute(attribute) else { return nil }
        guard let bounds = CrossReferenceCheck.lineBounds(text), bounds.first <= bounds.last,
              text.dropFirst().allSatisfy({ $0.isNumber || $0 == "-" }) else {
            diagnostics.append(e.diagnostic(.invalidCitation,
                "\(attribute)=\(quoted(text)) is not a seed line or a forward range such as L4913 or L4913-4917"))
            return nil
        }
        return text
    }

    private mutating func requireColumns(_ keys: [String], _ kind: StatsTable.ColumnKind,
                                         in columns: [String: StatsTable.Column], at e: XMLElement, what: String) {
        for key in keys {
            guard let column = columns[key] else {
                diagnostics.append(e.diagnostic(.unresolvedReference, "\(what) names column \"\(key)\", which the table does not declare"))
                continue
            }
            if column.kind != kind {
                diagnostics.append(e.diagnostic(.invalidValue,
                    "\(what) needs a \(kind.rawValue) column; \"\(key)\" is a \(column.kind.rawValue) column"))
            }
        }
    }
}

/// The check only `parole validate` makes, with the seed at hand: each printed number of a stats table stands, as
/// printed, on the seed lines its cell cites.
enum StatsPrintedCheck {
    /// The source whose lines the cells cite: the one the table's own citations name (a table is read from one
    /// report, whose id is corpus data, not the program's).
    static func source(of root: XMLElement) -> String? {
        root.children(named: "cite").first { $0.attribute("lines") != nil }?.attribute("source")
    }

    /// Problems with `root`'s cells, and how many printed numbers were looked up.
    static func check(_ root: XMLElement, seed: SeedText) -> (diagnostics: [CorpusDiagnostic], checked: Int) {
        var diagnostics: [CorpusDiagnostic] = []
        var checked = 0
        let dimensionColumns = Set(root.children(named: "column").filter { $0.attribute("kind") == "dimension" }
            .compactMap { $0.attribute("key") })
        for row in root.children(named: "row") {
            for cell in row.children(named: "cell") where !dimensionColumns.contains(cell.attribute("column") ?? "") {
                let printed = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !printed.isEmpty, let lines = cell.attribute("lines"),
                      let range = CrossReferenceCheck.lineBounds(lines), range.first <= range.last else { continue }
                checked += 1
                if !seed.containsNumber(printed, first: range.first, last: range.last) {
                    diagnostics.append(cell.diagnostic(.quotationNotFound,
                        "\(quoted(printed)) (row \"\(row.attribute("key") ?? "")\", column \"\(cell.attribute("column") ?? "")\") "
                        + "is not printed in seed lines \(lines); copy the number as printed or correct the lines"))
                }
            }
        }
        return (diagnostics, checked)
    }
}

extension SeedText {
    /// Whether `number` (as printed: "24 774", "45,7") occurs in lines `first...last` as a whole number: not preceded
    /// or followed by a digit, nor followed by a decimal comma and a digit ("36" is not found in "36,4").
    func containsNumber(_ number: String, first: Int, last: Int) -> Bool {
        guard let haystack = normalisedText(first: first, last: last) else { return false }
        let needle = Self.normalise(Array(number.utf8))
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < haystack.count && (0x30...0x39).contains(haystack[i]) }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) {
                let end = i + needle.count
                let decimalFollows = end < haystack.count && haystack[end] == UInt8(ascii: ",") && isDigit(end + 1)
                if !isDigit(i - 1), !isDigit(end), !decimalFollows { return true }
            }
            i += 1
        }
        return false
    }
}
