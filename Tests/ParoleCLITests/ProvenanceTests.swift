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
            + "jurisdictions/*.xml instruments/*.xml annexes/*.xml reforms/*.xml stats/*.xml | sha256sum"]
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

/// Every output that prints carries what `parole --version` prints: the program and its version, and the digest of
/// the corpus it read. Text, Markdown and HTML end with a footer; JSON carries it in each document, array element or
/// batch line; CSV does not (docs/outputs-json.md: a row of it would be read as data).
@Suite struct ProvenanceEverywhereTests {
    /// `program` and `corpus` as `parole --version` prints them: `parole 0.2.0 · corpus sha256:… (folder)`.
    static let expected: (program: String, corpus: String) = {
        let line = (try? CLI.run(["--version"]).stdout) ?? ""
        let parts = line.components(separatedBy: " · corpus ")
        let corpus = parts.count == 2 ? String(parts[1].prefix { $0 != " " && $0 != "\n" }) : ""
        return (parts.first ?? "", corpus)
    }()

    @Test func theVersionLineNamesAProgramAndADigest() {
        #expect(Self.expected.program.hasPrefix("parole "))
        #expect(Self.expected.corpus.range(of: "^sha256:[0-9a-f]{64}$", options: .regularExpression) != nil,
                "\(Self.expected)")
    }

    static let base = ["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10"]

    /// Every command and text-like format: the last line is the footer, in the language of the output.
    @Test(arguments: [
        base, base + ["--format", "markdown"], base + ["--jurisdiction", "kz"],
        ["show", "kz"], ["show", "kz", "--lang", "kk"], ["show", "kz", "--as-of", "2016-01-01"], ["show", "fr", "--lang", "ru"],
        ["show", "coe-rec-2003-22"], ["show", "coe-rec-2003-22", "--lang", "kk"],
        ["countries"], ["countries", "--format", "markdown"], ["countries", "--lang", "kk"],
        ["compare", "kz", "ru"], ["compare", "kz", "de", "--format", "markdown"], ["compare", "kz", "ru", "--lang", "ru"],
        ["conformance", "kz"], ["conformance", "fi", "--format", "markdown"],
        ["annex", "1"], ["annex", "1", "--lang", "kk"],
    ])
    func textEndsWithTheFooter(_ args: [String]) throws {
        let r = try CLI.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        let last = try #require(r.stdout.split(separator: "\n").last.map(String.init))
        let language = args.firstIndex(of: "--lang").map { args[$0 + 1] } ?? "en"
        let word = language == "en" ? "corpus" : "корпус"
        #expect(last == "\(Self.expected.program) · \(word) \(Self.expected.corpus)", "\(args)")
    }

    @Test(arguments: ["en", "kk"])
    func htmlEndsWithTheFooter(_ language: String) throws {
        let r = try CLI.run(["annex", "1", "--format", "html", "--lang", language])
        #expect(r.status == 0, "\(r.stderr)")
        let word = language == "en" ? "corpus" : "корпус"
        #expect(r.stdout.hasSuffix("<footer><p>\(Self.expected.program) · \(word) \(Self.expected.corpus)</p></footer>\n"
            + "</body>\n</html>\n"))
    }

    /// `{"program": …, "corpus": …}` as `parole --version` prints them.
    func expectProvenance(_ value: Any?, _ place: String) {
        let object = value as? [String: Any]
        #expect(object?["program"] as? String == Self.expected.program, "\(place)")
        #expect(object?["corpus"] as? String == Self.expected.corpus, "\(place)")
    }

    func json(_ args: [String]) throws -> Any {
        let r = try CLI.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    @Test func simulateAndAnnexDocumentsCarryIt() throws {
        let simulate = try #require(try json(Self.base + ["--format", "json"]) as? [String: Any])
        expectProvenance(simulate["provenance"], "simulate")
        for language in ["en", "kk"] {
            let annex = try #require(try json(["annex", "1", "--format", "json", "--lang", language]) as? [String: Any])
            expectProvenance(annex["provenance"], "annex \(language)")
        }
    }

    /// Arrays stay arrays: each element carries it.
    @Test func everyElementOfAnArrayCarriesIt() throws {
        let verdicts = try #require(try json(["conformance", "kz", "--format", "json"]) as? [[String: Any]])
        #expect(!verdicts.isEmpty)
        for (i, v) in verdicts.enumerated() { expectProvenance(v["provenance"], "conformance[\(i)]") }
        // A country row stays a map of strings: the two values are strings of the row.
        let rows = try #require(try json(["countries", "--format", "json"]) as? [[String: String]])
        #expect(rows.count >= 36)
        for row in rows { expectProvenance(row, "countries \(row["id"] ?? "?")") }
    }

    @Test func everyBatchLineCarriesIt() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString).jsonl")
        try [#"{"term": "9y", "category": "grave", "start": "2022-01-10"}"#, #"{"term": "9y", "category": "gravest"}"#,
             #"{"term": "life", "category": "especially-grave", "start": "2001-05-20"}"#]
            .joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CLI.run(["simulate", "--batch", file.path, "--jurisdiction", "kz"])
        let lines = try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(lines.count == 3)
        #expect(lines[1]["error"] != nil)
        for line in lines { expectProvenance(line["provenance"], "batch line \(line["line"] ?? "?")") }
    }

    /// `validate` prints the digest of the bytes it checked (not a loaded corpus's).
    @Test func validatePrintsTheDigest() throws {
        #expect(try CLI.run(["validate"]).stdout.contains(Self.expected.corpus))
    }

    /// CSV is records only: no line is a provenance line, and every line has the header's number of fields.
    @Test(arguments: [["countries"], ["compare", "kz", "ru", "de"], ["annex", "1"], ["annex", "1", "--lang", "kk"]])
    func csvIsRecordsOnly(_ args: [String]) throws {
        let r = try CLI.run(args + ["--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains(Self.expected.corpus))
        let records = Self.csvRecords(r.stdout)
        #expect(records.count > 2)
        #expect(records.allSatisfy { $0.count == records[0].count }, "\(records.map(\.count))")
    }

    /// RFC 4180 records: fields split at commas outside quotes, records at line breaks (CRLF or LF) outside quotes.
    static func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = [], fields: [String] = [], field = "", quoted = false
        for character in text {
            switch (character, quoted) {
            case ("\"", _): quoted.toggle()
            case (",", false): fields.append(field); field = ""
            case ("\n", false), ("\r\n", false): records.append(fields + [field]); fields = []; field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty { records.append(fields + [field]) }
        return records
    }
}
