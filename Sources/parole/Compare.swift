import ArgumentParser
import AtlasOutput
import AtlasModel
import AtlasReport

extension Parole {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Compare jurisdictions side by side, aspect by aspect; disputed values show every claim (⚠).",
            discussion: """
                Examples:
                  parole compare kz ru by
                  parole compare de fr fi --aspect thresholds
                  parole compare kz de --aspect all --format markdown
                  parole compare kz ru --lang ru
                  parole compare kz ru by --lang ru --output /tmp/compare.docx
                """)

        @Argument(help: "Two or more jurisdiction ids.") var ids: [String]

        @Option(help: "thresholds, body, revocation, exclusions, supervision or all (repeatable).")
        var aspect: [AspectChoice] = [.all]

        @Option(name: .customLong("as-of"), help: ArgumentHelp("Law in force on this date (default: latest version).",
                                                               valueName: "YYYY-MM-DD"))
        var asOf: String?

        @Option(name: .customLong("format"), help: ArgumentHelp(
            "Output: table, markdown, csv, html, docx, xlsx or json (default: what --output's extension names, else table).",
            valueName: "format"))
        var formatChoice: OutputFormat?
        @OptionGroup var export: ExportOptions
        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        /// The formats this command writes.
        static let formats: [OutputFormat] = [.table, .markdown, .csv, .html, .docx, .xlsx, .json]


        func validate() throws {
            guard ids.count >= 2 else { throw ValidationError("give at least two jurisdiction ids, e.g. parole compare kz ru") }
            try checkFormat()
        }

        func run() throws {
            let date: CalendarDate?
            do { date = try asOf.map { t throws(CaseInputError) in try CaseDraft.parseDate(t, field: "as-of") } } catch {
                throw CLIFailure.usage(error.description)
            }
            let atlas = try corpus.load()
            let js = try ids.map { try atlas.requireJurisdiction($0) }
            let aspects = aspect.contains(.all) ? CorpusOverview.Aspect.allCases
                : aspect.compactMap { CorpusOverview.Aspect(rawValue: $0.rawValue) }
            let (header, rows) = CorpusOverview(corpus: atlas, asOf: date, language: language.language)
                .compareRows(js, aspects: aspects)
            let table = TextTableData(header: header, rows: rows)
            let provenance = Provenance(corpus: atlas)
            let footer = "\n\n" + provenance.footer(language: language.language)
            let text: String
            switch format {
            case .table: text = table.text + footer
            case .markdown: text = table.markdown + footer
            case .csv, .html, .docx, .xlsx, .json:
                let lang = language.language
                let title = ExportPhrase.titleCompare.text(lang, ["ids": js.map(\.id).joined(separator: ", ")])
                let document = TableExport.document(title: title, table: table, provenance: provenance, language: lang)
                return try export.write(document, as: format, to: output, language: lang)
            }
            try output.write(text + "\n")
        }
    }

    enum AspectChoice: String, ExpressibleByArgument, CaseIterable {
        case thresholds, body, revocation, exclusions, supervision, all
    }
}
