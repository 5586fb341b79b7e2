import AtlasModel
import AtlasReport
import Hummingbird

extension AtlasSite {
    /// `/jurisdictions/{id}`: a jurisdiction's regime as `parole show` writes it, every rule with its citations.
    func addRegimeRoutes(to router: Router<BasicRequestContext>) {
        router.get("/jurisdictions/:id") { request, context in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let id = context.parameters.get("id") ?? ""
            let found = try jurisdiction(id, language)
            let page = HTMLPage(language: language, path: "/jurisdictions/" + found.id, query: query,
                                provenance: provenance)
            let regime = RegimeText.render(found, vocabulary: corpus.vocabulary, asOf: nil, language: language)
            let conformanceLink = "/api/v1/conformance/" + found.id + "?lang=" + language.rawValue
            let body = HTMLPage.preformatted(regime) + "<p><a href=\"" + HTMLText.escaped(conformanceLink) + "\">"
                + HTMLText.escaped(WebPhrase.pageRegimeJSON.text(language, ["format": "JSON"])) + "</a></p>\n"
            let title = found.names.text(in: language) ?? found.id
            return Reply.html(page.document(title: title, body: body))
        }
    }
}
