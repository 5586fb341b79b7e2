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
                """)

        @Argument(help: "Two or more jurisdiction ids.") var ids: [String]

        @Option(help: "thresholds, body, revocation, exclusions, supervision or all (repeatable).")
        var aspect: [AspectChoice] = [.all]

        @Option(name: .customLong("as-of"), help: ArgumentHelp("Law in force on this date (default: latest version).",
                                                               valueName: "YYYY-MM-DD"))
        var asOf: String?

        @Option(help: "Output: table, markdown or csv.") var format: OutputFormat = .table
        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        /// The formats this command writes.
        static let formats: [OutputFormat] = [.table, .markdown, .csv]

        func validate() throws {
            guard ids.count >= 2 else { throw ValidationError("give at least two jurisdiction ids, e.g. parole compare kz ru") }
            try format.require(Self.formats, by: "compare")
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
            let footer = "\n\n" + Provenance(corpus: atlas).footer(language: language.language)
            let text = switch format {
            case .table: table.text + footer
            case .markdown: table.markdown + footer
            case .csv: table.csv
            case .json, .html: throw format.refused(by: "compare", writes: Self.formats)
            }
            try output.write(text + "\n")
        }
    }

    enum AspectChoice: String, ExpressibleByArgument, CaseIterable {
        case thresholds, body, revocation, exclusions, supervision, all
    }
}
