internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed, read-only XML document.
///
/// Parsing never touches the network, never loads a DTD and never expands entities. A document that declares a
/// `<!DOCTYPE …>` is refused outright: corpus documents never need one, and refusing it before its internal subset is
/// read means no entity (external or recursive) is ever declared, let alone fetched or expanded.
public final class XMLDocument {
    let pointer: UnsafeMutablePointer<xmlDoc>
    let source: SourceText
    /// The file name used in diagnostics (the path, or the name given for in-memory documents).
    public let name: String

    /// A 64-bit FNV-1a digest of the document's bytes: equal bytes, equal digest. It tells a changed document from
    /// an unchanged one; it is no defence against a document made to collide on purpose. Computed while parsing,
    /// on the parsing thread.
    public let contentDigest: UInt64

    private init(pointer: UnsafeMutablePointer<xmlDoc>, source: SourceText, name: String) {
        self.pointer = pointer
        self.source = source
        self.name = name
        contentDigest = ContentDigest.of(source.bytes)
    }

    deinit { xmlFreeDoc(pointer) }

    /// Reads and parses the file at `path`.
    public static func parse(file path: String) throws(XMLParseError) -> XMLDocument {
        guard let bytes = readFile(path) else {
            throw XMLParseError([XMLDiagnostic(file: path, line: 1, column: 1,
                                               message: "cannot read file (\(String(cString: strerror(errno))))")])
        }
        return try parse(bytes: bytes, name: path)
    }

    /// Parses a document held in memory; `name` is used in diagnostics.
    public static func parse(bytes: [UInt8], name: String) throws(XMLParseError) -> XMLDocument {
        _ = libxml2Ready
        guard let ctxt = xmlNewParserCtxt() else {
            throw XMLParseError([XMLDiagnostic(file: name, line: 1, column: 1, message: "out of memory")])
        }
        defer { xmlFreeParserCtxt(ctxt) }
        shim_installDoctypeGuard(ctxt)
        let source = SourceText(bytes: bytes)
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { chars in
                xmlCtxtReadMemory(ctxt, chars, Int32(buffer.count), name, nil, safeParseOptions)
            }
        }
        let doctypeLine = shim_doctypeLine(ctxt)
        if doctypeLine > 0 {
            if let doc { xmlFreeDoc(doc) }
            let line = Int(doctypeLine)
            throw XMLParseError([XMLDiagnostic(
                file: name, line: line, column: source.column(of: "<!DOCTYPE", onLine: line),
                message: "DOCTYPE declarations are not allowed (they can declare external or recursive entities); "
                    + "remove the <!DOCTYPE …> block")])
        }
        guard let doc, ctxt.pointee.wellFormed != 0 else {
            if let doc { xmlFreeDoc(doc) }
            if let last = xmlCtxtGetLastError(ctxt), last.pointee.code != 0 {
                throw XMLParseError([XMLDiagnostic(libxmlError: last, file: name, source: source)])
            }
            throw XMLParseError([XMLDiagnostic(file: name, line: 1, column: 1, message: "document is not well-formed")])
        }
        guard xmlDocGetRootElement(doc) != nil else {
            xmlFreeDoc(doc)
            throw XMLParseError([XMLDiagnostic(file: name, line: 1, column: 1, message: "document has no root element")])
        }
        return XMLDocument(pointer: doc, source: source, name: name)
    }

    /// The document element.
    public var root: XMLElement { XMLElement(document: self, node: xmlDocGetRootElement(pointer)!) }

    private static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n > 0 { result.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                if ferror(file) != 0 { return nil }
                break
            }
        }
        return result
    }
}
