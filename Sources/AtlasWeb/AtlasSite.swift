import AtlasEngine
import AtlasModel
import AtlasReport
import Foundation
import Hummingbird

/// The read-only web site and JSON API over one corpus, loaded and checked once by the caller: pages in kk, ru and
/// en, and `/api/v1/…` answering with the command line's JSON documents. Routes parse the request, call the
/// library and render; the law and its wording stay in AtlasEngine and AtlasReport.
public struct AtlasSite: Sendable {
    let corpus: Corpus
    let simulator: Simulator
    let conformance: ConformanceEvaluator
    let provenance: Provenance
    /// The full-text index of `parole search`, built on the first search.
    let searchIndex = SearchIndexCache()
    /// The default as-of date of a case, read per request: the library never asks for the current date.
    let today: @Sendable () -> CalendarDate

    /// A site over `corpus`; `today` gives the as-of date of a case that states none (UTC today by default).
    public init(corpus: Corpus, today: @escaping @Sendable () -> CalendarDate = AtlasSite.utcToday) {
        self.corpus = corpus
        simulator = Simulator(corpus: corpus)
        conformance = ConformanceEvaluator(corpus: corpus)
        provenance = Provenance(corpus: corpus)
        self.today = today
    }

    /// Today in UTC.
    @Sendable public static func utcToday() -> CalendarDate {
        CalendarDate(dayNumber: Int(Date().timeIntervalSince1970 / 86_400))
    }

    /// Every route, behind the edge that maps failures to HTTP and adds the security headers; usable in tests
    /// without binding a port (`Application(router:).test(.router)`).
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.middlewares.add(SecurityHeaders<BasicRequestContext>())
        router.middlewares.add(SiteEdge<BasicRequestContext>(provenance: provenance))
        addStaticRoutes(to: router)
        let pages = PageRoutes(router: router, site: self)
        addCountryRoutes(to: pages)
        addRegimeRoutes(to: pages)
        addSimulateRoutes(to: pages)
        addWhatIfRoutes(to: pages)
        addCompareRoutes(to: pages)
        addSearchRoutes(to: pages)
        addStatsRoutes(to: pages)
        addAnnexRoutes(to: pages)
        addPopulationRoutes(to: pages)
        addAPIRoutes(to: router)
        return router
    }

    /// Serves the site on `host`:`port` until the process is told to stop (SIGINT or SIGTERM).
    public func serve(host: String, port: Int) async throws {
        let application = Application(router: router(), server: .http1(configuration: .init(idleTimeout: .seconds(RequestLimits.idleSeconds))), configuration: .init(address: .hostname(host, port: port)))
        try await application.runService()
    }

    /// The parameters of `request`, refused when over `RequestLimits`.
    func parameters(of request: Request) throws(SiteError) -> QueryParameters {
        let query = QueryParameters(query: request.uri.query)
        guard (request.uri.query?.utf8.count ?? 0) <= RequestLimits.queryBytes,
              query.pairs.count <= RequestLimits.parameters
        else { throw SiteError.tooLarge(PageLanguage.lenient(query)) }
        return query
    }

    /// The jurisdiction with `id` (any case), or a not-found error naming it.
    func jurisdiction(_ id: String, _ language: Language) throws(SiteError) -> Jurisdiction {
        guard let found = corpus.jurisdiction(id.lowercased()) else {
            throw SiteError.unknownId(id, language, known: corpus.jurisdictions.map(\.id) + corpus.instruments.map(\.id))
        }
        return found
    }
}
