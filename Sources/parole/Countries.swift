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
                  parole countries --lang ru --output /tmp/countries.xlsx
                  parole countries --lang kk --output /tmp/countries.docx
                """)

        @Option(help: ArgumentHelp("Only this legal family (e.g. romano-germanic, anglo-saxon, post-soviet).",
                                   valueName: "family"))
        var family: String?

        @Option(name: .customLong("format"), help: ArgumentHelp(
            "Output: table, json, markdown, csv, html, docx or xlsx (default: what --output's extension names, else table).",
            valueName: "format"))
        var formatChoice: OutputFormat?
        @OptionGroup var export: ExportOptions

        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        /// The formats this command writes.
        static let formats: [OutputFormat] = [.table, .json, .markdown, .csv, .html, .docx, .xlsx]

        var format: OutputFormat { OutputFormat.chosen(formatChoice, output: output.path, fallback: .table) }

        func validate() throws {
            try OutputFormat.check(formatChoice, output: output.path, fallback: .table, writes: Self.formats, by: "countries")
            try export.check(format)
        }

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
            case .json: text = CorpusOverview.countriesJSON(rows, provenance: provenance).serialized(pretty: true)
            // A CSV file is records only: a provenance row would be read as one more country.
            case .csv, .html, .docx, .xlsx:
                let document = TableExport.document(title: ExportPhrase.titleCountries.text(lang), table: table,
                                                    provenance: provenance, language: lang)
                return try export.write(document, as: format, to: output, language: lang)
            }
            try output.write(text + "\n")
        }
    }
}
