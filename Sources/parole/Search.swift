import ArgumentParser
import AtlasModel
import AtlasReport
import AtlasSearch

extension SearchKind: ExpressibleByArgument {}

extension Parole {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Find anything the corpus says: names, rules, provisions, quotations, discrepancies, reforms, cases.",
            discussion: """
                Searches every text of the corpus in kk, ru and en, whatever the case of the letters (the Kazakh \
                letters ә, ғ, қ, ң, ө, ұ, ү, һ, і included), and finds inflected forms of a word from its stem \
                (Германии, Германияда find Германия). Each hit shows the best matching text with the matched words \
                in **bold**, and the command that shows the record whole.

                The index is built from the corpus on first use and kept in the cache folder ($PAROLE_CACHE, else \
                $XDG_CACHE_HOME/parole-atlas, else ~/.cache/parole-atlas; --index-dir off keeps it in memory), one \
                file per corpus digest, so a changed corpus is indexed anew.

                Examples:
                  parole search "Tokyo Rules"
                  parole search условно-досрочное --jurisdiction kz
                  parole search ҚАЗАҚСТАН --kind jurisdiction
                  parole search "life imprisonment" --kind rule --format json
                  parole search pardon --kind discrepancy --lang ru
                  parole search парламент --text-lang ru
                """)

        @Argument(help: ArgumentHelp("Words to find, in any language.", valueName: "query")) var query: String

        @Option(help: ArgumentHelp("Only records of this kind: "
            + SearchKind.allCases.map(\.rawValue).joined(separator: ", ") + " (repeatable).", valueName: "kind"))
        var kind: [SearchKind] = []

        @Option(name: .customLong("jurisdiction"), help: ArgumentHelp(
            "Only texts about this jurisdiction (an id or a name).", valueName: "id-or-name"))
        var jurisdiction: String?

        @Option(help: ArgumentHelp("At most this many records.", valueName: "n")) var limit: Int = 20

        @Option(name: .customLong("text-lang"), help: ArgumentHelp(
            "Only texts written in this language (the output's language is --lang).", valueName: "kk|ru|en"))
        var textLanguage: String?

        @Option(name: .customLong("index-dir"), help: ArgumentHelp(
            "Folder of the search index (default: the cache folder; off: in memory).", valueName: "dir"))
        var indexDirectory: String?

        @Option(name: .customLong("format"), help: ArgumentHelp(
            "Output: table, json, markdown, csv, html, docx or xlsx (default: what --output's extension names, else table).",
            valueName: "format"))
        var formatChoice: OutputFormat?
        @OptionGroup var export: ExportOptions

        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        static let formats: [OutputFormat] = [.table, .json, .markdown, .csv, .html, .docx, .xlsx]


        func validate() throws {
            try checkFormat()
            guard TextFolding.words(query).isEmpty == false else {
                throw ValidationError("search: \"\(query)\" has no word to find; give at least one letter or digit")
            }
            guard SearchQuery.limits.contains(limit) else {
                throw ValidationError("--limit \(limit): give \(SearchQuery.limits.lowerBound) to \(SearchQuery.limits.upperBound)")
            }
            if let textLanguage, Language(code: textLanguage) == nil {
                throw ValidationError("--text-lang: \"\(textLanguage)\" is not kk, ru or en")
            }
        }

        func run() throws {
            let atlas = try corpus.load()
            let lang = language.language
            let place = try jurisdiction.map { try atlas.requireJurisdiction($0).id }
            let index = try SearchIndexStore.standard(explicit: indexDirectory).index(for: atlas)
            let hits = try index.search(SearchQuery(text: query, kinds: Set(kind), jurisdiction: place, limit: limit,
                                                       language: textLanguage.flatMap(Language.init(code:))?.rawValue))
            let provenance = Provenance(corpus: atlas)
            let text: String
            switch format {
            case .json: text = SearchJSON.document(hits, query: query, provenance: provenance).serialized(pretty: true)
            case .csv, .html, .docx, .xlsx:
                let document = TableExport.document(title: ExportPhrase.titleSearch.text(lang, ["query": "«\(query)»"]),
                                                    table: Self.table(hits, lang, marked: false),
                                                    provenance: provenance, language: lang)
                return try export.write(document, as: format, to: output, language: lang)
            case .markdown, .table:
                if hits.isEmpty {
                    text = FindPhrase.none.text(lang, ["query": "\"\(query)\""]) + "\n\n" + provenance.footer(language: lang)
                } else {
                    let table = Self.table(hits, lang, marked: true)
                    text = (format == .table ? table.text : table.markdown) + "\n\n" + FindPhrase.hint.text(lang)
                        + "\n" + provenance.footer(language: lang)
                }
            }
            try output.write(text + "\n")
        }


        static func table(_ hits: [SearchHit], _ language: Language, marked: Bool) -> TextTableData {
            let header = [FindPhrase.columnKind, .columnID, .columnJurisdiction, .columnLanguage, .columnText, .columnSee]
                .map { $0.text(language) }
            return TextTableData(header: header, rows: hits.map { hit in
                let d = hit.document
                return [d.kind.name(in: language), d.recordID, d.jurisdiction ?? "", d.language,
                        marked ? hit.snippet.marked("**", "**") : hit.snippet.plain, SearchJSON.see(d)]
            })
        }
    }
}
