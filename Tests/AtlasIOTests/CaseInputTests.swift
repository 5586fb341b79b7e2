import AtlasInput
import AtlasModel
import Foundation
import Testing

@Suite struct CaseInputTests {
    func parse(_ text: String) throws(CaseFileError) -> CaseDraft {
        try CaseFile.parse(Data(text.utf8), place: "case.json")
    }

    func rejection(_ text: String) -> CaseFileError? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    @Test(arguments: [
        // Repeated on the common road and on the full road (an escape sends the line there).
        (#"{"term": "9y", "term": "5y"}"#, #""term" is given twice"#),
        (#"{"term": "9y", "category": "gr\u0061ve", "category": "minor"}"#, #""category" is given twice"#),
        (#"{"t\u0065rm": "9y", "term": "5y"}"#, #""term" is given twice"#),
    ])
    func aRepeatedKeyIsRefusedByName(_ text: String, _ mentions: String) throws {
        let error = try #require(rejection(text))
        #expect(error.kind == .invalid)
        #expect(error.description.contains(mentions), "\(error)")
        #expect(!error.description.contains("\n"))
    }

    @Test func aRepeatedKeyIsPlacedByLineAndColumn() throws {
        let error = try #require(rejection("{\n  \"term\": \"9y\",\n  \"term\": \"1y\"\n}"))
        #expect(error.description.contains("line 3, column 3"), "\(error)")
    }

    @Test(arguments: [
        (#"{"term": "9y""#, "the text ends"),
        (#"{"term": "9y"} x"#, "after the object"),
        (#"["term"]"#, "expected a JSON object"),
        ("", "empty input"),
        (#"{"term": "9\u0000y", "offences": [[[[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]]]}"#, "nested deeper"),
        ("{\"term\": \"\u{01}\"}", "control character"),
        (#"{"term": "\ud800"}"#, "surrogate"),
        (#"{"age": 012}"#, "may not start with 0"),
    ])
    func malformedJSONIsOneLineWithItsPlace(_ text: String, _ mentions: String) throws {
        let error = try #require(rejection(text))
        #expect(error.description.contains(mentions), "\(error)")
        #expect(error.description.contains("not a JSON object"), "\(error)")
        #expect(!error.description.contains("\n"))
    }

    @Test func invalidUTF8IsRefused() throws {
        var bytes = Array(#"{"term": "9y", "category": "gr"#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(#"ave"}"#.utf8)
        #expect(throws: CaseFileError.self) { try CaseFile.parse(Data(bytes), place: "case.json") }
    }

    @Test func bothRoadsReadTheSameCase() throws {
        let common = try parse(#"{"term": "9y", "category": "grave", "start": "2022-01-10", "age": 40, "offences": ["terrorism"]}"#)
        let full = try parse(#"{"term": "9y", "category": "gr\u0061ve", "start": "2022-01-10", "age": 40.0, "offences": ["terrorism"]}"#)
        #expect(common == full)
        #expect(common["age"] == 40)
    }

    @Test func aFolderIsNotACaseFile() throws {
        let folder = FileManager.default.temporaryDirectory.path
        #expect {
            try CaseFile.read(folder)
        } throws: { error in
            guard let e = error as? CaseFileError else { return false }
            return e.kind == .unreadable && e.message.contains("is a folder")
        }
    }

    @Test func anOversizeCaseFileIsNotRead() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).json")
        try Data(count: InputFile.caseLimit + 1).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect {
            try CaseFile.read(file.path)
        } throws: { ($0 as? CaseFileError)?.message.contains("larger than") == true }
    }

    @Test func aRunawayBatchLineIsSkippedByItsLength() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString).jsonl")
        var text = "{\"a\": 1}\n"
        text += String(repeating: "x", count: InputFile.caseLimit * 3) + "\n"
        text += "{\"b\": 2}"
        try text.write(to: file, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        var reader = BatchLineReader(handle: try InputFile.open(file.path, what: "batch file"))
        var lines: [String] = []
        while let line = reader.next() {
            switch line {
            case .text(let bytes): lines.append(String(decoding: bytes, as: UTF8.self))
            case .tooLong(let length): lines.append("too long: \(length)")
            }
        }
        #expect(lines == ["{\"a\": 1}", "too long: \(InputFile.caseLimit * 3)", "{\"b\": 2}"])
    }
}
