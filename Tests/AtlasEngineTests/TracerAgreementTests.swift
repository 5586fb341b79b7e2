import AtlasCorpus
import AtlasEngine
import AtlasModel
@testable import AtlasReport
import Testing

/// One decision walk, two tracers: batch runs (nothing recorded) must decide exactly what an explained simulation
/// (everything recorded) decides, on every field a batch line prints, for every mechanism of every jurisdiction.
@Suite struct TracerAgreementTests {
    static let corpus = try! CorpusLoader(location: CorpusLocation.bundled).load()

    /// A case drawn from the whole space of facts, unknowns included: every vocabulary term, every yes/no fact
    /// given or not, ages and birth dates, life terms, and as-of dates on both sides of every dated rule.
    static func anyCase(_ rng: inout SplitMix64, _ vocabulary: Vocabulary) -> Case {
        func pick<T>(_ values: [T]) -> T { values[rng.int(0...values.count - 1)] }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { rng.int(0...2) == 0 ? nil : value() }
        let term: SentenceTerm = rng.int(0...14) == 0
            ? .life
            : .fixed(CalendarDuration(years: rng.int(0...25), months: rng.int(0...11), days: rng.int(0...3) == 0 ? rng.int(1...30) : 0))
        let start = CalendarDate(dayNumber: rng.int(9_000...20_800))
        let sentence: SentenceTerm = term == .fixed(CalendarDuration()) ? .fixed(CalendarDuration(months: 1)) : term
        var c = Case(term: sentence, category: nil, punishment: "", start: start,
                     asOf: CalendarDate(dayNumber: rng.int(12_000...22_000)))
        // Every other fact is drawn by its declared kind, so a fact added to the catalogue is drawn too.
        for (position, fact) in CaseFactCatalogue.all.enumerated() {
            switch fact.kind {
            case .term, .date, .defaultedDate: break  // drawn above: they place every other date
            case .optionalDate(let slot):
                c[keyPath: slot] = rng.bool() ? CalendarDate(dayNumber: rng.int(-25_000...12_000)) : nil
            case .age(let slot): c[keyPath: slot] = maybe(rng.int(1...80))
            case .disabilityGroup(let slot, let set):
                c[keyPath: slot] = rng.int(0...9) == 0 ? Int(pick(vocabulary.terms(of: set))) : nil
            case .vocabularyTerm(let slot, let set):
                c[keyPath: slot] = rng.int(0...9) == 0 ? nil : pick(vocabulary.terms(of: set))
            case .defaultedTerm(let slot, let set):
                c[keyPath: slot] = rng.int(0...5) == 0 ? pick(vocabulary.terms(of: set)) : vocabulary.defaultTerm(of: set)!
            case .vocabularyTerms(let slot, let set):
                c[keyPath: slot] = Set((0..<rng.int(0...2)).map { _ in pick(vocabulary.terms(of: set)) })
            case .sex(let slot): c[keyPath: slot] = maybe(pick(Sex.allCases))
            case .damage(let slot): c[keyPath: slot] = maybe(pick(DamageStatus.allCases))
            case .yesNo(let unstated): c.answers[position] = unstated == nil ? maybe(rng.bool()) : rng.int(0...5) == 0
            case .composition: break  // drawn as the facts it sets
            }
        }
        // A prior revocation is rarer than other facts, as in life; drawn half the time it would hide the rest.
        if rng.int(0...3) != 0 { c.priorRevocation = nil }
        return c
    }

    @Test func theQuietWalkDecidesAsTheExplainedOneOnEveryBatchField() throws {
        let corpus = Self.corpus
        let simulator = Simulator(corpus: corpus)
        let plan = CompiledLaw(jurisdictions: corpus.jurisdictions, crosswalk: corpus.crosswalk, home: corpus.home)
        #expect(plan.mechanismCount == corpus.jurisdictions.reduce(0) { $0 + $1.mechanisms.count })
        var rng = SplitMix64(state: 5_050)
        var results: [EligibilityResult] = []
        var statuses: Set<String> = []
        for _ in 0..<2_500 {
            let c = Self.anyCase(&rng, corpus.vocabulary)
            results.removeAll()
            plan.decide(c, into: &results)
            let expected = corpus.jurisdictions.flatMap { simulator.simulate(c, in: $0).mechanisms.map(EligibilityResult.init) }
            #expect(results.count == expected.count)
            for (k, (got, want)) in zip(results, expected).enumerated() where got != want {
                Issue.record("mechanism #\(k): quiet \(got) vs explained \(want) for \(c)")
                return
            }
            statuses.formUnion(results.map(\.status.rawValue))
        }
        // The random cases reach every kind of decision, or the agreement above would prove little.
        #expect(statuses == Set(["available", "available-no-threshold", "excluded", "out-of-scope", "no-threshold",
                                 "conditions-unmet", "term-ends-first", "not-in-force", "undetermined"]))
    }

    /// A cohort's worker keeps one room for the facts and fills it anew for each person: nothing of the previous
    /// person (a share's date computed for their term, their terms' bits) may carry over into the next decision.
    @Test func aRoomFilledAgainDecidesEachPersonAsAFreshOne() {
        let corpus = Self.corpus
        let law = CompiledLaw(jurisdictions: corpus.jurisdictions, crosswalk: corpus.crosswalk, home: corpus.home)
        let every = law.everyMechanism
        var rng = SplitMix64(state: 7_707)
        var room = CaseFactsRoom()
        var reused: [CohortDecision] = [], fresh: [CohortDecision] = []
        for _ in 0..<1_500 {
            let c = Self.anyCase(&rng, corpus.vocabulary)
            reused.removeAll()
            fresh.removeAll()
            law.decide(c, only: every, into: &reused, room: &room)
            law.decide(c, only: every, into: &fresh)
            #expect(reused.count == law.mechanismCount)
            for (a, b) in zip(reused, fresh) {
                #expect(a.result.status == b.result.status && a.result.earliestDate == b.result.earliestDate
                        && a.result.mandatory == b.result.mandatory && a.missing == b.missing, "\(c)")
            }
        }
    }

    @Test func anAsOfBeforeEveryLawGivesNotInForceOnBothTracers() throws {
        let corpus = Self.corpus
        let simulator = Simulator(corpus: corpus)
        let plan = CompiledLaw(jurisdictions: corpus.jurisdictions, crosswalk: corpus.crosswalk, home: corpus.home)
        let c = Case(term: .fixed(CalendarDuration(years: 9)), category: "grave", punishment: "imprisonment",
                     start: CalendarDate(year: 1900, month: 1, day: 10)!, asOf: CalendarDate(year: 1901, month: 1, day: 1)!)
        var results: [EligibilityResult] = []
        plan.decide(c, into: &results)
        let expected = corpus.jurisdictions.flatMap { simulator.simulate(c, in: $0).mechanisms.map(EligibilityResult.init) }
        #expect(results == expected)
        #expect(results.contains { $0.status == .notInForce })
    }

    /// Batch lines find each status's bytes by position; the positions must be those of `allCases`.
    @Test func everyStatusHasItsOwnPositionInBatchLines() {
        for (i, status) in MechanismOutcome.Status.allCases.enumerated() { #expect(status.ordinal == i) }
    }

    /// No corpus is too large or too tangled to compile: terms past the 64th of a kind are matched by name, and a
    /// condition set that names itself is false (the walk never loops).
    @Test func rulesPastSixtyFourTermsAndReferenceCyclesStillDecide() {
        func jurisdiction(_ condition: Condition, sets: [ConditionSet] = []) -> Jurisdiction {
            let version = MechanismVersion(id: "zz-v", validity: .always, decision: .discretionary, citations: [],
                                           scope: Scope(labels: [], condition: condition, citations: []))
            return Jurisdiction(id: "zz", names: [], legalFamily: "civil", legalFamilyCitations: [], sourceIDs: [],
                                conditionSets: sets,
                                mechanisms: [ReleaseMechanism(id: "zz-m", kind: "parole", labels: [], versions: [version])],
                                discrepancies: [], notStated: [], origin: nil)
        }
        func status(_ j: Jurisdiction, offences: Set<String>) -> MechanismOutcome.Status? {
            var c = Case(term: .fixed(CalendarDuration(years: 9)), category: "grave", punishment: "imprisonment",
                         start: CalendarDate(year: 2020, month: 1, day: 10)!, asOf: CalendarDate(year: 2024, month: 1, day: 1)!)
            c.offences = offences
            let law = CompiledLaw(jurisdictions: [j], crosswalk: [], home: HomeLaw(jurisdiction: "zz"))
            var results: [EligibilityResult] = []
            law.decide(c, into: &results)
            let explained = Simulator(vocabulary: Vocabulary(sets: [:]), home: HomeLaw(jurisdiction: "zz")).simulate(c, in: j).mechanisms
            #expect(results == explained.map(EligibilityResult.init))
            return results.first?.status
        }
        let manyTags = jurisdiction(.offence(anyOf: Set((0..<65).map { "tag-\($0)" })))
        for tag in ["tag-0", "tag-63", "tag-64"] {
            #expect(status(manyTags, offences: [tag]) == .availableNoThreshold, "\(tag)")
        }
        #expect(status(manyTags, offences: ["tag-65"]) == .outOfScope)
        let cycle = jurisdiction(.reference("a"), sets: [ConditionSet(id: "a", labels: [], condition: .reference("a"),
                                                                     citations: [])])
        #expect(status(cycle, offences: []) == .outOfScope)
    }
}
