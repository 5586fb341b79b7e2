import Foundation
import SafeXML
import Testing

/// Documents too large, or not text: refused with their place and the limit, in one line, before they cost memory.
@Suite struct SizeAndEncodingTests {
    func parse(_ bytes: [UInt8], limits: XMLLimits = .standard) throws(XMLParseError) -> XMLDocument {
        try XMLDocument.parse(bytes: bytes, name: "big.xml", limits: limits)
    }

    func onlyDiagnostic(_ bytes: [UInt8]) throws -> XMLDiagnostic {
        let error = try #require(throws: XMLParseError.self) { try parse(bytes) }
        #expect(error.diagnostics.count == 1, "\(error.diagnostics)")
        return try #require(error.diagnostics.first)
    }

    @Test func aFileOverTheLimitIsRefusedWithoutBeingRead() throws {
        // 200 MB that take no disk: a sparse file. Read into memory, it would be the 850 MB of the issue.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).xml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("<r>".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 200 << 20)
        try handle.close()
        let error = try #require(throws: XMLParseError.self) { try XMLDocument.parse(file: path) }
        let d = try #require(error.diagnostics.first)
        #expect(d.description == "\(path):1:1: file is 209,715,200 bytes (200 MiB), over the limit of 4,194,304 "
            + "bytes (4 MiB) for one document; split it into smaller documents")
    }

    @Test func aFolderIsRefusedAsNotARegularFile() throws {
        let error = try #require(throws: XMLParseError.self) {
            try XMLDocument.parse(file: FileManager.default.temporaryDirectory.path)
        }
        #expect(error.description.contains("not a regular file"))
    }

    @Test func aDocumentInMemoryOverTheLimitIsRefused() throws {
        let padding = [UInt8](repeating: UInt8(ascii: " "), count: XMLLimits.standard.documentBytes)
        let d = try onlyDiagnostic(Array("<r/>".utf8) + padding)
        #expect(d.line == 1 && d.column == 1)
        #expect(d.message.contains("4,194,308 bytes, over the limit of 4,194,304 bytes (4 MiB)"))
    }

    @Test func aTextNodeOverTheLimitIsRefusedAtItsElement() throws {
        let text = String(repeating: "x", count: XMLLimits.standard.textBytes + 1)
        let d = try onlyDiagnostic(Array("<r>\n  <note>\(text)</note>\n</r>".utf8))
        #expect(d.file == "big.xml")
        #expect(d.line == 2 && d.column == 3)
        #expect(d.message == "the text in <note> is 65,537 bytes, over the limit of 65,536 bytes (64 KiB) for one "
            + "text node; shorten it or split it into several elements")
    }

    @Test func anAttributeOverTheLimitIsRefusedAtItsElement() throws {
        let value = String(repeating: "y", count: XMLLimits.standard.attributeBytes + 1)
        let d = try onlyDiagnostic(Array("<r>\n<a/>\n    <cite page=\"\(value)\"/>\n</r>".utf8))
        #expect(d.line == 3 && d.column == 5)
        #expect(d.message == "attribute page= of <cite> is 4,097 bytes, over the limit of 4,096 bytes (4 KiB) for an "
            + "attribute value; shorten it")
    }

    @Test func aCommentOverTheLimitIsRefusedToo() throws {
        let comment = String(repeating: "z", count: XMLLimits.standard.textBytes + 1)
        let d = try onlyDiagnostic(Array("<r>\n<!--\(comment)-->\n</r>".utf8))
        #expect(d.message.hasPrefix("a comment in <r> is 65,537 bytes"))
    }

    @Test func valuesUpToTheLimitsAreRead() throws {
        let limits = XMLLimits(documentBytes: 200, textBytes: 10, attributeBytes: 5)
        let doc = try parse(Array("<r a=\"12345\">0123456789</r>".utf8), limits: limits)
        #expect(doc.root.text == "0123456789")
        #expect(throws: XMLParseError.self) { try parse(Array("<r a=\"123456\"/>".utf8), limits: limits) }
        #expect(throws: XMLParseError.self) { try parse(Array("<r>01234567890</r>".utf8), limits: limits) }
    }

    @Test func aNulByteIsReportedWhereItIsAsNotText() throws {
        let d = try onlyDiagnostic(Array("<r>\n  <a>ab".utf8) + [0] + Array("cd</a>\n</r>".utf8))
        #expect(d.line == 2 && d.column == 8)
        #expect(d.message.hasPrefix("NUL byte (0x00) in the document; a corpus document is text"))
        #expect(!d.message.contains("Premature"))
    }

    @Test func aNulByteAfterKazakhTextCountsColumnsInCharacters() throws {
        let d = try onlyDiagnostic(Array("<r>Қазақ".utf8) + [0] + Array("</r>".utf8))
        #expect(d.line == 1 && d.column == 9)
    }

    @Test func invalidUTF8IsOneLineWithTheFix() throws {
        let d = try onlyDiagnostic(Array("<r>\n<a>ab".utf8) + [0xC3, 0x28] + Array("cd</a>\n</r>".utf8))
        #expect(d.line == 2)
        #expect(!d.description.contains("\n"))
        #expect(d.message.hasPrefix("invalid UTF-8 (bytes: 0xC3 0x28"))
        #expect(d.message.contains("re-save it as UTF-8"))
    }

    @Test func aDiagnosticIsOneLineWhateverItQuotes() {
        let d = XMLDiagnostic(file: "odd\nname.xml", line: 3, column: 4, message: "value \"a\r\nb\u{2028}c\"")
        #expect(d.description == #"odd\nname.xml:3:4: value "a\r\nb\u{2028}c""#)
    }
}
