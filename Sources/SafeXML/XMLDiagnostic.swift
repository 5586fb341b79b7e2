/// One problem found while reading or validating an XML file, with the place it was found.
///
/// `description` is the conventional `file:line:column: message` form that editors and CI logs link to.
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

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// A document that could not be read: not well-formed, hostile, or unreadable.
public struct XMLParseError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [XMLDiagnostic]
    public init(_ diagnostics: [XMLDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
