import Foundation
import Testing

/// What a person at an 80-column terminal sees: tables and paragraphs fitted to the width, every help example on
/// one line of its own so that it can be copied, and words rather than ids.
@Suite struct TerminalLayoutTests {
    static let commands = ["simulate", "whatif", "reforms", "cohort", "cohort generate", "roster", "show", "countries",
                           "compare", "conformance", "annex", "stats", "validate", "instruments", "search", "cite", "serve"]

    /// Lines longer than `width` characters (not bytes: Cyrillic and ⚠ count once).
    func overlong(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.count > width }
    }

    @Test("--width 80 fits the simulate table and its explanation to 80 characters, in every language",
          arguments: ["en", "ru", "kk"])
    func simulateFitsWidth(lang: String) throws {
        let result = try CLI.run(["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10",
                                  "--as-of", "2026-01-01", "--width", "80", "--lang", lang])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(overlong(result.stdout, width: 80).isEmpty, "\(overlong(result.stdout, width: 80).prefix(3))")
        // Nothing is lost by wrapping: every citation of the unwrapped output is still there.
        let whole = try CLI.run(["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10",
                                 "--as-of", "2026-01-01", "--lang", lang])
        #expect(overlong(whole.stdout, width: 80).count > 0)
        func seedLines(_ s: String) -> [String] {
            s.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0.hasPrefix("L") }.map(String.init).sorted()
        }
        let wrapped = seedLines(result.stdout), unwrapped = seedLines(whole.stdout)
        #expect(wrapped.count == unwrapped.count)
        #expect(Set(unwrapped).subtracting(wrapped).sorted().prefix(5) == [])
    }

    @Test("A table is fitted to COLUMNS only when asked, never when written to a pipe")
    func pipeKeepsWholeLines() throws {
        let piped = try CLI.run(["conformance", "kz"], environment: ["COLUMNS": "60"])
        #expect(piped.status == 0)
        #expect(!overlong(piped.stdout, width: 100).isEmpty)
        let fitted = try CLI.run(["conformance", "kz", "--width", "100"])
        #expect(overlong(fitted.stdout, width: 100).isEmpty, "\(overlong(fitted.stdout, width: 100).prefix(2))")
        let tooNarrow = try CLI.run(["countries", "--width", "10"])
        #expect(tooNarrow.status == 64)
        #expect(tooNarrow.stderr.contains("--width 10"))
    }

    @Test("The compact outcome table leaves who decides and the other mechanisms to --wide")
    func compactAndWide() throws {
        let args = ["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10", "--as-of", "2026-01-01"]
        let compact = try CLI.run(args)
        let wide = try CLI.run(args + ["--wide"])
        #expect(!compact.stdout.contains("Other mechanisms"))
        #expect(wide.stdout.contains("Other mechanisms"))
        #expect(wide.stdout.contains("Decided by"))
    }

    @Test("Readable output names kinds, statuses and features in words, not ids")
    func labelsNotIds() throws {
        let wide = try CLI.run(["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10",
                                "--as-of", "2026-01-01", "--wide"])
        for id in ["automatic-release yes", "(out-of-scope)", "(conditions-unmet)", "[law-in-time]", "[grant-condition]"] {
            #expect(!wide.stdout.contains(id), "\(id)")
        }
        #expect(wide.stdout.contains("automatic release"))
        let conformance = try CLI.run(["conformance", "kz"])
        #expect(!conformance.stdout.contains("coe-rec-2003-22-fairness"))
        #expect(!conformance.stdout.contains("appeal-available"))
        #expect(conformance.stdout.contains("the decision can be appealed"))
    }

    @Test("Two mechanisms of one kind are told apart by their own labels")
    func noLookAlikeRows() throws {
        let result = try CLI.run(["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10",
                                  "--as-of", "2026-01-01", "--jurisdiction", "fi", "--jurisdiction", "ca", "--wide",
                                  "--format", "markdown"])
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("|") && ($0.contains("fi") || $0.contains("ca")) }
        #expect(rows.count == 2)
        for row in rows {
            let others = row.split(separator: "|").last.map(String.init) ?? ""
            let names = others.split(separator: ";").map { $0.split(separator: " ").dropLast().joined(separator: " ") }
            #expect(Set(names).count == names.count, "\(row)")
        }
    }

    @Test("A list of mechanism kinds names each kind once (Canada's two parole mechanisms are one kind)",
          arguments: ["en", "ru", "kk"])
    func kindsListedOnce(lang: String) throws {
        let r = try CLI.run(["countries", "--format", "json", "--lang", lang])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count >= 40)
        for row in rows {
            let kinds = ((row["mechanisms"] as? String) ?? "").components(separatedBy: ", ").filter { !$0.isEmpty }
            #expect(Set(kinds).count == kinds.count, "\(row["id"] ?? "?"): \(kinds)")
        }
    }

    @Test("Every example in every command's help stays on one line at 80 columns", arguments: commands)
    func examplesCanBeCopied(command: String) throws {
        let help = try CLI.run(command.split(separator: " ").map(String.init) + ["--help"],
                               environment: ["COLUMNS": "80"])
        #expect(help.status == 0)
        let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Examples:") }) else {
            Issue.record("\(command) --help has no examples"); return
        }
        let examples = lines[(start + 1)...].prefix { !$0.isEmpty }
        #expect(!examples.isEmpty)
        // A command, possibly after an environment setting (`PAROLE_CORPUS=… parole validate`).
        func startsCommand(_ line: String) -> Bool {
            line.trimmingCharacters(in: .whitespaces)
                .range(of: #"^([A-Z_]+=\S+ )?parole "#, options: .regularExpression) != nil
        }
        for (line, next) in zip(examples, examples.dropFirst().map(Optional.some) + [nil]) {
            // A line of an example is a command, or the continuation of one ended by a backslash.
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            #expect(startsCommand(line) || trimmed.hasPrefix("--"), "\(command): \(line)")
            if let next, !startsCommand(next) {
                #expect(line.hasSuffix("\\"), "\(command): \(line) / \(next)")
            }
        }
    }
}
