import Hummingbird

extension AtlasSite {
    /// `/static/atlas.css`: the stylesheet every page links to.
    func addStaticRoutes(to router: Router<BasicRequestContext>) {
        router.get(RouterPath(stringLiteral: Stylesheet.path)) { _, _ in
            var response = Reply.body(Stylesheet.text, type: "text/css; charset=utf-8")
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
    }
}
