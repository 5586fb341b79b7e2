import AtlasModel
import AtlasReport
import Hummingbird

extension AtlasSite {
    /// `/jurisdictions/{id}[?as-of=YYYY-MM-DD]`: a jurisdiction's regime as `parole show` writes it, every rule
    /// with its citations; an international instrument's provisions and checks under the same address, as
    /// `parole show` takes either id.
    func addRegimeRoutes(to router: Router<BasicRequestContext>) {
        router.get("/jurisdictions/:id") { request, context in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let id = (context.parameters.get("id") ?? "").lowercased()
            let asOf = try lawDate(query, language)
            let page = HTMLPage(language: language, path: "/jurisdictions/" + id, query: query, provenance: provenance)
            if corpus.jurisdiction(id) == nil, let instrument = corpus.instrument(id) {
                let text = InstrumentText.render(instrument, cases: corpus.cases, vocabulary: corpus.vocabulary,
                                                 language: language)
                return Reply.html(page.document(title: instrument.names.text(in: language) ?? instrument.id,
                                                body: HTMLPage.preformatted(text)))
            }
            let found = try jurisdiction(id, language)
            let regime = RegimeText.render(found, vocabulary: corpus.vocabulary, asOf: asOf, language: language)
            let conformanceLink = "/api/v1/conformance/" + found.id + "?lang=" + language.rawValue
            let body = HTMLPage.preformatted(regime) + "<p><a href=\"" + HTMLText.escaped(conformanceLink) + "\">"
                + HTMLText.escaped(WebPhrase.pageRegimeJSON.text(language, ["format": "JSON"])) + "</a></p>\n"
            return Reply.html(page.document(title: found.names.text(in: language) ?? found.id, body: body))
        }
    }

    /// The `as-of` parameter: the law in force on that date, as `parole show --as-of`; all versions without it.
    private func lawDate(_ query: QueryParameters, _ language: Language) throws(SiteError) -> CalendarDate? {
        guard let text = query.first("as-of"), !text.isEmpty else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw CaseQuery(query: query, language: language).problem(.errorNotADate, "as-of", text)
        }
        return date
    }
}
