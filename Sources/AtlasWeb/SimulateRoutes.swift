import AtlasModel
import AtlasReport
import Hummingbird

extension AtlasSite {
    /// `/simulate`: the form, and with a case stated, the outcome table (each row linking to its reasoning), the
    /// timeline chart, the standards' verdicts and the reasoning of the home jurisdiction or of those named by
    /// `explain=`. A case that cannot be computed comes back as typed, with the one-line reason above the form.
    /// `/simulate/chart.svg?<case>`: the timeline as a file, as `parole simulate --chart` writes it.
    func addSimulateRoutes(to router: PageRoutes) {
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
                let run = try simulation(query, language)
                let answer = try OutcomeMarkup(run: run, site: self, language: language, query: query)
                return Reply.html(page.document(title: title, body: form + answer.html + regimeLinks(run, language)))
            } catch {
                return Reply.html(page.document(title: title, body: HTMLPage.errorLine(error.message) + form),
                                  status: error.status)
            }
        }
        router.get(RouterPath(stringLiteral: OutcomeMarkup.chartPath)) { request, _ in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let run = try simulation(query, language)
            let timeline = OutcomeTimeline(facts: run.facts, outcomes: run.outcomes,
                                           wording: Wording(language, vocabulary: corpus.vocabulary, factNaming: .labels),
                                           home: corpus.home.jurisdiction, provenance: provenance)
            return Reply.body(timeline.svg, type: "image/svg+xml; charset=utf-8")
        }
    }

    /// The case the query states, simulated in the jurisdictions it names (all when none).
    private func simulation(_ query: QueryParameters, _ language: Language) throws(SiteError) -> CaseRun {
        let stated = try CaseQuery(query: query, language: language).build(vocabulary: corpus.vocabulary, today: today())
        return try CaseRun(stated.facts, jurisdictions: stated.draft.jurisdictions, site: self, language: language)
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
