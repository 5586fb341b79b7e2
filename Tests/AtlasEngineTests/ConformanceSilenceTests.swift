import AtlasCorpus
import AtlasEngine
import AtlasModel
import Testing

/// Silence is not a conflict (issue 12): a regime whose sources say nothing of an appeal is "not assessable" against
/// the fair-hearing standards, not in conflict with them. Germany, Russia and France describe who hears a parole
/// petition but not whether the decision can be appealed (corpus/jurisdictions/de.xml, ru.xml, fr.xml: no <appeal>);
/// the appeal feature is described only by an appeal part (corpus/vocabulary.xml, appeal-available).
@Suite struct ConformanceSilenceTests {
    static let corpus = try! CorpusLoader(location: CorpusLocation.bundled).load()

    @Test(arguments: ["de", "ru", "fr"])
    func anUnmentionedAppealIsNotAssessable(_ id: String) throws {
        let evaluator = ConformanceEvaluator(corpus: Self.corpus)
        let jurisdiction = try #require(Self.corpus.jurisdictions.first { $0.id == id })
        let state = evaluator.state(of: "appeal-available", in: jurisdiction)
        guard case .unknown = state else {
            Issue.record("\(id): appeal-available is \(state), though its sources do not mention an appeal")
            return
        }
        let verdicts = evaluator.verdicts(for: jurisdiction).filter { $0.check.feature == "appeal-available" }
        #expect(!verdicts.isEmpty)
        #expect(verdicts.allSatisfy { $0.result == .notAssessable }, "\(verdicts.map(\.result))")
    }

    /// Where the sources do state an appeal, the feature is present (the definition still finds it).
    @Test func aStatedAppealIsPresent() {
        let evaluator = ConformanceEvaluator(corpus: Self.corpus)
        let withAppeal = Self.corpus.jurisdictions.filter { j in
            if case .present = evaluator.state(of: "appeal-available", in: j) { return true }
            return false
        }
        #expect(!withAppeal.isEmpty)
    }
}
