import AtlasCorpus
import AtlasEngine
import AtlasInput
import AtlasModel
import Foundation
import Testing

/// Each case fact is declared once (`CaseFactCatalogue`); these tests check that every declared fact reaches every
/// place derived from the declaration: the case-file key, the built case, its echo, and the missing-fact names.
@Suite struct FactCatalogueTests {
    static let corpus = try! CorpusLoader(location: CorpusLocation.bundled).load()
    static let required: [String: DraftValue] = ["term": "9y", "category": "grave", "start": "2022-01-10"]

    /// A value of the fact's kind that the bundled corpus accepts, as input writes it.
    static func sample(_ fact: CaseFactDeclaration, _ vocabulary: Vocabulary) -> DraftValue? {
        switch fact.kind {
        case .term: return "7y6m"
        case .date, .defaultedDate: return "2020-03-01"
        case .optionalDate: return "1980-05-05"
        case .age: return 40
        case .disabilityGroup(_, let set): return vocabulary.terms(of: set).first.flatMap(Int.init).map(DraftValue.number)
        case .vocabularyTerm(_, let set), .defaultedTerm(_, let set): return vocabulary.terms(of: set).last.map(DraftValue.text)
        case .vocabularyTerms(_, let set): return vocabulary.terms(of: set).first.map { .list([$0]) }
        case .sex: return .text(Sex.female.rawValue)
        case .damage: return .text(DamageStatus.unpaid.rawValue)
        case .yesNo(let unstated): return .yesNo(unstated != true)
        case .composition: return nil  // stands for other facts; LawInCorpusTests reads the single father
        }
    }

    @Test func everyFactIsReadFromItsCaseFileKeyIntoTheCaseAndEchoedBack() throws {
        let vocabulary = Self.corpus.vocabulary
        for fact in CaseFactCatalogue.all {
            guard let value = Self.sample(fact, vocabulary) else { continue }
            var object: [String: Any] = ["term": "9y", "category": "grave", "start": "2022-01-10"]
            switch value {
            case .text(let text): object[fact.jsonKey] = text
            case .number(let number): object[fact.jsonKey] = number
            case .yesNo(let answer): object[fact.jsonKey] = answer
            case .list(let items): object[fact.jsonKey] = items
            }
            let draft = try CaseFile.parse(try JSONSerialization.data(withJSONObject: object), place: fact.name)
            #expect(draft[fact.name] == value, "\(fact.name) is not read from \"\(fact.jsonKey)\"")
            let built = try draft.build(vocabulary: vocabulary, today: CalendarDate(year: 2026, month: 12, day: 1)!)
            #expect(built.inputValue(of: fact) == value, "\(fact.name) does not reach the case")
        }
    }

    @Test func aValueOfTheWrongShapeIsRefusedNamingTheKey() {
        for fact in CaseFactCatalogue.all {
            let wrong: Any = fact.inputShape == .text ? 1 : "x"
            let object: [String: Any] = [fact.jsonKey: wrong]
            let data = try! JSONSerialization.data(withJSONObject: object)
            #expect(throws: CaseFileError.self, "\(fact.jsonKey)") { try CaseFile.parse(data, place: "case.json") }
        }
    }

    @Test func namesKeysAndConditionNamesAreEachUnique() {
        let facts = CaseFactCatalogue.all
        #expect(Set(facts.map(\.name)).count == facts.count)
        #expect(Set(facts.map(\.jsonKey)).count == facts.count)
        let conditionNames = facts.compactMap(\.conditionName)
        #expect(Set(conditionNames).count == conditionNames.count)
        // A case keeps its yes/no answers in one 64-bit word and missing facts in another.
        #expect(facts.count < 63)
        for fact in facts {
            #expect(!fact.label.kk.isEmpty && !fact.label.ru.isEmpty && !fact.label.en.isEmpty, "\(fact.name)")
        }
    }

    /// Every fact a corpus condition tests is a declared fact, and a missing one is reported by its declared name.
    @Test func everyFactTheCorpusTestsIsDeclaredAndReportedByName() throws {
        var tested: Set<CaseFact> = []
        func collect(_ condition: Condition) {
            switch condition {
            case .fact(let fact, _): tested.insert(fact)
            case .all(let parts), .any(let parts), .not(let parts): parts.forEach(collect)
            default: break
            }
        }
        for jurisdiction in Self.corpus.jurisdictions {
            for set in jurisdiction.conditionSets { collect(set.condition) }
            for version in jurisdiction.mechanisms.flatMap(\.versions) {
                collect(version.scope.condition)
                for threshold in version.thresholds { threshold.condition.map(collect) }
                for exclusion in version.exclusions { collect(exclusion.condition) }
            }
        }
        #expect(!tested.isEmpty)
        for fact in tested {
            #expect(CaseFactCatalogue.named(fact.inputName) != nil)
        }
        // A branchable fact left open yields one answer per value, each named by the fact's declared name.
        let branchable = CaseFactCatalogue.all.filter(\.branchable).map(\.name)
        #expect(!branchable.isEmpty)
        var draft = CaseDraft()
        for (name, value) in Self.required { draft[name] = value }
        let c = try draft.build(vocabulary: Self.corpus.vocabulary, today: CalendarDate(year: 2026, month: 12, day: 1)!)
        let outcomes = Simulator(corpus: Self.corpus).simulate(c, in: Self.corpus.jurisdictions)
        let assumed = Set(outcomes.flatMap(\.mechanisms).flatMap(\.branches).flatMap(\.assumption).map(\.0))
        #expect(!assumed.isEmpty)
        #expect(assumed.isSubset(of: Set(branchable)))
    }
}
