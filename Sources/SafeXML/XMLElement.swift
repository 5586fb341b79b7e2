internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An element of a parsed document. It keeps its document alive, so it may outlive the variable that held it.
public struct XMLElement {
    let document: XMLDocument
    let node: UnsafeMutablePointer<xmlNode>

    init(document: XMLDocument, node: UnsafeMutablePointer<xmlNode>) {
        self.document = document
        self.node = node
    }

    /// The local name (without prefix).
    public var name: String { String(xmlChars: node.pointee.name) ?? "" }

    /// The namespace URI, if the element is in one.
    public var namespaceURI: String? { node.pointee.ns.flatMap { String(xmlChars: $0.pointee.href) } }

    /// The 1-based line of the start tag.
    public var line: Int { Int(xmlGetLineNo(node)) }

    /// The 1-based column of the start tag (found in the source text; libxml2 does not keep columns).
    public var column: Int { document.source.column(ofTag: name, onLine: line) }

    /// The file (or in-memory name) the element comes from.
    public var file: String { document.name }

    /// The value of an attribute with no namespace, or `nil` when absent.
    public func attribute(_ name: String) -> String? {
        // Walk the attribute list directly: the loader asks for many attributes, and xmlGetNoNsProp copies each.
        name.withCString { wanted -> String? in
            var attr = node.pointee.properties
            while let a = attr {
                if a.pointee.ns == nil, let n = a.pointee.name,
                   strcmp(UnsafeRawPointer(n).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                    if let text = a.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE {
                        return String(xmlChars: text.pointee.content) ?? ""
                    }
                    guard let value = xmlGetNoNsProp(node, name) else { return nil }
                    defer { shim_xmlFree(value) }
                    return String(xmlChars: value)
                }
                attr = a.pointee.next
            }
            return nil
        }
    }

    /// The value of a namespaced attribute (e.g. `xml:lang` is `("lang", "http://www.w3.org/XML/1998/namespace")`).
    public func attribute(_ name: String, namespace: String) -> String? {
        guard let value = xmlGetNsProp(node, name, namespace) else { return nil }
        defer { shim_xmlFree(value) }
        return String(xmlChars: value)
    }

    /// Child elements, in document order.
    public var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(document: document, node: c)) }
            child = c.pointee.next
        }
        return result
    }

    /// Child elements with the given local name.
    public func children(named name: String) -> [XMLElement] {
        var result: [XMLElement] = []
        name.withCString { wanted in
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE, let n = c.pointee.name,
                   strcmp(UnsafeRawPointer(n).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                    result.append(XMLElement(document: document, node: c))
                }
                child = c.pointee.next
            }
        }
        return result
    }

    /// The first child element with the given local name.
    public func child(named name: String) -> XMLElement? {
        name.withCString { wanted in
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE, let n = c.pointee.name,
                   strcmp(UnsafeRawPointer(n).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                    return XMLElement(document: document, node: c)
                }
                child = c.pointee.next
            }
            return nil
        }
    }

    /// The concatenated text content of the element and its descendants. Unexpanded entity references contribute
    /// nothing, which is how an external entity that slipped past the DOCTYPE guard would still stay empty.
    public var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { shim_xmlFree(content) }
        return String(xmlChars: content) ?? ""
    }

    /// The text with runs of ASCII white space collapsed to one space and none at either end, so that text wrapped
    /// across lines reads as one line. Built in one pass over libxml2's bytes: corpus text is long, and copying it
    /// into a string, then into bytes, then into a string again was the loader's largest cost.
    public var collapsedText: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { shim_xmlFree(content) }
        let length = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
        return String(unsafeUninitializedCapacity: length) { out in
            var written = 0
            var pendingSpace = false
            for i in 0..<length {
                let b = content[i]
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                    pendingSpace = written > 0
                } else {
                    if pendingSpace {
                        out[written] = 0x20
                        written += 1
                        pendingSpace = false
                    }
                    out[written] = b
                    written += 1
                }
            }
            return written
        }
    }
}
