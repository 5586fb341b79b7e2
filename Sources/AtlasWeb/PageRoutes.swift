import AtlasModel
import Hummingbird

/// The pages' side of the router: every page's answer is computed within `RequestLimits.answerTime`, on a thread of
/// its own (`TimeLimit`), as the API's are; a page that takes longer is a 503 with one line in the page's language.
/// Page routes are registered here, never on the router itself, so that no page escapes the limit.
struct PageRoutes {
    let router: Router<BasicRequestContext>
    private let answering: TimedPage

    init(router: Router<BasicRequestContext>, site: AtlasSite) {
        self.router = router
        answering = TimedPage(site: site)
    }

    /// A `GET` page: `body` reads the request and renders, within the time limit.
    func get(_ path: RouterPath, _ body: @escaping @Sendable (Request, BasicRequestContext) throws -> Response) {
        let answering = answering
        router.get(path) { request, context in
            try await answering.run(request) { try body(request, context) }
        }
    }

    /// A `POST` page whose body is read first (`read`, which may wait for the client: the idle timeout bounds
    /// that), then answered within the time limit.
    func post<Body: Sendable>(_ path: RouterPath, read: @escaping @Sendable (Request) async throws -> Body,
                              _ answer: @escaping @Sendable (Body) throws -> Response) {
        let answering = answering
        router.post(path) { request, _ in
            let body = try await read(request)
            return try await answering.run(request) { try answer(body) }
        }
    }
}

/// What a page's handler runs in: the time limit, and the language its late answer is worded in.
private struct TimedPage: Sendable {
    let site: AtlasSite
    let limit = TimeLimit(duration: RequestLimits.answerTime)

    func run(_ request: Request, _ work: @escaping @Sendable () throws -> Response) async throws -> Response {
        let language = PageLanguage.lenient((try? site.parameters(of: request)) ?? QueryParameters())
        return try await limit.run(work, late: { SiteError.tooSlow(language, after: RequestLimits.answerTime) })
    }
}
