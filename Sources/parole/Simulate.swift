import ArgumentParser
import AtlasEngine
import AtlasInput
import AtlasModel
import AtlasOutput
import AtlasReport
import Foundation

extension Parole {
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
            abstract: "Simulate a Kazakh sentence under each jurisdiction's early-release law.",
            usage: "parole simulate --term <term> --category <category> --start <YYYY-MM-DD> [<case facts>] [<options>]",
            discussion: """
                A Kazakh sentence in, an outcome per jurisdiction and mechanism out: available or not (and why), \
                earliest date, time to serve, who decides, mandatory or discretionary, and the trace of rules \
                applied, each with its citation. Flags the case does not set are false; facts that cannot be \
                assumed (sex, age, damage, violations, victim's age) stay unknown and are reported as such.

                Examples:
                  parole simulate --term 9y --category grave --start 2022-01-10
                  parole simulate --term 7y6m --category especially-grave --start 2020-03-01 \\
                      --cooperation
                  parole simulate --term life --category especially-grave --start 2001-05-20 \\
                      --format json
                  parole simulate --term 6y --category grave --start 2021-01-01 \\
                      --offence corruption --sex male --birth-date 1960-02-01
                  parole simulate --case case.json --as-of 2019-01-01 --format markdown
                  parole simulate --term 9y --category grave --start 2022-01-10 --explain de \\
                      --explain fr
                  parole simulate --batch cases.jsonl > outcomes.jsonl
                  parole simulate --term 9y --category grave --start 2022-01-10 \\
                      --jurisdiction kz --lang kk
                  parole simulate --term 6y --category grave --start 2023-01-10 --juvenile \\
                      --jurisdiction kz --reform kz-rec-juvenile-one-third
                  parole simulate --term 9y --category grave --start 2022-01-10 \\
                      --set kz-cc-72-3-grave=1/3
                  parole simulate --term 9y --category grave --start 2022-01-10 \\
                      --chart /tmp/timeline.svg --lang ru
                  parole simulate --term 9y --category grave --start 2022-01-10 --lang ru \\
                      --output /tmp/outcomes.xlsx

                Case facts (each also a key of a --case file or batch line, in camelCase or as the flag is
                spelled: --young-child is "youngChild" or "young-child", --offence is "offences"):
                """ + "\n" + FactFlags.help)

        @Option(name: .customLong("jurisdiction"), help: ArgumentHelp(
            "Jurisdiction id (repeatable; default: all in the corpus).", valueName: "id"))
        var jurisdictions: [String] = []

        @Option(name: .customLong("format"), help: ArgumentHelp(
            "Output: table, json, markdown, csv, html, docx or xlsx (default: what --output's extension names, else table).",
            valueName: "format"))
        var formatChoice: OutputFormat?
        @OptionGroup var export: ExportOptions

        @Flag(help: "Every column of the outcome table (who decides, the other mechanisms); the default is compact.")
        var wide = false

        @Option(help: ArgumentHelp(
            "With --format json: full (the default: every trace, reason and citation) or summary (the batch line's "
                + "fields: per jurisdiction and mechanism the status, dates and rule; docs/simulate.schema.json "
                + "$defs/batchLine).", valueName: "full|summary"))
        var detail: Detail = .full

        /// How much of the reasoning the JSON carries.
        enum Detail: String, ExpressibleByArgument, CaseIterable { case full, summary }

        @Option(name: .customLong("chart"), help: ArgumentHelp(
            "Also draw the outcome as an SVG timeline into this file: one bar per jurisdiction from the start to the "
                + "earliest release, disputed spans shaded, the term's end and the as-of date marked.",
            valueName: "file.svg"))
        var chart: String?

        @Option(help: ArgumentHelp("Print the full reasoning for this jurisdiction (repeatable; default kz).",
                                   valueName: "id"))
        var explain: [String] = []

        @Option(name: .customLong("case"), help: ArgumentHelp(
            "A JSON file with the same fields (flags given here override it).", valueName: "file"))
        var caseFile: String?

        @Option(help: ArgumentHelp(
            "A JSON Lines file of cases (or - for standard input): one outcome summary per line, streamed; "
                + "flags given here are defaults for every case.", valueName: "file"))
        var batch: String?

        /// The case facts, read by `FactFlags` from what the options above leave.
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp(visibility: .hidden))
        var factArguments: [String] = []

        @OptionGroup var reform: ReformOptions
        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        /// The formats this command writes.
        static let formats: [OutputFormat] = [.table, .json, .markdown, .csv, .html, .docx, .xlsx]


        /// The command's own long options, offered when a fact flag is mistyped.
        static let ownOptions = ["jurisdiction", "format", "explain", "case", "batch", "output", "corpus", "lang", "excel"]
            + ReformOptions.names

        func validate() throws {
            try checkFormat()
            if batch != nil, format.export != nil, format != .json {
                throw ValidationError("--batch writes JSON Lines; drop --format \(format.rawValue)")
            }
            if detail == .summary, format != .json {
                throw ValidationError("--detail summary is a JSON document; add --format json")
            }
            if chart != nil, batch != nil {
                throw ValidationError("--chart draws one case; a batch has many (run the case alone with --chart)")
            }
            _ = try flags
        }

        func run() throws {
            let channel = try output.open()
            // Opened before any work, so that a chart that cannot be written stops the command with nothing written.
            let chartChannel = try chart.map { try OutputChannel(path: $0) }
            if let batch {
                var atlas = try corpus.load()
                if !reform.isEmpty {
                    let stack = try reform.stack(corpus: atlas, schemaFile: corpus.location.schemaFile)
                    let asOf = try flags["as-of"].flatMap { value -> CalendarDate? in
                        if case .text(let t) = value { return CalendarDate(iso: t) }
                        return nil
                    }
                    atlas = try ReformOptions.apply(stack, to: atlas, effective: try reform.effectiveDate(asOf: asOf))
                }
                let selected = try jurisdictions.isEmpty
                    ? atlas.jurisdictions : jurisdictions.map { try atlas.requireJurisdiction($0) }
                let result = try BatchRun(path: batch, corpus: atlas, jurisdictions: selected, defaults: try flags,
                                          today: .today, output: channel).run()
                // Rejected lines are part of the output (each says why), so the output is kept.
                try channel.finish()
                if result.failed > 0 {
                    throw CLIFailure.data("\(result.failed) of \(result.ok + result.failed) cases rejected; "
                        + "their lines carry \"error\" in the output")
                }
                return
            }
            var draft = CaseDraft()
            if let caseFile { draft = try CaseFile.read(caseFile) }
            draft = draft.overlaid(with: try flags)
            let law = try corpus.load()
            let facts: Case
            do { facts = try draft.build(vocabulary: law.vocabulary, today: .today) } catch {
                throw CLIFailure(message: error.description, status: caseFile == nil ? .usage : .data)
            }
            CaseWarnings.report(facts, wording: Wording(language.language, vocabulary: law.vocabulary))
            // Under reforms the law is changed before anything is compiled; the rest of the run is the same.
            var atlas = law
            var applied: (stack: ReformStack, effective: CalendarDate)?
            if !reform.isEmpty {
                let stack = try reform.stack(corpus: law, schemaFile: corpus.location.schemaFile)
                let effective = try reform.effectiveDate(asOf: facts.asOf)
                atlas = try ReformOptions.apply(stack, to: law, effective: effective)
                applied = (stack, effective)
            }
            let selected = try draft.jurisdictions.isEmpty
                ? atlas.jurisdictions : draft.jurisdictions.map { try atlas.requireJurisdiction($0) }
            let simulator = Simulator(corpus: atlas)
            let outcomes = simulator.simulate(facts, in: selected)
            if let chartChannel {
                try chartChannel.write(OutcomeTimeline(facts: facts, outcomes: outcomes,
                                                       wording: Wording(language.language, vocabulary: atlas.vocabulary),
                                                       home: atlas.home.jurisdiction, provenance: Provenance(corpus: atlas)).svg)
                try chartChannel.finish()
            }
            let evaluator = ConformanceEvaluator(corpus: atlas)
            let conformance = Dictionary(uniqueKeysWithValues: outcomes.map {
                ($0.jurisdiction.id, evaluator.verdicts(for: $0, facts: facts))
            })
            let explained = try explain.map { try atlas.requireJurisdiction($0).id }
            let text: String
            let provenance = Provenance(corpus: atlas)
            switch format {
            case .json where detail == .summary:
                text = OutcomeSummary.json(of: facts, in: selected, corpus: atlas, provenance: provenance) + "\n"
            case .json:
                // JSON names missing facts by their labels; the names themselves are in the data.
                let wording = Wording(language.language, vocabulary: atlas.vocabulary, factNaming: .labels)
                text = OutcomeJSON.document(for: facts, outcomes: outcomes, wording: wording,
                                            conformance: conformance, provenance: provenance,
                                            reforms: applied.map { ReformJSON.applied($0.stack, effective: $0.effective,
                                                                                      corpus: law, wording) })
                    .serialized(pretty: true) + "\n"
            case .table, .markdown:
                let wording = Wording(language.language, vocabulary: atlas.vocabulary, factNaming: .flags)
                let heading = applied.map { ReformText.heading($0.stack, effective: $0.effective, asOf: facts.asOf,
                                                               corpus: law, wording, asOfOption: "--as-of").joined(separator: "\n") + "\n\n" }
                text = (heading ?? "") + OutcomeText.render(facts, outcomes, wording: wording,
                                          style: format == .table ? .table : .markdown,
                                          home: atlas.home.jurisdiction, explain: explained.isEmpty ? nil : explained,
                                          conformance: conformance, explainOption: "--explain", wide: wide)
                    + "\n" + provenance.footer(language: language.language) + "\n"
            case .csv, .html, .docx, .xlsx:
                let wording = Wording(language.language, vocabulary: atlas.vocabulary, factNaming: .flags)
                return try export.write(OutcomeText.exportDocument(facts, outcomes, wording: wording,
                                                                   home: atlas.home.jurisdiction,
                                                                   provenance: format == .csv ? nil : provenance),
                                        as: format, into: channel, path: output.path, language: language.language)
            }
            try channel.write(text)
            try channel.finish()
        }

        /// The case as the flags state it; unset flags stay unset so that a case file's values survive.
        var flags: CaseDraft {
            get throws {
                var draft = try FactFlags.draft(from: factArguments, commandOptions: Self.ownOptions)
                draft.jurisdictions = jurisdictions
                return draft
            }
        }
    }

}
