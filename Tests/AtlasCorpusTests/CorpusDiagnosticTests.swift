import AtlasCorpus
import Foundation
import Testing

/// Every problem leaves the corpus module as a `CorpusDiagnostic`: its kind as a stable code, its place, its message.
@Suite struct CorpusDiagnosticTests {
    @Test func aMalformedDocumentIsOneDiagnosticAtItsPlace() throws {
        let scratch = try ScratchCorpus()
        defer { scratch.remove() }
        try scratch.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <jurisdiction xmlns="urn:parole-atlas:corpus:1" id="zz">
              <name xml:lang="en">Zed</name>
              <name xml:lang="kk">Zed</nam>
            </jurisdiction>
            """, to: "jurisdictions/zz.xml")
        let report = try scratch.validate()
        #expect(report.diagnostics.count == 1, "\(report.diagnostics)")
        let diagnostic = try #require(report.diagnostics.first)
        #expect(diagnostic.code == .malformedDocument)
        #expect(diagnostic.code.rawValue == "malformed-document")
        #expect(diagnostic.file == scratch.path("jurisdictions/zz.xml"))
        #expect(diagnostic.line == 4)
        #expect(diagnostic.column != nil)
        #expect(diagnostic.description.hasPrefix(scratch.path("jurisdictions/zz.xml") + ":4:"))
        #expect(report.digest == nil)

        let error = try #require(throws: CorpusError.self) {
            try CorpusLoader(location: CorpusLocation(corpusDirectory: scratch.directory.path)).load()
        }
        #expect(error.diagnostics == report.diagnostics)
    }

    @Test func eachCheckNamesItsKind() throws {
        let scratch = try ScratchCorpus()
        defer { scratch.remove() }
        let schemaLine = try scratch.replace(#"<fraction>1/2</fraction>"#, with: #"<fraction>half</fraction>"#,
                                             in: "jurisdictions/kz.xml")
        try scratch.replace(#"source="seed""#, with: #"source="no-such-source""#, in: "jurisdictions/fi.xml")
        let report = try scratch.validate()
        let schema = try #require(report.diagnostics.first { $0.file.hasSuffix("kz.xml") }, "\(report.diagnostics)")
        #expect(schema.code == .schemaViolation)
        #expect(schema.line == schemaLine)
        let source = try #require(report.diagnostics.first { $0.message.contains("no-such-source") })
        #expect(source.code == .unknownSource)
        #expect(source.file.hasSuffix("fi.xml"))

        let missing = try #require(throws: CorpusError.self) {
            try CorpusLoader(location: CorpusLocation(corpusDirectory: "/nonexistent/corpus")).validate()
        }
        #expect(missing.diagnostics.map(\.code) == [.corpusNotFound])
    }

    @Test func theDescriptionIsOneLineWithTheKnownPartsOfThePlace() {
        let full = CorpusDiagnostic(code: .invalidValue, file: "kz.xml", line: 3, column: 7, message: "bad\nvalue")
        #expect(full.description == #"kz.xml:3:7: bad\nvalue"#)
        let noColumn = CorpusDiagnostic(code: .invalidValue, file: "kz.xml", line: 3, column: nil, message: "bad")
        #expect(noColumn.description == "kz.xml:3: bad")
        let noPlace = CorpusDiagnostic(code: .corpusNotFound, file: "corpus", line: nil, column: nil, message: "gone")
        #expect(noPlace.description == "corpus: gone")
    }

    @Test func codesAreKebabCase() {
        for code in CorpusDiagnostic.Code.allCases {
            #expect(code.rawValue.range(of: #"^[a-z]+(-[a-z]+)*$"#, options: .regularExpression) != nil, "\(code)")
        }
    }
}
