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
                  parole show kz --quotes
                """)

        @Argument(help: ArgumentHelp(
            "Jurisdiction or instrument: its id (kz, tokyo-rules), a name in kk, ru or en, or a short name.",
            valueName: "id-or-name"))
        var id: String

        @Option(name: .customLong("as-of"), help: ArgumentHelp("Only the law in force on this date.",
                                                               valueName: "YYYY-MM-DD"))
        var asOf: String?

        @Flag(name: .customLong("quotes"), help: "Also print each figure's verbatim quotation beside its citation.")
        var quotes = false

        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        /// With `--quotes`, the quotations behind the records of `id`, after a blank line; else nothing.
        func quotations(_ id: String, _ atlas: Corpus) -> String {
            guard quotes else { return "" }
            return "\n" + QuotationText.render(RecordCitations(corpus: atlas).records(in: id), language: language.language)
        }

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
                    + quotations(instrument.id, atlas) + "\n" + Provenance(corpus: atlas).footer(language: lang) + "\n")
                return
            }
            guard case .jurisdiction(let j) = record else { return }
            try output.write(RegimeText.render(j, vocabulary: atlas.vocabulary, asOf: date, language: lang)
                + quotations(j.id, atlas) + "\n" + Provenance(corpus: atlas).footer(language: lang) + "\n")
        }
    }
}
