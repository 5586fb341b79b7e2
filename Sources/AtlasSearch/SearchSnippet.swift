/// A stretch of a text around the words that matched, as pieces marked matched or not, so that each output
/// marks them its own way (bold in Markdown, a list in JSON).
public struct SearchSnippet: Sendable, Equatable {
    public struct Piece: Sendable, Equatable {
        public var text: String
        public var matched: Bool
    }

    public var pieces: [Piece]

    /// Words shown before the first match and in all: enough to read a rule's sense on one line.
    static let wordsBefore = 8
    static let wordsInAll = 28

    /// The stretch of `text` around the first word starting with any of `prefixes` (folded), every such word in
    /// it marked; "…" where the text goes on.
    public init(text: String, prefixes: [String]) {
        let words = TextFolding.wordRanges(text)
        func isMatch(_ folded: String) -> Bool { prefixes.contains { !$0.isEmpty && folded.hasPrefix($0) } }
        let first = words.firstIndex { isMatch($0.folded) } ?? 0
        let from = max(0, first - Self.wordsBefore)
        let to = min(words.count, from + Self.wordsInAll)
        guard from < to else {
            pieces = [Piece(text: text, matched: false)]
            return
        }
        var pieces: [Piece] = []
        var cursor = from == 0 ? text.startIndex : words[from].range.lowerBound
        if from > 0 { pieces.append(Piece(text: "…", matched: false)) }
        for word in words[from..<to] where isMatch(word.folded) {
            if cursor < word.range.lowerBound { pieces.append(Piece(text: String(text[cursor..<word.range.lowerBound]), matched: false)) }
            pieces.append(Piece(text: String(text[word.range]), matched: true))
            cursor = word.range.upperBound
        }
        let end = to == words.count ? text.endIndex : words[to - 1].range.upperBound
        if cursor < end { pieces.append(Piece(text: String(text[cursor..<end]), matched: false)) }
        if to < words.count { pieces.append(Piece(text: " …", matched: false)) }
        self.pieces = pieces
    }

    /// The snippet as plain text.
    public var plain: String { pieces.map(\.text).joined() }

    /// The snippet with each matched word between `open` and `close` (`**` for Markdown).
    public func marked(_ open: String, _ close: String) -> String {
        pieces.map { $0.matched ? open + $0.text + close : $0.text }.joined()
    }

    /// The matched words as written.
    public var matches: [String] { pieces.filter(\.matched).map(\.text) }
}
