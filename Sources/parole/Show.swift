import ArgumentParser
import AtlasOutput
import AtlasModel
import AtlasReport
import AtlasSearch

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
                  parole show Germany
                  parole show "Tokyo Rules"
                  parole show Германия --lang ru
                """)

        @Argument(help: ArgumentHelp(
            "Jurisdiction or instrument: its id (kz, tokyo-rules), a name in kk, ru or en, or a short name.",
            valueName: "id-or-name"))
        var id: String

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
            let record = try atlas.requireRecord(id)
            if case .instrument(let instrument) = record {
                try output.write(InstrumentText.render(instrument, cases: atlas.cases, vocabulary: atlas.vocabulary,
                                                      language: lang)
                    + "\n" + Provenance(corpus: atlas).footer(language: lang) + "\n")
                return
            }
            guard case .jurisdiction(let j) = record else { return }
            try output.write(RegimeText.render(j, vocabulary: atlas.vocabulary, asOf: date, language: lang)
                + "\n" + Provenance(corpus: atlas).footer(language: lang) + "\n")
        }
    }
}
