import AtlasEngine
import AtlasModel
import AtlasReport
import AtlasSearch
import Hummingbird

extension AtlasSite {
    /// `/api/v1/…`: the command line's JSON documents, each with its provenance (program version, corpus digest),
    /// described by `/api/v1/openapi.json`. Each answer is computed within `RequestLimits.answerTime`.
    func addAPIRoutes(to router: Router<BasicRequestContext>) {
        let api = router.group("/api/v1")
        // Built once: the corpus does not change while the site serves it.
        let accepted = Dictionary(uniqueKeysWithValues: APIEndpoint.all(corpus: corpus).map { ($0.path, $0.queryNames) })
        let openAPI = OpenAPIDocument(corpus: corpus).value.serialized(pretty: true)
        let statistics = corpus.stats.map(StatsComputation.init)
        let search = SearchIndexSlot(corpus: corpus, store: .standard())
        let summaries = SummaryLaw(corpus: corpus, provenance: provenance)
        let limit = TimeLimit(duration: RequestLimits.answerTime)

        /// Reads the query of `request` (refusing a parameter `path`'s endpoint does not list), then computes the
        /// answer within the time limit.
        @Sendable func answer(_ request: Request, _ path: String,
                    _ body: @escaping @Sendable (QueryParameters, Language) throws -> Response) async throws -> Response {
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let names = accepted[path] ?? []
            // The simulation's own reading names the fact flags; every other endpoint lists its parameters here.
            if path != "/api/v1/simulate", let unknown = query.pairs.first(where: { !names.contains($0.name) }) {
                throw SiteError(kind: .badInput, message: WebPhrase.errorUnknownParameter.text(language, [
                    "value": InputText.quoted(unknown.name)]), field: unknown.name)
            }
            return try await limit.run({ try body(query, language) },
                                       late: { SiteError.tooSlow(language, after: RequestLimits.answerTime) })
        }

        // `parole simulate --format json [--detail summary]`, the case stated by parameters named as the fact flags.
        api.get("simulate") { request, _ in
            try await answer(request, "/api/v1/simulate") { query, language in
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
                    return Reply.jsonText(summaries.json(of: stated.facts, in: selected))
                case let other:
                    throw SiteError(kind: .badInput, message: WebPhrase.errorUnknownDetail.text(language, [
                        "value": InputText.quoted(other), "choices": "full, summary"]),
                        field: CaseQuery.detailParameter)
                }
            }
        }
        // `parole countries [--family id] --format json`.
        api.get("countries") { request, _ in
            try await answer(request, "/api/v1/countries") { query, language in
                _ = try legalFamilies(query, language)  // refuses a family the corpus does not have
                let family = query.first("family").flatMap { $0.isEmpty ? nil : $0 }
                let rows = CorpusOverview(corpus: corpus, asOf: nil, language: language).countryRows(family: family)
                return Reply.json(CorpusOverview.countriesJSON(rows, provenance: provenance))
            }
        }
        // `parole conformance {id} --format json`.
        api.get("conformance/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await answer(request, "/api/v1/conformance/{id}") { _, language in
                let found = try jurisdiction(id, language)
                let wording = Wording(language, vocabulary: corpus.vocabulary, factNaming: .labels)
                return Reply.json(.array(conformance.verdicts(for: found).map {
                    ConformanceJSON.verdict($0, provenance: provenance, wording: wording)
                }))
            }
        }
        // `parole instruments --format json`.
        api.get("instruments") { request, _ in
            try await answer(request, "/api/v1/instruments") { _, language in
                Reply.json(InstrumentList(corpus: corpus, language: language).json(provenance: provenance))
            }
        }
        // `parole search QUERY --format json`; the index is built into the search cache on first use.
        api.get("search") { request, _ in
            let index = try await search.index()
            return try await answer(request, "/api/v1/search") { query, language in
                let asked = try SearchRequest(query: query, language: language, site: self).query
                return Reply.json(SearchJSON.document(try index.search(asked), query: asked.text,
                                                      provenance: provenance))
            }
        }
        // `parole stats [--table id] --format json`.
        api.get("stats") { request, _ in
            try await answer(request, "/api/v1/stats") { _, language in
                Reply.json(StatsJSON.document(statistics, language: language, provenance: provenance))
            }
        }
        api.get("stats/:table") { request, context in
            let id = context.parameters.get("table") ?? ""
            return try await answer(request, "/api/v1/stats/{table}") { _, language in
                guard let found = statistics.first(where: { $0.table.id == id }) else {
                    let message = WebPhrase.errorUnknownTable.text(language, ["value": InputText.quoted(id)])
                    throw SiteError(kind: .notFound, message: Suggestion.nearest(to: id, among: statistics.map(\.table.id))
                        .map { WebPhrase.errorDidYouMean.text(language, ["message": message, "value": $0]) } ?? message)
                }
                return Reply.json(StatsJSON.document([found], language: language, provenance: provenance))
            }
        }
        api.get("openapi.json") { request, _ in
            try await answer(request, "/api/v1/openapi.json") { _, _ in Reply.jsonText(openAPI) }
        }
    }
}
