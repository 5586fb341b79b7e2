import Foundation

/// The seed report as lines, for checking that a cited quotation really stands in the cited lines.
///
/// Both sides are normalised the same way: runs of whitespace (including line breaks) become one space, and a hyphen
/// that ends a line joins the next word ("3-\nбөлігі" reads "3-бөлігі"), since the text was wrapped for print. The
/// work is done on UTF-8 bytes: the seed is long and a corpus has about a thousand quotations.
struct SeedText: Sendable {
    let lines: [ArraySlice<UInt8>]

    init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        lines = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false)
    }

    /// Whether `quote` occurs in lines `first...last` (1-based, inclusive).
    func contains(_ quote: String, first: Int, last: Int) -> Bool {
        guard let haystack = normalisedText(first: first, last: last) else { return false }
        let needle = Self.normalise(Array(quote.utf8))
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let firstByte = needle[0]
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == firstByte, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// Lines `first...last` (1-based, inclusive) joined and normalised; `nil` when the range is not in the seed.
    func normalisedText(first: Int, last: Int) -> [UInt8]? {
        guard first >= 1, last <= lines.count, first <= last else { return nil }
        var text: [UInt8] = []
        for line in lines[(first - 1)..<last] {
            text.append(contentsOf: line)
            text.append(0x0A)
        }
        return Self.normalise(text)
    }

    static func normalise(_ bytes: [UInt8]) -> [UInt8] {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for b in bytes {
            if isSpace(b) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                // "x-" then a break: the hyphen joins the next word.
                let hyphenJoins = out.last == UInt8(ascii: "-") && out.count >= 2 && !isSpace(out[out.count - 2])
                if !hyphenJoins { out.append(0x20) }
                pendingSpace = false
            }
            out.append(b)
        }
        return out
    }
}
