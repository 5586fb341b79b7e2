import ArgumentParser
import AtlasInput
import AtlasModel
import AtlasOutput
import AtlasReport
import Foundation

extension Parole {
    /// `parole cohort generate`: a synthetic population in the population CSV format, calibrated on the report.
    struct CohortGenerate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write a synthetic population of sentenced people (CSV) calibrated on the report's statistics.",
            discussion: """
                Every row is an invented person, labelled synthetic in its id (synthetic-000001, …): crime \
                category, offence tag, term, start, offence date, sex, birth date, juvenile and region, drawn from \
                the mix in the corpus (stats/synthetic-cohort-mix.json: the report's Chapter 4 and Annex 4 figures, \
                each with its seed line, and plainly labelled assumptions where the report gives none). The file \
                is the population format of `parole cohort` (docs/cohort-csv.md); facts the report gives no figure \
                for (recidivism, violations, damage, …) are left empty, never guessed.

                The same --size and --seed give a byte-identical file. With --output FILE.csv, the assumptions \
                (every share with its number and source) are written beside it to FILE.assumptions.md; on standard \
                output or a device, they go to standard error. Both files are complete or absent.

                Examples:
                  parole cohort generate --size 1000 --seed 1 --output cohort.csv
                  parole cohort generate --size 1000000 --seed 42 --output million.csv
                  parole cohort generate --size 20 --seed 7 | head -5
                  parole cohort generate --size 500 --seed 3 --mix my-prison-mix.json \\
                      --output mine.csv
                """)

        @Option(help: ArgumentHelp("Number of people (rows).", valueName: "n"))
        var size: Int

        @Option(help: ArgumentHelp("Seed of the random draws: the same size and seed give the same file.",
                                   valueName: "s"))
        var seed: UInt64

        @Option(help: ArgumentHelp("The calibration (default: the corpus's stats/synthetic-cohort-mix.json).",
                                   valueName: "file"))
        var mix: String?

        @OptionGroup var output: OutputOptions
        @OptionGroup var corpus: CorpusOptions

        /// The most rows one run writes: ids keep their width up to here, and a larger file is no test of anything.
        static let largestSize = 1_000_000_000

        func validate() throws {
            guard (1...Self.largestSize).contains(size) else {
                throw ValidationError("--size \(size): a number of people from 1 to \(Self.largestSize)")
            }
        }

        func run() throws {
            // Both destinations are refused before any work, as every command that writes does.
            let channel = try output.open()
            let sidecarPath = Self.sidecarPath(for: output.path)
            let sidecar = try sidecarPath.map { path throws(OutputError) in try OutputChannel(path: path) }

            let atlas = try corpus.load()
            guard let majority = atlas.home.ageOfMajority else {
                throw CLIFailure.data("the corpus states no age of majority (corpus/vocabulary.xml <age-of-majority>), "
                    + "so the juvenile column cannot be written")
            }
            let mixPath = mix ?? (corpus.location.corpusDirectory as NSString)
                .appendingPathComponent(SyntheticCohortMix.corpusRelativePath)
            let cohort: SyntheticCohort
            do {
                let calibration = try SyntheticCohortMix.read(mixPath)
                cohort = try SyntheticCohort(mix: calibration, seed: seed, size: size, vocabulary: atlas.vocabulary,
                                             ageOfMajority: majority.years, place: mixPath)
            } catch {
                throw CLIFailure(message: error.description, status: error.kind == .unreadable ? .noInput : .data)
            }

            try cohort.writeCSV { (bytes: UnsafeRawBufferPointer) throws(OutputError) in try channel.write(bytes: bytes) }
            let majoritySource = "corpus/vocabulary.xml <age-of-majority>"
                + (majority.citations.isEmpty ? "" : ", " + majority.citations.map(\.description).joined(separator: "; "))
            let text = cohort.assumptions(csvName: output.path.flatMap { $0 == "-" ? nil : $0 } ?? "standard output",
                                          mixPath: mixPath, ageOfMajoritySource: majoritySource)
                + "\n" + Provenance(corpus: atlas).footer() + "\n"
            // The assumptions are complete before the data appears: a file is never there without them.
            if let sidecar {
                try sidecar.write(text)
                try sidecar.finish()
            } else {
                FileHandle.standardError.write(Data(("parole: synthetic cohort; its assumptions follow (with "
                    + "--output FILE.csv they go to FILE.assumptions.md)\n" + text).utf8))
            }
            try channel.finish()
        }

        /// `FILE.assumptions.md` beside `FILE.csv` (or beside `FILE`); `nil` for standard output and for a FIFO or
        /// a device, which have no folder to write beside.
        static func sidecarPath(for path: String?) -> String? {
            guard let path, path != "-" else { return nil }
            var status = stat()
            if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG, status.st_mode & S_IFMT != S_IFDIR {
                return nil
            }
            let stem = path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) : path
            return stem + ".assumptions.md"
        }
    }
}
