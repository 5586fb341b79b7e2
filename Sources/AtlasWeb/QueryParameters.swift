import Foundation

/// The parameters of a query string, in order, decoded as a browser's GET form encodes them (`+` for a space,
/// `%XX` escapes). Hummingbird's own reading leaves keys encoded and `+` as is, which a form's values would not
/// survive.
struct QueryParameters: Sendable {
    private(set) var pairs: [(name: String, value: String)]

    init(pairs: [(name: String, value: String)] = []) { self.pairs = pairs }

    /// Reads `query` (the part after `?`, or nil).
    init(query: String?) {
        pairs = (query ?? "").split(separator: "&", omittingEmptySubsequences: true).map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decoded(parts[0]), parts.count > 1 ? Self.decoded(parts[1]) : "")
        }
    }

    private static func decoded(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The first value of `name`, if given.
    func first(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// The same parameters with `name` set to `value` alone (the language switch's links).
    func replacing(_ name: String, with value: String) -> QueryParameters {
        QueryParameters(pairs: pairs.filter { $0.name != name } + [(name, value)])
    }

    /// The same parameters and `name`=`value` after them (a field of a posted form).
    func appending(_ name: String, _ value: String) -> QueryParameters {
        QueryParameters(pairs: pairs + [(name, value)])
    }

    /// `a=1&b=x%20y`, for a link back to the same state.
    var encoded: String {
        pairs.map { Self.encoded($0.name) + "=" + Self.encoded($0.value) }.joined(separator: "&")
    }

    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
