import ArgumentParser
import AtlasModel
import AtlasReport

extension Parole {
    struct Reforms: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reforms",
            abstract: "List the proposed reforms in the corpus: every package and change, with source, kind and variant.",
            discussion: """
                Each reform is a row of the report's amendment tables (Annex 2, Annex 3) or one of its \
                recommendations, with the kind of change it makes and whether it changes a result the atlas \
                computes. Apply one with `parole whatif --reform ID` or `parole simulate --reform ID`; a package \
                id applies every reform in it (PACKAGE@1 takes variant 1 of its alternative drafts).

                Examples:
                  parole reforms
                  parole reforms --jurisdiction kz --lang kk
                  parole reforms --format json
                  parole reforms --lang ru --output /tmp/reforms.xlsx
                """)

        @Option(name: .customLong("jurisdiction"), help: ArgumentHelp("Only reforms of this jurisdiction.", valueName: "id"))
        var jurisdiction: String?

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
            let id = try jurisdiction.map { try atlas.requireJurisdiction($0).id }
            let packages = atlas.reformPackages.filter { id == nil || $0.jurisdiction == id }
            let provenance = Provenance(corpus: atlas)
            let text: String
            switch format {
            case .json:
                let wording = Wording(language.language, vocabulary: atlas.vocabulary, factNaming: .labels)
                text = ReformJSON.list(packages, wording, provenance: provenance).serialized(pretty: true)
            case .table, .markdown:
                let wording = Wording(language.language, vocabulary: atlas.vocabulary)
                text = ReformText.list(packages, corpus: atlas, wording, markdown: format == .markdown)
                    + "\n\n" + provenance.footer(language: language.language)
            case .csv, .html, .docx, .xlsx:
                let wording = Wording(language.language, vocabulary: atlas.vocabulary)
                return try export.write(ReformText.listExport(packages, corpus: atlas, wording,
                                                              provenance: format == .csv ? nil : provenance),
                                        as: format, to: output, language: language.language)
            }
            try output.write(text + "\n")
        }
    }
}
