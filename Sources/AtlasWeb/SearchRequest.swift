import AtlasModel
import AtlasReport
import AtlasSearch

/// `/api/v1/search?q=…&kind=…&jurisdiction=…&limit=…&text-lang=…`, read as `parole search` reads its flags,
/// each problem a one-line message in the page's language naming the parameter.
struct SearchRequest {
    let query: SearchQuery

    init(query parameters: QueryParameters, language: Language, site: AtlasSite) throws(SiteError) {
        let text = parameters.first("q") ?? ""
        guard !TextFolding.words(text).isEmpty else {
            throw SiteError(kind: .badInput, message: WebPhrase.errorNoWords.text(language, [
                "field": "q", "value": InputText.quoted(text)]), field: "q")
        }
        var kinds: Set<SearchKind> = []
        for name in parameters.all("kind") where !name.isEmpty {
            guard let kind = SearchKind(rawValue: name) else {
                throw Self.notOneOf("kind", name, SearchKind.allCases.map(\.rawValue), language)
            }
            kinds.insert(kind)
        }
        let place = try parameters.first("jurisdiction").flatMap { $0.isEmpty ? nil : $0 }
            .map { id throws(SiteError) in try site.jurisdiction(id, language).id }
        var limit = 20
        if let written = parameters.first("limit"), !written.isEmpty {
            guard let number = Int(written) else {
                throw SiteError(kind: .badInput, message: WebPhrase.errorNotANumber.text(language, [
                    "field": "limit", "value": InputText.quoted(written)]), field: "limit")
            }
            guard SearchQuery.limits.contains(number) else {
                throw SiteError(kind: .badInput, message: WebPhrase.errorOutOfRange.text(language, [
                    "field": "limit", "value": InputText.quoted(written),
                    "range": "\(SearchQuery.limits.lowerBound)–\(SearchQuery.limits.upperBound)"]), field: "limit")
            }
            limit = number
        }
        var textLanguage: String?
        if let code = parameters.first("text-lang"), !code.isEmpty {
            guard Language(code: code) != nil else {
                throw Self.notOneOf("text-lang", code, Language.allCases.map(\.rawValue), language)
            }
            textLanguage = Language(code: code)?.rawValue
        }
        query = SearchQuery(text: text, kinds: kinds, jurisdiction: place, limit: limit, language: textLanguage)
    }

    private static func notOneOf(_ field: String, _ value: String, _ choices: [String], _ language: Language) -> SiteError {
        SiteError(kind: .badInput, message: WebPhrase.errorNotOneOf.text(language, [
            "field": field, "value": InputText.quoted(value), "choices": choices.joined(separator: ", ")]), field: field)
    }
}
