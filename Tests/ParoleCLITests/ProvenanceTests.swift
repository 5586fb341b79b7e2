import Foundation
import Testing

/// Every result can be cited: the program's version and the digest of the corpus's exact bytes, the same wherever
/// they are printed, and the digest `sha256sum` gives for the documents.
@Suite struct ProvenanceTests {
    /// The digest as coreutils computes it, independently of the program.
    func sha256sumDigest(of corpus: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "LC_ALL=C; sha256sum sources.xml vocabulary.xml cases.xml crosswalk.xml "
            + "jurisdictions/*.xml instruments/*.xml annexes/*.xml | sha256sum"]
        process.currentDirectoryURL = corpus
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }

    @Test func theDigestIsTheSameInVersionJSONTextAndValidate() throws {
        let corpus = CLI.root.appendingPathComponent("corpus")
        let expected = "sha256:" + (try sha256sumDigest(of: corpus))
        let version = try CLI.run(["--version"], in: CLI.root)
        #expect(version.stdout.contains("parole 0.2.0 · corpus \(expected)"), "\(version.stdout)")
        let args = ["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10"]
        let json = try CLI.run(args + ["--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let provenance = try #require(document["provenance"] as? [String: Any])
        #expect(provenance["corpus"] as? String == expected)
        #expect(provenance["program"] as? String == "parole 0.2.0")
        #expect(try CLI.run(args).stdout.hasSuffix("parole 0.2.0 · corpus \(expected)\n"))
        #expect(try CLI.run(["validate"]).stdout.contains(expected))
        for command in [["show", "kz"], ["countries"], ["compare", "kz", "ru"], ["conformance", "kz"], ["annex", "1"]] {
            #expect(try CLI.run(command).stdout.contains(String(expected.dropFirst(7))), "\(command)")
        }
    }

    @Test func oneChangedByteGivesAnotherDigest() throws {
        let dir = try CLI.scratchCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try CLI.run(["--version"], environment: ["PAROLE_CORPUS": dir.path]).stdout
        let kz = dir.appendingPathComponent("jurisdictions/kz.xml")
        var text = try String(contentsOf: kz, encoding: .utf8)
        text += "\n"
        try text.write(to: kz, atomically: true, encoding: .utf8)
        let after = try CLI.run(["--version"], environment: ["PAROLE_CORPUS": dir.path]).stdout
        #expect(before != after)
        #expect(after.contains("sha256:" + (try sha256sumDigest(of: dir))))
    }
}
