import ArgumentParser
import AtlasEngine
import AtlasInput
import AtlasModel
import AtlasReport
import Foundation

extension Parole {
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
            abstract: "Simulate a Kazakh sentence under each jurisdiction's early-release law.",
            discussion: """
                A Kazakh sentence in, an outcome per jurisdiction and mechanism out: available or not (and why), \
                earliest date, time to serve, who decides, mandatory or discretionary, and the trace of rules \
                applied, each with its citation. Flags the case does not set are false; facts that cannot be \
                assumed (sex, age, damage, violations, victim's age) stay unknown and are reported as such.

                Examples:
                  parole simulate --term 9y --category grave --start 2022-01-10
                  parole simulate --term 7y6m --category especially-grave --start 2020-03-01 --cooperation
                  parole simulate --term life --category especially-grave --start 2001-05-20 --format json
                  parole simulate --term 6y --category grave --start 2021-01-01 --offence corruption \\
                      --sex male --birth-date 1960-02-01
                  parole simulate --case case.json --as-of 2019-01-01 --format markdown
                  parole simulate --term 9y --category grave --start 2022-01-10 --explain de --explain fr
                  parole simulate --batch cases.jsonl > outcomes.jsonl
                """)

        @Option(parsing: .unconditional, help: ArgumentHelp("Sentence: 9y, 7y6m, 2y3m15d or life.", valueName: "term"))
        var term: String?

        @Option(help: ArgumentHelp("Crime category: minor, medium, grave, especially-grave.", valueName: "category"))
        var category: String?

        @Option(help: ArgumentHelp("Start of the term, custody credit included.", valueName: "YYYY-MM-DD"))
        var start: String?

        @Option(name: .customLong("offence"), help: ArgumentHelp(
            "Offence tag (repeatable), e.g. corruption, terrorism, sexual-offence-against-minor.", valueName: "tag"))
        var offences: [String] = []

        @Option(name: .customLong("consequence"), help: ArgumentHelp(
            "Consequence (repeatable): caused-death, combined-with-especially-grave.", valueName: "tag"))
        var consequences: [String] = []

        @Option(help: ArgumentHelp(
            "Punishment being served (default: the corpus's default punishment, imprisonment in the bundled one).",
            valueName: "kind"))
        var punishment: String?

        @Option(help: ArgumentHelp("female or male.", valueName: "sex")) var sex: String?
        @Option(help: ArgumentHelp("Age on the as-of date.", valueName: "years")) var age: Int?
        @Option(name: .customLong("birth-date"), help: ArgumentHelp("Date of birth.", valueName: "YYYY-MM-DD"))
        var birthDate: String?
        @Flag(help: "A minor when the offence was committed: under the home law's age of majority (18 in the bundled corpus).")
        var juvenile = false
        @Flag(help: "Pregnant.") var pregnant = false
        @Flag(name: .customLong("young-child"), help: "Has a young child.") var youngChild = false
        @Flag(name: .customLong("single-father"),
              help: "A man raising a young child alone (the corpus's single-father composition).") var singleFather = false
        @Option(help: ArgumentHelp("Disability group, as the corpus lists them (1, 2 or 3 in the bundled one).",
                                   valueName: "group")) var disability: Int?
        @Flag(help: "Fulfilled a procedural cooperation agreement.") var cooperation = false
        @Flag(inversion: .prefixedNo, help: "A recidivist (or not); unknown when neither flag is given.")
        var recidivist: Bool?
        @Flag(name: .customLong("first-custodial"), inversion: .prefixedNo,
              help: "This is (or is not) the first custodial sentence; unknown when neither flag is given.")
        var firstCustodial: Bool?
        @Flag(name: .customLong("foreign-national"), help: "Foreign national or stateless person.")
        var foreignNational = false
        @Option(name: .customLong("prior-revocation"), help: ArgumentHelp(
            "An earlier parole was revoked: breach or new-crime. --term is then the remainder being served.",
            valueName: "reason"))
        var priorRevocation: String?
        @Option(help: ArgumentHelp("Damage caused by the crime: full, none-claimed or unpaid.", valueName: "status"))
        var damage: String?
        @Flag(name: .customLong("malicious-violations"), inversion: .prefixedNo,
              help: "Unlifted malicious violations of the prison regime (or none).")
        var maliciousViolations: Bool?
        @Option(name: .customLong("victim-age"), help: ArgumentHelp("Age of the victim.", valueName: "years"))
        var victimAge: Int?

        @Option(name: .customLong("as-of"), help: ArgumentHelp("Apply the law in force on this date (default: today).",
                                                               valueName: "YYYY-MM-DD"))
        var asOf: String?

        @Option(name: .customLong("jurisdiction"), help: ArgumentHelp(
            "Jurisdiction id (repeatable; default: all in the corpus).", valueName: "id"))
        var jurisdictions: [String] = []

        @Option(help: "Output: table, json or markdown.") var format: OutputFormat = .table

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

        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        /// The formats this command writes.
        static let formats: [OutputFormat] = [.table, .json, .markdown]

        func validate() throws { try format.require(Self.formats, by: "simulate") }

        func run() throws {
            let channel = try output.open()
            if let batch {
                let atlas = try corpus.load()
                let selected = try jurisdictions.isEmpty
                    ? atlas.jurisdictions : jurisdictions.map { try atlas.requireJurisdiction($0) }
                let result = try BatchRun(path: batch, corpus: atlas, jurisdictions: selected, defaults: flags,
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
            draft = draft.overlaid(with: flags)
            let atlas = try corpus.load()
            let facts: Case
            do { facts = try draft.build(vocabulary: atlas.vocabulary, today: .today) } catch {
                throw CLIFailure(message: error.description, status: caseFile == nil ? .usage : .data)
            }
            let selected = try draft.jurisdictions.isEmpty
                ? atlas.jurisdictions : draft.jurisdictions.map { try atlas.requireJurisdiction($0) }
            let simulator = Simulator(corpus: atlas)
            let outcomes = simulator.simulate(facts, in: selected)
            let evaluator = ConformanceEvaluator(corpus: atlas)
            let conformance = Dictionary(uniqueKeysWithValues: outcomes.map {
                ($0.jurisdiction.id, evaluator.verdicts(for: $0, facts: facts))
            })
            let explained = try explain.map { try atlas.requireJurisdiction($0).id }
            let text: String
            switch format {
            case .json:
                text = OutcomeJSON.document(for: facts, outcomes: outcomes, vocabulary: atlas.vocabulary,
                                            conformance: conformance, provenance: Provenance(corpus: atlas))
                    .serialized(pretty: true) + "\n"
            case .table, .markdown:
                text = OutcomeText.render(facts, outcomes, vocabulary: atlas.vocabulary,
                                          style: format == .table ? .table : .markdown,
                                          home: atlas.home.jurisdiction, explain: explained.isEmpty ? nil : explained,
                                          conformance: conformance)
                    + "\n" + Provenance(corpus: atlas).footer() + "\n"
            case .csv, .html: throw format.refused(by: "simulate", writes: Self.formats)
            }
            try channel.write(text)
            try channel.finish()
        }

        /// The case as the flags state it; unset flags stay `nil` so that a case file's values survive.
        var flags: CaseDraft {
            var d = CaseDraft()
            d.term = term
            d.category = category
            d.start = start
            d.offences = offences
            d.consequences = consequences
            d.punishment = punishment
            d.sex = sex
            d.age = age
            d.birthDate = birthDate
            d.juvenile = juvenile ? true : nil
            d.pregnant = pregnant ? true : nil
            d.youngChild = youngChild ? true : nil
            d.singleFather = singleFather ? true : nil
            d.disability = disability
            d.cooperation = cooperation ? true : nil
            d.recidivist = recidivist
            d.firstCustodial = firstCustodial
            d.foreignNational = foreignNational ? true : nil
            d.priorRevocation = priorRevocation
            d.damage = damage
            d.maliciousViolations = maliciousViolations
            d.victimAge = victimAge
            d.asOf = asOf
            d.jurisdictions = jurisdictions
            return d
        }
    }

}
