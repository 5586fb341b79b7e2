import AtlasCorpus
import AtlasEngine
import AtlasModel
import Testing

/// The statistics of the report (corpus/stats) and what the atlas computes from them: rates against values worked
/// out by hand from the seed lines named in each test, the mismatches the seed notes found (and no others), and
/// the arithmetic itself on exact ratios.
@Suite struct StatsTests {
    static let corpus = TracerAgreementTests.corpus

    static func computation(_ id: String) throws -> StatsComputation {
        StatsComputation(try #require(corpus.statsTable(id), "no stats table \(id)"))
    }

    /// The computed rate of `rate` in `row`, two decimals with a decimal point, and its verdict.
    static func rate(_ c: StatsComputation, _ rate: String, _ row: String) throws -> (String, StatsVerdict) {
        let r = try #require(c.rate(rate, row: row), "no rate \(rate) in \(row)")
        return (try #require(r.percent).rounded(digits: 2).description, r.verdict)
    }

    // MARK: rates, by hand from the seed

    /// Chapter 4, Table 1 and the text: 2024 parole 1 922 of 5 269 (L4913, L4915) = 36.4777…%, printed 36,4 (L4917),
    /// which is the value cut, not rounded; replacement 2 385 / 7 176 = 33.2358…%, printed 33,2 (agrees); the national
    /// average 34,6 (L4881) against (1 922 + 2 385) / 12 445 (L4877) = 34.6083…%, the granted total summed by the
    /// atlas since the report does not print it. 2020-2024: 11 327 / 24 774 (L4821, L4827) = 45.7213…%, printed 45,7.
    @Test func chapterFourGrantRatesAreComputedFromTheCounts() throws {
        let c = try Self.computation("ch4-petitions")
        #expect(try Self.rate(c, "grant-parole", "2024") == ("36.48", .truncated))
        #expect(try Self.rate(c, "grant-replacement", "2024") == ("33.24", .agrees))
        #expect(try Self.rate(c, "grant-both", "2024") == ("34.61", .agrees))
        let both = try #require(c.rate("grant-both", row: "2024"))
        #expect(both.numerator == StatsCount(value: 4307, computed: true, lines: ["L4915", "L4915"]))
        #expect(both.denominator?.value == 12445 && both.denominator?.lines == ["L4877"])
        #expect(try Self.rate(c, "grant-parole", "2020-2024") == ("45.72", .agrees))
        // "шамамен 40%" (L4829): 14 844 / 36 462 = 40.71%, cut to 40.
        #expect(try Self.rate(c, "grant-replacement", "2020-2024") == ("40.71", .truncated))
        // Table 2 (L4949-4953): 2025 Q1 parole 416 / 1 221 = 34.07%, printed 34%; 2024 Q1 440 / 1 102 = 39.93%, 40%.
        #expect(try Self.rate(c, "grant-parole", "2025-q1") == ("34.07", .agrees))
        #expect(try Self.rate(c, "grant-parole", "2024-q1") == ("39.93", .agrees))
        #expect(c.mismatches.isEmpty)
        #expect(Set(c.truncations.map(\.row)) == ["2020-2024", "2023", "2024", "2025-q1"])
    }

    /// Annex 4 Table 2 (L14960, L14965): 2024 parole 5 613 / 10 627 = 52.82%, replacement 2 754 / 8 752 = 31.47%,
    /// both (5 613 + 2 754) / (10 627 + 8 752) = 43.18%; 2025 Q1 parole 1 211 / 2 423 = 49.98%. The report prints
    /// no percentage here.
    @Test func annexTwoGrantRatesByPeriod() throws {
        let c = try Self.computation("annex4-table2")
        #expect(try Self.rate(c, "grant-parole", "2024") == ("52.82", .notPrinted))
        #expect(try Self.rate(c, "grant-replacement", "2024") == ("31.47", .notPrinted))
        #expect(try Self.rate(c, "grant-both", "2024") == ("43.18", .notPrinted))
        #expect(try Self.rate(c, "grant-parole", "2025-q1") == ("49.98", .notPrinted))
        #expect(c.rate("grant-parole", row: "2024")?.numerator?.lines == ["L14960"])
    }

    /// Annex 4 Table 3 (L15005, L15009): especially grave 2024 parole 615 / 2 330 = 26.39%, replacement 30 / 136 =
    /// 22.06%; grave 2024 parole 3 439 / 6 064 = 56.71%. Table 4 (L15142, the row read as Ulytau): 2024 parole 80 / 134
    /// = 59.70%, replacement 4 / 58 = 6.90%.
    @Test func annexGrantRatesByCategoryAndRegion() throws {
        let byCategory = try Self.computation("annex4-table3")
        #expect(try Self.rate(byCategory, "grant-parole", "especially-grave-2024").0 == "26.39")
        #expect(try Self.rate(byCategory, "grant-replacement", "especially-grave-2024").0 == "22.06")
        #expect(try Self.rate(byCategory, "grant-parole", "grave-2024").0 == "56.71")
        let byRegion = try Self.computation("annex4-table4")
        #expect(try Self.rate(byRegion, "grant-parole", "ulytau-2024").0 == "59.70")
        #expect(try Self.rate(byRegion, "grant-replacement", "ulytau-2024").0 == "6.90")
        // The region of each row is the atlas's inference, and says so.
        let region = try #require(byRegion.table.column("region"))
        #expect(region.values.allSatisfy { $0.inferred })
        #expect(region.notes.count == 3)
    }

    // MARK: the mismatches of the seed notes

    /// Annex 4 Table 1 (L14435-14930): the articles of each period never add up to its printed total: 118 of 124,
    /// 121 of 132, 149 of 173, 122 of 141, 38 of 49.
    @Test func reconvictionTotalsExceedTheirArticles() throws {
        let c = try Self.computation("annex4-table1")
        let found = c.mismatches.map { ($0.row, $0.printed.units, $0.computed.numerator, $0.lines) }
        #expect(found.map(\.0) == ["2021-total", "2022-total", "2023-total", "2024-total", "2025-5m-total"])
        #expect(found.map(\.1) == [124, 132, 173, 141, 49])
        #expect(found.map(\.2) == [118, 121, 149, 122, 38])
        #expect(found.map(\.3) == ["L14435", "L14563", "L14663", "L14749", "L14864"])
    }

    /// Table 2: the 2024 balance carried into 2025 (assumed, not stated): parole 508 + 11 414 − 800 − 10 627 = 495
    /// against 468, replacement 486 + 9 658 − 851 − 8 752 = 541 against 520 (L14960, L14965). Table 3: medium 2024
    /// parole considers 1 593 but its outcomes add up to 1 574 (L15013), minor 640 against 659 (L15017); the balances
    /// of every category but minor replacement fail to carry over. Table 4: 11 balances in 7 regions.
    @Test func annexIdentitiesAndBalancesFailWhereTheNotesFoundThem() throws {
        let t2 = try Self.computation("annex4-table2")
        #expect(t2.mismatches.map { "\($0.column) \($0.printed.units) \($0.computed.numerator)" }
                == ["balance-parole 468 495", "balance-replacement 520 541"])
        #expect(t2.mismatches.allSatisfy { $0.basis == .assumed && $0.lines == "L14965" })
        let t3 = try Self.computation("annex4-table3")
        let identities = t3.mismatches.filter { if case .identity = $0.kind { true } else { false } }
        #expect(identities.map { "\($0.row) \($0.printed.units) \($0.computed.numerator)" }
                == ["medium-2024 1593 1574", "minor-2024 640 659"])
        let carried = t3.mismatches.filter { if case .carryOver = $0.kind { true } else { false } }
        #expect(carried.count == 7)
        #expect(!carried.contains { $0.row == "minor-2025-q1" && $0.column == "balance-replacement" })
        let t4 = try Self.computation("annex4-table4")
        #expect(Set(t4.mismatches.map { "\($0.row) \($0.column)" }) == [
            "almaty-city-2025-q1 balance-replacement", "akmola-2025-q1 balance-parole",
            "akmola-2025-q1 balance-replacement", "zhambyl-2025-q1 balance-parole", "karaganda-2025-q1 balance-parole",
            "karaganda-2025-q1 balance-replacement", "kostanay-2025-q1 balance-parole",
            "kostanay-2025-q1 balance-replacement", "north-kazakhstan-2025-q1 balance-parole",
            "north-kazakhstan-2025-q1 balance-replacement", "ulytau-2025-q1 balance-parole",
        ])
        // Every column total of Tables 2-4 adds up (the notes' §4.2-4.4).
        for c in [t2, t3, t4] {
            let totals = c.checks.filter { if case .total = $0.kind { true } else { false } }
            #expect(totals.count == 16 && totals.allSatisfy { $0.verdict == .agrees }, "\(c.table.id)")
        }
    }

    /// Chapter 4: "61%" for 482 of 799 (L5061-5063) is 60.33%; the category grants add up to 2 055 (L5055-5065), not
    /// Table 1's 1 922 (L4915), while the considered add up to its 5 269 (L4913); "23%" growth from 25 585 to 33 313
    /// (L4999) is 30.21%; Table 3's categories add up to 33 182 (L5039), not the text's 33 313 (L4999).
    @Test func chapterFourMismatches() throws {
        let category = try Self.computation("ch4-by-category-2024")
        #expect(category.mismatches.map { "\($0.row) \($0.column) \($0.lines)" }
                == ["medium percent L5063", "table1-parole-2024 granted L4915"])
        #expect(try Self.rate(category, "grant", "medium") == ("60.33", .mismatch))
        let considered = category.checks.first { $0.row == "table1-parole-2024" && $0.column == "considered" }
        #expect(considered?.verdict == .agrees && considered?.computed.numerator == 5269)
        let growth = try Self.computation("ch4-prison-growth")
        #expect(try Self.rate(growth, "growth", "last-five-years") == ("30.21", .mismatch))
        let population = try Self.computation("ch4-prison-population")
        #expect(population.mismatches.map { "\($0.printed.units) \($0.computed.numerator)" } == ["33313 33182"])
        // 18 990 of 35 631 (L5047) is 53.296…%: printed 53,2, cut.
        #expect(population.truncations.map(\.row) == ["2025-q1"])
        let regions = try Self.computation("ch4-regional-refusals")
        #expect(regions.mismatches.isEmpty)
        #expect(Set(regions.truncations.map(\.row)) == ["aktobe-2024", "north-kazakhstan-2024", "karaganda-2025-q1"])
    }

    // MARK: arithmetic

    @Test func ratiosRoundHalfAwayFromZeroAndTruncateTowardsIt() throws {
        let half = try #require(StatsRatio(139, 200)).percent  // 69.5%
        #expect(half.rounded(digits: 0) == StatsNumber(units: 70))
        #expect(half.truncated(digits: 0) == StatsNumber(units: 69))
        let fall = try #require(StatsRatio(-1, 3)).percent
        #expect(fall.rounded(digits: 2).description == "-33.33")
        #expect(fall.truncated(digits: 1).description == "-33.3")
        #expect(StatsRatio(1, 0) == nil)
        #expect(try #require(StatsRatio(1922, 5269)).percent.subtracted(from: StatsNumber(units: 364, scale: 1))
                    .rounded(digits: 2).description == "-0.08")
    }

    @Test func printedNumbersAreReadAsTheReportWritesThem() {
        #expect(StatsNumber(printed: "24 774") == StatsNumber(units: 24774))
        #expect(StatsNumber(printed: "45,7") == StatsNumber(units: 457, scale: 1))
        #expect(StatsNumber(printed: "0") == StatsNumber(units: 0))
        #expect(StatsNumber(printed: "1006") == StatsNumber(units: 1006))
        for bad in ["", "1.5", "24  774", "1 23", "-3", "1 234 567 890", "12,", "12,3456", "4 7,5", " 12"] {
            #expect(StatsNumber(printed: bad) == nil, "\(bad)")
        }
        #expect(StatsNumber(units: 5, scale: 2).description == "0.05")
    }

    /// A table built in memory: a printed total, a stated identity and a carried balance, each checked, with the
    /// lines of the printed value and of what it is computed from.
    @Test func aBuiltTableIsCheckedCellByCell() throws {
        func label(_ text: String) -> [LocalizedString] {
            Language.allCases.map { LocalizedString(language: $0.rawValue, text: text) }
        }
        func n(_ column: String, _ value: Int, _ line: Int) -> StatsTable.Cell {
            StatsTable.Cell(column: column, lines: "L\(line)", printed: String(value), number: StatsNumber(units: value))
        }
        func period(_ value: String, _ line: Int) -> StatsTable.Cell {
            StatsTable.Cell(column: "period", lines: "L\(line)", value: value)
        }
        let table = StatsTable(
            id: "t", titles: label("t"), citations: [],
            columns: [StatsTable.Column(key: "period", kind: .dimension, labels: label("period"),
                                        values: [.init(key: "a", labels: label("a")), .init(key: "b", labels: label("b"))]),
                      StatsTable.Column(key: "open", kind: .count, labels: label("open")),
                      StatsTable.Column(key: "in", kind: .count, labels: label("in")),
                      StatsTable.Column(key: "out", kind: .count, labels: label("out")),
                      StatsTable.Column(key: "granted", kind: .count, labels: label("granted")),
                      StatsTable.Column(key: "pct", kind: .percent, labels: label("pct"))],
            rows: [StatsTable.Row(key: "a", cells: [period("a", 1), n("open", 10, 1), n("in", 5, 1), n("out", 4, 1),
                                                      n("granted", 3, 1),
                                                      StatsTable.Cell(column: "pct", lines: "L2", printed: "75",
                                                                      number: StatsNumber(units: 75))]),
                   StatsTable.Row(key: "b", cells: [period("b", 3), n("open", 12, 3), n("in", 1, 3), n("out", 1, 3)]),
                   StatsTable.Row(key: "total", role: .total, cells: [n("in", 7, 5)])],
            rates: [StatsTable.Rate(key: "r", labels: label("r"), numerator: ["granted"], denominator: ["out"],
                                    printed: "pct")],
            identities: [StatsTable.Identity(whole: "in", parts: ["out", "granted"], basis: .stated, labels: label("i"))],
            carryOvers: [StatsTable.CarryOver(dimension: "period", from: "a", to: "b", opening: "open", inflow: ["in"],
                                              outflow: ["out"], labels: label("c"))])
        let c = StatsComputation(table)
        // 10 + 5 − 4 = 11, not 12; 5 + 1 = 6, not 7; 4 + 3 = 7, not 5 in row a (but "out" and "granted" are the parts).
        #expect(c.mismatches.map { "\($0.row) \($0.column) \($0.printed.units) \($0.computed.numerator)" }.sorted()
                == ["a in 5 7", "b open 12 11", "total in 7 6"])
        let carried = try #require(c.mismatches.first { $0.row == "b" })
        #expect(carried.lines == "L3" && carried.from == ["L1", "L1", "L1"])
        #expect(try Self.rate(c, "r", "a") == ("75.00", .agrees))
    }
}
