internal import CLibXML2

/// libxml2's global set-up, done once per process before any other call.
///
/// The external-entity loader is replaced by libxml2's own no-network loader, so that nothing reached through
/// the parser or the schema compiler (an `xs:include`, an `xs:import`) can ever open a socket.
let libxml2Ready: Void = {
    xmlInitParser()
    xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
}()

/// Parser options used for every document: no network, no entity substitution, no DTD loading or defaulting,
/// no built-in size limits lifted, and errors collected instead of printed.
let safeParseOptions: Int32 = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue
)

extension String {
    /// Copies a libxml2 string; `nil` stays `nil`.
    init?(xmlChars: UnsafePointer<xmlChar>?) {
        guard let xmlChars else { return nil }
        self = String(cString: UnsafeRawPointer(xmlChars).assumingMemoryBound(to: CChar.self))
    }
}

extension XMLDiagnostic {
    /// Builds a diagnostic from a libxml2 error record, falling back to `file` when libxml2 does not name one.
    init(libxmlError error: UnsafePointer<xmlError>, file: String, source: SourceText?) {
        let e = error.pointee
        let message = Self.oneLine(e.message.map { String(cString: $0) } ?? "unknown libxml2 error")
        let line = Int(e.line)
        var column = Int(e.int2)
        if column <= 0, let node = e.node, let source {
            // Schema errors carry a node but no column: find the element's start tag on its line.
            let nodePtr = node.assumingMemoryBound(to: xmlNode.self)
            if let name = String(xmlChars: nodePtr.pointee.name) {
                column = source.column(ofTag: name, onLine: line)
            }
        }
        self.init(file: e.file.map { String(cString: $0) } ?? file, line: max(line, 1), column: max(column, 1),
                  message: message)
    }

    /// libxml2's message on one line, with the fix for the one message that does not suggest it: some messages
    /// continue on a second line ("Input is not proper UTF-8, indicate encoding !" then "Bytes: 0xC3 0x28 …").
    static func oneLine(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingSpaces }
            .filter { !$0.isEmpty }
        if let first = lines.first, first.hasPrefix("Input is not proper UTF-8") {
            let bytes = lines.dropFirst().first { $0.hasPrefix("Bytes:") }.map { " (" + $0.lowercasedFirst + ")" } ?? ""
            return "invalid UTF-8\(bytes); a corpus document is UTF-8 text: re-save it as UTF-8, or name its encoding "
                + "in the <?xml … encoding=\"…\"?> declaration"
        }
        return lines.joined(separator: "; ")
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

extension String {
    fileprivate var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
