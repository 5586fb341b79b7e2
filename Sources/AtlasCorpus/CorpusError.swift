import SafeXML

/// A corpus that cannot be used: every problem found, each as `file:line:column: message`.
public struct CorpusError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [XMLDiagnostic]
    public init(_ diagnostics: [XMLDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension XMLElement {
    /// A diagnostic placed at this element's start tag.
    func diagnostic(_ message: String) -> XMLDiagnostic {
        XMLDiagnostic(file: file, line: line, column: column, message: message)
    }
}

extension XMLElement {
    /// The space-separated tokens of an attribute (an `xs:list`), empty when absent.
    func words(_ attribute: String) -> [String] {
        (self.attribute(attribute) ?? "").split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    }
}

/// `text` in double quotes for a message, cut to `limit` characters: a corpus value may be kilobytes long, and a
/// diagnostic is one readable line.
func quoted(_ text: String, limit: Int = 80) -> String {
    text.count <= limit ? "\"\(text)\"" : "\"\(text.prefix(limit))…\" (\(text.utf8.count) bytes)"
}
