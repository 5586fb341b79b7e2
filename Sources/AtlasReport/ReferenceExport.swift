import AtlasModel

/// The sources behind a record as entries for a reference manager: BibTeX, CSL-JSON or RIS. One entry per source,
/// its places (seed lines, articles, footnotes, pages) in the note, so that the reader can go back to each figure.
/// Only what `corpus/sources.xml` records is written: a field it lacks (an author, a date) is left out, not filled.
public struct ReferenceExport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case bibtex, cslJSON = "csl-json", ris
    }

    /// One source and the places in it that the record cites.
    public struct Entry: Sendable {
        public var source: Source
        public var places: [String]
    }

    public let record: String
    public let entries: [Entry]
    public let language: Language

    /// The entries for the citations `citations` of the record `record`, sources in the order first cited.
    public init(record: String, citations: [Citation], sources: [Source], language: Language) {
        self.record = record
        self.language = language
        var order: [String] = []
        var places: [String: [String]] = [:]
        for c in citations {
            if places[c.sourceID] == nil { order.append(c.sourceID) }
            let place = c.description.dropFirst(c.sourceID.count).trimmingCharacters(in: .whitespaces)
            if !place.isEmpty, places[c.sourceID]?.contains(place) != true { places[c.sourceID, default: []].append(place) }
            else if places[c.sourceID] == nil { places[c.sourceID] = [] }
        }
        let known = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        entries = order.compactMap { id in known[id].map { Entry(source: $0, places: places[id] ?? []) } }
    }

    func title(_ s: Source) -> String { s.titles.text(in: language.rawValue) ?? s.id }

    func note(_ e: Entry) -> String? {
        e.places.isEmpty ? nil : "\(record): " + e.places.joined(separator: "; ")
    }

    /// The entries in `format`.
    public func rendered(_ format: Format) -> String {
        switch format {
        case .bibtex: bibtex
        case .cslJSON: cslJSON.serialized(pretty: true)
        case .ris: ris
        }
    }

    var bibtex: String {
        func braced(_ s: String) -> String {
            // Braces and backslashes would end or escape the field; they are written as BibTeX's commands.
            "{" + s.replacingOccurrences(of: "\\", with: "\\textbackslash{}").replacingOccurrences(of: "{", with: "\\{")
                .replacingOccurrences(of: "}", with: "\\}") + "}"
        }
        return entries.map { e in
            let s = e.source
            let type = s.kind == "report" ? "techreport" : "misc"
            var fields: [(String, String)] = [("title", title(s))]
            if let date = s.date {
                fields.append(("year", String(date.year)))
                fields.append(("date", date.description))
            }
            if let number = s.number { fields.append(("number", number)) }
            if let url = s.url { fields.append(("url", url)) }
            if let note = note(e) { fields.append(("note", note)) }
            fields.append(("keywords", s.kind))
            let body = fields.map { "  \($0.0) = \(braced($0.1))" }.joined(separator: ",\n")
            return "@\(type){\(s.id),\n\(body)\n}"
        }.joined(separator: "\n\n")
    }

    /// CSL's item type for a source kind of the corpus.
    static func cslType(_ kind: String) -> String {
        switch kind {
        case "report": "report"
        case "statute", "amending-law": "legislation"
        case "court-resolution", "court-practice": "legal_case"
        default: "document"
        }
    }

    var cslJSON: JSONValue {
        .array(entries.map { e in
            let s = e.source
            var fields: [(String, JSONValue)] = [("id", .string(s.id)), ("type", .string(Self.cslType(s.kind))),
                                                 ("title", .string(title(s)))]
            if let date = s.date {
                fields.append(("issued", .object([("date-parts", .array([.array([.int(date.year), .int(date.month), .int(date.day)])]))])))
            }
            if let number = s.number { fields.append(("number", .string(number))) }
            if let url = s.url { fields.append(("URL", .string(url))) }
            if let note = note(e) { fields.append(("note", .string(note))) }
            fields.append(("language", .string(language.rawValue)))
            return .object(fields)
        })
    }

    /// RIS's reference type for a source kind of the corpus.
    static func risType(_ kind: String) -> String {
        switch kind {
        case "report": "RPRT"
        case "statute", "amending-law": "STAT"
        case "court-resolution", "court-practice": "CASE"
        default: "GEN"
        }
    }

    var ris: String {
        entries.map { e in
            let s = e.source
            // A tag's value is one line: a line break inside would start a tag of its own.
            func line(_ tag: String, _ value: String) -> String {
                "\(tag)  - " + value.split(whereSeparator: \.isNewline).joined(separator: " ")
            }
            var lines = [line("TY", Self.risType(s.kind)), line("ID", s.id), line("TI", title(s))]
            if let date = s.date {
                lines.append(line("PY", String(date.year)))
                lines.append(line("DA", "\(date.year)/\(String(format2: date.month))/\(String(format2: date.day))"))
            }
            if let number = s.number { lines.append(line("M1", number)) }
            if let url = s.url { lines.append(line("UR", url)) }
            if let note = note(e) { lines.append(line("N1", note)) }
            lines.append(line("LA", language.rawValue))
            lines.append("ER  - ")
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}

extension String {
    /// `value` with at least two digits ("03").
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : String(value) }
}
