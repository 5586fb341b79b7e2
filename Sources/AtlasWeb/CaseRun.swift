import AtlasEngine
import AtlasModel
import AtlasReport

/// One simulation as `parole simulate` runs it: the case in every selected jurisdiction, with the conformance
/// verdicts of each outcome. Shared by the page and the API so that both answer the same.
struct CaseRun {
    let facts: Case
    let outcomes: [JurisdictionOutcome]
    let conformance: [String: [ConformanceVerdict]]

    init(_ facts: Case, jurisdictions ids: [String], site: AtlasSite, language: Language) throws(SiteError) {
        var selected: [Jurisdiction] = []
        for id in ids { selected.append(try site.jurisdiction(id, language)) }
        self.facts = facts
        outcomes = site.simulator.simulate(facts, in: selected.isEmpty ? site.corpus.jurisdictions : selected)
        conformance = Dictionary(uniqueKeysWithValues: outcomes.map {
            ($0.jurisdiction.id, site.conformance.verdicts(for: $0, facts: facts))
        })
    }

    /// `parole simulate --format json`'s document (docs/outputs-json.md): missing facts named by their labels.
    func document(site: AtlasSite, language: Language) -> JSONValue {
        let wording = Wording(language, vocabulary: site.corpus.vocabulary, factNaming: .labels)
        return OutcomeJSON.document(for: facts, outcomes: outcomes, wording: wording, conformance: conformance,
                                    provenance: site.provenance, reforms: nil)
    }
}
