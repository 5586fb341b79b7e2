import ArgumentParser
import AtlasModel
import AtlasReport
import AtlasSearch

extension ReferenceExport.Format: ExpressibleByArgument {}

extension Parole {
    struct Cite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cite",
            abstract: "The sources behind a record, as BibTeX, CSL-JSON or RIS for a reference manager.",
            discussion: """
                Any record with an id: a jurisdiction (every source its regime cites), an instrument, a rule, a \
                provision, a discrepancy, a reform or a court case; a jurisdiction or an instrument may also be \
                given by name. Each source is one entry; the places cited in it (seed lines, articles, footnotes) \
                are in its note.

                Examples:
                  parole cite kz
                  parole cite tokyo-rules --format ris > tokyo.ris
                  parole cite Germany --format csl-json
                  parole cite kz-parole-grave --lang ru
                """)

        @Argument(help: ArgumentHelp("The record: an id, or a jurisdiction's or instrument's name.", valueName: "id"))
        var id: String

        @Option(help: "Output: bibtex, csl-json or ris.") var format: ReferenceExport.Format = .bibtex

        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        func run() throws {
            let atlas = try corpus.load()
            let records = RecordCitations(corpus: atlas)
            let recordID: String
            if records.citations(of: id) != nil {
                recordID = id
            } else if case .found(let record) = RecordDirectory(corpus: atlas).resolve(id) {
                recordID = record.id
            } else {
                let hint = Suggestion.nearest(to: id, among: records.ids, count: 3)
                throw CLIFailure.usage("cite: no record has the id or name \"\(id)\""
                    + (hint.isEmpty ? "" : "; did you mean " + hint.joined(separator: ", ") + "?")
                    + " (`parole search` finds records by their words)")
            }
            let export = ReferenceExport(record: recordID, citations: records.citations(of: recordID) ?? [],
                                         sources: atlas.sources, language: language.language)
            if export.entries.isEmpty {
                throw CLIFailure.data(FindPhrase.citeNone.text(.en, ["id": recordID]))
            }
            try output.write(export.rendered(format) + "\n")
        }
    }
}
