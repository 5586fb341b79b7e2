/// A plain-text table with columns padded to their widest cell (counted in characters, so Cyrillic aligns). A
/// cell wider than `maximumCellWidth` is wrapped onto further lines at spaces, so that no table is wider than its
/// columns' limits whatever the corpus holds; Markdown and CSV keep each cell whole.
struct TextTable {
    var header: [String]
    var rows: [[String]]
    /// Narrower limits for some columns (by position), so that a table of long labels still fits a terminal.
    var columnLimits: [Int: Int] = [:]

    /// Characters of one cell on one line.
    static let maximumCellWidth = 72

    func rendered() -> String {
        let wrapped = ([header] + rows).map { row in
            row.enumerated().map { Self.wrap($1, width: columnLimits[$0] ?? Self.maximumCellWidth) }
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

    /// `text` in lines of at most `width` characters, broken at spaces (a longer word is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = Substring(word)
            while word.count > width {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
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
