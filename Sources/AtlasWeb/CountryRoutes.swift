import AtlasModel
import AtlasReport
import Hummingbird

extension AtlasSite {
    /// `/`: the jurisdictions by legal family with their mechanisms and headline thresholds, as `parole countries`
    /// lists them, each linking to its regime page.
    func addCountryRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let page = HTMLPage(language: language, path: "/", query: query, provenance: provenance)
            return Reply.html(page.document(title: WebPhrase.pageCountries.text(language),
                                            body: countriesBody(language)))
        }
    }

    private func countriesBody(_ language: Language) -> String {
        let rows = CorpusOverview(corpus: corpus, asOf: nil, language: language).countryRows(family: nil)
        let header = CorpusOverview.countryHeader(language)
        let familyColumn = CorpusOverview.countryKeys.firstIndex(of: "legalFamily") ?? 2
        // Families in the order of their names in the page's language; rows keep the overview's order.
        let families = Dictionary(grouping: rows) { $0[familyColumn] }.sorted { $0.key < $1.key }
        return families.map { family, members in
            "<h2>" + HTMLText.escaped(family) + "</h2>\n"
                + HTMLPage.table(header: header, rows: members) { row in
                    "/jurisdictions/" + row[0] + "?lang=" + language.rawValue
                }
        }.joined()
    }
}
