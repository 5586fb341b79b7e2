import AtlasCorpus
import AtlasModel
import AtlasReport
import Foundation
import Testing

/// The seed's Annex 1, transcribed figure by figure, against the table the corpus generates.
struct AnnexSeed: Decodable {
    struct Row: Decodable {
        var number: Int
        var jurisdiction: String
        var country: String
        var lines: String
        var appliesTo: [String]
        var fractions: [String]
        var years: [Int]
        var months: [Int]
        /// The cell ends in "т.б." (etc.): punishments the corpus adds are not differences.
        var appliesToOpen: Bool
        /// The corpus's name when the report uses an abbreviation (АҚШ).
        var countryLongForm: String?
    }
    /// A known difference between the seed's cell and the corpus, and the corpus record that explains it.
    struct Difference: Decodable, Hashable {
        var row: Int
        var field: String
        var value: String
        var side: String
        var reason: String
    }
    var rows: [Row]
    var differences: [Difference]

    static func load() throws -> AnnexSeed {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("AnnexFixtures/annex1-seed.json")
        return try JSONDecoder().decode(AnnexSeed.self, from: Data(contentsOf: url))
    }
}

@Suite struct AnnexComparisonTests {
    static let corpus = try? CorpusLoader(location: CorpusLocation.bundled).load()

    /// The figures of a row as the corpus states them, in the annex's terms.
    static func figures(_ row: AnnexDefinition.Row, _ corpus: Corpus) -> [String: Set<String>] {
        guard let j = corpus.jurisdiction(row.jurisdictionID),
              let m = j.mechanisms.first(where: { $0.id == row.mechanismID }), let v = m.versions.last else { return [:] }
        let durations = v.thresholds.flatMap { [$0.fixed, $0.minimum].compactMap { $0 } }
        return [
            "appliesTo": Set(AnnexTable.punishments(in: v.scope.condition)),
            "fractions": Set(v.thresholds.filter { $0.fractionBase == .term }.compactMap { $0.fraction?.description }),
            "years": Set(durations.filter { $0.months == 0 && $0.days == 0 && $0.years > 0 }.map { String($0.years) }),
            "months": Set(durations.filter { $0.years == 0 && $0.days == 0 && $0.months > 0 }.map { String($0.months) }),
        ]
    }

    @Test func annexOneHasTheReportsRowsInTheReportsOrder() throws {
        let corpus = try #require(Self.corpus)
        let annex = try #require(corpus.annex(1))
        let seed = try AnnexSeed.load()
        #expect(annex.rows.map(\.number) == Array(1...18))
        #expect(annex.rows.map(\.jurisdictionID) == seed.rows.map(\.jurisdiction))
        #expect(annex.columns.count == 7)
        let kk = AnnexTable(annex: annex, corpus: corpus, language: "kk")
        for (generated, s) in zip(kk.rows, seed.rows) {
            // The corpus may give the long form of a name ("Қазақстан Республикасы"); it must contain the report's.
            #expect(generated[1].contains(s.countryLongForm ?? String(s.country.prefix(5))),
                    "row \(s.number): \(generated[1]) vs \(s.country)")
        }
    }

    /// Every difference between a seed cell and the corpus is listed in the fixture with the corpus record that
    /// explains it, so a change to either side is deliberate.
    @Test func everyDifferenceFromTheSeedIsExplained() throws {
        let corpus = try #require(Self.corpus)
        let annex = try #require(corpus.annex(1))
        let seed = try AnnexSeed.load()
        var found: Set<String> = []
        for (row, s) in zip(annex.rows, seed.rows) {
            let ours = Self.figures(row, corpus)
            let theirs: [String: Set<String>] = [
                "appliesTo": Set(s.appliesTo), "fractions": Set(s.fractions),
                "years": Set(s.years.map(String.init)), "months": Set(s.months.map(String.init)),
            ]
            for field in ["appliesTo", "fractions", "years", "months"] {
                for v in theirs[field, default: []].subtracting(ours[field, default: []]) {
                    found.insert("\(s.number) \(field) \(v) seed-only")
                }
                for v in ours[field, default: []].subtracting(theirs[field, default: []])
                where !(field == "appliesTo" && s.appliesToOpen) {
                    found.insert("\(s.number) \(field) \(v) corpus-only")
                }
            }
        }
        let recorded = Set(seed.differences.map { "\($0.row) \($0.field) \($0.value) \($0.side)" })
        #expect(found.subtracting(recorded).sorted() == [], "differences without a recorded reason")
        #expect(recorded.subtracting(found).sorted() == [], "recorded differences that no longer occur")
        for d in seed.differences {
            let j = try #require(corpus.jurisdiction(seed.rows[d.row - 1].jurisdiction))
            #expect(j.discrepancies.contains { $0.id == d.reason } || j.notStated.contains { $0.aspect == d.reason },
                    "row \(d.row): reason \(d.reason) is not a discrepancy of \(j.id)")
        }
    }
}
