import AtlasCorpus
@testable import AtlasEngine
import AtlasModel
import Testing

/// Which date's law decides, under each intertemporal rule, for a law that became milder after the offence: a
/// share of 1/2 until the end of 2019, 1/3 from 2020 (a small jurisdiction built here; the bundled corpus has no
/// later milder version with a stated rule).
@Suite struct LawInTimeTests {
    static let corpus = try! CorpusLoader(location: CorpusLocation.bundled).load()
    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    static func jurisdiction(_ rule: IntertemporalRule.Kind?) -> Jurisdiction {
        let scope = Scope(labels: [], condition: .life(false), citations: [])
        let harsh = MechanismVersion(id: "zz-v1", validity: Validity(to: day(2019, 12, 31)), decision: .discretionary,
                                     citations: [], scope: scope,
                                     thresholds: [Threshold(id: "zz-half", fraction: Rational(1, 2), citations: [])])
        let mild = MechanismVersion(id: "zz-v2", validity: Validity(from: day(2020, 1, 1)), decision: .discretionary,
                                    citations: [], scope: scope,
                                    thresholds: [Threshold(id: "zz-third", fraction: Rational(1, 3), citations: [])])
        return Jurisdiction(id: "zz", names: [], legalFamily: "unclassified", legalFamilyCitations: [], sourceIDs: [],
                            conditionSets: [],
                            mechanisms: [ReleaseMechanism(id: "zz-parole", kind: "parole", labels: [], versions: [harsh, mild])],
                            discrepancies: [], notStated: [], origin: nil,
                            intertemporal: rule.map { IntertemporalRule(id: "zz-it", kind: $0, citations: []) })
    }

    /// 6 years from 2019-06-01, offence 2019-03-01, asked on 2024-01-01.
    static func outcome(_ rule: IntertemporalRule.Kind?, offence: CalendarDate? = day(2019, 3, 1)) -> MechanismOutcome {
        var c = Case(term: .fixed(CalendarDuration(years: 6)), category: "grave", punishment: "imprisonment",
                     start: day(2019, 6, 1), asOf: day(2024, 1, 1))
        c.offenceDate = offence
        return Simulator(vocabulary: corpus.vocabulary, home: corpus.home).simulate(c, in: jurisdiction(rule)).mechanisms[0]
    }

    @Test func aMilderLaterVersionAppliesUnderTheMilderLawRule() {
        let o = Self.outcome(.milderRetroactive)
        // 72 months × 1/3 = 24 → 2021-06-01 (under the law at the offence: 36 → 2022-06-01).
        #expect(o.status == .available)
        #expect(o.earliestDate == Self.day(2021, 6, 1))
        #expect(o.fraction == Rational(1, 3))
        #expect(o.lawDate == Self.day(2020, 1, 1))
        #expect(o.trace.first?.kind == .intertemporal)
        #expect(o.trace.first?.children.count == 2, "the law at the offence and the one later version are compared")
    }

    /// The later law's 1/3 holds only for a first custodial sentence, which the case does not say: that law may
    /// be the milder one, so it is applied, and says what it needs, though the law at the offence gives a date.
    /// A cohort decides this without explaining (`decideAtOffence`), an explained run through `choose`: both
    /// must apply it.
    @Test func aLaterLawThatMayBeMilderIsAppliedAndAsksForTheFact() throws {
        let first = try #require(CaseFact(rawValue: "first-custodial"))
        let scope = Scope(labels: [], condition: .life(false), citations: [])
        let harsh = MechanismVersion(id: "zz-v1", validity: Validity(to: Self.day(2019, 12, 31)), decision: .discretionary,
                                     citations: [], scope: scope,
                                     thresholds: [Threshold(id: "zz-half", fraction: Rational(1, 2), citations: [])])
        let mild = MechanismVersion(id: "zz-v2", validity: Validity(from: Self.day(2020, 1, 1)), decision: .discretionary,
                                    citations: [], scope: scope,
                                    thresholds: [Threshold(id: "zz-third", condition: .fact(first, true),
                                                           fraction: Rational(1, 3), citations: [])])
        let j = Jurisdiction(id: "zz", names: [], legalFamily: "unclassified", legalFamilyCitations: [], sourceIDs: [],
                             conditionSets: [],
                             mechanisms: [ReleaseMechanism(id: "zz-parole", kind: "parole", labels: [], versions: [harsh, mild])],
                             discrepancies: [], notStated: [], origin: nil,
                             intertemporal: IntertemporalRule(id: "zz-it", kind: .milderRetroactive, citations: []))
        var c = Case(term: .fixed(CalendarDuration(years: 6)), category: "grave", punishment: "imprisonment",
                     start: Self.day(2019, 6, 1), asOf: Self.day(2024, 1, 1))
        c.offenceDate = Self.day(2019, 3, 1)
        let explained = Simulator(vocabulary: Self.corpus.vocabulary, home: Self.corpus.home).simulate(c, in: j).mechanisms[0]
        #expect(explained.status == .undetermined)
        #expect(explained.missingFacts == ["first-custodial"])
        #expect(explained.lawDate == Self.day(2020, 1, 1))
        let law = CompiledLaw(jurisdictions: [j], crosswalk: [], home: Self.corpus.home)
        var quiet: [CohortDecision] = []
        law.decide(c, only: law.everyMechanism, into: &quiet)
        #expect(quiet.map(\.result.status) == [.undetermined])
        #expect(quiet.first?.missing.sortedNames == ["first-custodial"])
        // Told that it is one, the case is eligible at 1/3 under the later law: 72 months × 1/3 → 2021-06-01.
        c.set(first, to: true)
        quiet.removeAll()
        law.decide(c, only: law.everyMechanism, into: &quiet)
        #expect(quiet.first?.result.status == .available)
        #expect(quiet.first?.result.earliestDate == Self.day(2021, 6, 1))
    }

    @Test func theLawAtTheOffenceAloneIgnoresTheMilderOne() {
        let o = Self.outcome(.lawAtOffence)
        #expect(o.earliestDate == Self.day(2022, 6, 1))
        #expect(o.fraction == Rational(1, 2))
        #expect(o.lawDate == Self.day(2019, 3, 1))
    }

    @Test func withoutAStatedRuleTheAsOfDatesLawAppliesAndTheTraceSaysSo() {
        let o = Self.outcome(nil)
        #expect(o.earliestDate == Self.day(2021, 6, 1))
        #expect(o.lawDate == Self.day(2024, 1, 1))
        #expect(o.trace.first?.phrase.key == .intertemporalNotStated)
    }

    @Test func anUnknownOffenceDateThatChangesTheAnswerIsAsked() {
        // The term starts 2019-06-01: every possible offence precedes 2020, so the law at the offence is the 1/2
        // law whatever its date, and nothing is asked.
        #expect(Self.outcome(.lawAtOffence, offence: nil).earliestDate == Self.day(2022, 6, 1))
        // A term starting in 2021 leaves offences on both sides of 2020-01-01 possible.
        var c = Case(term: .fixed(CalendarDuration(years: 6)), category: "grave", punishment: "imprisonment",
                     start: Self.day(2021, 6, 1), asOf: Self.day(2024, 1, 1))
        c.offenceDate = nil
        let o = Simulator(vocabulary: Self.corpus.vocabulary, home: Self.corpus.home)
            .simulate(c, in: Self.jurisdiction(.lawAtOffence)).mechanisms[0]
        #expect(o.status == .undetermined)
        #expect(o.missingFacts == ["offence-date"])
        #expect(o.branches.map(\.offence?.through) == [Self.day(2019, 12, 31), Self.day(2021, 6, 1)])
        #expect(o.branches.map(\.earliestDate) == [Self.day(2024, 6, 1), Self.day(2023, 6, 1)])
        // Under the milder-law rule the 1/3 law reaches every offence: nothing to ask.
        let milder = Simulator(vocabulary: Self.corpus.vocabulary, home: Self.corpus.home)
            .simulate(c, in: Self.jurisdiction(.milderRetroactive)).mechanisms[0]
        #expect(milder.status == .available)
        #expect(milder.earliestDate == Self.day(2023, 6, 1))
    }
}
