import ArgumentParser
import AtlasEngine
import AtlasModel
import AtlasOutput
import AtlasReport
import Foundation

extension Parole {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "The report's statistical tables (Chapter 4, Annex 4): rates computed from the counts, every arithmetic mismatch flagged.",
            discussion: """
                The tables are in corpus/stats, each cell as the report prints it with the seed lines it stands on. \
                For each table the atlas computes the rates from the counts (granted / considered, per mechanism), \
                sets the report's own percentages beside them, and checks every printed total against the sum of its \
                rows, every stated or assumed identity (considered = granted + refused + …), every balance carried \
                from one period to the next, and every printed percentage against the computed one. A percentage \
                the report cut instead of rounding is shown, not counted as a mismatch. Without --table, every table \
                is listed with its count of mismatches, and every mismatch follows.

                --chart FILE.svg draws the table as an SVG bar chart (title, axes, legend and numbers in the chosen \
                language); the file is complete or absent, like --output.

                Examples:
                  parole stats
                  parole stats --table annex4-table2
                  parole stats --table ch4-petitions --lang kk --format markdown
                  parole stats --table annex4-table4 --format csv --output regions.csv
                  parole stats --table ch4-petitions --chart petitions.svg --lang ru
                  parole stats --format json
                  parole stats --lang ru --output /tmp/stats.xlsx
                  parole stats --table annex4-table2 --lang kk \\
                      --output /tmp/annex4-table2.docx
                """)

        @Option(name: .customLong("table"), help: ArgumentHelp("Only this table (an id that `parole stats` lists).",
                                                               valueName: "id"))
        var table: String?

        @Option(name: .customLong("format"), help: ArgumentHelp(
            "Output: table, csv, json, markdown, html, docx or xlsx (default: what --output's extension names, else table).",
            valueName: "format"))
        var formatChoice: OutputFormat?
        @OptionGroup var export: ExportOptions

        @Option(name: .customLong("chart"), help: ArgumentHelp(
            "Also draw the table as an SVG chart into this file (needs --table): complete or absent.",
            valueName: "file.svg"))
        var chart: String?

        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        static let formats: [OutputFormat] = [.table, .csv, .json, .markdown, .html, .docx, .xlsx]


        func validate() throws {
            try checkFormat()
            if chart != nil, table == nil {
                throw ValidationError("--chart draws one table: name it with --table ID (`parole stats` lists them)")
            }
        }

        func run() throws {
            // Both destinations are tried before any work, so that one that cannot be written stops the command
            // with nothing written anywhere; each is then opened only while it is written, since the interrupt
            // handler removes one temporary file at a time (OutputChannel).
            try Self.probe(chart)
            try Self.probe(output.path)
            let atlas = try corpus.load()
            let lang = language.language
            let tables: [StatsTable]
            if let id = table {
                guard let found = atlas.statsTable(id) else {
                    let known = atlas.stats.map(\.id)
                    let hint = Suggestion.nearest(to: id, among: known).map { "; did you mean \($0)?" } ?? ""
                    throw CLIFailure.usage("no stats table \"\(id)\" in the corpus\(hint) (known: "
                        + (known.isEmpty ? "none" : known.joined(separator: ", ")) + ")")
                }
                tables = [found]
            } else {
                tables = atlas.stats
            }
            let computations = tables.map(StatsComputation.init)
            let provenance = Provenance(corpus: atlas)
            if let chart, let computation = computations.first {
                let chartChannel = try OutputChannel(path: chart)
                try chartChannel.write(StatsChart(computation, language: lang, provenance: provenance).svg)
                try chartChannel.finish()
            }
            let text: String
            switch format {
            case .json:
                text = StatsJSON.document(computations, language: lang, provenance: provenance)
                    .serialized(pretty: true) + "\n"
            case .csv, .html, .docx, .xlsx:
                // A CSV file is records only (see `Provenance`): no source or provenance line.
                let shown = format == .csv ? nil : provenance
                let document = table == nil ? StatsText.indexExportDocument(computations, language: lang, provenance: shown)
                    : StatsText.exportDocument(computations, title: StatsText(computations[0], language: lang).exportTitle,
                                               language: lang, provenance: shown, asRecords: format == .csv)
                return try export.write(document, as: format, to: output, language: lang)
            case .table, .markdown:
                let body = table == nil
                    ? StatsText.index(computations, language: lang, markdown: format == .markdown)
                    : StatsText(computations[0], language: lang).render(markdown: format == .markdown)
                text = body + "\n\n" + provenance.footer(language: lang) + "\n"
            }
            try output.write(text)
        }

        /// Refuses a destination that cannot be written, before any work: opened and abandoned at once (a temporary
        /// file made and removed, a device opened and closed). A FIFO is not tried: its reader would take the first
        /// close for the end of the output.
        static func probe(_ path: String?) throws {
            guard let path, path != "-" else { return }
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFIFO { return }
            try OutputChannel(path: path).abandon()
        }
    }
}
