import ArgumentParser
import AtlasOutput
import AtlasCorpus
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
                  PAROLE_CORPUS=/data/corpus parole validate
                """)

        @Flag(help: "Also print, per jurisdiction, which aspects are stated, not stated, or in dispute.")
        var coverage = false

        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        func run() throws {
            let channel = try output.open()
            let report = try CorpusLoader(location: corpus.location, checkQuotations: true).validate()
            var text = report.diagnostics.map { $0.description + "\n" }.joined()
            let summary = "\(report.documentCount) documents, \(report.citationCount) citations checked, "
                + (report.digest.map { "corpus sha256:\($0), " } ?? "")
                + "\(report.quotationCount) quotations checked against the seed, "
                + "\(report.diagnostics.count) problem\(report.diagnostics.count == 1 ? "" : "s")"
            if coverage, report.isClean {
                let atlas = try CorpusLoader(location: corpus.location).load()
                text += CorpusOverview(corpus: atlas, asOf: nil).coverageTable().text + "\n"
                text += "✓ stated · ✓ ⚠ stated, sources disagree · not stated: recorded as unknown · — absent from the "
                    + "encoding\n"
            }
            if report.isClean {
                text += "ok: " + summary + "\n"
                if let digest = report.digest { text += Provenance(corpusDigest: digest).footer() + "\n" }
            }
            // The problems are the output, and are delivered before the command reports failure.
            try channel.write(text)
            try channel.finish()
            if !report.isClean { throw CLIFailure.data(summary) }
        }
    }
}
