/// How wide human-readable text may be: the width of the terminal the output goes to, or of `--width`.
///
/// The command line decides the width once, for the whole command, and every table and paragraph rendered while
/// it runs fits it. A task-local value rather than a parameter, because the width is a property of where the
/// output goes, not of what is rendered: threading it through every renderer would change every signature for one
/// presentation concern. `nil` (output to a file or a pipe) keeps every line whole, so that files and tests see
/// the same text on every machine.
public enum TextLayout {
    /// Characters per line; `nil` for no limit.
    @TaskLocal public static var width: Int?

    /// The narrowest a wrapped table column becomes before the table is allowed to overflow.
    static let narrowestColumn = 8

    /// `text` with every line longer than the width broken at spaces. A continuation line is indented under the
    /// text of its line, past any leading spaces and bullet (`•`, `-`, `*`), so lists stay readable. Lines of a
    /// table are already narrow enough and are left alone.
    public static func wrapped(_ text: String) -> String {
        guard let width else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > width else { return String(line) }
            let indent = hangingIndent(of: line)
            guard width - indent >= narrowestColumn * 2 else { return String(line) }
            let body = line.dropFirst(indent)
            let pieces = TextTable.wrap(String(body), width: width - indent)
            let lead = String(line.prefix(indent))
            let pad = String(repeating: " ", count: indent)
            return pieces.enumerated().map { ($0 == 0 ? lead : pad) + $1 }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Leading spaces plus a bullet and its space, counted in characters.
    static func hangingIndent(of line: Substring) -> Int {
        let spaces = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(spaces)
        for bullet in ["• ", "- ", "* "] where rest.hasPrefix(bullet) { return spaces + bullet.count }
        return spaces
    }
}
