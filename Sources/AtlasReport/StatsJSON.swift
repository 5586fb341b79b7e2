import AtlasEngine
import AtlasModel

/// `parole stats --format json` (docs/stats.schema.json, docs/outputs-json.md "stats"): every table asked for, as
/// printed (each cell with its seed lines), the rates computed from its counts beside the report's percentages, and
/// every arithmetic check with its verdict. Decimals are strings with a decimal point ("36.48"), and each computed
/// value also comes as an exact ratio of integers: nothing is a floating-point number, so a reader can redo every
/// comparison digit for digit.
public enum StatsJSON {
    /// The document: `language`, `provenance` (null when not given) and `tables`, one per computation.
    public static func document(_ computations: [StatsComputation], language: Language,
                                provenance: Provenance?) -> JSONValue {
        .object([
            ("language", .string(language.rawValue)),
            ("provenance", provenance?.json ?? .null),
            ("tables", .array(computations.map { table($0, language) })),
        ])
    }

    static func table(_ c: StatsComputation, _ language: Language) -> JSONValue {
        let w = StatsWords(table: c.table, language: language)
        let t = c.table
        return .object([
            ("id", .string(t.id)),
            ("title", .string(w.title)),
            ("citations", .array(t.citations.map { .string($0.description) })),
            ("notes", localized(t.notes, w)),
            ("columns", .array(t.columns.map { column($0, w) })),
            ("rows", .array(t.rows.map { row($0, w) })),
            ("rates", .array(c.rates.map { rate($0, w) })),
            ("checks", .array(c.checks.map { check($0, w) })),
            ("summary", .object([
                ("checks", .int(c.checks.count)), ("mismatches", .int(c.mismatches.count)),
                ("truncations", .int(c.truncations.count)),
            ])),
        ])
    }

    static func column(_ column: StatsTable.Column, _ w: StatsWords) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("key", .string(column.key)), ("kind", .string(column.kind.rawValue)),
            ("label", .string(w.label(column.labels, column.key))), ("lines", .string(column.lines)),
            ("notes", localized(column.notes, w)),
        ]
        if column.kind == .dimension {
            fields.append(("values", .array(column.values.map { v in
                .object([("key", .string(v.key)), ("label", .string(w.label(v.labels, v.key))),
                         ("lines", .string(v.lines)), ("inferred", .bool(v.inferred)), ("notes", localized(v.notes, w))])
            })))
        }
        return .object(fields)
    }

    static func localized(_ notes: [LocalizedString], _ w: StatsWords) -> JSONValue {
        let own = notes.filter { $0.language == w.language.rawValue }.map(\.text)
        return .array((own.isEmpty ? notes.filter { $0.language == "en" }.map(\.text) : own).map { .string($0) })
    }

    static func row(_ row: StatsTable.Row, _ w: StatsWords) -> JSONValue {
        .object([
            ("key", .string(row.key)), ("role", .string(row.role.rawValue)), ("group", .string(row.group)),
            ("label", .string(w.rowLabel(row))), ("notes", localized(row.notes, w)),
            ("cells", .array(row.cells.map { cell in
                .object([
                    ("column", .string(cell.column)), ("lines", .string(cell.lines)),
                    ("printed", .string(cell.printed)), ("number", .string(cell.number?.description)),
                    ("value", .string(cell.value)), ("label", .string(w.valueLabel(cell))),
                    ("approximate", .bool(cell.approximate)),
                ])
            })),
        ])
    }

    static func count(_ c: StatsCount?) -> JSONValue {
        guard let c else { return .null }
        return .object([("value", .int(c.value)), ("computed", .bool(c.computed)),
                        ("lines", .array(c.lines.map { .string($0) }))])
    }

    static func ratio(_ r: StatsRatio?) -> JSONValue {
        guard let r else { return .null }
        return .object([("numerator", .int(r.numerator)), ("denominator", .int(r.denominator))])
    }

    static func rate(_ r: StatsRateResult, _ w: StatsWords) -> JSONValue {
        let rate = w.table.rate(r.rate)
        return .object([
            ("row", .string(r.row)), ("rate", .string(r.rate)), ("kind", .string(rate?.kind.rawValue ?? "share")),
            ("label", .string(rate.map { w.label($0.labels, r.rate) } ?? r.rate)),
            ("numerator", count(r.numerator)), ("denominator", count(r.denominator)),
            ("percent", .string(r.percent?.rounded(digits: 2).description)), ("exactPercent", ratio(r.percent)),
            ("printed", r.printed.map { cell in
                .object([("text", .string(cell.printed)), ("number", .string(cell.number?.description)),
                         ("lines", .string(cell.lines)), ("approximate", .bool(cell.approximate))])
            } ?? .null),
            ("verdict", .string(r.verdict.rawValue)),
            ("verdictText", .string(w.verdict(r.verdict, exact: r.percent, printed: r.printed?.number))),
        ])
    }

    static func check(_ c: StatsCheck, _ w: StatsWords) -> JSONValue {
        let kind: String
        var detail: [(String, JSONValue)] = []
        switch c.kind {
        case .total(let group): kind = "total"; detail = [("group", .string(group))]
        case .identity: kind = "identity"
        case .carryOver(_, let from): kind = "carry-over"; detail = [("fromRow", .string(from))]
        case .percent(let rate): kind = "percent"; detail = [("rate", .string(rate))]
        }
        let isPercent = kind == "percent"
        return .object([
            ("kind", .string(kind)), ("basis", .string(c.basis.rawValue)), ("row", .string(c.row)),
            ("column", .string(c.column)), ("description", .string(w.relation(c))),
            ("printed", .string(c.printed.description)),
            ("computed", .string(c.computed.rounded(digits: isPercent ? 2 : 0).description)),
            ("exactComputed", ratio(c.computed)),
            ("difference", .string(c.difference.rounded(digits: isPercent ? 2 : 0).description)),
            ("verdict", .string(c.verdict.rawValue)),
            ("verdictText", .string(w.verdict(c.verdict, exact: c.computed, printed: c.printed))),
            ("lines", .string(c.lines)), ("from", .array(c.from.map { .string($0) })),
        ] + detail)
    }
}
