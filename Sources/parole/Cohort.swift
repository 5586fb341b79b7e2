import ArgumentParser
import AtlasEngine
import AtlasInput
import AtlasModel
import AtlasOutput
import AtlasReport
import Foundation
import Parallel

extension Parole {
    struct Cohort: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cohort",
            abstract: "Count a population's eligibility under the law and under reforms, now and over a horizon.",
            usage: "parole cohort --input <file.csv> [--reform <id>]... [--as-of <date>] [--horizon <5y>] [<options>]",
            discussion: """
                Each person of the population file (docs/cohort-csv.md) is decided by the same engine as \
                `simulate`, under the law and under each --reform (one scenario each; all --set changes together \
                form one more), and counted, never kept: memory stays flat in the number of people. Per scenario \
                and mechanism: how many are eligible by the as-of date and by each year of the horizon, how many \
                would be owed release, how many depend on a fact the file does not give (and which). Per reform: \
                how many get an earlier or later date, who becomes (or stops being) eligible, the median and spread \
                of the change in days, and the person-years of custody the earlier dates could save, at the \
                earliest date (an upper bound) and, with --grant-rate, at an assumed rate of grants. --chart \
                also draws the eligible counts as an SVG: a panel per mechanism, a group of bars per date (the \
                as-of date, then each year of the horizon), a bar per scenario.

                Examples:
                  parole cohort --input prisoners.csv
                  parole cohort --input prisoners.csv --reform kz-rec-juvenile-one-third \\
                      --reform kz-annex-3@1 --lang ru
                  parole cohort --input prisoners.csv --as-of 2027-01-01 --horizon 3y \\
                      --format json --output cohort.json
                  parole cohort --input export.csv \\
                      --columns "Срок=term,Категория=category,Начало=start" --keep-going
                  parole cohort --input prisoners.csv --reform kz-annex-3@1 --grant-rate 0.5 \\
                      --format csv
                  parole cohort --input prisoners.csv --mechanism parole \\
                      --mechanism replacement
                  parole cohort --input prisoners.csv --reform kz-annex-3@1 --lang ru \\
                      --output /tmp/cohort.xlsx
                  parole cohort --input prisoners.csv --reform kz-rec-juvenile-one-third \\
                      --chart /tmp/cohort.svg --lang kk
                  parole cohort generate --size 100000 --seed 7 --output synthetic.csv
                """,
            subcommands: [CohortGenerate.self])

        @Option(name: .customLong("jurisdiction"), help: ArgumentHelp(
            "Jurisdiction id (repeatable; default: the home jurisdiction).", valueName: "id"))
        var jurisdictions: [String] = []

        @Option(name: .customLong("mechanism"), help: ArgumentHelp(
            "Count only this mechanism, by id or kind (repeatable; default: every mechanism).", valueName: "id|kind"))
        var mechanisms: [String] = []

        @Option(help: ArgumentHelp("Years ahead to count eligibility for, one column each.", valueName: "5y"))
        var horizon: String = "5y"

        @Flag(help: "Report every bad row on standard error and count the others (exit 65 at the end).")
        var keepGoing = false

        @Option(help: ArgumentHelp("An assumed share of petitions granted (0 to 1), applied to the custody saved.",
                                   valueName: "rate"))
        var grantRate: Double?

        @Option(name: .customLong("chart"), help: ArgumentHelp(
            "Also draw the eligible counts as an SVG into this file: per mechanism, the people eligible by the as-of "
                + "date and by each year of the horizon, one bar per scenario (the law, then each reform).",
            valueName: "file.svg"))
        var chart: String?

        @Option(help: ArgumentHelp("Also write each person's outcome per scenario and mechanism to this CSV file.",
                                   valueName: "file"))
        var dates: String?

        @Option(name: .customLong("format"), help: ArgumentHelp(
            "Output: table, csv, json, markdown, html, docx or xlsx (default: what --output's extension names, else "
                + "table).", valueName: "format"))
        var formatChoice: OutputFormat?
        @OptionGroup var export: ExportOptions
        @OptionGroup var population: PopulationOptions
        @OptionGroup var reform: ReformOptions
        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        static let formats: [OutputFormat] = [.table, .csv, .json, .markdown, .html, .docx, .xlsx]


        func validate() throws {
            try checkFormat()
            if let grantRate, !(0...1).contains(grantRate) {
                throw ValidationError("--grant-rate \(grantRate): a share between 0 and 1, e.g. 0.45")
            }
            _ = try horizonYears
        }

        var horizonYears: Int {
            get throws {
                let digits = horizon.hasSuffix("y") ? String(horizon.dropLast()) : horizon
                guard let years = Int(digits), (0...50).contains(years) else {
                    throw ValidationError("--horizon \(horizon): whole years from 0 to 50, e.g. 5y")
                }
                return years
            }
        }

        func run() throws {
            let law = try corpus.load()
            let asOf = try population.asOfDate()
            let selected = try jurisdictions.isEmpty
                ? [try law.requireJurisdiction(law.home.jurisdiction)] : jurisdictions.map { try law.requireJurisdiction($0) }
            var scenarios = try CohortScenarios(reform: reform, law: law, asOf: asOf, schemaFile: corpus.location.schemaFile,
                                                jurisdictions: selected)
            try scenarios.count(only: mechanisms)
            // Every output is opened before any work, so that one that cannot be written stops the run at once.
            let channel = try output.open()
            let datesChannel = try dates.map { try OutputChannel(path: $0) }
            let chartChannel = try chart.map { try OutputChannel(path: $0) }
            var file = try population.open()
            let wording = Wording(language.language, vocabulary: law.vocabulary, factNaming: .labels)
            if !file.ignoredColumns.isEmpty {
                FileHandle.standardError.write(Data(("parole: " + wording.text(.cohortIgnoredColumns, [
                    "columns": file.ignoredColumns.joined(separator: ", ")]) + "\n").utf8))
            }
            let run = CohortRun(scenarios: scenarios, asOf: asOf, horizonYears: try horizonYears,
                                vocabulary: law.vocabulary, keepGoing: keepGoing, writesDates: datesChannel != nil)
            let result = try run.count(&file, dates: datesChannel)
            if let failure = file.failure { throw CLIFailure(message: "\(file.path): cannot read (\(failure))", status: .noInput) }
            var report = CohortReport(tally: result.tally, scenarios: scenarios.names, grantRate: grantRate,
                                      synthetic: result.synthetic)
            report.grantRateOption = "--grant-rate"
            let provenance = Provenance(corpus: law)
            if let chartChannel {
                let words = Wording(language.language, vocabulary: law.vocabulary, factNaming: .flags)
                try chartChannel.write(CohortChart(report, wording: words, provenance: provenance).svg)
                try chartChannel.finish()
            }
            let text: String
            switch format {
            case .json:
                text = report.json(wording, provenance: provenance, effective: scenarios.count > 1 ? scenarios.effective : nil,
                                   ignoredColumns: file.ignoredColumns).serialized(pretty: true) + "\n"
            // Records with stable English keys (see `CohortReport.csv`); the worded tables are in the other formats.
            case .csv: text = report.csv()
            case .table, .markdown:
                let words = Wording(language.language, vocabulary: law.vocabulary, factNaming: .flags)
                text = report.text(words, markdown: format == .markdown) + "\n\n" + provenance.footer(language: language.language) + "\n"
            case .html, .docx, .xlsx:
                try datesChannel?.finish()
                let words = Wording(language.language, vocabulary: law.vocabulary, factNaming: .flags)
                try export.write(report.exportDocument(words, provenance: provenance), as: format, into: channel,
                                 path: output.path, language: language.language)
                text = ""
            }
            if format.export?.isBinary != true, format != .html {
                try datesChannel?.finish()
                try channel.write(format == .csv ? export.csvBytes(text, output: output.path, language: language.language)
                                  : Array(text.utf8))
                try channel.finish()
            }
            if result.rejected > 0 {
                throw CLIFailure.data(wording.text(.cohortRejected, ["count": "\(result.rejected)", "people": "\(result.tally.people)"]))
            }
        }
    }
}

/// The law and each reform scenario of a cohort run, compiled once.
struct CohortScenarios: Sendable {
    var names: [String]
    var laws: [CompiledLaw]
    /// Per law, the mechanisms counted (every one unless `--mechanism` chose).
    var selections: [MechanismSelection] = []
    var effective: CalendarDate
    var count: Int { laws.count }
    /// Per worker, a compilation of its own of every scenario's law (the same law, `laws`, compiled again). The
    /// walk counts references on the compiled rules it reads; two cores counting on the same objects would pass
    /// their memory back and forth for every person, a tenth of a cohort run's time.
    private(set) var workerLaws: [[CompiledLaw]] = []

    /// Counts only the mechanisms `names` (ids or kinds) name, every one when empty; an unknown name is a usage
    /// error that lists the mechanisms there are.
    mutating func count(only names: [String]) throws {
        selections = try laws.map { law in
            guard !names.isEmpty else { return law.everyMechanism }
            switch law.mechanisms(named: names) {
            case .success(let selection): return selection
            case .failure(let unknown):
                let known = law.mechanismKeys.map { "\($0.mechanism) (\($0.kind))" }.joined(separator: ", ")
                throw CLIFailure.usage("--mechanism \(unknown.name): no such mechanism or kind; use one of \(known)")
            }
        }
    }

    init(reform: ReformOptions, law: Corpus, asOf: CalendarDate, schemaFile: String, jurisdictions: [Jurisdiction]) throws {
        effective = try reform.effectiveDate(asOf: asOf)
        let chosen = try reform.reforms.map { try ReformOptions.resolve($0, corpus: law, schemaFile: schemaFile) }
        names = ["law"] + reform.reforms + (reform.sets.isEmpty ? [] : ["--set " + reform.sets.joined(separator: " --set ")])
        let compile = { (js: [Jurisdiction]) in CompiledLaw(jurisdictions: js, crosswalk: law.crosswalk, home: law.home) }
        var scenarioLaws = [jurisdictions]
        do {
            for stack in try ReformChoice.scenarios(chosen, sets: reform.sets, corpus: law) {
                scenarioLaws.append(try stack.apply(to: jurisdictions, effective: effective))
            }
        } catch { throw CLIFailure.usage(error.description) }
        laws = scenarioLaws.map(compile)
        workerLaws = (0..<CohortRun.workers).map { _ in scenarioLaws.map(compile) }
        selections = laws.map(\.everyMechanism)
    }
}

/// Reads a population in chunks and counts each chunk on every core: one tally per slice, merged in order.
struct CohortRun: Sendable {
    let scenarios: CohortScenarios
    let asOf: CalendarDate
    let horizonYears: Int
    let vocabulary: Vocabulary
    let keepGoing: Bool
    let writesDates: Bool

    struct Result {
        var tally: CohortTally
        var rejected: Int
        var synthetic: Bool
    }

    /// What one slice of a chunk gives back.
    struct Slice: Sendable {
        var tally: CohortTally
        var problems: [(line: Int, message: String)] = []
        var dates = ""
        /// Whether the slice's first person's id says the population is synthetic.
        var synthetic = false
    }

    /// How many slices each chunk is cut into: two per core, so that a core that finishes early takes another.
    /// Slice `i` is decided with its own law and reader (`CohortScenarios.workerLaws`, `count`'s readers): two
    /// slices decided at once never share them.
    static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount) * 2

    func count(_ file: inout PopulationFile, dates: OutputChannel?) throws -> Result {
        let keys = scenarios.laws[0].mechanismKeys(only: scenarios.selections[0])
        var total = CohortTally(mechanisms: keys, scenarios: scenarios.count, asOf: asOf, horizonYears: horizonYears)
        var rejected = 0
        var synthetic = false
        let progress = isatty(STDERR_FILENO) == 1
        let clock = ContinuousClock(), started = clock.now
        var lastReport = started
        if let dates {
            let header = ["id"] + scenarios.names.enumerated().flatMap { s, name in
                keys.map { "\(s == 0 ? "law" : name):\($0.mechanism)" }
            }
            try dates.write(TextTableData(header: header, rows: []).csv + "\n")
        }
        // A reader per worker, for the reason each has its law (`CohortScenarios.workerLaws`).
        let readers = (0..<Self.workers).map { _ in file.layout.cases(asOf: asOf, vocabulary: vocabulary) }
        // The next chunk is read while the cores decide the current one: reading is the one part that cannot be
        // shared, and the cores would otherwise wait for it.
        var next = try readChunk(&file)
        while true {
            let current = next
            for problem in current.problems { FileHandle.standardError.write(Data("parole: \(problem)\n".utf8)) }
            rejected += current.problems.count
            if let failure = current.failure { throw CLIFailure.data(failure.description) }
            if current.records.isEmpty { break }
            let decided = ParallelSlots<[Slice]>(count: 1)
            let pending = DispatchGroup()
            pending.enter()
            let run = self
            DispatchQueue.global().async {
                decided.fill(0, with: run.decide(current.records, keys: keys, readers: readers))
                pending.leave()
            }
            next = try readChunk(&file)
            pending.wait()
            let slices = decided[0] ?? []
            if !synthetic, slices.first?.synthetic == true { synthetic = true }
            for slice in slices {
                if let first = slice.problems.first, !keepGoing { throw CLIFailure.data(first.message) }
                for problem in slice.problems { FileHandle.standardError.write(Data("parole: \(problem.message)\n".utf8)) }
                rejected += slice.problems.count
                total.merge(slice.tally)
                if let dates, !slice.dates.isEmpty { try dates.write(slice.dates) }
            }
            if progress, clock.now - lastReport > .seconds(1) {
                lastReport = clock.now
                let seconds = Double((clock.now - started).components.seconds) + 1e-9
                FileHandle.standardError.write(Data("\rparole cohort: \(total.people) people, \(Int(Double(total.people) / seconds)) a second   ".utf8))
            }
        }
        if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        return Result(tally: total, rejected: rejected, synthetic: synthetic)
    }

    /// Up to 32,768 records (few enough to hold, many enough that the cores seldom wait for each other), and the
    /// problems met reading them: each reported (with `--keep-going`) before the chunk's own, or the one that
    /// stops the run, after the records read before it are counted.
    struct Chunk {
        var records: [PopulationFile.Record] = []
        var problems: [PopulationFile.Problem] = []
        var failure: PopulationFile.Problem?
    }

    /// Only the records' bounds are found here; each core splits and reads its own records.
    private func readChunk(_ file: inout PopulationFile) throws -> Chunk {
        var chunk = Chunk()
        while chunk.records.count < 32_768 {
            do {
                guard let record = try file.nextRecord() else { break }
                chunk.records.append(record)
            } catch let problem as PopulationFile.Problem {
                guard keepGoing else {
                    chunk.failure = problem
                    break
                }
                chunk.problems.append(problem)
            }
        }
        return chunk
    }

    private func decide(_ chunk: [PopulationFile.Record], keys: [CohortTally.MechanismKey],
                        readers: [PopulationFile.CaseReader]) -> [Slice] {
        let count = min(chunk.count, Self.workers)
        let per = (chunk.count + count - 1) / count
        let workerLaws = scenarios.workerLaws
        let selections = scenarios.selections
        let (asOf, horizonYears, writesDates) = (asOf, horizonYears, writesDates)
        return ParallelSlots<Slice>.compute(count: count) { index in
            let (laws, reader) = (workerLaws[index], readers[index])
            var slice = Slice(tally: CohortTally(mechanisms: keys, scenarios: laws.count, asOf: asOf, horizonYears: horizonYears))
            // Every scenario's decisions, one after the other (`CohortTally.add(scenarioMajor:)`).
            var decisions: [CohortDecision] = []
            var rooms = Array(repeating: CaseFactsRoom(), count: laws.count)
            var lines: [[String]] = []
            var cells: [Range<Int>] = []
            var facts = reader.room()
            for record in chunk[min(chunk.count, index * per)..<min(chunk.count, (index + 1) * per)] {
                do { try reader.read(record, cells: &cells, into: &facts) } catch {
                    slice.problems.append((record.line, "\(error)"))
                    continue
                }
                if index == 0, slice.tally.people == 0, reader.id(of: record).hasPrefix("synthetic-") { slice.synthetic = true }
                decisions.removeAll(keepingCapacity: true)
                for s in laws.indices { laws[s].decide(facts, only: selections[s], into: &decisions, room: &rooms[s]) }
                // The end of the term is read only where reforms are compared with the law.
                slice.tally.add(scenarioMajor: decisions, termEnd: laws.count > 1 ? facts.termEnd : nil)
                if writesDates {
                    lines.append([reader.id(of: record)] + decisions.map { d in
                        d.result.available ? d.result.earliestDate?.description ?? d.result.status.rawValue : d.result.status.rawValue
                    })
                }
            }
            if writesDates, !lines.isEmpty {
                let csv = TextTableData(header: [], rows: lines).csv
                slice.dates = String(csv.drop { $0 == "\n" }) + "\n"
            }
            return slice
        }
    }
}
