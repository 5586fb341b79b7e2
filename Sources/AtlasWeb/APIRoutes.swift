import AtlasModel
import AtlasReport
import Hummingbird

extension AtlasSite {
    /// `/api/v1/…`: the command line's JSON documents, each with its provenance (program version, corpus digest).
    func addAPIRoutes(to router: Router<BasicRequestContext>) {
        let api = router.group("/api/v1")
        // `parole simulate --format json`, the case stated by query parameters named as the fact flags.
        api.get("simulate") { request, _ in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let stated = try CaseQuery(query: query, language: language)
                .build(vocabulary: corpus.vocabulary, today: today())
            switch query.first(CaseQuery.detailParameter) ?? "full" {
            case "full", "":
                let run = try CaseRun(stated.facts, jurisdictions: stated.draft.jurisdictions, site: self,
                                      language: language)
                return Reply.json(run.document(site: self, language: language))
            case "summary":
                // Only the decisions: no trace is recorded, so the answer costs a fraction of the full one.
                var selected: [Jurisdiction] = []
                for id in stated.draft.jurisdictions { selected.append(try jurisdiction(id, language)) }
                return Reply.jsonText(OutcomeSummary.json(of: stated.facts,
                                                          in: selected.isEmpty ? corpus.jurisdictions : selected,
                                                          corpus: corpus, provenance: provenance))
            case let other:
                throw SiteError(kind: .badInput, message: WebPhrase.errorUnknownDetail.text(language, [
                    "value": InputText.quoted(other), "choices": "full, summary"]), field: CaseQuery.detailParameter)
            }
        }
        // `parole countries [--family id] --format json`.
        api.get("countries") { request, _ in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            _ = try legalFamilies(query, language)  // refuses a family the corpus does not have
            let family = query.first("family").flatMap { $0.isEmpty ? nil : $0 }
            let rows = CorpusOverview(corpus: corpus, asOf: nil, language: language).countryRows(family: family)
            return Reply.json(CorpusOverview.countriesJSON(rows, provenance: provenance))
        }
        // `parole conformance {id} --format json`.
        api.get("conformance/:id") { request, context in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let found = try jurisdiction(context.parameters.get("id") ?? "", language)
            let wording = Wording(language, vocabulary: corpus.vocabulary, factNaming: .labels)
            return Reply.json(.array(conformance.verdicts(for: found).map {
                ConformanceJSON.verdict($0, provenance: provenance, wording: wording)
            }))
        }
    }
}
