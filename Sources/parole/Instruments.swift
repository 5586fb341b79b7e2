import ArgumentParser
import AtlasModel
import AtlasReport

extension Parole {
    struct Instruments: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "instruments",
            abstract: "List the international instruments: name, body, year and binding status, as the corpus records them.",
            discussion: """
                A value the corpus does not record (a year, an issuing body) is shown as not stated; the binding \
                status says whether the report states it or the atlas classified it.

                Examples:
                  parole instruments
                  parole instruments --lang kk
                  parole instruments --format csv > instruments.csv
                  parole show tokyo-rules
                """)

        @Option(help: "Output: table, json, markdown or csv.") var format: OutputFormat = .table

        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        static let formats: [OutputFormat] = [.table, .json, .markdown, .csv]

        func validate() throws { try format.require(Self.formats, by: "instruments") }

        func run() throws {
            let atlas = try corpus.load()
            let lang = language.language
            let list = InstrumentList(corpus: atlas, language: lang)
            let provenance = Provenance(corpus: atlas)
            let text: String
            switch format {
            case .table: text = list.table.text + "\n\n" + provenance.footer(language: lang)
            case .markdown: text = list.table.markdown + "\n\n" + provenance.footer(language: lang)
            case .csv: text = list.table.csv
            case .json: text = list.json(provenance: provenance).serialized(pretty: true)
            case .html: throw format.refused(by: "instruments", writes: Self.formats)
            }
            try output.write(text + "\n")
        }
    }
}
