/// How a table is laid on a page: the share of the width each column gets, and whether the page turns landscape.
///
/// A column's width follows its longest line of text (header included), bounded so that a short column stays
/// readable and a long one wraps instead of pushing the others off the page. The page turns landscape when the
/// table has more than six columns or its columns' natural widths add up to more than a portrait line holds
/// (about 100 characters at the document's size): the rule is about what fits, not about the command.
struct PageLayout {
    let table: ExportTable

    /// Characters a column never goes under or over when widths are weighed.
    static let narrowest = 4, widest = 40
    /// Characters a portrait A4 line holds at 9 pt, and the most columns a portrait page shows well.
    static let portraitCharacters = 100, portraitColumns = 6

    /// Each column's natural width in characters: its longest line, within `narrowest...widest`.
    var characterWidths: [Int] {
        table.columns.indices.map { index in
            let texts = [table.columns[index].header] + table.rows.map { table.cell($0, index).text }
            let longest = texts.flatMap { $0.split(whereSeparator: \.isNewline) }.map(\.count).max() ?? 0
            return min(Self.widest, max(Self.narrowest, longest))
        }
    }

    var landscape: Bool {
        table.columns.count > Self.portraitColumns || characterWidths.reduce(0, +) > Self.portraitCharacters
    }

    /// The widths in twentieths of a point (twips) sharing `total`, in proportion to `characterWidths`; the last
    /// column takes what rounding leaves so that the columns fill the line exactly.
    func twips(sharing total: Int) -> [Int] {
        let weights = characterWidths
        let sum = max(1, weights.reduce(0, +))
        var widths = weights.map { $0 * total / sum }
        if !widths.isEmpty { widths[widths.count - 1] += total - widths.reduce(0, +) }
        return widths
    }
}
