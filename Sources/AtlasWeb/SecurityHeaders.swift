import Hummingbird

/// The headers every response carries, errors included: a Content-Security-Policy that allows this site's own
/// files and nothing inline (the stylesheet is a file), no framing, no MIME sniffing, no referrer sent elsewhere.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var fields: HTTPFields {
        [
            .contentSecurityPolicy: "default-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
                + "base-uri 'none'; frame-ancestors 'none'",
            .xContentTypeOptions: "nosniff",
            frameOptions: "DENY",
            referrerPolicy: "no-referrer",
        ]
    }

    // Names HTTPTypes does not declare (`HTTPFields.Element` is HTTPTypes' `HTTPField`, not exported by Hummingbird).
    static var frameOptions: HTTPFields.Element.Name { HTTPFields.Element.Name("X-Frame-Options")! }
    static var referrerPolicy: HTTPFields.Element.Name { HTTPFields.Element.Name("Referrer-Policy")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            // An error the site does not answer itself (a method the route does not take): Hummingbird's own
            // response, with the same headers.
            response = try error.response(from: request, context: context)
        }
        for field in Self.fields { response.headers[field.name] = field.value }
        return response
    }
}
