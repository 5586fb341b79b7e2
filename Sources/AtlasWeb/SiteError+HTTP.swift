import AtlasModel
import AtlasReport
import Hummingbird

/// The edge: the only place where a `SiteError` becomes an HTTP status.
extension SiteError {
    var status: HTTPResponse.Status {
        switch kind {
        case .badInput: .badRequest
        case .notFound: .notFound
        case .tooLarge: .contentTooLarge
        case .tooSlow: .serviceUnavailable
        }
    }

    /// `{"error": {"message", "field"}, "provenance": {…}}`: the API's answer to a request it cannot answer.
    func json(provenance: Provenance) -> JSONValue {
        .object([
            ("error", .object([("message", .string(message)), ("field", .string(field))])),
            ("provenance", provenance.json),
        ])
    }
}

/// Responses with their content types.
enum Reply {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text, type: "text/html; charset=utf-8", status: status)
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        body(value.serialized(pretty: true) + "\n", type: "application/json; charset=utf-8", status: status)
    }

    /// A JSON document already serialized (the summary is written straight as bytes, like a batch line).
    static func jsonText(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text + "\n", type: "application/json; charset=utf-8", status: status)
    }

    static func body(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Turns a failure thrown by a route, or the router's own "no such route", into the site's answer: JSON under
/// `/api/`, an HTML page with the one-line message elsewhere, in the language the request asked for. Requests
/// over `RequestLimits` are refused here before any route reads them.
struct SiteEdge<Context: RequestContext>: RouterMiddleware {
    let provenance: Provenance

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let oversized = (request.uri.query?.utf8.count ?? 0) > RequestLimits.queryBytes
        // An oversized query is not read (its answer links to the page without it), so its language is not known.
        let query = oversized ? QueryParameters() : QueryParameters(query: request.uri.query)
        let language = PageLanguage.lenient(query)
        do {
            // Only the upload routes take a body (bounded as they read it); any other request with one is refused
            // before anything reads it.
            let bodyLength = request.headers[.contentLength].flatMap(Int.init) ?? 0
            let takesBody = RequestLimits.takesBody(method: request.method.rawValue, path: request.uri.path)
            if takesBody, bodyLength > RequestLimits.uploadBytes { throw SiteError.uploadTooLarge(language) }
            if oversized || (bodyLength > 0 && !takesBody) { throw SiteError.tooLarge(language) }
            return try await next(request, context)
        } catch let error as SiteError {
            return answer(error, request: request, query: query, language: language)
        } catch let error as HTTPError where error.status == .notFound {
            return answer(.notFound(language), request: request, query: query, language: language)
        }
    }

    private func answer(_ error: SiteError, request: Request, query: QueryParameters, language: Language) -> Response {
        if request.uri.path.hasPrefix("/api/") { return Reply.json(error.json(provenance: provenance), status: error.status) }
        let page = HTMLPage(language: language, path: request.uri.path, query: query, provenance: provenance)
        return Reply.html(page.document(title: WebPhrase.errorHeading.text(language),
                                        body: HTMLPage.errorLine(error.message)), status: error.status)
    }
}
