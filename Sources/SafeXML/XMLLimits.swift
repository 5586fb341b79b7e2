/// The largest document, text node and attribute value a parse accepts.
///
/// A corpus is small (its largest document is under 60 KB, its longest text under 1 KB), so anything far larger is
/// a mistake or an attack: a 200 MB text node once passed validation, took 850 MB of memory and was printed whole.
/// The defaults leave a wide margin and are stated in `schema/README.md` ("Limits").
public struct XMLLimits: Sendable, Equatable {
    /// Bytes in a whole document, checked before the document is read into memory.
    public var documentBytes: Int
    /// Bytes in one text node (or comment, or processing instruction), after entity and character references.
    public var textBytes: Int
    /// Bytes in one attribute value, after normalisation.
    public var attributeBytes: Int

    public init(documentBytes: Int, textBytes: Int, attributeBytes: Int) {
        self.documentBytes = documentBytes
        self.textBytes = textBytes
        self.attributeBytes = attributeBytes
    }

    /// 4 MiB per document, 64 KiB per text node, 4 KiB per attribute value.
    public static let standard = XMLLimits(documentBytes: 4 << 20, textBytes: 64 << 10, attributeBytes: 4 << 10)

    /// `4,194,304 bytes (4 MiB)`: the exact figure, and the rounded one people remember.
    static func describe(_ bytes: Int) -> String {
        let exact = "\(grouped(bytes)) bytes"
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(exact) (\(bytes >> 20) MiB)" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(exact) (\(bytes >> 10) KiB)" }
        return exact
    }

    /// `209715200` as `209,715,200` (SafeXML has no Foundation formatter).
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = n < 0 ? "-" : ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
