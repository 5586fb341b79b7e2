internal import SafeXML

/// A corpus that cannot be used: every problem found, each as `file:line:column: message`.
public struct CorpusError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [CorpusDiagnostic]
    public init(_ diagnostics: [CorpusDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
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
