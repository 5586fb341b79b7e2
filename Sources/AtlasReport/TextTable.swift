/// A plain-text table with columns padded to their widest cell (counted in characters, so Cyrillic aligns). A
/// cell wider than `maximumCellWidth` is wrapped onto further lines at spaces, so that no table is wider than its
/// columns' limits whatever the corpus holds; Markdown and CSV keep each cell whole.
struct TextTable {
    var header: [String]
    var rows: [[String]]
    /// Narrower limits for some columns (by position), so that a table of long labels still fits a terminal.
    var columnLimits: [Int: Int] = [:]

    /// The table with only the columns at `columns` (in that order), each keeping its width limit.
    func keeping(columns: [Int]) -> TextTable {
        TextTable(header: columns.map { header[$0] }, rows: rows.map { row in columns.map { row[$0] } },
                  columnLimits: Dictionary(uniqueKeysWithValues: columns.enumerated().compactMap { position, column in
                      columnLimits[column].map { (position, $0) }
                  }))
    }

    /// Characters of one cell on one line.
    static let maximumCellWidth = 72

    func rendered() -> String {
        let limits = fittedLimits(TextLayout.width)
        let wrapped = ([header] + rows).map { row in
            row.enumerated().map { Self.wrap($1, width: limits[$0]) }
        }
        let widths = header.indices.map { i in wrapped.map { $0[i].map(\.count).max() ?? 0 }.max() ?? 0 }
        func lines(_ cells: [[String]]) -> [String] {
            (0..<(cells.map(\.count).max() ?? 1)).map { n in
                zip(cells, widths).map { cell, width in
                    let text = n < cell.count ? cell[n] : ""
                    return text + String(repeating: " ", count: width - text.count)
                }
                .joined(separator: "  ").trimmedTrailing
            }
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return (lines(wrapped[0]) + [rule] + wrapped.dropFirst().flatMap(lines)).joined(separator: "\n")
    }

    /// Each column's width limit: its own limit (or `maximumCellWidth`), narrowed where the table would be wider
    /// than `width`. The column with the most room above its longest word gives way first, one character at a
    /// time, so that dates and short words stay whole and long labels wrap at spaces; a table that cannot fit
    /// without cutting words overflows rather than cutting them.
    func fittedLimits(_ width: Int?) -> [Int] {
        let own = header.indices.map { columnLimits[$0] ?? Self.maximumCellWidth }
        guard let width else { return own }
        let cells = [header] + rows
        var limits = header.indices.map { column in
            min(cells.map { $0.indices.contains(column) ? $0[column].count : 0 }.reduce(0, max), own[column])
        }
        let floors = header.indices.map { column in
            min(cells.map { row in
                row.indices.contains(column) ? Self.longestPiece(row[column]) : 0
            }.reduce(0, max), limits[column], Self.longestUnbrokenWord)
        }
        let separators = 2 * max(header.count - 1, 0)
        while limits.reduce(0, +) + separators > width {
            guard let roomiest = limits.indices.filter({ limits[$0] > floors[$0] })
                .max(by: { limits[$0] < limits[$1] }) else { break }
            limits[roomiest] -= 1
        }
        return limits
    }

    /// A word longer than this may be cut to fit a terminal (a long id or URL); shorter ones never are.
    static let longestUnbrokenWord = 24

    /// `text` in lines of at most `width` characters, broken at spaces, or after the `…` of a date range when the
    /// range alone is too wide (a longer word is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        // Each piece with whether a space comes before it: the halves of a range are joined without one.
        var pieces: [(text: Substring, spaced: Bool)] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let parts = word.count > width ? Self.breakablePieces(word) : [word]
            for (index, part) in parts.enumerated() { pieces.append((part, index == 0)) }
        }
        var lines: [String] = []
        var line = ""
        for (piece, spaced) in pieces {
            var word = piece
            while word.count > width {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            let joiner = spaced ? " " : ""
            if line.isEmpty {
                line = String(word)
            } else if line.count + joiner.count + word.count <= width {
                line += joiner + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// A word cut where a line may end inside it: after the `…` of a range, and after the hyphen of a compound
    /// word ("условно-" / "досрочное"), never inside a date.
    static func breakablePieces(_ word: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var start = word.startIndex
        var index = word.startIndex
        while index < word.endIndex {
            let next = word.index(after: index)
            let character = word[index]
            let breaksAfter = character == "…"
                || (character == "-" && index > word.startIndex && next < word.endIndex
                    && word[word.index(before: index)].isLetter && word[next].isLetter)
            if breaksAfter, next < word.endIndex {
                pieces.append(word[start..<next])
                start = next
            }
            index = next
        }
        pieces.append(word[start...])
        return pieces
    }

    /// The longest piece `wrap` keeps whole in `text`.
    static func longestPiece(_ text: String) -> Int {
        text.split(separator: " ").map { breakablePieces($0).map(\.count).max() ?? 0 }.max() ?? 0
    }

    func markdown() -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingPipes }.joined(separator: " | ") + " |"
        }
        return ([line(header), "|" + header.map { _ in "---|" }.joined()] + rows.map(line)).joined(separator: "\n")
    }
}

extension String {
    var trimmedTrailing: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
    var replacingPipes: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
