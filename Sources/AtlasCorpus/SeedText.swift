import Foundation

/// The seed report as lines, for checking that a cited quotation really stands in the cited lines.
///
/// Both sides are normalised the same way: runs of whitespace (including line breaks) become one space, and a hyphen
/// that ends a line joins the next word ("3-\nбөлігі" reads "3-бөлігі"), since the text was wrapped for print.
struct SeedText: Sendable {
    let lines: [String]

    init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0) }
    }

    /// Whether `quote` occurs in lines `first...last` (1-based, inclusive).
    func contains(_ quote: String, first: Int, last: Int) -> Bool {
        guard first >= 1, last <= lines.count, first <= last else { return false }
        let text = Self.normalise(lines[(first - 1)..<last].joined(separator: "\n"))
        return text.contains(Self.normalise(quote))
    }

    static func normalise(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in s {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                // "x-" then a break: the hyphen joins the next word.
                let hyphenJoins = out.last == "-" && out.dropLast().last.map { !$0.isWhitespace } == true
                if !hyphenJoins { out.append(" ") }
                pendingSpace = false
            }
            out.append(ch)
        }
        return out
    }
}
