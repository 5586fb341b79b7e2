import AtlasModel

/// One of the report's amendment tables (Annex 2, Annex 3) regenerated from its reform package: per row the
/// structural element, the current and the proposed wording and the justification, in the report's row order and
/// grouped under the act each row amends. In Kazakh the wording is the report's own (quoted, and checked against
/// it by `parole validate`); in Russian and English it is the package's translation, and the table says so.
public struct AmendmentAnnexTable: Sendable {
    public let package: ReformPackage
    public let corpus: Corpus
    public let language: Language

    public init(package: ReformPackage, corpus: Corpus, language: Language) {
        self.package = package
        self.corpus = corpus
        self.language = language
    }

    /// The column keys, in order (the JSON field names).
    public static let keys = ["number", "element", "current", "proposed", "justification"]

    var wording: Wording { Wording(language, vocabulary: corpus.vocabulary) }

    public var title: String {
        package.table?.title.text(in: language.rawValue) ?? package.labels.text(in: language) ?? package.id
    }

    public var header: [String] {
        let w = wording
        return [w.text(.annexReformColumnNumber), w.text(.annexReformColumnElement), w.text(.annexReformColumnCurrent),
                w.text(.annexReformColumnProposed), w.text(.annexReformColumnJustification)]
    }

    /// A section of rows amending one act.
    public struct Section: Sendable {
        public var act: String?
        public var heading: String?
        public var rows: [[String]]
    }

    /// The rows, grouped by consecutive runs of the same amended act.
    public var sections: [Section] {
        var sections: [Section] = []
        for reform in package.reforms {
            if sections.last.map({ $0.act != reform.act }) ?? true {
                let heading = reform.act.flatMap { corpus.source($0) }.map { $0.titles.text(in: language) ?? $0.id }
                sections.append(Section(act: reform.act, heading: heading, rows: []))
            }
            sections[sections.count - 1].rows.append(row(reform))
        }
        return sections
    }

    func row(_ r: Reform) -> [String] {
        let w = wording
        let missing = w.text(.annexReformMissing)
        var number = r.row.map(String.init) ?? ""
        if let variant = r.variant { number += (number.isEmpty ? "" : ", ") + w.text(.annexReformVariant, ["n": String(variant)]) }
        return [number, r.element.text(in: language) ?? missing,
                r.current?.text(in: language.rawValue) ?? missing, r.proposed?.text(in: language.rawValue) ?? missing,
                r.justification?.text(in: language.rawValue) ?? missing]
    }

    /// Said under the title outside Kazakh: which text is the report's and which a translation.
    var translationNote: String? { language == .kk ? nil : wording.text(.annexReformTranslationNote) }

    // MARK: formats

    public var markdown: String {
        var out = "# \(title)\n\n"
        if let note = translationNote { out += "_\(note)_\n\n" }
        for s in sections {
            if let heading = s.heading { out += "## \(heading)\n\n" }
            out += TextTable(header: header, rows: s.rows).markdown() + "\n\n"
        }
        return out
    }

    /// CSV: one record per row, the amended act first (a CSV has no section headings).
    public var csv: String {
        let rows = sections.flatMap { s in s.rows.map { [s.heading ?? ""] + $0 } }
        return TextTableData(header: [wording.text(.reformColumnSource)] + header, rows: rows).csv + "\n"
    }

    public func json(provenance: Provenance? = nil) -> String {
        let keyed = zip(package.reforms, sections.flatMap(\.rows)).map { reform, cells in
            JSONValue.object([("id", .string(reform.id)), ("act", reform.act.map(JSONValue.string) ?? .null),
                              ("row", reform.row.map(JSONValue.int) ?? .null),
                              ("variant", reform.variant.map(JSONValue.int) ?? .null)]
                             + zip(Self.keys, cells).map { ($0, .string($1)) })
        }
        return JSONValue.object([
            ("annex", package.table.map { .int($0.annex) } ?? .null),
            ("package", .string(package.id)),
            ("title", .string(title)),
            ("language", .string(language.rawValue)),
            ("translation", translationNote.map(JSONValue.string) ?? .null),
            ("provenance", provenance?.json ?? .null),
            ("rows", .array(keyed)),
        ]).serialized(pretty: true) + "\n"
    }

    public func html(provenance: Provenance? = nil) -> String {
        let esc = HTMLText.escaped
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head><meta charset=\"utf-8\"><title>\(esc(title))</title>\n"
        out += "<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px;vertical-align:top}"
            + "th.act{text-align:left;background:#eee}</style>\n"
        out += "</head>\n<body>\n<h1>\(esc(title))</h1>\n"
        if let note = translationNote { out += "<p><em>\(esc(note))</em></p>\n" }
        out += "<table>\n<thead><tr>" + header.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for s in sections {
            if let heading = s.heading { out += "<tr><th class=\"act\" colspan=\"\(header.count)\">\(esc(heading))</th></tr>\n" }
            for r in s.rows { out += "<tr>" + r.map { "<td>\(esc($0))</td>" }.joined() + "</tr>\n" }
        }
        out += "</tbody>\n</table>\n"
        out += provenance?.htmlFooter(language: language) ?? ""
        return out + "</body>\n</html>\n"
    }
}
