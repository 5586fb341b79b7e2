import ArgumentParser
import AtlasOutput
import AtlasEngine
import AtlasModel
import AtlasReport

extension Parole {
    struct Conformance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "conformance",
            abstract: "Check a regime against every international standard in the corpus.",
            discussion: """
                Each declarative check of an instrument's provision gives `complies`, `conflicts`, or \
                `not-assessable` (with what the sources do not state), cited to the provision.

                Examples:
                  parole conformance kz
                  parole conformance fi --format json
                  parole conformance kz --lang kk
                """)

        @Argument(help: "Jurisdiction id.") var id: String
        @Option(help: "Output: table, json or markdown.") var format: OutputFormat = .table
        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        /// The formats this command writes.
        static let formats: [OutputFormat] = [.table, .json, .markdown]

        func validate() throws { try format.require(Self.formats, by: "conformance") }

        func run() throws {
            let atlas = try corpus.load()
            let j = try atlas.requireJurisdiction(id)
            let verdicts = ConformanceEvaluator(corpus: atlas).verdicts(for: j)
            let provenance = Provenance(corpus: atlas)
            let footer = "\n\n" + provenance.footer(language: language.language)
            // JSON names missing facts by their labels, as `simulate --format json` does; no fact is missing from
            // a regime's verdicts today, so the naming only matters once one can be.
            let wording = Wording(language.language, vocabulary: atlas.vocabulary, factNaming: .labels)
            let text = switch format {
            // The output stays an array of verdicts, so each verdict carries the provenance.
            case .json: JSONValue.array(verdicts.map { ConformanceJSON.verdict($0, provenance: provenance, wording: wording) })
                .serialized(pretty: true)
            case .table: ConformanceJSON.table(verdicts, wording: wording).text + footer
            case .markdown: ConformanceJSON.table(verdicts, wording: wording).markdown + footer
            case .csv, .html: throw format.refused(by: "conformance", writes: Self.formats)
            }
            try output.write(text + "\n")
        }
    }
}
