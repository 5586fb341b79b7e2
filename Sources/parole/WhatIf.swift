import ArgumentParser
import AtlasEngine
import AtlasInput
import AtlasModel
import AtlasReport

extension Parole {
    struct WhatIf: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "whatif",
            abstract: "Compare a case under the law in force and under proposed reforms.",
            usage: "parole whatif (--reform <id|file> | --set <rule=value>)... <case facts> [<options>]",
            discussion: """
                The case is decided twice by the same engine: under the law, and under the law with the reforms \
                applied from their entry into force (--effective, default the --as-of date, else today). For each \
                mechanism whose outcome changes: availability, dates, mandatory or discretionary, the difference in \
                days, and the reforms whose rules made the difference; then the reformed reasoning with its \
                citations. Whom a reform reaches follows the jurisdiction's rule on the law in time: under \
                Kazakhstan's milder-law rule a milder change reaches people already serving, a harsher one only \
                offences committed after it. `parole reforms` lists the reforms.

                Examples:
                  parole whatif --reform kz-rec-juvenile-one-third --term 6y \\
                      --category grave --start 2023-01-10 --juvenile
                  parole whatif --reform kz-a3-8-torture --effective 2027-01-01 \\
                      --offence-date 2027-03-01 --term 8y --category grave \\
                      --start 2027-06-01 --offence torture --as-of 2030-01-01
                  parole whatif --reform kz-annex-3@1 --term 5y --category medium \\
                      --start 2023-01-10 --format json
                  parole whatif --set kz-cc-72-3-grave=1/3 --term 9y --category grave \\
                      --start 2022-01-10 --lang ru
                  parole whatif --reform my-reform.xml --term 9y --category grave \\
                      --start 2022-01-10
                  parole whatif --reform kz-annex-3@1 --term 5y --category medium \\
                      --start 2023-01-10 --lang kk --output /tmp/whatif.docx

                Case facts (each also a key of a --case file, in camelCase or as the flag is spelled):
                """ + "\n" + FactFlags.help)

        @Option(name: .customLong("jurisdiction"), help: ArgumentHelp(
            "Jurisdiction id (repeatable; default: the jurisdictions the reforms change).", valueName: "id"))
        var jurisdictions: [String] = []

        @Option(name: .customLong("format"), help: ArgumentHelp(
            "Output: table, json, markdown, csv, html, docx or xlsx (default: what --output's extension names, else table).",
            valueName: "format"))
        var formatChoice: OutputFormat?
        @OptionGroup var export: ExportOptions

        @Option(name: .customLong("case"), help: ArgumentHelp(
            "A JSON file with the case (flags given here override it).", valueName: "file"))
        var caseFile: String?

        @Argument(parsing: .allUnrecognized, help: ArgumentHelp(visibility: .hidden))
        var factArguments: [String] = []

        @OptionGroup var reform: ReformOptions
        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        static let formats: [OutputFormat] = [.table, .json, .markdown, .csv, .html, .docx, .xlsx]


        static let ownOptions = ["jurisdiction", "format", "case", "output", "corpus", "lang", "excel"] + ReformOptions.names

        func validate() throws {
            try checkFormat()
            guard !reform.isEmpty else {
                throw ValidationError("name a reform: --reform ID|FILE or --set RULE=VALUE (parole reforms lists them)")
            }
            _ = try FactFlags.draft(from: factArguments, commandOptions: Self.ownOptions)
        }

        func run() throws {
            let channel = try output.open()
            var draft = CaseDraft()
            if let caseFile { draft = try CaseFile.read(caseFile) }
            draft = draft.overlaid(with: try FactFlags.draft(from: factArguments, commandOptions: Self.ownOptions))
            let law = try corpus.load()
            let facts: Case
            do { facts = try draft.build(vocabulary: law.vocabulary, today: .today) } catch {
                throw CLIFailure(message: error.description, status: caseFile == nil ? .usage : .data)
            }
            CaseWarnings.report(facts, wording: Wording(language.language, vocabulary: law.vocabulary))
            let stack = try reform.stack(corpus: law, schemaFile: corpus.location.schemaFile)
            let effective = try reform.effectiveDate(asOf: facts.asOf)
            let reformed = try ReformOptions.apply(stack, to: law, effective: effective)
            let ids = try jurisdictions.map { try law.requireJurisdiction($0).id }
            let trial = try ReformTrial(facts, law: law, reformed: reformed, stack: stack, effective: effective,
                                        jurisdictions: ids)
            let comparison = trial.comparison
            let provenance = Provenance(corpus: law)
            let text: String
            switch format {
            case .json:
                let wording = Wording(language.language, vocabulary: law.vocabulary, factNaming: .labels)
                text = ReformJSON.whatIf(comparison, facts: facts, stack: stack, effective: effective, corpus: law,
                                         wording, conformanceBefore: trial.conformanceBefore,
                                         conformanceAfter: trial.conformanceAfter, provenance: provenance)
                    .serialized(pretty: true) + "\n"
            case .table, .markdown:
                let wording = Wording(language.language, vocabulary: law.vocabulary, factNaming: .flags)
                text = ReformText.whatIf(comparison, facts: facts, stack: stack, effective: effective, corpus: law,
                                         wording, style: format == .table ? .table : .markdown, asOfOption: "--as-of")
                    + "\n\n" + provenance.footer(language: language.language) + "\n"
            case .csv, .html, .docx, .xlsx:
                let wording = Wording(language.language, vocabulary: law.vocabulary, factNaming: .flags)
                return try export.write(ReformText.whatIfExport(comparison, facts: facts, stack: stack,
                                                                effective: effective, corpus: law, wording,
                                                                provenance: format == .csv ? nil : provenance),
                                        as: format, into: channel, path: output.path, language: language.language)
            }
            try channel.write(text)
            try channel.finish()
        }
    }
}
