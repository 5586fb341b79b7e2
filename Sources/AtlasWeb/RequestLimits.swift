/// How much a request may ask of the site: a page or an API call is a handful of short fields, so anything much
/// larger is refused before it is read into a case.
enum RequestLimits {
    /// Bytes of the query string (a full case with every fact stated takes under a kilobyte).
    static let queryBytes = 4_096
    /// Parameters in the query string.
    static let parameters = 64
}
