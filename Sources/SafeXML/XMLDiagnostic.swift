/// One problem found while reading or validating an XML file, with the place it was found.
///
/// `description` is the conventional `file:line:column: message` form that editors and CI logs link to, always on
/// one line: a line break or other control character in the file name or message is written as an escape (`\\n`),
/// so that one diagnostic is one line whatever text it quotes.
public struct XMLDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(Self.escaped(file)):\(line):\(column): \(Self.escaped(message))" }

    /// `text` with every character that would break a one-line message (line and paragraph separators, other
    /// control characters) written as an escape.
    public static func escaped(_ text: String) -> String {
        func isBreaking(_ s: Unicode.Scalar) -> Bool {
            s.value < 0x20 || s.value == 0x7F || s.value == 0x85 || s.value == 0x2028 || s.value == 0x2029
        }
        guard text.unicodeScalars.contains(where: isBreaking) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isBreaking(s): out += "\\u{\(String(s.value, radix: 16))}"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }
}

/// A document that could not be read: not well-formed, hostile, or unreadable.
public struct XMLParseError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [XMLDiagnostic]
    public init(_ diagnostics: [XMLDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
