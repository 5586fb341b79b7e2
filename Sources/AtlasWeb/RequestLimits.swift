/// How much a request may ask of the site: a page or an API call is a handful of short fields, so anything much
/// larger is refused before it is read into a case.
enum RequestLimits {
    /// Bytes of the query string (a full case with every fact stated takes under a kilobyte).
    static let queryBytes = 4_096
    /// Parameters in the query string.
    static let parameters = 64
    /// Bytes of an upload (a population file of tens of thousands of people); read in memory, never to disk, and
    /// refused as soon as the body passes this, whatever its Content-Length said.
    static let uploadBytes = 2 * 1_048_576
    /// The routes that take a request body, and only by POST: every other request with a body is refused.
    static let uploadPaths: Set<String> = ["/cohort", "/roster"]

    /// Whether `method` on `path` may send a body.
    static func takesBody(method: String, path: String) -> Bool {
        method == "POST" && uploadPaths.contains(path)
    }
}
