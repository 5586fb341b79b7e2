/// How much a request may ask of the site: a page or an API call is a handful of short fields, so anything much
/// larger is refused before it is read into a case, and an answer that takes far longer than any should is
/// abandoned.
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
    /// Time to compute one API answer (the full simulation in every jurisdiction takes milliseconds; only an
    /// overloaded server comes near this): past it the caller gets a 503 with the error document.
    static let answerTime: Duration = .seconds(10)
    /// Time a connection may stay without reading or writing before the server closes it (a client that opens a
    /// connection and sends nothing, or stops half-way through its request).
    static let idleSeconds: Int64 = 30
}
