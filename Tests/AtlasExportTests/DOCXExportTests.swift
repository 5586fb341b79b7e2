import AtlasExport
import SafeXML
import Testing

@Suite struct DOCXExportTests {
    func body(_ document: ExportDocument) throws -> (OfficePackage, XMLElement, SafeXML.XMLDocument) {
        let package = try OfficePackage(try document.rendered(as: .docx))
        let xml = try package.xml("word/document.xml")
        return (package, try #require(xml.root.child(named: "body")), xml)
    }

    @Test func everyPartIsWellFormedAndDeclared() throws {
        let bytes = try Samples.document([Samples.narrow]).rendered(as: .docx)
        let package = try OfficePackage(bytes)
        #expect(Set(package.paths).isSuperset(of: ["[Content_Types].xml", "_rels/.rels", "word/document.xml",
                                                   "word/styles.xml", "word/_rels/document.xml.rels"]))
        for path in package.paths { _ = try package.xml(path) }
        let types = try package.xml("[Content_Types].xml").root.descendants("Override").compactMap { $0.attribute("PartName") }
        #expect(types.contains("/word/document.xml"))
        #expect(types.contains("/word/styles.xml"))
        // The same document gives the same bytes (fixed ZIP timestamps, no dates in the properties).
        #expect(try Samples.document([Samples.narrow]).rendered(as: .docx) == bytes)
    }

    @Test func theHeaderRowRepeatsOnEveryPage() throws {
        let (_, body, _) = try body(Samples.document([Samples.narrow, Samples.wide]))
        let tables = body.children(named: "tbl")
        #expect(tables.count == 2)
        for table in tables {
            let rows = table.children(named: "tr")
            #expect(rows.first?.child(named: "trPr")?.child(named: "tblHeader") != nil)
            #expect(rows.dropFirst().allSatisfy { $0.child(named: "trPr")?.child(named: "tblHeader") == nil })
        }
        let header = tables[0].children(named: "tr")[0].children(named: "tc").map(\.text)
        #expect(header == ["Регион", "Рассмотрено", "Доля", "Средний срок", "Дата"])
    }

    @Test func widthsFillTheLineAndFollowTheContent() throws {
        let (_, body, _) = try body(Samples.document([Samples.narrow]))
        let table = try #require(body.child(named: "tbl"))
        let widths = table.child(named: "tblGrid")!.children(named: "gridCol")
            .compactMap { $0.attribute("w", namespace: Namespace.word).flatMap(Int.init) }
        #expect(widths.count == 5)
        #expect(widths.reduce(0, +) == 11_906 - 2 * 1_134)
        // The region column holds the longest text.
        #expect(widths[0] == widths.max())
    }

    @Test(arguments: [(false, "portrait"), (true, "landscape")])
    func aWideTableTurnsThePage(_ wide: Bool, _ expected: String) throws {
        let (_, body, _) = try body(Samples.document(wide ? [Samples.narrow, Samples.wide] : [Samples.narrow]))
        let size = try #require(body.child(named: "sectPr")?.child(named: "pgSz"))
        let orientation = size.attribute("orient", namespace: Namespace.word) ?? "portrait"
        #expect(orientation == expected)
        let width = Int(size.attribute("w", namespace: Namespace.word) ?? "") ?? 0
        let height = Int(size.attribute("h", namespace: Namespace.word) ?? "") ?? 0
        #expect((width > height) == wide)
    }

    @Test func theCaptionPrecedesItsTableAndTheSourcesFollow() throws {
        let (_, body, _) = try body(Samples.document([Samples.narrow]))
        let blocks = body.children.filter { $0.name == "p" || $0.name == "tbl" }
        let tableIndex = try #require(blocks.firstIndex { $0.name == "tbl" })
        let caption = blocks[tableIndex - 1]
        #expect(caption.text == "Решения по УДО, 2024")
        #expect(caption.child(named: "pPr")?.child(named: "pStyle")?.attribute("val", namespace: Namespace.word) == "Caption")
        let after = blocks[(tableIndex + 1)...].map(\.text)
        #expect(after.contains("Σ: сумма строк"))
        let heading = try #require(after.firstIndex(of: "Источники"))
        #expect(after[(heading + 1)...].contains("1. seed L14971"))
        // Text that looks like markup is text: escaped, and read back as written.
        #expect(body.descendants("tc").map(\.text).contains("<script>alert(\"x\")</script> & \"кавычки\""))
        // A line break in a cell is a Word line break.
        #expect(body.descendants("tc").contains { $0.descendants("br").count == 1 && $0.text == "строка 1строка 2" })
    }
}
