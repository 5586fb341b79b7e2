import AtlasModel
import AtlasReport
import Hummingbird

extension AtlasSite {
    /// `/simulate`: the form, and with a case stated, the outcome table and the home jurisdiction's reasoning
    /// under it. A case that cannot be computed comes back as typed, with the one-line reason above the form.
    func addSimulateRoutes(to router: Router<BasicRequestContext>) {
        router.get("/simulate") { request, _ in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let page = HTMLPage(language: language, path: "/simulate", query: query, provenance: provenance)
            let form = CaseForm(query: query, language: language, vocabulary: corpus.vocabulary, jurisdictions: corpus.jurisdictions.map {
                ($0.id, $0.names.text(in: language) ?? $0.id)
            }).html
            let title = WebPhrase.navSimulate.text(language)
            let caseQuery = CaseQuery(query: query, language: language)
            guard caseQuery.statesAnyFact else { return Reply.html(page.document(title: title, body: form)) }
            do throws(SiteError) {
                let stated = try caseQuery.build(vocabulary: corpus.vocabulary, today: today())
                let run = try CaseRun(stated.facts, jurisdictions: stated.draft.jurisdictions, site: self,
                                      language: language)
                let apiLink = "/api/v1/simulate?" + query.encoded
                let result = "<h2>" + HTMLText.escaped(WebPhrase.pageOutcome.text(language)) + "</h2>\n"
                    + HTMLPage.preformatted(try run.text(site: self, language: language,
                                                         explain: query.all(CaseQuery.explainParameter)))
                    + "<p><a href=\"" + HTMLText.escaped(apiLink) + "\">JSON</a></p>\n"
                    + regimeLinks(run, language)
                return Reply.html(page.document(title: title, body: form + result))
            } catch {
                return Reply.html(page.document(title: title, body: HTMLPage.errorLine(error.message) + form),
                                  status: error.status)
            }
        }
    }

    /// A link to the regime page of every jurisdiction in the answer, so that each rule can be read in full.
    private func regimeLinks(_ run: CaseRun, _ language: Language) -> String {
        "<ul class=\"regimes\">\n" + run.outcomes.map { outcome in
            let shown = outcome.jurisdiction
            let href = "/jurisdictions/" + shown.id + "?lang=" + language.rawValue
            return "<li><a href=\"" + HTMLText.escaped(href) + "\">"
                + HTMLText.escaped(shown.id + " — " + (shown.names.text(in: language) ?? shown.id)) + "</a></li>\n"
        }.joined() + "</ul>\n"
    }
}
