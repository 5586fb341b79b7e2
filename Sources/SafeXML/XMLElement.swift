internal import CLibXML2

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
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { shim_xmlFree(value) }
        return String(xmlChars: value)
    }

    /// The value of a namespaced attribute (e.g. `xml:lang` is `("lang", "http://www.w3.org/XML/1998/namespace")`).
    public func attribute(_ name: String, namespace: String) -> String? {
        guard let value = xmlGetNsProp(node, name, namespace) else { return nil }
        defer { shim_xmlFree(value) }
        return String(xmlChars: value)
    }

    /// All attributes with no namespace, in document order.
    public var attributes: [(name: String, value: String)] {
        var result: [(String, String)] = []
        var attr = node.pointee.properties
        while let a = attr {
            if a.pointee.ns == nil, let n = String(xmlChars: a.pointee.name) {
                result.append((n, attribute(n) ?? ""))
            }
            attr = a.pointee.next
        }
        return result
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
    public func children(named name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// The first child element with the given local name.
    public func child(named name: String) -> XMLElement? { children.first { $0.name == name } }

    /// The concatenated text content of the element and its descendants. Unexpanded entity references contribute
    /// nothing, which is how an external entity that slipped past the DOCTYPE guard would still stay empty.
    public var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { shim_xmlFree(content) }
        return String(xmlChars: content) ?? ""
    }
}
