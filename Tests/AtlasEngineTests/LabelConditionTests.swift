import AtlasCorpus
import AtlasModel
import Foundation
import Testing

/// A rule whose own label names who it is for must test that in its condition (or its version's scope): a label
/// that says "life imprisonment" over a condition that never looks at the term would apply the rule to anyone.
/// Sampled over every threshold and exclusion of the corpus by the words of its English label.
@Suite struct LabelConditionTests {
    static let corpus = try? CorpusLoader(location: CorpusLocation.bundled).load()

    /// A word of a label, and the leaves of a condition that test what it names.
    struct Mention: Sendable {
        let name: String
        let pattern: String
        let tests: @Sendable (Condition) -> Bool
    }

    static let mentions = [
        Mention(name: "life", pattern: #"\blife\b"#) { if case .life = $0 { true } else { false } },
        Mention(name: "especially grave", pattern: #"especially grave"#) {
            switch $0 {
            case .category(let c): c.contains("especially-grave")
            case .consequence(let c): c.contains { $0.contains("especially-grave") }
            default: false
            }
        },
        Mention(name: "women", pattern: #"\bwom[ae]n\b"#) {
            switch $0 {
            case .sex: true
            case .fact(let fact, _): fact.rawValue == "pregnant"
            default: false
            }
        },
        Mention(name: "juvenile", pattern: #"juvenile"#) {
            switch $0 {
            case .age: true
            case .fact(let fact, _): fact.rawValue == "juvenile"
            default: false
            }
        },
    ]

    /// Whether `condition`, with the jurisdiction's condition sets read in, has a leaf `tests` accepts.
    static func has(_ condition: Condition?, in j: Jurisdiction, _ tests: @Sendable (Condition) -> Bool, depth: Int = 0) -> Bool {
        guard let condition, depth < 8 else { return false }
        return condition.containsLeaf(throughNegation: true) { leaf in
            if case .reference(let id) = leaf { return has(j.conditionSet(id)?.condition, in: j, tests, depth: depth + 1) }
            return tests(leaf)
        }
    }

    @Test func everyRuleTestsWhatItsLabelNames() throws {
        let corpus = try #require(Self.corpus)
        var checked = 0
        for j in corpus.jurisdictions {
            for v in j.mechanisms.flatMap(\.versions) {
                let rules: [(String, [LocalizedString], Condition?)] = v.thresholds.map { ($0.id, $0.labels, $0.condition) }
                    + v.exclusions.map { ($0.id, $0.labels, $0.condition) }
                for (id, labels, condition) in rules {
                    guard let label: String = labels.text(in: Language.en) else { continue }
                    for mention in Self.mentions where label.range(of: mention.pattern, options: [.regularExpression, .caseInsensitive]) != nil {
                        checked += 1
                        #expect(Self.has(condition, in: j, mention.tests) || Self.has(v.scope.condition, in: j, mention.tests),
                                "\(j.id) \(id): the label names \(mention.name) (\"\(label)\") but neither the rule nor its scope tests it")
                    }
                }
            }
        }
        // The sample is the corpus's own: if the labels stopped naming these, the test would check nothing.
        #expect(checked >= 20)
    }

    @Test func aConditionThatIgnoresItsLabelIsCaught() {
        let j = Jurisdiction(id: "zz", names: [], legalFamily: "", legalFamilyCitations: [], sourceIDs: [],
                             conditionSets: [], mechanisms: [], discrepancies: [], notStated: [], origin: nil)
        let life = Self.mentions[0]
        #expect(!Self.has(.category(["grave"]), in: j, life.tests))
        #expect(Self.has(.all([.category(["grave"]), .not([.life(true)])]), in: j, life.tests))
    }
}
