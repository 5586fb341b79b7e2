import AtlasEngine
import AtlasModel

/// Numbers of the statistical tables as each language writes them: groups of three separated by a no-break space
/// and a decimal comma in Kazakh and Russian ("24 774", "36,48"), a comma and a decimal point in English ("24,774",
/// "36.48"). The no-break space keeps a number whole when a text table wraps its cell.
public struct StatsNumbers: Sendable {
    public let language: Language

    /// The numbers of `language`.
    public init(_ language: Language) { self.language = language }

    var groupSeparator: String { language == .en ? "," : "\u{00A0}" }
    var decimalSign: String { language == .en ? "." : "," }

    /// A whole number with its groups.
    public func count(_ n: Int) -> String {
        var digits = String(n.magnitude)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits = String(digits.dropLast(3))
        }
        groups.insert(digits, at: 0)
        return (n < 0 ? "−" : "") + groups.joined(separator: groupSeparator)
    }

    /// An exact decimal with its groups and the language's decimal sign.
    public func decimal(_ n: StatsNumber) -> String {
        let machine = n.description
        let negative = machine.hasPrefix("-")
        let unsigned = negative ? String(machine.dropFirst()) : machine
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let whole = count(Int(parts[0]) ?? 0)
        let text = parts.count > 1 ? whole + decimalSign + parts[1] : whole
        return (negative ? "−" : "") + text
    }

    /// A computed percentage to two decimals ("36,48").
    public func percent(_ ratio: StatsRatio) -> String { decimal(ratio.rounded(digits: 2)) }

    /// A signed difference, with "+" before a positive one ("+0,66", "−6", "0").
    public func signed(_ n: StatsNumber) -> String { (n.units > 0 ? "+" : "") + decimal(n) }
}

/// The words of one statistical table in one language: labels from the corpus, fixed words from the phrase table.
struct StatsWords {
    let table: StatsTable
    let language: Language
    var numbers: StatsNumbers { StatsNumbers(language) }

    func phrase(_ p: StatsPhrase, _ values: [String: String] = [:]) -> String { p.text(language, values) }

    func label(_ labels: [LocalizedString], _ fallback: String) -> String { labels.text(in: language) ?? fallback }

    var title: String { label(table.titles, table.id) }

    func columnLabel(_ key: String) -> String {
        table.column(key).map { label($0.labels, key) } ?? key
    }

    /// A dimension cell's label, marked `*` when the atlas inferred which rows the value belongs to.
    func valueLabel(_ cell: StatsTable.Cell) -> String? {
        guard let key = cell.value, let value = table.column(cell.column)?.value(key) else { return nil }
        return label(value.labels, key) + (value.inferred ? "*" : "")
    }

    /// What a row is about: its dimension labels ("Ақмола облысы* · 2024"); a printed total says so first, unless
    /// `namingTotal` is false and it has labels of its own.
    func rowLabel(_ row: StatsTable.Row, namingTotal: Bool = true) -> String {
        let dimensions = table.dimensions.compactMap { row.cell($0.key).flatMap(valueLabel) }
        let named = row.role == .total && (namingTotal || dimensions.isEmpty)
        let parts = (named ? [phrase(.roleTotal)] : []) + dimensions
        return parts.isEmpty ? row.key : parts.joined(separator: " · ")
    }

    func rowLabel(_ key: String) -> String { table.row(key).map { rowLabel($0) } ?? key }

    /// A printed number in the language; "≈" before what the report calls approximate.
    func printed(_ cell: StatsTable.Cell) -> String {
        guard let number = cell.number else { return "" }
        let text = number.isWhole && table.column(cell.column)?.kind == .count ? numbers.count(number.units)
            : numbers.decimal(number)
        return (cell.approximate ? "≈" : "") + text
    }

    /// A count used in a computation; `Σ` after one the atlas summed from its parts.
    func count(_ c: StatsCount) -> String { numbers.count(c.value) + (c.computed ? " Σ" : "") }

    func verdict(_ v: StatsVerdict, exact: StatsRatio?, printed: StatsNumber?) -> String {
        switch v {
        case .agrees: return phrase(.verdictAgrees)
        case .truncated:
            guard let exact, let printed else { return phrase(.verdictTruncated, ["rounded": "—"]) }
            return phrase(.verdictTruncated, ["rounded": numbers.decimal(exact.rounded(digits: printed.scale))])
        case .mismatch: return phrase(.verdictMismatch)
        case .notPrinted: return phrase(.verdictNotPrinted)
        case .notComputable: return phrase(.verdictNotComputable)
        }
    }

    /// What a check compares, in words.
    func relation(_ check: StatsCheck) -> String {
        switch check.kind {
        case .total(let group):
            guard let group else { return phrase(.checkTotal) }
            return phrase(.checkTotalGroup, ["group": groupLabel(group)])
        case .identity(let index):
            let identity = table.identities[index]
            return label(identity.labels, identity.whole) + " (" + basis(identity.basis) + ")"
        case .carryOver(let index, let from):
            let carry = table.carryOvers[index]
            return phrase(.checkCarryOver, ["relation": label(carry.labels, carry.opening), "from": rowLabel(from)])
                + " (" + basis(.assumed) + ")"
        case .percent(let rate):
            return phrase(.checkPercent, ["rate": table.rate(rate).map { label($0.labels, rate) } ?? rate])
        }
    }

    /// A group by the dimension labels its rows share (a group is a period in the report's tables).
    func groupLabel(_ group: String) -> String {
        let members = table.dataRows.filter { $0.group == group }
        for dimension in table.dimensions {
            let values = Set(members.compactMap { $0.cell(dimension.key)?.value })
            if values.count == 1, let key = values.first, let value = dimension.value(key) {
                return label(value.labels, key)
            }
        }
        return group
    }

    func basis(_ b: StatsTable.Identity.Basis) -> String { b == .stated ? phrase(.basisStated) : phrase(.basisAssumed) }

    /// The printed value and the computed one of a check, in the language.
    func checkValues(_ check: StatsCheck) -> (printed: String, computed: String, difference: String) {
        if case .percent = check.kind {
            return (numbers.decimal(check.printed), numbers.percent(check.computed),
                    numbers.signed(check.difference.rounded(digits: 2)))
        }
        return (numbers.decimal(check.printed), numbers.decimal(check.computed.rounded(digits: 0)),
                numbers.signed(check.difference.rounded(digits: 0)))
    }

    /// A list of seed lines, short: up to four as they are, more as the first … the last.
    static func lines(_ lines: [String]) -> String {
        var unique: [String] = []
        for line in lines where !unique.contains(line) { unique.append(line) }
        guard unique.count > 4 else { return unique.joined(separator: ", ") }
        let sorted = unique.sorted { start($0) < start($1) }
        return "\(sorted[0]) … \(sorted[sorted.count - 1])"
    }

    static func start(_ lines: String) -> Int { Int(lines.dropFirst().prefix { $0.isNumber }) ?? 0 }

    /// The table's citations as seed locators ("L14971, L14958-15001").
    var sources: String {
        table.citations.map { $0.lines ?? $0.description }.joined(separator: ", ")
    }
}

/// A statistical table in words: as printed, the rates computed from its counts beside the report's percentages,
/// and every arithmetic check that does not agree, each with its seed lines (text, Markdown, CSV). JSON is
/// `StatsJSON`, charts `StatsChart`.
public struct StatsText: Sendable {
    public let computation: StatsComputation
    public let language: Language

    /// The words of `computation`'s table in `language`.
    public init(_ computation: StatsComputation, language: Language) {
        self.computation = computation
        self.language = language
    }

    var words: StatsWords { StatsWords(table: computation.table, language: language) }
    var table: StatsTable { computation.table }

    /// The table as printed: dimension labels, counts and percentages, one line per row.
    var printedTable: TextTable {
        let w = words
        let header = table.columns.map { w.columnLabel($0.key) }
        let rows = table.rows.map { row -> [String] in
            var cells = table.columns.map { column -> String in
                guard let cell = row.cell(column.key) else { return "" }
                return column.kind == .dimension ? (w.valueLabel(cell) ?? "") : w.printed(cell)
            }
            // A total names itself in the first dimension it leaves blank (the report's "Барлығы").
            if row.role == .total {
                let slot = table.columns.indices.first { table.columns[$0].kind == .dimension && cells[$0].isEmpty }
                    ?? 0
                cells[slot] = cells[slot].isEmpty ? w.phrase(.roleTotal) : w.phrase(.roleTotal) + " · " + cells[slot]
            }
            return cells
        }
        // Headers are long (the report's own); numbers are short: numeric columns wrap their headers, at spaces,
        // never narrower than the header's longest word.
        var limits: [Int: Int] = [:]
        for (i, column) in table.columns.enumerated() {
            let longestWord = header[i].split(separator: " ").map(\.count).max() ?? 0
            limits[i] = max(column.kind == .dimension ? 30 : 14, longestWord)
        }
        return TextTable(header: header, rows: rows, columnLimits: limits)
    }

    /// The rates, one line per row and rate.
    var ratesTable: TextTable {
        let w = words
        let header = [w.phrase(.columnRow), w.phrase(.columnRate), w.phrase(.columnFrom), w.phrase(.columnComputed),
                      w.phrase(.columnPrinted), w.phrase(.columnCheck)]
        let rows = computation.rates.map { r -> [String] in
            let rate = table.rate(r.rate)
            var from = ""
            if let n = r.numerator, let d = r.denominator {
                from = rate?.kind == .growth ? w.count(d) + " → " + w.count(n) : w.count(n) + " / " + w.count(d)
            }
            return [w.rowLabel(r.row), rate.map { w.label($0.labels, r.rate) } ?? r.rate, from,
                    r.percent.map(w.numbers.percent) ?? "—", r.printed.map(w.printed) ?? "—",
                    w.verdict(r.verdict, exact: r.percent, printed: r.printed?.number)]
        }
        return TextTable(header: header, rows: rows, columnLimits: [0: 40, 1: 30, 2: 24, 5: 44])
    }

    /// The checks that do not agree (mismatches first), with the seed lines of the printed value and of what it
    /// was computed from.
    var checksTable: TextTable {
        let w = words
        let header = [w.phrase(.columnWhere), w.phrase(.columnRelation), w.phrase(.columnPrintedValue),
                      w.phrase(.columnComputedValue), w.phrase(.columnDifference), w.phrase(.columnCheck),
                      w.phrase(.columnLines)]
        let shown = computation.mismatches + computation.truncations
        let rows = shown.map { c -> [String] in
            let values = w.checkValues(c)
            let verdict = w.verdict(c.verdict, exact: c.computed, printed: c.printed)
            return [w.rowLabel(c.row) + " · " + w.columnLabel(c.column), w.relation(c), values.printed,
                    values.computed, values.difference, verdict, c.lines + " ← " + StatsWords.lines(c.from)]
        }
        return TextTable(header: header, rows: rows, columnLimits: [0: 40, 1: 48, 5: 30, 6: 30])
    }

    /// The notes of the table, its columns, values and rows, and what the marks mean.
    var notes: [String] {
        let w = words
        var out = localized(table.notes)
        for column in table.columns {
            out += localized(column.notes).map { w.columnLabel(column.key) + ": " + $0 }
            for value in column.values {
                out += localized(value.notes).map { w.label(value.labels, value.key) + ": " + $0 }
            }
        }
        for row in table.rows { out += localized(row.notes).map { w.rowLabel(row) + ": " + $0 } }
        let cells = table.rows.flatMap(\.cells)
        if cells.contains(where: \.approximate) { out.append(w.phrase(.markApproximateNote)) }
        if table.columns.contains(where: { $0.values.contains(where: \.inferred) }) {
            out.append(w.phrase(.markInferredNote))
        }
        if computation.rates.contains(where: { ($0.numerator?.computed ?? false) || ($0.denominator?.computed ?? false) }) {
            out.append(w.phrase(.markComputedNote))
        }
        return out
    }

    /// The texts of a note group in the language (each note is written once per language).
    func localized(_ notes: [LocalizedString]) -> [String] {
        let own = notes.filter { $0.language == language.rawValue }.map(\.text)
        return own.isEmpty ? notes.filter { $0.language == "en" }.map(\.text) : own
    }

    /// The whole table: title and sources, as printed, the rates, the checks that do not agree, and the notes.
    public func render(markdown: Bool) -> String {
        let w = words
        func heading(_ text: String, level: Int) -> String {
            markdown ? String(repeating: "#", count: level) + " " + text : text
        }
        func grid(_ t: TextTable) -> String { markdown ? t.markdown() : t.rendered() }
        var out = [heading(w.title, level: 1), "", table.id + " · " + w.phrase(.source, ["lines": w.sources]), ""]
        out += [heading(w.phrase(.sectionPrinted), level: 2), "", grid(printedTable), ""]
        if !computation.rates.isEmpty {
            out += [heading(w.phrase(.sectionRates), level: 2), "", grid(ratesTable), ""]
        }
        out.append(heading(w.phrase(.sectionChecks, [
            "checks": String(computation.checks.count), "mismatches": String(computation.mismatches.count),
            "truncations": String(computation.truncations.count),
        ]), level: 2))
        out.append("")
        if computation.mismatches.isEmpty, computation.truncations.isEmpty {
            out.append(w.phrase(.checksAllAgree))
        } else {
            out.append(grid(checksTable))
        }
        let notes = self.notes
        if !notes.isEmpty {
            out += ["", heading(w.phrase(.sectionNotes), level: 2), ""]
            out += notes.map { markdown ? "- " + $0 : TextTable.wrap("- " + $0, width: 118).joined(separator: "\n  ") }
        }
        return out.joined(separator: "\n")
    }

    /// The table as CSV: one record per row, its id, its dimension labels and printed numbers (a decimal point,
    /// no group separators, for spreadsheets and data frames), then per rate the computed percentage and the
    /// check. Nothing else: see `Provenance` on why CSV carries no footer.
    public var csv: String { csvTable.csv + "\n" }

    /// The records of `csv`, for the other export formats.
    public var csvTable: TextTableData {
        let w = words
        var header = [w.phrase(.columnKey)] + table.columns.map { w.columnLabel($0.key) }
        for rate in table.rates {
            let name = w.label(rate.labels, rate.key)
            header += [w.phrase(.csvComputed, ["rate": name]), w.phrase(.csvCheck, ["rate": name])]
        }
        let rows = table.rows.map { row -> [String] in
            var cells = [row.key]
            for column in table.columns {
                guard let cell = row.cell(column.key) else {
                    cells.append(column.kind == .dimension && row.role == .total && cells.count == 1
                                 ? w.phrase(.roleTotal) : "")
                    continue
                }
                cells.append(column.kind == .dimension ? (w.valueLabel(cell) ?? "") : cell.number?.description ?? "")
            }
            for rate in table.rates {
                let result = computation.rate(rate.key, row: row.key)
                cells.append(result?.percent.map { $0.rounded(digits: 2).description } ?? "")
                cells.append(result.map { w.verdict($0.verdict, exact: $0.percent, printed: $0.printed?.number) } ?? "")
            }
            return cells
        }
        return TextTableData(header: header, rows: rows)
    }

    // MARK: the index

    /// Every table of the corpus in one line each (id, title, seed lines, rows, rates, mismatches, truncations),
    /// then every mismatch of every table.
    public static func index(_ computations: [StatsComputation], language: Language, markdown: Bool) -> String {
        let header = indexHeader(language)
        let rows = computations.map { indexRow($0, language) }
        func heading(_ text: String, level: Int) -> String {
            markdown ? String(repeating: "#", count: level) + " " + text : text
        }
        let table = TextTable(header: header, rows: rows, columnLimits: [1: 60, 2: 28])
        var out = [heading(StatsPhrase.indexHeading.text(language), level: 1), "",
                   markdown ? table.markdown() : table.rendered(), ""]
        let mismatched = computations.filter { !$0.mismatches.isEmpty }
        if !mismatched.isEmpty {
            out += [heading(StatsPhrase.indexMismatchesHeading.text(language), level: 2), ""]
            let w0 = StatsPhrase.self
            var lines: [[String]] = []
            for c in mismatched {
                let w = StatsWords(table: c.table, language: language)
                for check in c.mismatches {
                    let values = w.checkValues(check)
                    lines.append([c.table.id, w.rowLabel(check.row) + " · " + w.columnLabel(check.column),
                                  w.relation(check), values.printed, values.computed, values.difference,
                                  check.lines + " ← " + StatsWords.lines(check.from)])
                }
            }
            let mismatchTable = TextTable(
                header: [w0.indexColumnId.text(language), w0.columnWhere.text(language), w0.columnRelation.text(language),
                         w0.columnPrintedValue.text(language), w0.columnComputedValue.text(language),
                         w0.columnDifference.text(language), w0.columnLines.text(language)],
                rows: lines, columnLimits: [1: 40, 2: 48, 6: 30])
            out += [markdown ? mismatchTable.markdown() : mismatchTable.rendered(), ""]
        }
        out.append(StatsPhrase.indexHint.text(language, ["tableFlag": "--table ID", "chartFlag": "--chart FILE.svg"]))
        return out.joined(separator: "\n")
    }

    /// The index as CSV: one record per table.
    public static func indexCSV(_ computations: [StatsComputation], language: Language) -> String {
        TextTableData(header: indexHeader(language), rows: computations.map { indexRow($0, language) }).csv + "\n"
    }

    static func indexHeader(_ language: Language) -> [String] {
        [StatsPhrase.indexColumnId, .indexColumnTitle, .indexColumnLines, .indexColumnRows, .indexColumnRates,
         .indexColumnMismatches, .indexColumnTruncations].map { $0.text(language) }
    }

    static func indexRow(_ c: StatsComputation, _ language: Language) -> [String] {
        let w = StatsWords(table: c.table, language: language)
        return [c.table.id, w.title, w.sources, String(c.table.rows.count), String(c.rates.count),
                String(c.mismatches.count), String(c.truncations.count)]
    }
}
