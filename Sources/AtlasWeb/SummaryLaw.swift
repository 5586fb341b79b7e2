import AtlasModel
import AtlasReport

/// The summary detail level of `/api/v1/simulate`: the law of every jurisdiction compiled once at start-up, so
/// that the common request (all jurisdictions) only decides the case; a request naming jurisdictions compiles
/// theirs.
struct SummaryLaw: Sendable {
    private let corpus: Corpus
    private let provenance: Provenance
    private let everyJurisdiction: OutcomeSummary

    init(corpus: Corpus, provenance: Provenance) {
        self.corpus = corpus
        self.provenance = provenance
        everyJurisdiction = OutcomeSummary(jurisdictions: corpus.jurisdictions, corpus: corpus, provenance: provenance)
    }

    /// The summary of `facts` in `jurisdictions` (none: every one).
    func json(of facts: Case, in jurisdictions: [Jurisdiction]) -> String {
        guard !jurisdictions.isEmpty else { return everyJurisdiction.json(of: facts) }
        return OutcomeSummary(jurisdictions: jurisdictions, corpus: corpus, provenance: provenance).json(of: facts)
    }
}
