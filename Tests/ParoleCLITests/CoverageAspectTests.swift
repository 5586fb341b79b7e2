import AtlasCorpus
import AtlasReport
import Foundation
import Testing

/// The coverage report's columns name only aspects the corpus can state as not stated, and every such aspect is
/// counted under some column. The schema types `not-stated/@aspect` as a vocabulary term, so the names are the
/// terms of the `aspect` set in corpus/vocabulary.xml (the loader refuses any other).
@Suite struct CoverageAspectTests {
    static let aspectTerms: Set<String> = {
        let corpus = try? CorpusLoader(location: .bundled).load()
        return Set(corpus?.vocabulary.terms(of: "aspect") ?? [])
    }()

    @Test func everyNameInTheListIsAnAspectTheCorpusAllows() {
        #expect(Self.aspectTerms.count >= 10, "the bundled corpus did not load")
        for aspect in CorpusOverview.coverageAspects {
            let unknown = aspect.notStatedTerms.subtracting(Self.aspectTerms)
            #expect(unknown.isEmpty, "\(aspect.name): \(unknown.sorted()) are not aspect terms")
        }
    }

    @Test func everyAspectTheCorpusAllowsIsUnderOneColumn() {
        let listed = CorpusOverview.coverageAspects.flatMap(\.notStatedTerms)
        #expect(Self.aspectTerms.subtracting(listed).isEmpty, "\(Self.aspectTerms.subtracting(listed).sorted())")
        #expect(listed.count == Set(listed).count, "an aspect is counted under two columns")
    }

    /// The terms the corpus actually uses are a subset of the vocabulary's (the loader's check, seen from here):
    /// a name used in the corpus is never missed by the report.
    @Test func everyAspectTheCorpusUsesIsCounted() throws {
        let corpus = try CorpusLoader(location: .bundled).load()
        let used = corpus.jurisdictions.reduce(into: Set<String>()) { $0.formUnion($1.notStatedAspects) }
        let listed = Set(CorpusOverview.coverageAspects.flatMap(\.notStatedTerms))
        #expect(!used.isEmpty)
        #expect(used.subtracting(listed).isEmpty, "\(used.subtracting(listed).sorted())")
    }
}
