import AtlasModel
import Foundation

/// Regenerates an annex table of the report from the corpus: each cell composed from the jurisdiction's encoded
/// rules and the annex's phrase table, in kk, ru or en. Nothing is copied from the report's cells.
public struct AnnexTable: Sendable {
    public let annex: AnnexDefinition
    public let corpus: Corpus
    public let language: Language

    public init(annex: AnnexDefinition, corpus: Corpus, language: Language) {
        self.annex = annex
        self.corpus = corpus
        self.language = language
    }

    /// The table in the language `code` names (`kk`, `ru`, `en`); English for any other code.
    public init(annex: AnnexDefinition, corpus: Corpus, language code: String) {
        self.init(annex: annex, corpus: corpus, language: Language(code: code) ?? .en)
    }

    var words: RegimeWords { RegimeWords(vocabulary: corpus.vocabulary, language: language) }

    /// A word of the annex's own phrase table (corpus/annexes), in the language.
    func phrase(_ key: String) -> String { annex.phrases[key]?.text(in: language) ?? key }

    public var title: String { annex.titles.text(in: language) ?? annex.id }

    public var header: [String] { annex.columns.map { $0.labels.text(in: language) ?? $0.key } }

    /// The version shown for a row: the latest one.
    func version(_ row: AnnexDefinition.Row) -> (Jurisdiction, ReleaseMechanism, MechanismVersion)? {
        guard let j = corpus.jurisdiction(row.jurisdictionID),
              let m = j.mechanisms.first(where: { $0.id == row.mechanismID }), let v = m.versions.last else { return nil }
        return (j, m, v)
    }

    public var rows: [[String]] {
        annex.rows.map { row in
            guard let (j, m, v) = version(row) else {
                return annex.columns.map { $0.key == "number" ? String(row.number) : phrase("not-stated") }
            }
            return annex.columns.map { cell($0.key, row, j, m, v) }
        }
    }

    /// The time a threshold requires: "1/3 of the term", "1/3 срока", "мерзімнің 1/3"; fixed and minimum times in
    /// words of the language ("25 лет", "минимум 6 месяцев").
    func requirement(_ t: Threshold) -> String {
        let words = self.words
        var parts: [String] = []
        if let f = t.fraction {
            parts.append(words.phrase(.annexShare, ["fraction": f.description,
                                                    "of": phrase(t.fractionBase == .remainder ? "of-remainder" : "of-term")]))
        }
        if let x = t.fixed { parts.append(words.duration(x)) }
        if let minimum = t.minimum { parts.append(words.phrase(.conditionAtLeast, ["duration": words.duration(minimum)])) }
        if parts.isEmpty { parts.append(words.phrase(.regimeNoTimeToServe)) }
        return parts.joined(separator: ", ")
    }

    func cell(_ key: String, _ row: AnnexDefinition.Row, _ j: Jurisdiction, _ m: ReleaseMechanism,
              _ v: MechanismVersion) -> String {
        let conditions = ConditionText(vocabulary: corpus.vocabulary, language: language)
        let none = phrase("none")
        switch key {
        case "number": return String(row.number)
        case "country": return words.text(j.names, j.id)
        case "institution": return words.text(m.labels, m.kind)
        case "applies-to":
            let punishments = Self.punishments(in: v.scope.condition)
            return punishments.isEmpty ? phrase("not-stated")
                : punishments.map { words.label($0, in: "punishment") }.joined(separator: ", ")
        case "minimum-term":
            let parts = v.thresholds.map { t in
                requirement(t) + (t.condition.map { " (\(conditions.describe($0)))" } ?? "")
            }
            return parts.isEmpty ? phrase("not-stated") : parts.joined(separator: "; ")
        case "criteria":
            let labels = (v.grantConditions + v.mandatoryRelease).compactMap { $0.labels.text(in: language) }
            return labels.isEmpty ? none : labels.joined(separator: "; ")
        case "restrictions":
            let labels = v.exclusions.compactMap { $0.labels.text(in: language) }
            return labels.isEmpty ? none : labels.joined(separator: "; ")
        default: return ""
        }
    }

    /// The punishments a scope condition names, in order.
    public static func punishments(in c: Condition) -> [String] {
        switch c {
        case .punishment(let s): return s.sorted()
        case .all(let p), .any(let p): return p.flatMap(punishments)
        default: return []
        }
    }

    // MARK: formats

    /// The table as Markdown under its title; the command adds the provenance footer, as every text output does.
    public var markdown: String {
        "# \(title)\n\n" + TextTable(header: header, rows: rows).markdown() + "\n"
    }

    /// The table as CSV: the header and one record per row, nothing else (see `Provenance` on why no footer).
    public var csv: String { TextTableData(header: header, rows: rows).csv + "\n" }

    /// The table as a JSON object: `annex`, `title`, `language`, `provenance` (null when not given) and `rows`,
    /// each row an object of the columns' keys.
    public func json(provenance: Provenance? = nil) -> String {
        let keys = annex.columns.map(\.key)
        return JSONValue.object([
            ("annex", .int(annex.number)),
            ("title", .string(title)),
            ("language", .string(language.rawValue)),
            ("provenance", provenance?.json ?? .null),
            ("rows", .array(rows.map { .object(zip(keys, $0).map { ($0, .string($1)) }) })),
        ]).serialized(pretty: true) + "\n"
    }

    /// The table as a standalone HTML page, with `provenance` as its footer when given.
    public func html(provenance: Provenance? = nil) -> String {
        let esc = HTMLText.escaped
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head><meta charset=\"utf-8\"><title>\(esc(title))</title>\n"
        out += "<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px;vertical-align:top}</style>\n"
        out += "</head>\n<body>\n<h1>\(esc(title))</h1>\n<table>\n<thead><tr>"
        out += header.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for r in rows { out += "<tr>" + r.map { "<td>\(esc($0))</td>" }.joined() + "</tr>\n" }
        out += "</tbody>\n</table>\n"
        out += provenance?.htmlFooter(language: language) ?? ""
        return out + "</body>\n</html>\n"
    }
}
