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
                  parole instruments --lang ru --output /tmp/instruments.docx
                  parole show tokyo-rules
                """)

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
        }

        func run() throws {
            let atlas = try corpus.load()
            let lang = language.language
            let list = InstrumentList(corpus: atlas, language: lang)
            let provenance = Provenance(corpus: atlas)
            let text: String
            switch format {
            case .table: text = list.table.text + "\n\n" + provenance.footer(language: lang)
            case .markdown: text = list.table.markdown + "\n\n" + provenance.footer(language: lang)
            case .json: text = list.json(provenance: provenance).serialized(pretty: true)
            case .csv, .html, .docx, .xlsx:
                let document = TableExport.document(title: ExportPhrase.titleInstruments.text(lang), table: list.table,
                                                    provenance: provenance, language: lang)
                return try export.write(document, as: format, to: output, language: lang)
            }
            try output.write(text + "\n")
        }
    }
}
