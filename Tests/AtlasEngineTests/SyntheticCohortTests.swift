import AtlasCorpus
import AtlasInput
import AtlasModel
import Foundation
import Testing

/// `parole cohort generate`: a synthetic population, deterministic for a seed, in the population CSV format, with the
/// shares of its calibration and every row a case the program reads. Here (not in AtlasIOTests) because the rows are
/// checked against the bundled corpus's vocabulary, and only this test target depends on AtlasCorpus.
@Suite struct SyntheticCohortTests {
    static let corpus = try! CorpusLoader(location: .bundled).load()
    static let mixPath = (CorpusLocation.bundled.corpusDirectory as NSString)
        .appendingPathComponent(SyntheticCohortMix.corpusRelativePath)
    static let mix = try! SyntheticCohortMix.read(mixPath)
    static var majority: Int { corpus.home.ageOfMajority!.years }

    static func cohort(size: Int, seed: UInt64, mix: SyntheticCohortMix = mix) throws(SyntheticCohortError)
        -> SyntheticCohort
    {
        try SyntheticCohort(mix: mix, seed: seed, size: size, vocabulary: corpus.vocabulary, ageOfMajority: majority,
                            place: mixPath)
    }

    /// The rows of a generated file, split into cells (the generator never quotes: no value holds a comma).
    static func rows(_ bytes: [UInt8]) -> (header: [String], rows: [[String]]) {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "the file ends with a line break")
        let cells = lines.dropLast().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (cells[0], Array(cells.dropFirst()))
    }

    /// A draft from one row, field by field as CaseFile assigns them: each column is the catalogue fact whose
    /// case-file key it is, its text read in the fact's input shape; `id` and unknown columns are not facts.
    static func draft(header: [String], row: [String]) throws -> CaseDraft {
        var draft = CaseDraft()
        for (key, text) in zip(header, row) where !text.isEmpty {
            guard let position = CaseFactCatalogue.all.firstIndex(where: { $0.jsonKey == key }) else { continue }
            switch CaseFactCatalogue.all[position].inputShape {
            case .text: draft[position: position] = .text(text)
            case .number: draft[position: position] = .number(try #require(Int(text)))
            case .list: draft[position: position] = .list(text.split(separator: ";").map(String.init))
            case .yes, .yesOrNo:
                #expect(text == "true" || text == "false", "\(key) \(text)")
                draft[position: position] = .yesNo(text == "true")
            }
        }
        return draft
    }

    @Test func theSameSizeAndSeedGiveTheSameBytes() throws {
        let first = try Self.cohort(size: 5_000, seed: 42).csv()
        let again = try Self.cohort(size: 5_000, seed: 42).csv()
        #expect(first == again)
        // Chunking is a matter of writing only.
        var small: [UInt8] = []
        try Self.cohort(size: 5_000, seed: 42).writeCSV(chunkBytes: 7) { small.append(contentsOf: $0) }
        #expect(small == first)
        #expect(try Self.cohort(size: 5_000, seed: 43).csv() != first)
        // Each row has its own stream: a smaller cohort is the start of a larger one (same id width).
        let prefix = try Self.cohort(size: 1_000, seed: 42).csv()
        #expect(Array(first.prefix(prefix.count)) == prefix)
        // The typed person is the row.
        let cohort = try Self.cohort(size: 5_000, seed: 42)
        let (_, rows) = Self.rows(first)
        for index in [0, 1, 777, 4_999] {
            let person = cohort.person(at: index)
            #expect(rows[index] == [person.id, person.term.description, person.category, person.start.description,
                                    person.offenceDate.description, person.offences.joined(separator: ";"),
                                    person.sex.rawValue, person.birthDate.description, String(person.juvenile),
                                    person.region])
        }
    }

    @Test func headerAndCellsFollowThePopulationFormat() throws {
        let size = 20_000
        let (header, rows) = Self.rows(try Self.cohort(size: size, seed: 7).csv())
        #expect(header == ["id", "term", "category", "start", "offenceDate", "offences", "sex", "birthDate", "juvenile",
                           "region"])
        #expect(rows.count == size)
        let census = try #require(CalendarDate(iso: Self.mix.censusDate.value))
        let vocabulary = Self.corpus.vocabulary
        let regions = Set(Self.mix.regions.entries.map(\.value))
        var juveniles = 0
        for (index, row) in rows.enumerated() {
            try #require(row.count == header.count, "row \(index + 1)")
            #expect(row[0] == String(format: "synthetic-%06d", index + 1))
            let term = try #require(SentenceTerm(parsing: row[1]), "term \(row[1])")
            #expect(!term.isLife || row[2] == "especially-grave", "life only for especially grave crimes")
            #expect(vocabulary.contains(row[2], in: "category"))
            let start = try #require(CalendarDate(iso: row[3]))
            let offence = try #require(CalendarDate(iso: row[4]))
            let birth = try #require(CalendarDate(iso: row[7]))
            #expect(offence < start && start <= census, "offence before start, start by the census date")
            if case .fixed(let duration) = term { #expect(duration.end(from: start) > census, "still serving") }
            #expect(row[5].isEmpty || row[5].split(separator: ";").allSatisfy { vocabulary.contains(String($0), in: "offence-tag") })
            #expect(Sex(rawValue: row[6]) != nil)
            let ageAtOffence = birth.wholeYears(until: offence)
            #expect((Self.mix.juvenileAgeAtOffence.from...75).contains(ageAtOffence))
            #expect(row[8] == String(ageAtOffence < Self.majority), "juvenile is under the age of majority at the offence")
            if row[8] == "true" { juveniles += 1 }
            #expect(regions.contains(row[9]))
        }
        #expect(juveniles > 0)
        // Start dates spread over the years before the census date, the most recent years most.
        let years = Set(rows.map { $0[3].prefix(4) })
        #expect(years.count >= 15)
    }

    @Test func aCensusDateAtAShortMonthsEndStillFindsEveryoneServing() throws {
        // A start on the 29th to 31st plus a term can land before a census on the 28th of February: the generator
        // must not write a person whose term ended before the census date.
        var mix = Self.mix
        mix.censusDate.value = "2025-02-28"
        mix.terms.byCategory = mix.terms.byCategory.map { rule in
            var short = rule
            (short.fromMonths, short.toMonths, short.stepMonths) = (1, 3, 1)
            return short
        }
        let census = try #require(CalendarDate(iso: "2025-02-28"))
        let (_, rows) = Self.rows(try Self.cohort(size: 20_000, seed: 3, mix: mix).csv())
        for row in rows {
            let start = try #require(CalendarDate(iso: row[3]))
            #expect(start <= census)
            if case .fixed(let duration)? = SentenceTerm(parsing: row[1]) {
                #expect(duration.end(from: start) > census, "\(row[0]) \(row[1]) from \(row[3])")
            }
        }
        #expect(try Self.cohort(size: 1_000_000, seed: 1).id(at: 0) == "synthetic-0000001", "ids widen past 999,999")
        #expect(try Self.cohort(size: 999_999, seed: 1).id(at: 41) == "synthetic-000042")
    }

    /// Each observed share is within five standard errors (and a tenth of a point) of the mix's share.
    static func expectShares(_ observed: [String: Int], _ entries: [SyntheticCohortMix.Entry], of total: Int,
                             _ what: String) {
        let weights = entries.reduce(0) { $0 + $1.weight }
        for entry in entries {
            let expected = entry.weight / weights
            let share = Double(observed[entry.value, default: 0]) / Double(total)
            let tolerance = 5 * (expected * (1 - expected) / Double(total)).squareRoot() + 0.001
            #expect(abs(share - expected) <= tolerance,
                    "\(what) \(entry.value): \(share) observed, \(expected) calibrated (±\(tolerance))")
        }
    }

    @Test func sharesAreThoseOfTheCalibrationFor20000Rows() throws {
        let size = 20_000
        let (_, rows) = Self.rows(try Self.cohort(size: size, seed: 2025).csv())
        func count(_ column: Int, where keep: ([String]) -> Bool = { _ in true }) -> [String: Int] {
            rows.filter(keep).reduce(into: [:]) { $0[$1[column], default: 0] += 1 }
        }
        Self.expectShares(count(2), Self.mix.categories.entries, of: size, "category")
        Self.expectShares(count(6), Self.mix.sex.entries, of: size, "sex")
        Self.expectShares(count(9), Self.mix.regions.entries, of: size, "region")
        for tags in Self.mix.offenceTags.byCategory {
            let inCategory = count(5) { $0[2] == tags.category }
            Self.expectShares(inCategory, tags.entries, of: inCategory.values.reduce(0, +), "\(tags.category) tag")
        }
        let juvenile = Self.mix.juvenileShare.value
        Self.expectShares(count(8), [.init(value: "true", weight: juvenile, source: "", note: nil),
                                     .init(value: "false", weight: 1 - juvenile, source: "", note: nil)],
                          of: size, "juvenile")
        for rule in Self.mix.terms.byCategory {
            let terms = count(1) { $0[2] == rule.category }
            let people = terms.values.reduce(0, +)
            Self.expectShares(["life": terms["life", default: 0], "fixed": people - terms["life", default: 0]],
                              [.init(value: "life", weight: rule.lifeShare, source: "", note: nil),
                               .init(value: "fixed", weight: 1 - rule.lifeShare, source: "", note: nil)],
                              of: people, "\(rule.category) life")
            let allowed = Set(rule.months.map { CalendarDuration(years: $0 / 12, months: $0 % 12).compact } + ["life"])
            #expect(Set(terms.keys).isSubset(of: allowed), "\(rule.category) terms")
        }
        // Ages at the offence of adults fall in their bands with the bands' shares.
        let bands = Self.mix.adultAgeAtOffence.entries
        var perBand: [String: Int] = [:]
        for row in rows where row[8] == "false" {
            let age = CalendarDate(iso: row[7])!.wholeYears(until: CalendarDate(iso: row[4])!)
            let band = bands.first { entry in
                let parts = entry.value.split(separator: "-").compactMap { Int($0) }
                return (parts[0]...parts[1]).contains(age)
            }
            perBand[try #require(band).value, default: 0] += 1
        }
        Self.expectShares(perBand, bands, of: perBand.values.reduce(0, +), "age band")
    }

    @Test func everyRowIsReadableAsACase() throws {
        let (header, rows) = Self.rows(try Self.cohort(size: 20_000, seed: 99).csv())
        let today = try #require(CalendarDate(year: 2026, month: 1, day: 1))
        for row in rows {
            let draft = try Self.draft(header: header, row: row)
            let built: Case
            do { built = try draft.build(vocabulary: Self.corpus.vocabulary, today: today) } catch {
                Issue.record("\(row[0]): \(error)")
                continue
            }
            #expect(built.category == row[2])
            #expect(built.value(of: .juvenile) == (row[8] == "true"))
            #expect(built.offences == Set(row[5].split(separator: ";").map(String.init)))
        }
    }

    @Test func theCSVIsStreamedInChunks() throws {
        var largest = 0
        var total = 0
        try Self.cohort(size: 200_000, seed: 5).writeCSV(chunkBytes: 1 << 16) { chunk in
            largest = max(largest, chunk.count)
            total += chunk.count
        }
        #expect(largest < (1 << 16) + 512, "a chunk is at most one row past the chunk size")
        #expect(total > 200_000 * 60)
    }

    @Test func aMixIsCheckedAgainstTheCorpus() throws {
        func refused(_ change: (inout SyntheticCohortMix) -> Void, _ words: String) {
            var mix = Self.mix
            change(&mix)
            do {
                _ = try Self.cohort(size: 10, seed: 1, mix: mix)
                Issue.record("accepted a mix that \(words)")
            } catch {
                #expect(error.description.contains(words), "\(error)")
            }
        }
        refused({ $0.offenceTags.byCategory[0].entries[0].value = "jaywalking" }, "not an offence tag of the corpus")
        refused({ $0.categories.entries[0].value = "petty" }, "not a category of the corpus")
        refused({ $0.adultAgeAtOffence.entries[0].value = "16-24" }, "age of majority, \(Self.majority)")
        refused({ $0.juvenileAgeAtOffence.to = Self.majority }, "under the age of majority")
        refused({ $0.sex.entries[0].source = "my guess" }, "must be a seed line")
        refused({ $0.terms.byCategory.removeAll { $0.category == "grave" } }, "no term rule for the category \"grave\"")
        refused({ $0.regions.entries[0].value = "a,b" }, "without commas")
        #expect(throws: SyntheticCohortError.self) {
            try SyntheticCohortMix.parse(Data(#"{"format": "something else"}"#.utf8), place: "mix.json")
        }
        #expect(throws: SyntheticCohortError.self) { try SyntheticCohortMix.read("/nonexistent/mix.json") }
    }

    @Test func everyFigureCitesTheSeedOrSaysItIsAnAssumption() {
        let mix = Self.mix
        var sources = [mix.censusDate.source, mix.categories.source, mix.offenceTags.source, mix.terms.source,
                       mix.servedTime.source, mix.offenceBeforeStart.source, mix.sex.source, mix.juvenileShare.source,
                       mix.juvenileAgeAtOffence.source, mix.adultAgeAtOffence.source, mix.regions.source]
        sources += [mix.categories, mix.sex, mix.adultAgeAtOffence, mix.regions].flatMap { $0.entries.map(\.source) }
        sources += mix.offenceTags.byCategory.flatMap { [$0.source] + $0.entries.map(\.source) }
        sources += mix.terms.byCategory.map(\.source)
        for source in sources {
            #expect(source.hasPrefix("seed L") || source == SyntheticCohortMix.assumptionSource, "\(source)")
        }
        // The figures that are the report's: the category counts are printed on the lines they cite.
        guard let seedFolder = CorpusLocation.defaultSeedDirectory(),
              let seed = try? String(contentsOfFile: (seedFolder as NSString)
                .appendingPathComponent("000_1b4293de536b49c7.txt"), encoding: .utf8)
        else { return }
        let lines = seed.components(separatedBy: "\n")
        for entry in mix.categories.entries {
            let line = Int(entry.source.dropFirst("seed L".count))!
            // Printed as the report prints thousands: "13 690".
            var digits = String(Int(entry.weight))
            var printed = ""
            while digits.count > 3 {
                printed = " " + digits.suffix(3) + printed
                digits.removeLast(3)
            }
            printed = digits + printed
            #expect(lines[line - 1].contains(printed), "\(entry.value): \(printed) on L\(line)")
        }
    }

    @Test func theSidecarListsEveryShareWithItsNumberAndSource() throws {
        let cohort = try Self.cohort(size: 1_000, seed: 11)
        let text = cohort.assumptions(csvName: "cohort.csv", mixPath: Self.mixPath, ageOfMajoritySource: "vocabulary")
        #expect(text.hasPrefix("# Synthetic cohort: assumptions"))
        #expect(text.contains("SYNTHETIC DATA"))
        #expect(text.contains("Rows: 1000; seed: 11"))
        #expect(text.contains("synthetic-000001") && text.contains("synthetic-001000"))
        let mix = Self.mix
        for distribution in [mix.categories, mix.sex, mix.adultAgeAtOffence, mix.regions] {
            let total = distribution.entries.reduce(0) { $0 + $1.weight }
            for entry in distribution.entries {
                let share = String(format: "%.2f%%", entry.weight / total * 100)
                #expect(text.contains("| \(entry.value) | \(share) | \(Int(entry.weight)) | \(entry.source) |"),
                        "\(distribution.title): \(entry.value)")
            }
        }
        for tags in mix.offenceTags.byCategory {
            for entry in tags.entries { #expect(text.contains("| \(Int(entry.weight)) | \(entry.source) |")) }
        }
        #expect(text.contains("corruption "), "the share of corruption among everyone")
        #expect(text.contains(SyntheticCohortMix.assumptionSource))
        #expect(text.contains("Share: \(String(format: "%.2f%%", mix.juvenileShare.value * 100))"))
        // Deterministic, like the data.
        #expect(text == cohort.assumptions(csvName: "cohort.csv", mixPath: Self.mixPath, ageOfMajoritySource: "vocabulary"))
    }
}
