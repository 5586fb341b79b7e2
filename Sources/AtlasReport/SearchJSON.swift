import AtlasModel
import AtlasSearch

/// `parole search QUERY --format json` (docs/search.schema.json), shared by the command line and the web API.
public enum SearchJSON {
    /// The command that shows a hit's record whole.
    public static func see(_ d: SearchDocument) -> String {
        d.kind == .reform ? "parole reforms --jurisdiction \(d.jurisdiction ?? d.showID)" : "parole show \(d.showID)"
    }

    /// `{query, results: [{id, kind, jurisdiction, show, language, text, snippet, matches, see}], program,
    /// corpus}`: `text` the snippet as written, `snippet` with the matches in `**`, `matches` the words found.
    public static func document(_ hits: [SearchHit], query: String, provenance: Provenance) -> JSONValue {
        .object([("query", .string(query)), ("results", .array(hits.map { hit in
            let d = hit.document
            return .object([
                ("id", .string(d.recordID)), ("kind", .string(d.kind.rawValue)), ("jurisdiction", .string(d.jurisdiction)),
                ("show", .string(d.showID)), ("language", .string(d.language)), ("text", .string(hit.snippet.plain)),
                ("snippet", .string(hit.snippet.marked("**", "**"))), ("matches", .array(hit.snippet.matches.map { .string($0) })),
                ("see", .string(see(d))),
            ])
        }))] + provenance.fields)
    }
}

extension SearchKind {
    /// The kind's name in `language`, as the search's table, page and exports name it.
    public func name(in language: Language) -> String {
        let phrase: FindPhrase = switch self {
        case .jurisdiction: .kindJurisdiction
        case .instrument: .kindInstrument
        case .provision: .kindProvision
        case .rule: .kindRule
        case .citation: .kindCitation
        case .discrepancy: .kindDiscrepancy
        case .reform: .kindReform
        case .case: .kindCase
        }
        return phrase.text(language)
    }
}
