import SafeXML
import Testing

/// Documents that must never be fetched, expanded or half-read.
@Suite struct HostileDocumentTests {
    func parse(_ text: String, name: String = "hostile.xml") throws(XMLParseError) -> XMLDocument {
        try XMLDocument.parse(bytes: Array(text.utf8), name: name)
    }

    @Test func externalEntityIsRefusedNotFetched() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE r [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
            <r>&x;</r>
            """
        let error = try #require(throws: XMLParseError.self) { try parse(xxe) }
        let d = try #require(error.diagnostics.first)
        #expect(d.file == "hostile.xml")
        #expect(d.line == 2)
        #expect(d.column == 1)
        #expect(d.message.contains("DOCTYPE"))
        #expect(!error.description.contains("root:"))
    }

    @Test func networkEntityIsRefused() throws {
        let doc = """
            <!DOCTYPE r [ <!ENTITY x SYSTEM "http://127.0.0.1:9/never"> ]><r>&x;</r>
            """
        #expect(throws: XMLParseError.self) { try parse(doc) }
    }

    @Test func billionLaughsIsRefusedBeforeExpansion() throws {
        var decls = "<!ENTITY lol0 \"lol\">\n"
        for i in 1...12 {
            let previous = String(repeating: "&lol\(i - 1);", count: 10)
            decls += "<!ENTITY lol\(i) \"\(previous)\">\n"
        }
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n\(decls)]>\n<lolz>&lol12;</lolz>"
        let error = try #require(throws: XMLParseError.self) { try parse(bomb) }
        #expect(error.diagnostics.first?.line == 2)
    }

    @Test func externalDTDIsRefused() throws {
        let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"file:///etc/passwd\">\n<r/>"
        let error = try #require(throws: XMLParseError.self) { try parse(doc) }
        #expect(error.diagnostics.first?.message.contains("DOCTYPE") == true)
    }

    @Test func undeclaredEntityIsAnErrorWithItsPlace() throws {
        let doc = "<r>\n  <a>&nope;</a>\n</r>"
        let error = try #require(throws: XMLParseError.self) { try parse(doc) }
        let d = try #require(error.diagnostics.first)
        #expect(d.line == 2)
        #expect(d.message.contains("nope"))
    }

    @Test func malformedDocumentNamesLineAndColumn() throws {
        let doc = "<r>\n  <a>text</b>\n</r>"
        let error = try #require(throws: XMLParseError.self) { try parse(doc, name: "bad.xml") }
        let d = try #require(error.diagnostics.first)
        #expect(d.file == "bad.xml")
        #expect(d.line == 2)
        #expect(d.column > 1)
        #expect(d.description.hasPrefix("bad.xml:2:"))
    }

    @Test func emptyInputIsAnError() {
        #expect(throws: XMLParseError.self) { try parse("") }
    }

    @Test func missingFileIsAnErrorNamingThePath() throws {
        let error = try #require(throws: XMLParseError.self) {
            try XMLDocument.parse(file: "/nonexistent/parole/x.xml")
        }
        #expect(error.description.hasPrefix("/nonexistent/parole/x.xml:1:1: cannot read file"))
    }
}
