import ArgumentParser
import AtlasOutput
import AtlasModel
import AtlasReport

extension Parole {
    struct Countries: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "countries",
            abstract: "List the jurisdictions in the corpus with their family, mechanisms and headline threshold.",
            discussion: """
                Examples:
                  parole countries
                  parole countries --family romano-germanic
                  parole countries --format csv > countries.csv
                  parole countries --lang ru
                """)

        @Option(help: ArgumentHelp("Only this legal family (e.g. romano-germanic, anglo-saxon, post-soviet).",
                                   valueName: "family"))
        var family: String?

        @Option(help: "Output: table, json, markdown or csv.") var format: OutputFormat = .table

        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        /// The formats this command writes.
        static let formats: [OutputFormat] = [.table, .json, .markdown, .csv]

        func validate() throws { try format.require(Self.formats, by: "countries") }

        func run() throws {
            let atlas = try corpus.load()
            if let family, !atlas.vocabulary.contains(family, in: "legal-family") {
                let known = atlas.vocabulary.terms(of: "legal-family")
                let hint = Suggestion.nearest(to: family, among: known).map { "did you mean \($0)? " } ?? ""
                throw CLIFailure.usage("unknown legal family \"\(family)\"; \(hint)known: \(known.joined(separator: ", "))")
            }
            let lang = language.language
            let overview = CorpusOverview(corpus: atlas, asOf: nil, language: lang)
            let rows = overview.countryRows(family: family)
            let table = TextTableData(header: CorpusOverview.countryHeader(lang), rows: rows)
            let provenance = Provenance(corpus: atlas)
            let text: String
            switch format {
            case .table: text = table.text + "\n\n" + provenance.footer(language: lang)
            case .markdown: text = table.markdown + "\n\n" + provenance.footer(language: lang)
            // A CSV file is records only: a provenance row would be read as one more country.
            case .csv: text = table.csv
            case .json: text = CorpusOverview.countriesJSON(rows, provenance: provenance).serialized(pretty: true)
            case .html: throw format.refused(by: "countries", writes: Self.formats)
            }
            try output.write(text + "\n")
        }
    }
}
