import ArgumentParser
import AtlasEngine
import AtlasInput
import AtlasModel
import AtlasReport
import Foundation

extension Parole {
    struct Roster: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "roster",
            abstract: "List when each person's right to parole and replacement begins (the report's automatic notification).",
            discussion: """
                For each person of a population file (docs/cohort-csv.md) and each mechanism: the date the right \
                begins, those already past it first, then by date; the rule and citation the date rests on; and \
                what is still to be shown at the hearing (the conditions the file leaves open). Something an \
                institution could run every morning: the order is stable, each person's id is carried through, \
                and an error names the row and column, never the person's data. --format ics gives one calendar \
                event per person and date.

                Examples:
                  parole roster --input prisoners.csv
                  parole roster --input prisoners.csv --within 90d --lang ru
                  parole roster --input prisoners.csv --format ics --output parole-dates.ics
                  parole roster --input prisoners.csv --reform kz-rec-juvenile-one-third \\
                      --format csv
                  parole roster --input prisoners.csv --within 90d --lang ru \\
                      --output /tmp/roster.xlsx

                CSV has stable English column keys (for scripts); html, docx and xlsx have the worded table.
                """)

        @Option(help: ArgumentHelp("Only dates up to this many days ahead (and those already past), e.g. 90d.",
                                   valueName: "days"))
        var within: String?

        @Option(name: .customLong("jurisdiction"), help: ArgumentHelp(
            "Jurisdiction id (repeatable; default: the home jurisdiction).", valueName: "id"))
        var jurisdictions: [String] = []

        @Option(name: .customLong("format"), help: ArgumentHelp(
            "Output: table, csv, json, markdown, ics, html, docx or xlsx (default: what --output's extension names, "
                + "else table).", valueName: "format"))
        var formatChoice: String?
        @OptionGroup var export: ExportOptions
        @OptionGroup var population: PopulationOptions
        @OptionGroup var reform: ReformOptions
        @OptionGroup var language: LanguageOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        static let formats = ["table", "csv", "json", "markdown", "ics", "html", "docx", "xlsx"]

        /// `--format`, else the format `--output`'s extension names (`.ics` too), else table.
        var format: String {
            formatChoice ?? output.path.flatMap(Self.named) ?? "table"
        }

        static func named(_ path: String) -> String? {
            path.lowercased().hasSuffix(".ics") ? "ics" : OutputFormat(fileName: path)?.rawValue
        }

        func validate() throws {
            if let formatChoice, let path = output.path, let named = Self.named(path), named != formatChoice {
                throw ValidationError("--format \(formatChoice) contradicts --output \(path), whose extension names "
                    + "\(named): drop --format to write \(named), or name the file .\(formatChoice == "markdown" ? "md" : formatChoice)")
            }
            guard Self.formats.contains(format) else {
                throw ValidationError("--format \(format): roster writes \(Self.formats.joined(separator: ", "))")
            }
            if export.excel, format != "csv" { throw ValidationError("--excel is for CSV; drop it, or use --format csv") }
            _ = try withinDays
        }

        var withinDays: Int? {
            get throws {
                guard let within else { return nil }
                let digits = within.hasSuffix("d") ? String(within.dropLast()) : within
                guard let days = Int(digits), (0...3650).contains(days) else {
                    throw ValidationError("--within \(within): a number of days from 0 to 3650, e.g. 90d")
                }
                return days
            }
        }

        func run() throws {
            let law = try corpus.load()
            let asOf = try population.asOfDate()
            var atlas = law
            if !reform.isEmpty {
                let stack = try reform.stack(corpus: law, schemaFile: corpus.location.schemaFile)
                atlas = try ReformOptions.apply(stack, to: law, effective: try reform.effectiveDate(asOf: asOf))
            }
            let selected = try jurisdictions.isEmpty
                ? [try atlas.requireJurisdiction(atlas.home.jurisdiction)] : jurisdictions.map { try atlas.requireJurisdiction($0) }
            let channel = try output.open()
            var file = try population.open()
            let layout = file.layout
            let simulator = Simulator(corpus: atlas)
            var roster = AtlasReport.Roster(asOf: asOf)
            while true {
                let person: PopulationFile.Person
                do {
                    guard let next = try file.next() else { break }
                    person = next
                } catch {
                    throw CLIFailure.data("\(error)")
                }
                // A bad fact names the row and column, never the person's data.
                let facts: Case
                do { facts = try layout.facts(of: person, asOf: asOf, vocabulary: atlas.vocabulary) } catch {
                    throw CLIFailure.data("\(error)")
                }
                roster.add(id: person.id, outcomes: simulator.simulate(facts, in: selected))
            }
            if let failure = file.failure { throw CLIFailure(message: "\(file.path): cannot read (\(failure))", status: .noInput) }
            let limit = try withinDays.map { asOf.adding(days: $0) }
            let provenance = Provenance(corpus: law)
            let text: String
            switch format {
            case "json":
                let wording = Wording(language.language, vocabulary: law.vocabulary, factNaming: .labels)
                text = roster.json(within: limit, wording, provenance: provenance).serialized(pretty: true) + "\n"
            case "csv":
                let csv = roster.csv(within: limit, Wording(language.language, vocabulary: law.vocabulary, factNaming: .labels))
                try channel.write(export.csvBytes(csv, output: output.path, language: language.language))
                return try channel.finish()
            case "html", "docx", "xlsx":
                let wording = Wording(language.language, vocabulary: law.vocabulary, factNaming: .flags)
                return try export.write(roster.exportDocument(within: limit, wording, provenance: provenance),
                                        as: OutputFormat(rawValue: format)!, into: channel, path: output.path,
                                        language: language.language)
            case "ics": text = roster.iCalendar(within: limit, Wording(language.language, vocabulary: law.vocabulary, factNaming: .labels))
            default:
                let wording = Wording(language.language, vocabulary: law.vocabulary, factNaming: .flags)
                text = roster.text(within: limit, wording, markdown: format == "markdown") + "\n\n"
                    + provenance.footer(language: language.language) + "\n"
            }
            try channel.write(text)
            try channel.finish()
        }
    }
}
