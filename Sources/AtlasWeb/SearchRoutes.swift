import AtlasModel
import AtlasReport
import AtlasSearch
import Hummingbird

extension AtlasSite {
    /// `/search?q=…[&kind=…][&jurisdiction=id]`: the full-text search of `parole search`, each hit linking to the
    /// page of its record, the matched words marked in the text.
    func addSearchRoutes(to router: PageRoutes) {
        router.get("/search") { request, _ in
            let query = try parameters(of: request)
            let language = try PageLanguage.of(query)
            let page = HTMLPage(language: language, path: "/search", query: query, provenance: provenance)
            let title = WebPhrase.navSearch.text(language)
            let form = searchForm(query, language)
            guard query.pairs.contains(where: { $0.name != PageLanguage.parameter && !$0.value.isEmpty }) else {
                return Reply.html(page.document(title: title, body: form))
            }
            do throws(SiteError) {
                return Reply.html(page.document(title: title, body: form + (try searchResults(query, language))))
            } catch {
                return Reply.html(page.document(title: title, body: HTMLPage.errorLine(error.message) + form),
                                  status: error.status)
            }
        }
    }

    /// The parameters of the search page.
    private enum SearchParameter {
        static let text = "q", kind = "kind", jurisdiction = "jurisdiction"
    }

    /// At most this many records are shown, as `parole search --limit` would.
    private static let searchLimit = 50

    private func searchForm(_ query: QueryParameters, _ language: Language) -> String {
        let kinds = SearchKind.allCases.map { ($0.rawValue, $0.name(in: language)) }
        return FormField.form("/search", language: language, fields:
            FormField.text(SearchParameter.text, label: WebPhrase.formQuery.text(language),
                           value: query.first(SearchParameter.text) ?? "")
            + FormField.select(SearchParameter.kind, label: WebPhrase.formKind.text(language),
                               groups: [(nil, [("", WebPhrase.formAny.text(language))] + kinds)],
                               chosen: query.all(SearchParameter.kind).filter { !$0.isEmpty }, multiple: false)
            + FormField.select(SearchParameter.jurisdiction, label: FindPhrase.columnJurisdiction.text(language),
                               groups: [(nil, [("", WebPhrase.formAny.text(language))] + jurisdictionOptions(language))],
                               chosen: query.all(SearchParameter.jurisdiction).filter { !$0.isEmpty }, multiple: false))
    }

    private func searchResults(_ query: QueryParameters, _ language: Language) throws(SiteError) -> String {
        let text = query.first(SearchParameter.text) ?? ""
        guard !TextFolding.words(text).isEmpty else {
            throw SiteError(kind: .badInput, message: WebPhrase.errorNoWords.text(language, [
                "field": WebPhrase.formQuery.text(language), "value": InputText.quoted(text)]), field: SearchParameter.text)
        }
        var kinds = Set<SearchKind>()
        for name in query.all(SearchParameter.kind) where !name.isEmpty {
            guard let kind = SearchKind(rawValue: name.lowercased()) else {
                throw invalid(SearchParameter.kind, label: WebPhrase.formKind.text(language), value: name, language)
            }
            kinds.insert(kind)
        }
        let place = try query.first(SearchParameter.jurisdiction).flatMap { id throws(SiteError) in
            id.isEmpty ? nil : try jurisdiction(id, language).id
        }
        // The index is built in memory from the loaded corpus and queried with folded words only: a failure would
        // be the program's, and the page then finds nothing rather than stopping the server.
        let hits = (try? searchIndex.index(of: corpus).search(SearchQuery(text: text, kinds: kinds, jurisdiction: place,
                                                                           limit: Self.searchLimit))) ?? []
        guard !hits.isEmpty else {
            return "<p>" + HTMLText.escaped(FindPhrase.none.text(language, ["query": InputText.quoted(text)])) + "</p>\n"
        }
        let esc = HTMLText.escaped
        let header = [FindPhrase.columnKind, .columnID, .columnJurisdiction, .columnLanguage, .columnText]
            .map { "<th scope=\"col\">" + esc($0.text(language)) + "</th>" }.joined()
        let rows = hits.map { hit -> String in
            let d = hit.document
            let snippet: String = hit.snippet.pieces.map { $0.matched ? "<mark>" + esc($0.text) + "</mark>" : esc($0.text) }
                .joined()
            let cells: [String] = [
                esc(d.kind.name(in: language)), linked(d.recordID, recordLink(d, language)),
                linked(d.jurisdiction ?? "", d.jurisdiction.flatMap { recordPage($0, language) }), esc(d.language), snippet,
            ]
            return "<tr>" + cells.map { "<td>" + $0 + "</td>" }.joined() + "</tr>\n"
        }.joined()
        return "<h2>" + esc(WebPhrase.pageSearchResults.text(language, [
            "count": String(hits.count), "query": InputText.quoted(text)])) + "</h2>\n"
            + "<table>\n<thead><tr>" + header + "</tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table>\n"
    }

    /// The page that shows a hit's record whole: the regime or instrument page, or for a reform the what-if
    /// page with the reform chosen (the command line points to `parole reforms`).
    private func recordLink(_ d: SearchDocument, _ language: Language) -> String? {
        if d.kind == .reform {
            return corpus.reform(d.recordID) != nil || corpus.reformPackage(d.recordID) != nil
                ? "/whatif?reform=" + d.recordID + "&lang=" + language.rawValue : nil
        }
        return recordPage(d.showID, language)
    }

    private func linked(_ text: String, _ href: String?) -> String {
        guard let href else { return HTMLText.escaped(text) }
        return "<a href=\"" + HTMLText.escaped(href) + "\">" + HTMLText.escaped(text) + "</a>"
    }

}
