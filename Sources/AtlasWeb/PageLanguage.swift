import AtlasModel
import AtlasReport

/// The language a page or an API answer is in: the `lang` parameter (`kk`, `ru` or `en`), English without it.
enum PageLanguage {
    /// The query parameter that names the language.
    static let parameter = "lang"

    /// The language `query` asks for; a value that is not a language is refused, in English (no other is known).
    static func of(_ query: QueryParameters) throws(SiteError) -> Language {
        guard let code = query.first(parameter) else { return .en }
        guard let language = Language(rawValue: code) else {
            throw SiteError(kind: .badInput, message: WebPhrase.errorBadLanguage.text(.en, [
                "value": InputText.quoted(code),
                "languages": Language.allCases.map(\.rawValue).joined(separator: ", "),
            ]), field: parameter)
        }
        return language
    }

    /// The language of `query`, or English when it names none; for error pages, which must answer anyway.
    static func lenient(_ query: QueryParameters) -> Language {
        (try? of(query)) ?? .en
    }
}
