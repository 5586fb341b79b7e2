internal import CLibXML2

/// A compiled W3C XML Schema. Compile once, validate many documents.
public final class XMLSchema {
    private let schema: xmlSchemaPtr
    /// The path the schema was compiled from.
    public let path: String

    /// Compiles the schema at `path`; `xs:include`/`xs:import` resolve relative to it and never over the network.
    public init(file path: String) throws(XMLParseError) {
        _ = libxml2Ready
        self.path = path
        guard let parserCtxt = xmlSchemaNewParserCtxt(path) else {
            throw XMLParseError([XMLDiagnostic(file: path, line: 1, column: 1, message: "cannot create schema parser")])
        }
        defer { xmlSchemaFreeParserCtxt(parserCtxt) }
        let sink = DiagnosticSink(file: path, source: nil)
        let box = Unmanaged.passUnretained(sink).toOpaque()
        xmlSchemaSetParserStructuredErrors(parserCtxt, collectStructuredError, box)
        guard let compiled = xmlSchemaParse(parserCtxt) else {
            throw XMLParseError(sink.diagnostics.isEmpty
                ? [XMLDiagnostic(file: path, line: 1, column: 1, message: "schema does not compile")]
                : sink.diagnostics)
        }
        schema = compiled
    }

    deinit { xmlSchemaFree(schema) }

    /// Validates `document` and returns every violation found (empty when valid), each with file, line and column.
    public func validate(_ document: XMLDocument) -> [XMLDiagnostic] {
        guard let ctxt = xmlSchemaNewValidCtxt(schema) else {
            return [XMLDiagnostic(file: document.name, line: 1, column: 1, message: "cannot create validation context")]
        }
        defer { xmlSchemaFreeValidCtxt(ctxt) }
        let sink = DiagnosticSink(file: document.name, source: document.source)
        let box = Unmanaged.passUnretained(sink).toOpaque()
        xmlSchemaSetValidStructuredErrors(ctxt, collectStructuredError, box)
        let rc = withExtendedLifetime(sink) { xmlSchemaValidateDoc(ctxt, document.pointer) }
        if rc != 0 && sink.diagnostics.isEmpty {
            return [XMLDiagnostic(file: document.name, line: 1, column: 1, message: "document is not valid (code \(rc))")]
        }
        return sink.diagnostics
    }
}

/// Collects libxml2's structured errors during one schema compilation or validation.
final class DiagnosticSink {
    let file: String
    let source: SourceText?
    var diagnostics: [XMLDiagnostic] = []
    init(file: String, source: SourceText?) {
        self.file = file
        self.source = source
    }
}

private func collectStructuredError(_ userData: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let userData, let error else { return }
    let sink = Unmanaged<DiagnosticSink>.fromOpaque(userData).takeUnretainedValue()
    sink.diagnostics.append(XMLDiagnostic(libxmlError: error, file: sink.file, source: sink.source))
}
