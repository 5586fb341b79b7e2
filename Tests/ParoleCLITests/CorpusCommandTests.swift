import Foundation
import Testing

@Suite struct CorpusCommandTests {
    @Test func validateIsCleanOnTheBundledCorpus() throws {
        let r = try CLI.run(["validate"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasPrefix("ok: "))
    }

    @Test func validateListsEveryProblemAsFileLineColumn() throws {
        let dir = try CLI.scratchCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let kz = dir.appendingPathComponent("jurisdictions/kz.xml")
        var text = try String(contentsOf: kz, encoding: .utf8)
        text = text.replacingOccurrences(of: #"<cite source="kz-cpc-2014""#, with: #"<cite source="kz-cpc-1997""#)
        text = text.replacingOccurrences(of: #"<offence any="corruption"/>"#, with: #"<offence any="bribery"/>"#)
        try text.write(to: kz, atomically: true, encoding: .utf8)
        let r = try CLI.run(["validate", "--corpus", dir.path])
        #expect(r.status == 65)
        let problems = r.stdout.split(separator: "\n")
        #expect(problems.count >= 3)
        for p in problems {
            #expect(p.range(of: #"^.+kz\.xml:\d+:\d+: "#, options: .regularExpression) != nil, "\(p)")
        }
        #expect(r.stdout.contains("kz-cpc-1997"))
        #expect(r.stdout.contains("bribery"))
        #expect(r.stderr.contains("problems"))
    }

    @Test func environmentVariableSelectsTheCorpus() throws {
        let dir = try CLI.scratchCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "<jurisdiction".write(to: dir.appendingPathComponent("jurisdictions/kz.xml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["validate"], environment: ["PAROLE_CORPUS": dir.path])
        #expect(r.status == 65)
        #expect(r.stdout.contains("kz.xml:1:"))
        let sim = try CLI.run(["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10"],
                              environment: ["PAROLE_CORPUS": dir.path])
        #expect(sim.status == 65)
        #expect(sim.stdout.isEmpty)
        #expect(sim.stderr.contains("kz.xml:1:"))
        #expect(!sim.stderr.contains("Fatal error"))
    }

    @Test func hostileCorpusFileIsRefused() throws {
        let dir = try CLI.scratchCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <jurisdiction xmlns="urn:parole-atlas:corpus:1" id="zz">&lol2;</jurisdiction>
            """
        try bomb.write(to: dir.appendingPathComponent("jurisdictions/zz.xml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["validate", "--corpus", dir.path])
        #expect(r.status == 65)
        #expect(r.stdout.contains("zz.xml:2:1: DOCTYPE declarations are not allowed"))
    }

    @Test func showPrintsTheRegimeWithCitations() throws {
        let r = try CLI.run(["show", "kz"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Republic of Kazakhstan [kz]"))
        #expect(r.stdout.contains("kz-cc-72-8-corruption from 2020-12-19"))
        #expect(r.stdout.contains("seed L3683"))
        #expect(r.stdout.contains("Discrepancies"))
        let before = try CLI.run(["show", "kz", "--as-of", "2016-01-01"])
        #expect(before.stdout.contains("(not yet in force on 2016-01-01) kz-cc-72-8-sexual-offence-against-minor"))
        let kk = try CLI.run(["show", "kz", "--lang", "kk"])
        #expect(kk.stdout.contains("Қазақстан Республикасы"))
    }

    @Test(arguments: ["simulate", "show", "validate"])
    func everySubcommandHasHelpWithExamples(_ name: String) throws {
        let r = try CLI.run([name, "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Examples"))
        #expect(r.stdout.contains("parole \(name)"))
    }

    /// The flags named by the foundation issue are a contract: renaming one must fail this test. The command's
    /// own options are declared to the argument parser; the case facts come from `CaseFactCatalogue` and are
    /// listed in the help (SimulateCommandTests checks that each is read).
    @Test func simulateKeepsItsContractFlags() throws {
        let dump = try CLI.run(["simulate", "--experimental-dump-help"])
        #expect(dump.status == 0)
        for flag in ["jurisdiction", "format", "case", "corpus", "batch", "explain", "output"] {
            #expect(dump.stdout.contains("\"\(flag)\""), "missing --\(flag)")
        }
        let help = try CLI.run(["simulate", "--help"])
        for flag in ["term", "category", "start", "offence", "sex", "age", "birth-date", "juvenile", "pregnant",
                     "young-child", "single-father", "disability", "cooperation", "prior-revocation", "as-of"] {
            #expect(help.stdout.contains("--\(flag) ") || help.stdout.contains("--\(flag)\n"), "missing --\(flag)")
        }
    }
}

/// A corpus whose exact bytes passed every check is not checked again; any change to it is.
@Suite struct CheckedStampTests {
    @Test func aCheckedCorpusIsTrustedOnlyWhileItsBytesAreUnchanged() throws {
        let corpus = try CLI.scratchCorpus()
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("parole-stamps-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: corpus)
            try? FileManager.default.removeItem(at: cache)
        }
        let env = ["PAROLE_CACHE": cache.path]
        let args = ["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10", "--as-of", "2026-11-25",
                    "--corpus", corpus.path, "--format", "json"]
        let first = try CLI.run(args, environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        let stamps = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("checked-") }
        #expect(stamps.count == 1)
        // The second run trusts the stamp and must answer exactly as the first.
        let second = try CLI.run(args, environment: env)
        #expect(second.status == 0)
        #expect(second.stdout == first.stdout)
        // A dangling citation the schema cannot see: only the cross-reference checks catch it, and they must run
        // again because the bytes changed.
        let file = corpus.appendingPathComponent("jurisdictions/fi.xml")
        let original = try String(contentsOf: file, encoding: .utf8)
        let broken = original.replacingOccurrences(of: #"source="seed""#, with: #"source="no-such-source""#)
        #expect(broken != original)
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let third = try CLI.run(args, environment: env)
        #expect(third.status == 65)
        #expect(third.stderr.contains("fi.xml") && third.stderr.contains("no-such-source"))
        #expect(third.stdout.isEmpty)
        // Put back, the corpus is trusted again without a new stamp.
        try original.write(to: file, atomically: true, encoding: .utf8)
        let fourth = try CLI.run(args, environment: env)
        #expect(fourth.stdout == first.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).count == 1)
    }

    @Test func validateAlwaysChecksAndCacheOffNeverWrites() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("parole-stamps-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let v = try CLI.run(["validate"], environment: ["PAROLE_CACHE": cache.path])
        #expect(v.status == 0)
        #expect(!FileManager.default.fileExists(atPath: cache.path))
        let off = try CLI.run(["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10"],
                              environment: ["PAROLE_CACHE": "off"])
        #expect(off.status == 0)
    }
}
