@testable import AtlasCorpus
import AtlasModel
import Foundation
import SafeXML
import Testing

/// Values the engine cannot compute with, and documents too large or not text, are refused by `validate` and by
/// every load, each with its place and the limit.
@Suite struct CorpusLimitTests {
    static let breakages: [CorpusValidationTests.Breakage] = [
        .init(label: "the fraction that overflowed Rational.times", file: "jurisdictions/kz.xml",
              old: "<fraction>1/2</fraction>", new: "<fraction>9223372036854775806/9223372036854775807</fraction>",
              expected: "numerator and denominator from 1 to 1000"),
        .init(label: "a duration with more digits than any law", file: "jurisdictions/kz.xml",
              old: "<fixed>P25Y</fixed>", new: "<fixed>P99999999999999999999Y</fixed>", expected: "at most P1000Y"),
        .init(label: "a duration whose parts fit but whose whole is 1999 years", file: "jurisdictions/kz.xml",
              old: "<fixed>P25Y</fixed>", new: "<fixed>P999Y12000M</fixed>",
              expected: "\"P999Y12000M\" is longer than 1000 years"),
        .init(label: "an age past any person's", file: "jurisdictions/kz.xml", old: #"<age at="decision" ge="58"/>"#,
              new: #"<age at="decision" ge="99999999999999999999"/>"#, expected: "('150')"),
        .init(label: "a conversion count past any law's", file: "jurisdictions/kz.xml", old: #"days-of-custody="4""#,
              new: #"days-of-custody="9223372036854775807""#, expected: "('1000')"),
    ]

    @Test(arguments: breakages)
    func aValueTheEngineCannotComputeWithIsRefusedAtItsPlace(_ b: CorpusValidationTests.Breakage) throws {
        let scratch = try ScratchCorpus()
        defer { scratch.remove() }
        let line = try scratch.replace(b.old, with: b.new, in: b.file)
        let report = try scratch.validate()
        let d = try #require(report.diagnostics.first { $0.message.contains(b.expected) }, "\(report.diagnostics)")
        #expect(d.file.hasSuffix(b.file))
        #expect(d.line == line, "\(d)")
        #expect((d.column ?? 0) > 1)
        #expect(!d.description.contains("\n"))
        #expect(throws: CorpusError.self) {
            try CorpusLoader(location: CorpusLocation(corpusDirectory: scratch.directory.path)).load()
        }
    }

    /// What the reader refuses when XSD validation did not run (a verified stamp, or a fuzzer's document): the model
    /// never holds a number the engine cannot compute with.
    @Test func theReaderRefusesOutOfBoundNumbersWithoutTheSchema() throws {
        let xml = """
            <jurisdiction xmlns="urn:parole-atlas:corpus:1" id="zz">
              <condition-set id="zz-s"><when><age at="decision" ge="-1"/></when></condition-set>
              <mechanism id="zz-m" kind="parole">
                <version id="zz-v" from="2000-01-01">
                  <threshold id="zz-t"><fraction>9223372036854775806/9223372036854775807</fraction></threshold>
                  <threshold id="zz-u"><fraction>2000/4000</fraction><minimum>P999999Y</minimum></threshold>
                  <conversion id="zz-c" into="fine" days-of-custody="0" amount="99999999999999999999" unit="mci"/>
                </version>
              </mechanism>
            </jurisdiction>
            """
        let doc = try XMLDocument.parse(bytes: Array(xml.utf8), name: "zz.xml")
        let piece = CorpusPiece.read(doc.root, path: "corpus/jurisdictions/zz.xml")
        let messages = piece.diagnostics.map { "\($0.line ?? 0): \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("2: ge=\"-1\" is not a whole number from 0 to 150") }, "\(messages)")
        #expect(messages.contains {
            $0.hasPrefix("5: fraction \"9223372036854775806/9223372036854775807\" has a term over 1000")
        })
        #expect(messages.contains { $0.hasPrefix("6: fraction \"2000/4000\" has a term over 1000") })
        #expect(messages.contains { $0.hasPrefix("6: \"P999999Y\" is longer than 1000 years") })
        #expect(messages.contains { $0.hasPrefix("7: days-of-custody=\"0\" is not a whole number from 1 to 1000") })
        #expect(messages.contains { $0.hasPrefix("7: amount=\"99999999999999999999\" is not a whole number") })
        guard case .jurisdiction(let j) = piece.content else {
            Issue.record("not read as a jurisdiction")
            return
        }
        let thresholds = try #require(j.mechanisms.first?.versions.first?.thresholds)
        #expect(thresholds.count == 2 && thresholds.allSatisfy { $0.fraction == nil && $0.minimum == nil })
    }

    @Test func theLongestDurationsOfEachUnitFit() {
        #expect(CorpusLimits.fits(CalendarDuration(years: 1000)))
        #expect(CorpusLimits.fits(CalendarDuration(months: 12000)))
        #expect(CorpusLimits.fits(CalendarDuration(days: 365_243)))
        #expect(!CorpusLimits.fits(CalendarDuration(days: 365_244)))
        #expect(!CorpusLimits.fits(CalendarDuration(years: 1000, days: 1)))
    }

    @Test func anOversizeDocumentIsRefusedByNameAndLimitWithoutReadingIt() throws {
        let scratch = try ScratchCorpus()
        defer { scratch.remove() }
        let path = scratch.path("jurisdictions/zz.xml")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 200 << 20)
        try handle.close()
        let report = try scratch.validate()
        #expect(report.diagnostics.map(\.description) == ["\(path):1:1: file is 209,715,200 bytes (200 MiB), over the "
            + "limit of 4,194,304 bytes (4 MiB) for one document; split it into smaller documents"])
    }

    @Test func anOversizeTextNodeIsRefusedAtItsElement() throws {
        let scratch = try ScratchCorpus()
        defer { scratch.remove() }
        let long = String(repeating: "x", count: 70_000)
        let line = try scratch.replace(#"<note xml:lang="en">The report does not date this exclusion"#,
                                       with: #"<note xml:lang="en">\#(long) The report does not date this exclusion"#,
                                       in: "jurisdictions/kz.xml")
        let report = try scratch.validate()
        #expect(report.diagnostics.map(\.description) == [scratch.path("jurisdictions/kz.xml") + ":\(line):9: the "
            + "text in <note> is 70,079 bytes, over the limit of 65,536 bytes (64 KiB) for one text node; shorten it or "
            + "split it into several elements"])
    }

    @Test func aNulByteOrBadUTF8IsOneLineAtItsPlace() throws {
        let scratch = try ScratchCorpus()
        defer { scratch.remove() }
        let kz = scratch.directory.appendingPathComponent("jurisdictions/kz.xml")
        var bytes = try [UInt8](Data(contentsOf: kz))
        let at = try #require(bytes.firstRange(of: Array("kz-parole".utf8)))
        // Where the byte goes, counted as an editor counts it (the corpus text may move; the place must follow it).
        let before = bytes[..<at.lowerBound]
        let nulLine = before.filter { $0 == 0x0A }.count + 1
        let nulColumn = before.count - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        bytes.insert(0, at: at.lowerBound)
        try Data(bytes).write(to: kz)
        let fi = scratch.directory.appendingPathComponent("jurisdictions/fi.xml")
        var latin = try [UInt8](Data(contentsOf: fi))
        let name = try #require(latin.firstRange(of: Array("fi-parole".utf8)))
        let latinLine = latin[..<name.lowerBound].filter { $0 == 0x0A }.count + 1
        latin.insert(0xE9, at: name.lowerBound)  // é in Latin-1: not UTF-8
        try Data(latin).write(to: fi)
        let report = try scratch.validate()
        #expect(report.diagnostics.count == 2, "\(report.diagnostics)")
        let nul = try #require(report.diagnostics.first { $0.file.hasSuffix("kz.xml") })
        #expect(nul.line == nulLine && nul.column == nulColumn)
        #expect(nul.message.hasPrefix("NUL byte (0x00)"))
        let utf8 = try #require(report.diagnostics.first { $0.file.hasSuffix("fi.xml") })
        #expect(utf8.line == latinLine)
        #expect(utf8.message.hasPrefix("invalid UTF-8"))
        for d in report.diagnostics { #expect(!d.description.contains("\n")) }
    }

    /// A broken sources.xml is one problem, not one per citation in the corpus.
    @Test func anUnreadableSourcesFileIsReportedOnce() throws {
        let scratch = try ScratchCorpus()
        defer { scratch.remove() }
        try scratch.replace("</title>", with: "</title></oops>", in: "sources.xml")
        let report = try scratch.validate()
        #expect(report.diagnostics.count == 1, "\(report.diagnostics.prefix(3))")
        #expect(report.diagnostics.first?.file.hasSuffix("sources.xml") == true)
    }
}

/// The corpus digest: SHA-256 of exactly the bytes and names of the documents, reproducible with `sha256sum`.
@Suite struct CorpusDigestTests {
    @Test func theDigestIsTheSha256OfTheSha256sumManifest() throws {
        let loaded = try CorpusLoader(location: .bundled).loadWithDigest()
        #expect(loaded.digest.count == 64 && loaded.digest.allSatisfy(\.isHexDigit))
        let tool = "/usr/bin/sha256sum"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.currentDirectoryURL = URL(fileURLWithPath: CorpusLocation.bundledCorpus)
        process.environment = ["LC_ALL": "C", "PATH": "/usr/bin:/bin"]
        process.arguments = ["-c", "sha256sum sources.xml vocabulary.xml cases.xml crosswalk.xml jurisdictions/*.xml "
            + "instruments/*.xml annexes/*.xml reforms/*.xml stats/*.xml | sha256sum"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.hasPrefix(loaded.digest + "  -"))
    }

    @Test func aCopyElsewhereHasTheSameDigestAndOneByteChangesIt() throws {
        let scratch = try ScratchCorpus()
        defer { scratch.remove() }
        let location = CorpusLocation(corpusDirectory: scratch.directory.path)
        let bundled = try CorpusLoader(location: .bundled).loadWithDigest().digest
        #expect(try CorpusLoader(location: location).loadWithDigest().digest == bundled)
        #expect(try scratch.validate().digest == bundled)
        try scratch.replace("<fraction>1/2</fraction>", with: "<fraction>1/2</fraction> ", in: "jurisdictions/kz.xml")
        #expect(try CorpusLoader(location: location).loadWithDigest().digest != bundled)
    }
}

/// A stamp lets a load skip XSD validation only when the user's own key signed it for these exact bytes; nothing
/// that can merely write the cache can switch the checks off, and the cheap checks never switch off at all.
@Suite struct ForgedStampTests {
    /// A scratch corpus, a cache and a key of its own.
    struct Setup {
        let scratch: ScratchCorpus
        let base: URL
        let stamps: CheckedStamps
        var loader: CorpusLoader {
            CorpusLoader(location: CorpusLocation(corpusDirectory: scratch.directory.path), stamps: stamps)
        }

        init() throws {
            scratch = try ScratchCorpus()
            base = FileManager.default.temporaryDirectory.appendingPathComponent("parole-stamp-\(UUID().uuidString)")
            stamps = CheckedStamps(directory: base.appendingPathComponent("cache").path, programIdentity: "tests",
                                   keyFile: base.appendingPathComponent("state/stamp-key").path)
        }

        func remove() {
            scratch.remove()
            try? FileManager.default.removeItem(at: base)
        }

        /// Breaks the corpus as the issue did: an id that by.xml already uses, an unknown source and an unknown
        /// mechanism kind in kz.xml (only the cross-reference checks see them), and an element only the schema
        /// refuses in fi.xml.
        func breakCorpus() throws {
            try scratch.replace(#"<threshold id="kz-cc-72-3-grave">"#, with: #"<threshold id="by-cc-90-half">"#,
                                in: "jurisdictions/kz.xml")
            try scratch.replace(#"<cite source="kz-cpc-2014""#, with: #"<cite source="kz-cpc-1997""#,
                                in: "jurisdictions/kz.xml")
            try scratch.replace(#"<mechanism id="kz-parole" kind="parole">"#,
                                with: #"<mechanism id="kz-parole" kind="pardon-by-stamp">"#, in: "jurisdictions/kz.xml")
            try scratch.replace(#"<mechanism id="fi-parole" kind="parole">"#,
                                with: #"<mechanism id="fi-parole" kind="parole"><only-the-schema-sees-this/>"#,
                                in: "jurisdictions/fi.xml")
        }

        /// The load's complaint, which must exist.
        func loadFailure() throws -> String {
            try #require(throws: CorpusError.self) { try loader.loadWithDigest() }.description
        }

        func setMode(_ mode: Int, of path: String) throws {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        }
    }

    enum Forgery: String, CaseIterable, Sendable {
        case emptyFileWithTheRightName, randomBytes, stampOfAnotherCorpusCopied, signedWithAnotherKey
        case keyFileReadableByOthers, keyFileWritableByOthers, stampWritableByOthers, stampIsASymbolicLink
    }

    @Test(arguments: Forgery.allCases)
    func aForgedStampDoesNotSkipAnyCheck(_ forgery: Forgery) throws {
        let setup = try Setup()
        defer { setup.remove() }
        // A genuine stamp of the clean corpus, then the corpus broken.
        #expect(try setup.loader.loadWithDigest().skippedSchemaValidation == false)
        let genuine = try #require(try FileManager.default.contentsOfDirectory(atPath: setup.stamps.directory).first)
        let genuinePath = (setup.stamps.directory as NSString).appendingPathComponent(genuine)
        try setup.breakCorpus()
        let target = try #require(try setup.loader.currentStampDigest())
        let path = setup.stamps.path(target)
        switch forgery {
        case .emptyFileWithTheRightName:
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        case .randomBytes:
            let noise = Data((0..<160).map { _ in UInt8.random(in: 0...255) })
            #expect(FileManager.default.createFile(atPath: path, contents: noise))
        case .stampOfAnotherCorpusCopied:
            try FileManager.default.copyItem(atPath: genuinePath, toPath: path)
        case .signedWithAnotherKey:
            CheckedStamps(directory: setup.stamps.directory, programIdentity: "tests",
                          keyFile: setup.base.appendingPathComponent("other-key").path).record(target)
        case .keyFileReadableByOthers:
            setup.stamps.record(target)
            try setup.setMode(0o644, of: setup.stamps.keyFile)
        case .keyFileWritableByOthers:
            setup.stamps.record(target)
            try setup.setMode(0o666, of: setup.stamps.keyFile)
        case .stampWritableByOthers:
            setup.stamps.record(target)
            try setup.setMode(0o666, of: path)
        case .stampIsASymbolicLink:
            setup.stamps.record(target)
            let real = path + "-real"
            try FileManager.default.moveItem(atPath: path, toPath: real)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: real)
        }
        #expect(FileManager.default.fileExists(atPath: path))
        let failure = try setup.loadFailure()
        #expect(failure.contains("only-the-schema-sees-this"), "the schema was not checked: \(failure)")
        #expect(failure.contains(#"duplicate id "by-cc-90-half""#))
        #expect(failure.contains(#"unknown source "kz-cpc-1997""#))
        #expect(failure.contains(#"unknown mechanism-kind term "pardon-by-stamp""#))
    }

    @Test func evenAGenuineStampSkipsOnlyTheSchema() throws {
        let setup = try Setup()
        defer { setup.remove() }
        try setup.breakCorpus()
        // As if the user's own key had signed the broken bytes: the cheap checks still run.
        setup.stamps.record(try #require(try setup.loader.currentStampDigest()))
        let failure = try setup.loadFailure()
        #expect(!failure.contains("only-the-schema-sees-this"))
        #expect(failure.contains(#"duplicate id "by-cc-90-half""#))
        #expect(failure.contains(#"unknown source "kz-cpc-1997""#))
        #expect(failure.contains(#"unknown mechanism-kind term "pardon-by-stamp""#))
    }

    @Test func aGenuineStampSkipsTheSchemaAndChangesNothingLoaded() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let first = try setup.loader.loadWithDigest()
        #expect(!first.skippedSchemaValidation)
        let second = try setup.loader.loadWithDigest()
        #expect(second.skippedSchemaValidation)
        #expect(second.digest == first.digest)
        #expect(second.corpus.jurisdictions.map(\.id) == first.corpus.jurisdictions.map(\.id))
        // validate never trusts a stamp.
        #expect(try setup.loader.validate().isClean)
        let key = try FileManager.default.attributesOfItem(atPath: setup.stamps.keyFile)
        #expect((key[.posixPermissions] as? Int) == 0o600)
        #expect((key[.size] as? Int) == 32)
        let folder = try FileManager.default.attributesOfItem(atPath: setup.base.appendingPathComponent("state").path)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: setup.stamps.directory)
        #expect(names.count == 1 && names[0].hasPrefix("checked-\(getuid())-"))
        let text = try String(contentsOfFile: (setup.stamps.directory as NSString).appendingPathComponent(names[0]),
                              encoding: .utf8)
        #expect(text.split(separator: "\n").map(\.count) == [CheckedStamps.format.count, 64, 64])
    }

    @Test func theStandardKeyIsKeptApartFromASharedCache() throws {
        let stamps = try #require(CheckedStamps.standard(environment: ["PAROLE_CACHE": "/tmp/shared-cache",
                                                                         "HOME": "/home/u"]))
        #expect(stamps.directory == "/tmp/shared-cache")
        #expect(stamps.keyFile == "/home/u/.local/state/parole-atlas/stamp-key")
        let xdg = try #require(CheckedStamps.standard(environment: ["XDG_STATE_HOME": "/s", "XDG_CACHE_HOME": "/c"]))
        #expect(xdg.keyFile == "/s/parole-atlas/stamp-key" && xdg.directory == "/c/parole-atlas")
        #expect(CheckedStamps.standard(environment: ["PAROLE_CACHE": "off", "HOME": "/home/u"]) == nil)
    }
}
