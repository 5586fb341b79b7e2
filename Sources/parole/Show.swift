import ArgumentParser
import AtlasOutput
import AtlasModel
import AtlasReport

extension Parole {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a jurisdiction's regime or an international instrument, every rule with its citations.",
            discussion: """
                Examples:
                  parole show kz
                  parole show kz --as-of 2016-01-01
                  parole show kz --lang kk
                  parole show coe-rec-2003-22
                """)

        @Argument(help: "Jurisdiction id (ISO 3166 code, e.g. kz).") var id: String

        @Option(name: .customLong("as-of"), help: ArgumentHelp("Only the law in force on this date.",
                                                               valueName: "YYYY-MM-DD"))
        var asOf: String?

        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        func run() throws {
            let date: CalendarDate?
            do { date = try asOf.map { t throws(CaseInputError) in try CaseDraft.parseDate(t, field: "as-of") } } catch {
                throw CLIFailure.usage(error.description)
            }
            let atlas = try corpus.load()
            let lang = language.language
            if atlas.jurisdiction(id.lowercased()) == nil, let instrument = atlas.instrument(id.lowercased()) {
                try output.write(InstrumentText.render(instrument, cases: atlas.cases, vocabulary: atlas.vocabulary,
                                                      language: lang)
                    + "\n" + Provenance(corpus: atlas).footer(language: lang) + "\n")
                return
            }
            let j = try atlas.requireJurisdiction(id)
            try output.write(RegimeText.render(j, vocabulary: atlas.vocabulary, asOf: date, language: lang)
                + "\n" + Provenance(corpus: atlas).footer(language: lang) + "\n")
        }
    }
}
