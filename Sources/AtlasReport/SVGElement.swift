/// Charts drawn as standalone SVG documents, placed inside HTML pages too.
enum SVGElement {
    /// `document` without its XML declaration, which has no place inside HTML.
    static func inline(_ document: String) -> String {
        guard document.hasPrefix("<?xml"), let end = document.firstIndex(of: "\n") else { return document }
        return String(document[document.index(after: end)...])
    }
}
