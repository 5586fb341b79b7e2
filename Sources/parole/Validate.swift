import ArgumentParser
import AtlasOutput
import AtlasCorpus
import AtlasModel
import AtlasReport
import Foundation

extension Parole {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check the corpus against the schema and its cross-references.",
            discussion: """
                Validates every document with the XSD (all errors, not just the first), then checks what XSD \
                cannot: ids unique across the corpus, every citation naming a known source, every vocabulary \
                term known, references resolving, dated versions not overlapping.
                Problems are printed as file:line:column: message; the exit status is 65 if there are any.

                Examples:
                  parole validate
                  parole validate --corpus ./corpus
                  parole validate --coverage
                  parole validate --coverage --lang ru
                  PAROLE_CORPUS=/data/corpus parole validate
                """)

        @Flag(help: "Also print, per jurisdiction, which aspects are stated, not stated, or in dispute.")
        var coverage = false

        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        func run() throws {
            let channel = try output.open()
            let report = try CorpusLoader(location: corpus.location, checkQuotations: true).validate()
            let lang = language.language
            // The diagnostics are the loader's, in English with the file's own words; the lines around them are
            // in the chosen language.
            var text = report.diagnostics.map { $0.description + "\n" }.joined()
            let problems = report.diagnostics.count
            let summary = RegimePhrase.validateSummary.text(lang, [
                "documents": String(report.documentCount), "citations": String(report.citationCount),
                "digest": report.digest.map { RegimePhrase.validateDigest.text(lang, ["digest": "sha256:" + $0]) } ?? "",
                "quotations": String(report.quotationCount),
                "problems": (problems == 1 ? RegimePhrase.validateOneProblem : .validateProblems)
                    .text(lang, ["count": String(problems)]),
            ])
            if coverage, report.isClean {
                let atlas = try CorpusLoader(location: corpus.location).load()
                text += CorpusOverview(corpus: atlas, asOf: nil, language: lang).coverageTable().text + "\n"
                text += CorpusOverview.coverageLegend(lang) + "\n"
            }
            if report.isClean {
                text += RegimePhrase.validateOk.text(lang, ["summary": summary]) + "\n"
                if let digest = report.digest { text += Provenance(corpusDigest: digest).footer(language: lang) + "\n" }
            }
            // The problems are the output, and are delivered before the command reports failure.
            try channel.write(text)
            try channel.finish()
            if !report.isClean { throw CLIFailure.data(summary) }
        }
    }
}
