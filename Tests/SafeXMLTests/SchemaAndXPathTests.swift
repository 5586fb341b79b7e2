#if canImport(Glibc)
import Glibc
#endif
import SafeXML
import Testing

@Suite struct SchemaAndXPathTests {
    static let xsd = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t"
                   elementFormDefault="qualified">
          <xs:element name="list">
            <xs:complexType><xs:sequence>
              <xs:element name="item" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:attribute name="n" type="xs:positiveInteger" use="required"/>
                </xs:complexType>
              </xs:element>
            </xs:sequence></xs:complexType>
          </xs:element>
        </xs:schema>
        """

    func schema() throws -> XMLSchema {
        let path = try TemporaryFile.write(Self.xsd, suffix: ".xsd")
        defer { unlink(path) }
        return try XMLSchema(file: path)
    }

    @Test func validDocumentHasNoDiagnostics() throws {
        let doc = try XMLDocument.parse(bytes: Array("<list xmlns=\"urn:t\"><item n=\"1\"/></list>".utf8), name: "ok.xml")
        #expect(try schema().validate(doc).isEmpty)
    }

    @Test func everyViolationIsCollectedWithItsPlace() throws {
        let text = """
            <list xmlns="urn:t">
              <item n="0"/>
              <item n="2"/>
                <item n="x"/>
              <other/>
            </list>
            """
        let doc = try XMLDocument.parse(bytes: Array(text.utf8), name: "bad.xml")
        let diagnostics = try schema().validate(doc)
        #expect(diagnostics.count >= 3)
        #expect(diagnostics.map(\.line).contains(2))
        #expect(diagnostics.map(\.line).contains(4))
        #expect(diagnostics.map(\.line).contains(5))
        let onLine4 = try #require(diagnostics.first { $0.line == 4 })
        #expect(onLine4.column == 5)
        #expect(onLine4.description.hasPrefix("bad.xml:4:5: "))
    }

    @Test func schemaThatDoesNotCompileIsReported() throws {
        let path = try TemporaryFile.write(
            "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"a\" type=\"nope\"/></xs:schema>",
            suffix: ".xsd")
        defer { unlink(path) }
        let error = try #require(throws: XMLParseError.self) { try XMLSchema(file: path) }
        #expect(error.diagnostics.first?.message.contains("nope") == true)
    }

    @Test func xpathSelectsNamespacedElementsInOrder() throws {
        let doc = try XMLDocument.parse(
            bytes: Array("<list xmlns=\"urn:t\"><item n=\"1\"/><item n=\"2\"/><x><item n=\"3\"/></x></list>".utf8),
            name: "x.xml")
        let items = try doc.select("//t:item", namespaces: ["t": "urn:t"])
        #expect(items.map { $0.attribute("n") } == ["1", "2", "3"])
        #expect(throws: XMLDiagnostic.self) { try doc.select("//[", namespaces: [:]) }
        #expect(throws: XMLDiagnostic.self) { try doc.select("count(//t:item)", namespaces: ["t": "urn:t"]) }
    }

    @Test func elementsKeepTheirDocumentAlive() throws {
        func firstItem() throws -> XMLElement {
            let doc = try XMLDocument.parse(bytes: Array("<a>\n<b k=\"v\">hi</b></a>".utf8), name: "m.xml")
            return try #require(doc.root.children.first)
        }
        let b = try firstItem()
        #expect(b.name == "b")
        #expect(b.text == "hi")
        #expect(b.attribute("k") == "v")
        #expect(b.attribute("missing") == nil)
        #expect(b.line == 2)
        #expect(b.column == 1)
    }
}

/// Temporary files without Foundation: this target must not import Foundation next to libxml2's ICU headers.
enum TemporaryFile {
    struct WriteError: Error {}

    static func write(_ text: String, suffix: String) throws -> String {
        var template = Array("/tmp/safexml-XXXXXX\(suffix)".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(suffix.utf8.count)) }
        guard fd >= 0 else { throw WriteError() }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else { throw WriteError() }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
