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
                  parole conformance kz --reform kz-a3-8-torture
                  parole conformance kz --reform kz-annex-3@1 --lang ru
                  parole conformance kz --lang ru --output /tmp/conformance-kz.docx

                With --reform or --set: the verdicts the reforms change, each compared on the law as it stands \
                when they enter into force (--effective, default today) and on the reformed law, with whether \
                the reform moves the regime closer to the standard or away from it.
                """)

        @Argument(help: "Jurisdiction id.") var id: String
        @Option(name: .customLong("format"), help: ArgumentHelp(
            "Output: table, json, markdown, csv, html, docx or xlsx (default: what --output's extension names, else table).",
            valueName: "format"))
        var formatChoice: OutputFormat?
        @OptionGroup var export: ExportOptions
        @OptionGroup var reform: ReformOptions
        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        /// The formats this command writes.
        static let formats: [OutputFormat] = [.table, .json, .markdown, .csv, .html, .docx, .xlsx]


        func validate() throws {
            try checkFormat()
        }

        func run() throws {
            let atlas = try corpus.load()
            let j = try atlas.requireJurisdiction(id)
            if !reform.isEmpty { return try runReformed(atlas, j) }
            let verdicts = ConformanceEvaluator(corpus: atlas).verdicts(for: j)
            let provenance = Provenance(corpus: atlas)
            let footer = "\n\n" + provenance.footer(language: language.language)
            // JSON names missing facts by their labels, as `simulate --format json` does; no fact is missing from
            // a regime's verdicts today, so the naming only matters once one can be.
            let wording = Wording(language.language, vocabulary: atlas.vocabulary, factNaming: .labels)
            let text: String
            switch format {
            // The output stays an array of verdicts, so each verdict carries the provenance.
            case .json: text = JSONValue.array(verdicts.map { ConformanceJSON.verdict($0, provenance: provenance, wording: wording) })
                .serialized(pretty: true)
            case .table: text = ConformanceJSON.table(verdicts, wording: wording).text + footer
            case .markdown: text = ConformanceJSON.table(verdicts, wording: wording).markdown + footer
            case .csv, .html, .docx, .xlsx:
                return try export.write(ConformanceJSON.exportDocument(
                    verdicts, title: ExportPhrase.titleConformance.text(language.language, ["id": j.id]),
                    wording: wording, provenance: provenance), as: format, to: output, language: language.language)
            }
            try output.write(text + "\n")
        }

        /// The verdicts the reforms change, on the law as it stands at their entry into force.
        private func runReformed(_ atlas: Corpus, _ j: Jurisdiction) throws {
            let stack = try reform.stack(corpus: atlas, schemaFile: corpus.location.schemaFile)
            let effective = try reform.effectiveDate(asOf: nil)
            let reformed = try ReformOptions.apply(stack, to: atlas, effective: effective)
            let evaluator = ConformanceEvaluator(corpus: atlas)
            let before = evaluator.verdicts(for: j.standing(from: effective))
            let after = ConformanceEvaluator(corpus: reformed)
                .verdicts(for: (reformed.jurisdiction(j.id) ?? j).standing(from: effective))
            let changes = ConformanceChange.changes(before: before, after: after, stack: stack, jurisdiction: j.id)
            let provenance = Provenance(corpus: atlas)
            let text: String
            switch format {
            case .json:
                let wording = Wording(language.language, vocabulary: atlas.vocabulary, factNaming: .labels)
                text = ReformJSON.conformance(changes, before: before, after: after, stack: stack, effective: effective,
                                              corpus: atlas, wording, provenance: provenance).serialized(pretty: true)
            case .table, .markdown:
                let wording = Wording(language.language, vocabulary: atlas.vocabulary)
                text = ReformText.heading(stack, effective: effective, asOf: nil, corpus: atlas, wording)
                    .joined(separator: "\n") + "\n\n"
                    + ReformText.conformanceChanges(changes, wording, markdown: format == .markdown)
                    + "\n\n" + provenance.footer(language: language.language)
            case .csv, .html, .docx, .xlsx:
                let wording = Wording(language.language, vocabulary: atlas.vocabulary)
                let title = ExportPhrase.titleConformance.text(language.language, ["id": j.id])
                return try export.write(ReformText.conformanceChangesExport(
                    changes, title: title, stack: stack, effective: effective, corpus: atlas, wording,
                    provenance: provenance), as: format, to: output, language: language.language)
            }
            try output.write(text + "\n")
        }
    }
}
