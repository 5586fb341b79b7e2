import ArgumentParser
import AtlasInput
import AtlasModel
import Foundation

/// The population file and the day it is read for, shared by `cohort` and `roster` (docs/cohort-csv.md).
struct PopulationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The population file (CSV, docs/cohort-csv.md; - for standard input).", valueName: "file"))
    var input: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Apply the law in force on this date, and count from it "
                                                               + "(default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: ArgumentHelp("The file's own column names mapped to case fields.", valueName: "name=field,…"))
    var columns: String?

    func validate() throws { _ = try columnMap }

    var columnMap: [String: String] {
        get throws {
            guard let columns else { return [:] }
            var map: [String: String] = [:]
            for pair in columns.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw ValidationError("--columns \"\(pair)\": write NAME=field, e.g. Срок=term")
                }
                map[parts[0]] = parts[1]
            }
            return map
        }
    }

    /// `--as-of`, else today.
    func asOfDate() throws -> CalendarDate {
        guard let asOf else { return .today }
        guard let date = CalendarDate(iso: asOf) else { throw CLIFailure.usage("--as-of \(asOf): not a date; write YYYY-MM-DD") }
        return date
    }

    /// The file, its header read. Checked here rather than in `validate()`: `cohort generate` validates the
    /// options of `cohort` too, and takes no population.
    func open() throws -> PopulationFile {
        guard let input else { throw CLIFailure.usage("name the population file: --input FILE.csv (docs/cohort-csv.md)") }
        do { return try PopulationFile(path: input, columns: try columnMap) } catch let error as CaseFileError {
            throw error
        } catch {
            throw CLIFailure.data("\(error)")
        }
    }
}
