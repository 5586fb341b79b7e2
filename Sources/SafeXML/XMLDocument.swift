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
/// read means no entity (external or recursive) is ever declared, let alone fetched or expanded. A document larger
/// than its `XMLLimits`, or with a text node or attribute value larger than them, is refused too, and a file is
/// measured before it is read.
public final class XMLDocument {
    let pointer: UnsafeMutablePointer<xmlDoc>
    let source: SourceText
    /// The file name used in diagnostics (the path, or the name given for in-memory documents).
    public let name: String

    private init(pointer: UnsafeMutablePointer<xmlDoc>, source: SourceText, name: String) {
        self.pointer = pointer
        self.source = source
        self.name = name
    }

    deinit { xmlFreeDoc(pointer) }

    /// The exact bytes the document was parsed from (for digests: equal bytes, equal document).
    public var bytes: [UInt8] { source.bytes }

    /// Reads and parses the file at `path`; a file larger than `limits.documentBytes`, or not a regular file, is
    /// refused without being read.
    public static func parse(file path: String, limits: XMLLimits = .standard) throws(XMLParseError) -> XMLDocument {
        try parse(bytes: readFile(path, limit: limits.documentBytes), name: path, limits: limits)
    }

    /// Parses a document held in memory; `name` is used in diagnostics.
    public static func parse(bytes: [UInt8], name: String, limits: XMLLimits = .standard)
        throws(XMLParseError) -> XMLDocument
    {
        _ = libxml2Ready
        func refuse(_ line: Int, _ column: Int, _ message: String) -> XMLParseError {
            XMLParseError([XMLDiagnostic(file: name, line: line, column: column, message: message)])
        }
        if bytes.count > limits.documentBytes || bytes.count > Int(Int32.max) {
            throw refuse(1, 1, "document is \(XMLLimits.describe(bytes.count)), over the limit of "
                + "\(XMLLimits.describe(limits.documentBytes)) for one document; split it into smaller documents")
        }
        if bytes.isEmpty { throw refuse(1, 1, "document is empty; a document needs a root element") }
        let source = SourceText(bytes: bytes)
        // libxml2 takes a NUL byte for the end of the input and reports "Premature end of data" somewhere after it.
        // UTF-16 (which must start with a byte-order mark) is the one encoding in which NUL bytes are text.
        let utf16 = bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE))
        if !utf16, let nul = bytes.firstIndex(of: 0) {
            let (line, column) = source.position(ofByte: nul)
            throw refuse(line, column, "NUL byte (0x00) in the document; a corpus document is text and cannot contain "
                + "one: remove it, or re-save the file as UTF-8 text")
        }
        guard let ctxt = xmlNewParserCtxt() else { throw refuse(1, 1, "out of memory") }
        defer { xmlFreeParserCtxt(ctxt) }
        shim_installDoctypeGuard(ctxt)
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(chars.count), name, nil, safeParseOptions)
            }
        }
        let doctypeLine = shim_doctypeLine(ctxt)
        if doctypeLine > 0 {
            if let doc { xmlFreeDoc(doc) }
            let line = Int(doctypeLine)
            throw refuse(line, source.column(of: "<!DOCTYPE", onLine: line),
                         "DOCTYPE declarations are not allowed (they can declare external or recursive entities); "
                             + "remove the <!DOCTYPE …> block")
        }
        guard let doc, ctxt.pointee.wellFormed != 0 else {
            if let doc { xmlFreeDoc(doc) }
            if let last = xmlCtxtGetLastError(ctxt), last.pointee.code != 0 {
                throw XMLParseError([XMLDiagnostic(libxmlError: last, file: name, source: source)])
            }
            throw refuse(1, 1, "document is not well-formed")
        }
        guard xmlDocGetRootElement(doc) != nil else {
            xmlFreeDoc(doc)
            throw refuse(1, 1, "document has no root element")
        }
        let document = XMLDocument(pointer: doc, source: source, name: name)
        let oversize = document.oversizeContent(limits)
        if !oversize.isEmpty { throw XMLParseError(oversize) }
        return document
    }

    /// The document element.
    public var root: XMLElement { XMLElement(document: self, node: xmlDocGetRootElement(pointer)!) }

    /// Every text node, comment, processing instruction and attribute value longer than `limits` allows.
    private func oversizeContent(_ limits: XMLLimits) -> [XMLDiagnostic] {
        var found: [XMLDiagnostic] = []
        forEachNode { node in
            switch node.pointee.type {
            case XML_ELEMENT_NODE: found += oversizeAttributes(of: node, limits)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_COMMENT_NODE, XML_PI_NODE:
                if let diagnostic = oversizeText(node, limits) { found.append(diagnostic) }
            default: break
            }
        }
        return found
    }

    /// Visits every node in document order, depth first without recursion: nesting depth is libxml2's to bound,
    /// not the stack's.
    private func forEachNode(_ visit: (UnsafeMutablePointer<xmlNode>) -> Void) {
        var next = pointer.pointee.children
        while let node = next {
            visit(node)
            if node.pointee.type == XML_ELEMENT_NODE, let child = node.pointee.children {
                next = child
                continue
            }
            var current: UnsafeMutablePointer<xmlNode>? = node
            next = nil
            while let c = current {
                if let sibling = c.pointee.next {
                    next = sibling
                    break
                }
                current = c.pointee.parent.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? $0 : nil }
            }
        }
    }

    private func oversizeAttributes(of node: UnsafeMutablePointer<xmlNode>, _ limits: XMLLimits) -> [XMLDiagnostic] {
        var found: [XMLDiagnostic] = []
        var attribute = node.pointee.properties
        while let a = attribute {
            var length = 0
            var part = a.pointee.children
            while let p = part {
                length += Int(xmlStrlen(p.pointee.content))
                part = p.pointee.next
            }
            if length > limits.attributeBytes {
                let (line, column) = place(node)
                found.append(XMLDiagnostic(
                    file: name, line: line, column: column,
                    message: "attribute \(String(xmlChars: a.pointee.name) ?? "")= of <\(Self.elementName(node))> is "
                        + "\(XMLLimits.describe(length)), over the limit of "
                        + "\(XMLLimits.describe(limits.attributeBytes)) for an attribute value; shorten it"))
            }
            attribute = a.pointee.next
        }
        return found
    }

    private func oversizeText(_ node: UnsafeMutablePointer<xmlNode>, _ limits: XMLLimits) -> XMLDiagnostic? {
        let length = Int(xmlStrlen(node.pointee.content))
        guard length > limits.textBytes else { return nil }
        let (line, column) = place(node)
        let what = node.pointee.type == XML_COMMENT_NODE ? "a comment"
            : node.pointee.type == XML_PI_NODE ? "a processing instruction" : "the text"
        return XMLDiagnostic(
            file: name, line: line, column: column,
            message: "\(what) in <\(Self.elementName(node.pointee.parent))> is \(XMLLimits.describe(length)), over "
                + "the limit of \(XMLLimits.describe(limits.textBytes)) for one text node; shorten it or "
                + "split it into several elements")
    }

    /// Line and column of a node. Text has no column of its own: the start tag of the element that holds it is named.
    private func place(_ node: UnsafeMutablePointer<xmlNode>) -> (Int, Int) {
        guard node.pointee.type == XML_ELEMENT_NODE else {
            if let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE { return place(parent) }
            return (max(Int(xmlGetLineNo(node)), 1), 1)
        }
        let line = max(Int(xmlGetLineNo(node)), 1)
        return (line, source.column(ofTag: String(xmlChars: node.pointee.name) ?? "", onLine: line))
    }

    private static func elementName(_ node: UnsafeMutablePointer<xmlNode>?) -> String {
        node.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? String(xmlChars: $0.pointee.name) : nil } ?? "document"
    }

    /// The bytes of the regular file at `path`, refusing anything else (a directory, a FIFO that would block, a
    /// device that never ends) and any file over `limit` bytes before reading it.
    public static func readFile(_ path: String, limit: Int) throws(XMLParseError) -> [UInt8] {
        func refuse(_ message: String) -> XMLParseError {
            XMLParseError([XMLDiagnostic(file: path, line: 1, column: 1, message: message)])
        }
        func reason() -> String { String(cString: strerror(errno)) }
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below as not a regular file.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw refuse("cannot read file (\(reason()))") }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw refuse("cannot read file (\(reason()))") }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw refuse("not a regular file (a directory, device, FIFO or socket); give a file")
        }
        let size = Int(status.st_size)
        guard size <= limit else {
            throw refuse("file is \(XMLLimits.describe(size)), over the limit of \(XMLLimits.describe(limit)) for "
                + "one document; split it into smaller documents")
        }
        var result: [UInt8] = []
        result.reserveCapacity(size + 1)
        var chunk = [UInt8](repeating: 0, count: 65536)
        // Reads at most one byte past the limit, so that a file that grew since fstat is still refused.
        while result.count <= limit {
            let room = limit - result.count
            let want = room >= chunk.count ? chunk.count : room + 1
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, want) }
            if n < 0 {
                if errno == EINTR { continue }
                throw refuse("cannot read file (\(reason()))")
            }
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<n])
        }
        guard result.count <= limit else {
            throw refuse("file grew past the limit of \(XMLLimits.describe(limit)) for one document while being "
                + "read; split it into smaller documents")
        }
        return result
    }
}
