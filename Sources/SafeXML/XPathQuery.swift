internal import CLibXML2

extension XMLDocument {
    /// The elements an XPath 1.0 expression selects, in document order.
    ///
    /// - Parameter namespaces: prefix → URI bindings usable in the expression.
    /// - Throws: an `XMLDiagnostic` naming the expression when it does not compile or does not yield a node set.
    public func select(_ expression: String, namespaces: [String: String] = [:]) throws(XMLDiagnostic) -> [XMLElement] {
        guard let context = xmlXPathNewContext(pointer) else {
            throw XMLDiagnostic(file: name, line: 1, column: 1, message: "XPath: out of memory")
        }
        defer { xmlXPathFreeContext(context) }
        shim_silenceXPath(context)
        for (prefix, uri) in namespaces { xmlXPathRegisterNs(context, prefix, uri) }
        guard let result = xmlXPathEvalExpression(expression, context) else {
            throw XMLDiagnostic(file: name, line: 1, column: 1, message: "XPath: invalid expression '\(expression)'")
        }
        defer { xmlXPathFreeObject(result) }
        guard result.pointee.type == XPATH_NODESET else {
            throw XMLDiagnostic(file: name, line: 1, column: 1,
                                message: "XPath: '\(expression)' does not select nodes")
        }
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0 else { return [] }
        var elements: [XMLElement] = []
        for i in 0..<Int(set.pointee.nodeNr) {
            if let n = set.pointee.nodeTab[i], n.pointee.type == XML_ELEMENT_NODE {
                elements.append(XMLElement(document: self, node: n))
            }
        }
        return elements
    }
}
