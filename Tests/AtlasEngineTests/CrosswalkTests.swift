import AtlasCorpus
import AtlasEngine
import AtlasModel
import Testing

@Suite struct CrosswalkTests {
    static let corpus = try? CorpusLoader(location: CorpusLocation.bundled).load()

    func russianParole(_ simulator: Simulator) throws -> MechanismOutcome {
        let corpus = try #require(Self.corpus)
        var d = CaseDraft()
        d["term"] = "8y"; d["category"] = "grave"; d["start"] = "2020-03-01"; d["as-of"] = "2026-11-25"
        let facts = try d.build(vocabulary: corpus.vocabulary, today: CalendarDate(iso: "2026-11-25")!)
        let ru = try #require(corpus.jurisdiction("ru"))
        return try #require(simulator.simulate(facts, in: ru).mechanisms.first { $0.mechanism.id == "ru-parole" })
    }

    /// Russia grades crimes on Kazakhstan's four categories (seed L3048-3050, L3070-3072): a Kazakh "grave" crime is
    /// read as a Russian grave crime, 1/2 of 8 years = 4 years, and the trace says which crosswalk step did it.
    @Test func kazakhCategoryIsReadUnderRussianLawThroughTheCrosswalk() throws {
        let corpus = try #require(Self.corpus)
        let parole = try russianParole(Simulator(corpus: corpus))
        #expect(parole.status == .available)
        #expect(parole.earliestDate?.description == "2024-03-01")
        let step = try #require(parole.trace.first { $0.kind == .crosswalk })
        #expect(step.ruleID == "xw-cis-category-scale")
        #expect(!step.citations.isEmpty)
    }

    @Test func withoutAMappingTheCategoryCannotDecideAForeignRule() throws {
        let corpus = try #require(Self.corpus)
        let parole = try russianParole(Simulator(vocabulary: corpus.vocabulary, crosswalk: [], home: corpus.home))
        #expect(parole.status == .undetermined)
        #expect(parole.missingFacts.contains("category-crosswalk"))
    }
}
