import AtlasCorpus
import AtlasEngine
import AtlasModel
@testable import AtlasReport
import Foundation
import Testing

/// Every statement the engine makes, worded in every language over the whole corpus: random cases reach the
/// statement kinds, and each worded statement must be complete (no placeholder left) and in its language (no
/// Latin word in Kazakh or Russian outside corpus ids, which are printed as they are).
@Suite struct ExplanationLanguageTests {
    static let corpus = TracerAgreementTests.corpus

    /// The statements of every outcome of `cases`, children included.
    static func phrases(_ cases: [Case]) -> [Phrase] {
        let simulator = Simulator(corpus: corpus)
        let evaluator = ConformanceEvaluator(corpus: corpus)
        return cases.flatMap { c in
            simulator.simulate(c, in: corpus.jurisdictions).flatMap { outcome in
                phrases(of: outcome) + evaluator.verdicts(for: outcome, facts: c).map(\.explanation)
            }
        }
    }

    /// The statements of one jurisdiction's outcome: every trace step (children included), reason and pending
    /// condition.
    static func phrases(of outcome: JurisdictionOutcome) -> [Phrase] {
        func walk(_ steps: [TraceStep]) -> [Phrase] { steps.flatMap { [$0.phrase] + walk($0.children) } }
        return outcome.mechanisms.flatMap { m in walk(m.trace) + (m.reason.map { [$0.phrase] } ?? []) + m.pending.map(\.phrase) }
    }

    static let sample: [Phrase] = {
        var rng = SplitMix64(state: 77)
        var cases = (0..<400).map { _ in TracerAgreementTests.anyCase(&rng, corpus.vocabulary) }
        // A life sentence and a case before every law, which random cases reach rarely.
        var life = Case(term: .life, category: "especially-grave", punishment: "imprisonment",
                        start: CalendarDate(year: 2001, month: 5, day: 20)!, asOf: CalendarDate(year: 2026, month: 1, day: 1)!)
        cases.append(life)
        life.asOf = CalendarDate(year: 1901, month: 1, day: 1)!
        cases.append(life)
        return phrases(cases) + synthetic()
    }()

    /// Statements the bundled corpus never occasions (an undated law that has ended, a category read without a
    /// crosswalk, a version that states no threshold and says nothing of it, exclusions not yet or no longer in
    /// force, mandatory release by law, an arrangement in force, a feature with no detection), made by a small
    /// jurisdiction built here, with labels in the three languages.
    static func synthetic() -> [Phrase] {
        func labels(_ text: String) -> [LocalizedString] {
            // The kk and ru labels carry no id: a Latin word there would be the test's own mistake.
            [LocalizedString(language: "kk", text: "Сынақ ережесі"), LocalizedString(language: "ru", text: "Проверочное правило"),
             LocalizedString(language: "en", text: "Test rule " + text)]
        }
        let fixedTerm = Condition.life(false)
        let day = { (y: Int) in CalendarDate(year: y, month: 1, day: 1)! }
        let mandatory = MechanismVersion(
            id: "zz-a-v", validity: .always, decision: .mandatory, citations: [], scope: Scope(labels: labels("a"), condition: fixedTerm, citations: []),
            thresholds: [Threshold(id: "zz-a-t", labels: labels("t"), fraction: Rational(1, 3), citations: [])],
            exclusions: [
                Exclusion(id: "zz-a-x1", labels: labels("x1"), condition: fixedTerm, exceptions: [],
                          validity: Validity(to: day(1990)), citations: []),
                Exclusion(id: "zz-a-x2", labels: labels("x2"), condition: fixedTerm,
                          exceptions: [RuleCondition(id: "zz-a-e", labels: labels("e"), condition: fixedTerm, citations: [])],
                          validity: Validity(from: day(2000), basis: .inForce), citations: []),
            ],
            procedure: Procedure(bodies: [], arrangements: [CitedStatement(id: "zz-a-arr", labels: labels("arr"), citations: [])]))
        let readsCategory = MechanismVersion(id: "zz-b-v", validity: .always, decision: .discretionary, citations: [],
                                             scope: Scope(labels: labels("b"), condition: .category(["grave"]), citations: []))
        let ended = MechanismVersion(id: "zz-c-v", validity: Validity(to: day(1990)), decision: .discretionary, citations: [],
                                     scope: Scope(labels: labels("c"), condition: fixedTerm, citations: []))
        let silent = MechanismVersion(id: "zz-d-v", validity: .always, decision: .discretionary, citations: [],
                                      scope: Scope(labels: labels("d"), condition: fixedTerm, citations: []))
        // A rule changed in 2023: its new share's date (2023-01-01) falls before the new version came into force,
        // and the old share's (2022-04-01) before that: the old law's date stands.
        let replaced = [
            MechanismVersion(id: "zz-e-v1", validity: Validity(to: day(2023).adding(days: 150)), decision: .discretionary,
                             citations: [], scope: Scope(labels: labels("e1"), condition: fixedTerm, citations: []),
                             thresholds: [Threshold(id: "zz-e-t1", labels: labels("t1"), fraction: Rational(1, 4), citations: [])]),
            MechanismVersion(id: "zz-e-v2", validity: Validity(from: day(2023).adding(days: 151), basis: .inForce),
                             decision: .discretionary, citations: [],
                             scope: Scope(labels: labels("e2"), condition: fixedTerm, citations: []),
                             thresholds: [Threshold(id: "zz-e-t2", labels: labels("t2"), fraction: Rational(1, 3), citations: [])]),
        ]
        let zz = Jurisdiction(
            id: "zz", names: labels("zz"), legalFamily: "unclassified", legalFamilyCitations: [], sourceIDs: [],
            conditionSets: [],
            mechanisms: [("zz-a", mandatory), ("zz-b", readsCategory), ("zz-c", ended), ("zz-d", silent)].map {
                ReleaseMechanism(id: $0.0, kind: "parole", labels: labels($0.0), versions: [$0.1])
            } + [ReleaseMechanism(id: "zz-e", kind: "parole", labels: labels("zz-e"), versions: replaced)],
            discrepancies: [], notStated: [], origin: nil)
        let c = Case(term: .fixed(CalendarDuration(years: 9)), category: "grave", punishment: "imprisonment",
                     start: day(2020), asOf: day(2024))
        let simulator = Simulator(vocabulary: corpus.vocabulary, home: corpus.home)
        var found = phrases(of: simulator.simulate(c, in: zz))
        // The same law under each stated intertemporal rule (zz-a's exclusions change it over time).
        for kind in [IntertemporalRule.Kind.lawAtDecision, .lawAtOffence] {
            var stated = zz
            stated.intertemporal = IntertemporalRule(id: "zz-it", kind: kind, labels: labels("it"), citations: [])
            var given = c
            given.offenceDate = day(2019)
            found += phrases(of: simulator.simulate(given, in: stated))
        }
        if case .unknown(let reason) = ConformanceEvaluator(corpus: corpus).state(of: "no-such-feature", in: zz) {
            found.append(reason)
        }
        return found
    }

    /// The ids a statement prints as they are.
    static func ids(in phrase: Phrase) -> [String] {
        phrase.values.flatMap { slot -> [String] in
            switch slot.value {
            case .ids(let ids): return ids
            case .label(let labels, let fallback): return labels.isEmpty ? [fallback] : []
            case .phrase(let inner): return ids(in: inner)
            default: return []
            }
        }
    }

    /// Latin words a Kazakh or Russian text may hold: corpus ids and codes (attribute values: rule ids, fact and
    /// term names), the report's own Latin words (in its quotations, such as «Parole Board»), and Roman numerals.
    static let allowedLatin: Set<String> = {
        let latinWord = try! Regex(#"[A-Za-z]{2,}"#)
        var allowed: Set<String> = ["II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"]
        let root = URL(fileURLWithPath: CorpusLocation.bundledCorpus)
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "xml" } ?? []
        let attribute = try! Regex(#"="([^"]*)""#)
        let quote = try! Regex(#"<quote[^>]*>([^<]*)</quote>"#)
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for match in text.matches(of: attribute) + text.matches(of: quote) {
                let value = String(text[match.range])
                allowed.formUnion(value.matches(of: latinWord).map { String(value[$0.range]) })
            }
        }
        allowed.formUnion(CaseFactCatalogue.all.flatMap { $0.name.split(separator: "-").map(String.init) })
        return allowed
    }()

    @Test func everyStatementIsCompleteAndInItsLanguage() throws {
        let latinWord = try Regex(#"[A-Za-z]{2,}"#)
        var failures: [String] = []
        for phrase in Set(Self.sample) {
            for language in Language.allCases {
                let wording = Wording(language, vocabulary: Self.corpus.vocabulary, factNaming: .labels)
                var text = wording.text(phrase)
                if text.contains("{") || text.contains("}") { failures.append("[\(language)] placeholder left: \(text)") }
                guard language != .en else { continue }
                for id in Self.ids(in: phrase) { text = text.replacingOccurrences(of: id, with: "") }
                let words = text.matches(of: latinWord).map { String(text[$0.range]) }.filter { !Self.allowedLatin.contains($0) }
                if !words.isEmpty { failures.append("[\(language)] \(phrase.key.rawValue): \(words) in «\(text)»") }
            }
        }
        let report = failures.prefix(25).joined(separator: "\n")
        #expect(failures.isEmpty, "\(failures.count) statements:\n\(report)")
    }

    /// The sample reaches every statement kind: a kind no case reaches would not be tested in any language.
    @Test func theSampleReachesTheStatementKinds() {
        let reached = Set(Self.sample.flatMap { phrase -> [PhraseKind] in
            [phrase.key] + phrase.values.compactMap { if case .phrase(let inner) = $0.value { inner.key } else { nil } }
        })
        let missed = PhraseKind.allCases.filter { !reached.contains($0) }
        #expect(missed.isEmpty, Comment(rawValue: "not reached: \(missed.map(\.rawValue))"))
    }

    /// Hand-written wording of a few statements in each language.
    @Test func goldenWording() {
        let v = Self.corpus.vocabulary
        let share = Phrase(.shareOfTerm, [PhraseSlot("fraction", .fraction(Rational(1, 2))),
                                          PhraseSlot("term", .duration(CalendarDuration(years: 9))),
                                          PhraseSlot("start", .date(CalendarDate(year: 2022, month: 1, day: 10)!)),
                                          PhraseSlot("served", .duration(CalendarDuration(years: 4, months: 6))),
                                          PhraseSlot("date", .date(CalendarDate(year: 2026, month: 7, day: 10)!))])
        #expect(Wording(.en, vocabulary: v).text(share) == "1/2 of the term 9 years from 2022-01-10 = 4 years 6 months, reached on 2026-07-10")
        #expect(Wording(.ru, vocabulary: v).text(share) == "1/2 срока 9 лет с 2022-01-10 = 4 года 6 месяцев, истекает 2026-07-10")
        #expect(Wording(.kk, vocabulary: v).text(share) == "2022-01-10 бастап 9 жыл мерзімнің 1/2 бөлігі = 4 жыл 6 ай, 2026-07-10 күні толады")
        let depends = Phrase(.dependsOnFacts, [PhraseSlot("facts", .facts(["sex", "age"]))])
        #expect(Wording(.en, vocabulary: v, factNaming: .flags).text(depends) == "depends on facts not given: --sex, --age")
        #expect(Wording(.ru, vocabulary: v, factNaming: .labels).text(depends) == "зависит от не указанных фактов: Пол, Возраст")
        #expect(Wording(.kk, vocabulary: v, factNaming: .labels).text(depends) == "көрсетілмеген фактілерге байланысты: Жынысы, Жасы")
        let conversion = Phrase(.conversion, [PhraseSlot("days", .duration(CalendarDuration(days: 2191))),
                                              PhraseSlot("date", .date(CalendarDate(year: 2025, month: 1, day: 10)!)),
                                              PhraseSlot("into", .term(set: "unit", term: "day")),
                                              PhraseSlot("amount", .amount(Rational(2191, 4))),
                                              PhraseSlot("unit", .term(set: "unit", term: "mci"))])
        #expect(Wording(.ru, vocabulary: v).text(conversion)
            == "остаток срока на 2025-01-10: 2191 день → день: 547,75 (единица: месячный расчётный показатель (МРП))")
    }
}
