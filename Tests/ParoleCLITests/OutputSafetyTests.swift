import Foundation
import Testing

/// Issue 9's reproductions: nothing a user has is destroyed, a failed write is never a success, no input crashes.
@Suite struct OutputSafetyTests {
    static let simulate = ["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10"]

    func scratchFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parole-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func expectOneLine(_ r: CLIResult, status: Int32, mentions: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == status, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(mentions), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
    }

    @Test func outputOntoAFolderLeavesTheFolderAndItsFiles() throws {
        let dir = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let victim = dir.appendingPathComponent("victim")
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: false)
        try "x".write(to: victim.appendingPathComponent("keep.txt"), atomically: false, encoding: .utf8)
        for output in [victim.path, ".", dir.path] {
            let r = try CLI.run(["annex", "1", "--format", "html", "--output", output], in: victim)
            expectOneLine(r, status: 73, mentions: "is a folder")
        }
        #expect(try String(contentsOf: victim.appendingPathComponent("keep.txt"), encoding: .utf8) == "x")
        #expect(try FileManager.default.contentsOfDirectory(atPath: victim.path) == ["keep.txt"])
    }

    @Test func outputOntoAFullDeviceFailsAndKeepsTheDevice() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let r = try CLI.run(["annex", "1", "--output", "/dev/full"])
        expectOneLine(r, status: 73, mentions: "No space left")
        var info = stat()
        #expect(stat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    static let writers: [[String]] = [
        ["annex", "1"], simulate, ["show", "kz"], ["countries"], ["validate"], ["compare", "kz", "ru"],
        ["conformance", "kz"],
    ]

    @Test(arguments: writers)
    func aFailedWriteToStandardOutputIsAnError(_ arguments: [String]) throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let r = try CLI.run(arguments, standardOutput: "/dev/full")
        expectOneLine(r, status: 73, mentions: "standard output")
    }

    @Test func aFailedBatchWriteToStandardOutputIsAnError() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let dir = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let batch = dir.appendingPathComponent("cases.jsonl")
        try #"{"term": "9y", "category": "grave", "start": "2022-01-10"}"#.write(to: batch, atomically: false, encoding: .utf8)
        let r = try CLI.run(["simulate", "--batch", batch.path], standardOutput: "/dev/full")
        expectOneLine(r, status: 73, mentions: "standard output")
    }

    @Test(arguments: ["--case", "--batch"])
    func aFolderAsInputIsOneLineNotACrash(_ flag: String) throws {
        let dir = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["simulate", flag, dir.path])
        expectOneLine(r, status: 66, mentions: "is a folder")
        #expect(r.stdout.isEmpty)
    }

    @Test func everyCommandThatWritesDataTakesOutput() throws {
        let dir = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in Self.writers {
            let file = dir.appendingPathComponent("out.txt")
            let toFile = try CLI.run(arguments + ["--output", file.path])
            let toStdout = try CLI.run(arguments)
            #expect(toFile.status == 0 && toFile.stdout.isEmpty, "\(arguments) \(toFile.stderr)")
            #expect(try String(contentsOf: file, encoding: .utf8) == toStdout.stdout, "\(arguments)")
        }
    }

    @Test func aBatchWrittenToAFileIsCompleteAndAFailedOneKeepsTheOldFile() throws {
        let dir = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let batch = dir.appendingPathComponent("cases.jsonl")
        let lines = (1...3).map { #"{"term": "\#($0)y", "category": "grave", "start": "2022-01-10"}"# }
        try lines.joined(separator: "\n").write(to: batch, atomically: false, encoding: .utf8)
        let out = dir.appendingPathComponent("outcomes.jsonl")
        let r = try CLI.run(["simulate", "--batch", batch.path, "--jurisdiction", "kz", "--output", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8).split(separator: "\n").count == 3)
        try "previous results\n".write(to: out, atomically: false, encoding: .utf8)
        let missing = try CLI.run(["simulate", "--batch", dir.appendingPathComponent("nope.jsonl").path,
                                   "--output", out.path])
        expectOneLine(missing, status: 66, mentions: "nope.jsonl")
        #expect(try String(contentsOf: out, encoding: .utf8) == "previous results\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["cases.jsonl", "outcomes.jsonl"])
    }

    @Test func aCaseThatWouldEndPastYear9999IsRefused() throws {
        let late = try CLI.run(["simulate", "--term", "9y", "--category", "grave", "--start", "9999-01-01"])
        expectOneLine(late, status: 64, mentions: "8999-12-31")
        let long = try CLI.run(["simulate", "--term", "5000y", "--category", "grave", "--start", "2022-01-10"])
        expectOneLine(long, status: 64, mentions: "999 years")
        let life = try CLI.run(["simulate", "--term", "life", "--category", "especially-grave", "--start", "8999-12-31",
                                "--format", "json"])
        #expect(life.status == 0, "\(life.stderr)")
        #expect(life.stdout.range(of: #""\d{5,}-\d\d-\d\d""#, options: .regularExpression) == nil)
    }

    @Test func aRepeatedKeyInACaseFileIsRefusedByName() throws {
        let dir = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("case.json")
        try #"{"term": "9y", "category": "grave", "start": "2022-01-10", "term": "1y"}"#
            .write(to: file, atomically: false, encoding: .utf8)
        let r = try CLI.run(["simulate", "--case", file.path])
        expectOneLine(r, status: 65, mentions: #""term" is given twice"#)
    }

    @Test func aHugeBadValueIsNotEchoedWhole() throws {
        let dir = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let batch = dir.appendingPathComponent("cases.jsonl")
        let huge = String(repeating: "z", count: 500_000)
        let oversize = String(repeating: "y", count: 2_000_000)
        try [#"{"term": "9y", "category": "\#(huge)", "start": "2022-01-10"}"#,
             #"{"term": "9y", "category": "grave", "start": "\#(oversize)"}"#]
            .joined(separator: "\n").write(to: batch, atomically: false, encoding: .utf8)
        let r = try CLI.run(["simulate", "--batch", batch.path, "--jurisdiction", "kz"])
        #expect(r.status == 65)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            #expect(line.count < 400, "\(line.prefix(400))")
            #expect(line.contains("\"error\""))
        }
        #expect(lines[1].contains("bytes long"))
    }
}
