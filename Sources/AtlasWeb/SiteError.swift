import AtlasModel
import AtlasReport

/// Why the site cannot answer a request, with a one-line message already in the language of the page. It knows
/// nothing of HTTP: `SiteError+HTTP.swift` maps it to a status at the edge, as Hummingbird's own examples do.
struct SiteError: Error, Sendable {
    enum Kind: Sendable {
        /// A value the case or the page cannot use (a malformed date, an unknown parameter, an unknown language).
        case badInput
        /// An id or a page that does not exist.
        case notFound
        /// A request over the site's limits (`RequestLimits`).
        case tooLarge
        /// An answer not computed within `RequestLimits.answerTime`.
        case tooSlow
    }

    var kind: Kind
    /// One line, in the page's language.
    var message: String
    /// The query parameter at fault, when there is one.
    var field: String?

    static func notFound(_ language: Language) -> SiteError {
        SiteError(kind: .notFound, message: WebPhrase.errorNotFound.text(language))
    }

    /// An id that names nothing; `known` are the ids it may be a typo of.
    static func unknownId(_ id: String, _ language: Language, known: [String] = []) -> SiteError {
        let message = WebPhrase.errorUnknownId.text(language, ["value": InputText.quoted(id)])
        guard let nearest = Suggestion.nearest(to: id, among: known) else {
            return SiteError(kind: .notFound, message: message)
        }
        return SiteError(kind: .notFound, message: WebPhrase.errorDidYouMean.text(language, [
            "message": message, "value": nearest]))
    }

    static func tooLarge(_ language: Language) -> SiteError {
        SiteError(kind: .tooLarge, message: WebPhrase.errorTooLarge.text(language))
    }

    /// An upload over `RequestLimits.uploadBytes`, said with the limit the page states.
    static func uploadTooLarge(_ language: Language) -> SiteError {
        SiteError(kind: .tooLarge, message: WebPhrase.errorUploadTooLarge.text(language, [
            "megabytes": String(RequestLimits.uploadBytes / 1_048_576)]), field: Upload.fileField)
    }

    static func tooSlow(_ language: Language, after limit: Duration) -> SiteError {
        SiteError(kind: .tooSlow, message: WebPhrase.errorTooSlow.text(language, [
            "seconds": String(limit.components.seconds), "hint": "jurisdiction=…, detail=summary"]))
    }
}
