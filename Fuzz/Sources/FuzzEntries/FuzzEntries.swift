import AtlasCorpus
import AtlasInput
import AtlasModel
import Foundation
import SafeXML

/// What each fuzz target does with one input.
///
/// The fuzz executables (Fuzz/Sources/<target>) call these, and `FuzzRegressionTests` in the main package compiles
/// this same file (Tests/FuzzRegressionTests/FuzzEntries.swift is a link to it) to replay every seed and every saved
/// crash, so a fuzz finding stays a test without the fuzzer runtime.
///
/// An input may be rejected (that is what bad input is for); it must never trap, and each rejection must be a
/// thrown error whose message is one line. Anything else the entry checks (a value that does not survive being
/// printed and parsed again, a line lost by the batch reader, a clean validation that does not load) is a
/// *violation*: the fuzzers crash on it, so that libFuzzer saves the input, and the tests fail on it.
public struct FuzzFindings: Sendable {
    /// Messages of the errors the input was rejected with.
    public var rejections: [String] = []
    /// Broken expectations; each one is a bug.
    public var violations: [String] = []

    public init() {}

    /// Records a rejection, and a violation when its message is not one line (any line terminator counts, not
    /// only `\n`: a message is printed as one line of a terminal, a log or a batch error line).
    mutating func reject(_ message: String) {
        rejections.append(message)
        if message.contains(where: \.isNewline) {
            violations.append("a rejection message takes more than one line: \(message.debugDescription)")
        }
    }

    mutating func expect(_ condition: Bool, _ violation: @autoclosure () -> String) {
        if !condition { violations.append(violation()) }
    }

    /// Violations a fuzz run goes on past: those containing one of the `|`-separated texts of `FUZZ_ALLOW`. For a
    /// finding already saved under Fuzz/Regressions and reported whose fix is not in yet, so that the fuzzer can
    /// look for others meanwhile. The regression tests allow nothing.
    static let allowed: [String] = (ProcessInfo.processInfo.environment["FUZZ_ALLOW"] ?? "")
        .split(separator: "|").map(String.init)

    /// What a fuzz executable does with the findings: a violation is a crash, so libFuzzer keeps the input.
    public func trapOnViolation() {
        let fatal = violations.filter { violation in !Self.allowed.contains { violation.contains($0) } }
        guard fatal.isEmpty else { fatalError("fuzz violation: " + fatal.joined(separator: "; ")) }
    }
}

/// The fuzz targets, by the name of their executable, seed folder and regression folder.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case corpusDocument = "corpus-document"
    case caseFile = "case-file"
    case batchLines = "batch-lines"
    case termAndDate = "term-and-date"

    /// Runs one input.
    public func run(_ bytes: UnsafeRawBufferPointer) -> FuzzFindings {
        switch self {
        case .corpusDocument: FuzzEntry.corpusDocument(bytes)
        case .caseFile: FuzzEntry.caseFile(bytes)
        case .batchLines: FuzzEntry.batchLines(bytes)
        case .termAndDate: FuzzEntry.termAndDate(bytes)
        }
    }

    /// Does the target's start-up work (loading the vocabulary, making scratch files) before the first input, so
    /// that it is neither charged to that input nor mistaken for a leak of it.
    public func prepare() {
        switch self {
        case .corpusDocument: _ = CorpusScratch.shared
        case .caseFile: _ = FuzzEntry.vocabulary
        case .batchLines: _ = (FuzzEntry.vocabulary, PipeFeed.shared)
        case .termAndDate: break
        }
    }
}

enum FuzzEntry {
    /// The as-of date of every fuzzed case: fixed, so that a finding replays the same way on any day.
    static let today = CalendarDate(year: 2026, month: 1, day: 1)!

    /// The bundled corpus's vocabulary, loaded once per process.
    static let vocabulary: Vocabulary = {
        do { return try CorpusLoader(location: .bundled).load().vocabulary } catch {
            fatalError("the bundled corpus does not load, so case input cannot be fuzzed: \(error)")
        }
    }()

    // MARK: term-and-date

    /// The term, date, duration and fraction parsers on the input as text; then, for text of the shape
    /// `DATE TERM`, the term laid on the calendar from the date (the first thing a simulation does with them).
    static func termAndDate(_ bytes: UnsafeRawBufferPointer) -> FuzzFindings {
        var findings = FuzzFindings()
        let text = String(decoding: bytes, as: UTF8.self)
        do throws(CaseInputError) {
            let term = try CaseDraft.parseTerm(text)
            findings.expect(SentenceTerm(parsing: term.description) == term, "term \(term) does not parse back")
        } catch {
            findings.reject(error.description)
        }
        do throws(CaseInputError) {
            let date = try CaseDraft.parseDate(text, field: "start")
            findings.expect(date.description == text, "date \(text.debugDescription) prints as \(date)")
            findings.expect(CalendarDate(dayNumber: date.dayNumber) == date, "date \(date) does not survive its day number")
        } catch {
            findings.reject(error.description)
        }
        if let sentence = SentenceTerm(parsing: text) {
            findings.expect(SentenceTerm(parsing: sentence.description) == sentence, "term \(sentence) does not parse back")
        }
        for duration in [CalendarDuration(compact: text), CalendarDuration(iso: text)].compactMap({ $0 }) {
            findings.expect(CalendarDuration(compact: duration.compact) == duration,
                            "duration \(duration) does not parse back from \(duration.compact)")
            findings.expect(CalendarDuration(iso: duration.iso8601) == duration,
                            "duration \(duration) does not parse back from \(duration.iso8601)")
        }
        if let fraction = Rational(parsing: text) {
            findings.expect(Rational(parsing: fraction.description) == fraction,
                            "fraction \(fraction) does not parse back")
        }
        if let space = text.firstIndex(of: " "), let start = CalendarDate(iso: String(text[..<space])),
           case .fixed(let duration)? = SentenceTerm(parsing: String(text[text.index(after: space)...])) {
            let end = duration.end(from: start)
            findings.expect(start < end, "\(duration) from \(start) ends on \(end)")
            _ = CalendarDuration.between(start, end)
        }
        return findings
    }

    // MARK: case-file

    /// One case file: parsed, then checked against the bundled vocabulary as `simulate --case` does.
    static func caseFile(_ bytes: UnsafeRawBufferPointer) -> FuzzFindings {
        var findings = FuzzFindings()
        readCase(Data(bytes), place: "fuzz.json", into: &findings)
        return findings
    }

    static func readCase(_ data: Data, place: String, into findings: inout FuzzFindings) {
        let draft: CaseDraft
        do throws(CaseFileError) { draft = try CaseFile.parse(data, place: place) } catch {
            findings.reject(error.description)
            return
        }
        do throws(CaseInputError) { _ = try draft.build(vocabulary: vocabulary, today: today) } catch {
            findings.reject(error.description)
        }
    }

    // MARK: batch-lines

    /// A batch read by `BatchLineReader` from a pipe, each line that is not blank read as a case, as
    /// `simulate --batch` does. The reader must return the input's lines exactly.
    ///
    /// The input reaches the reader in two reads, split in its middle (see `PipeFeed`): joining a line split
    /// between two reads is the reader's only delicate work, and its reads are 64 KiB, far larger than fuzzed
    /// inputs, so from a file every input would come in one read.
    static func batchLines(_ bytes: UnsafeRawBufferPointer) -> FuzzFindings {
        var findings = FuzzFindings()
        let feed = PipeFeed.shared
        feed.start(bytes)
        var reader = BatchLineReader(handle: FileHandle(fileDescriptor: feed.readEnd, closeOnDealloc: false))
        var lines: [[UInt8]] = []
        while let line = reader.next() {
            switch line {
            case .text(let text):
                lines.append(text)
                if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                readCase(Data(text), place: "batch.jsonl:\(lines.count)", into: &findings)
            case .tooLong(let length):
                findings.expect(false, "a line of \(length) bytes is reported too long in an input of \(bytes.count)")
                lines.append([])
            }
        }
        findings.expect(reader.failure == nil, "reading the batch failed: \(reader.failure ?? "")")
        findings.expect(feed.finish() == 0, "the reader stopped before the end of the input")
        var expected = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) }
        if bytes.last == UInt8(ascii: "\n") || bytes.isEmpty { expected.removeLast() }
        findings.expect(lines == expected, "the reader returned \(lines.count) lines for \(expected.count) input lines, "
            + "or changed one")
        return findings
    }

    // MARK: corpus-document

    /// One XML document through the corpus loader: parsed safely and validated against the schema in memory
    /// (most fuzzed documents stop there); a valid document is then written into a minimal scratch corpus
    /// (sources and vocabulary) where its root element says it belongs, and the whole loader runs on it:
    /// validation (model reading and cross-reference checks) and, when that is clean, loading, which must succeed.
    static func corpusDocument(_ bytes: UnsafeRawBufferPointer) -> FuzzFindings {
        var findings = FuzzFindings()
        let scratch = CorpusScratch.shared
        let document: XMLDocument
        do throws(XMLParseError) { document = try XMLDocument.parse(bytes: Array(bytes), name: "fuzz.xml") } catch {
            error.diagnostics.forEach { findings.reject($0.description) }
            findings.expect(!error.diagnostics.isEmpty, "a document is refused with no diagnostic")
            return findings
        }
        let problems = scratch.schema.validate(document)
        guard problems.isEmpty else {
            problems.forEach { findings.reject($0.description) }
            return findings
        }
        scratch.withDocument(Array(bytes), root: document.root) {
            let loader = CorpusLoader(location: scratch.location)
            let report: ValidationReport
            do throws(CorpusError) { report = try loader.validate() } catch {
                error.diagnostics.forEach { findings.reject($0.description) }
                return
            }
            report.diagnostics.forEach { findings.reject($0.description) }
            guard report.isClean else { return }
            do throws(CorpusError) { _ = try loader.load() } catch {
                findings.expect(false, "a corpus that validates clean does not load: "
                    + (error.diagnostics.first.map(\.description) ?? ""))
            }
        }
        return findings
    }
}

/// A minimal corpus in a temporary folder (the bundled sources and vocabulary), into which one document at a time
/// is written and taken out again.
final class CorpusScratch: Sendable {
    static let shared = CorpusScratch()

    let directory: String
    let location: CorpusLocation
    /// The bundled schema, compiled once: most fuzzed documents are refused by it, and compiling it for each
    /// would cost more than the rest of the run.
    nonisolated(unsafe) let schema: XMLSchema

    private init() {
        let fm = FileManager.default
        directory = fm.temporaryDirectory.appendingPathComponent("parole-fuzz-corpus-\(getpid())").path
        do {
            try? fm.removeItem(atPath: directory)
            for folder in ["jurisdictions", "instruments", "annexes", "reforms"] {
                try fm.createDirectory(atPath: directory + "/" + folder, withIntermediateDirectories: true)
            }
            for name in ["sources.xml", "vocabulary.xml"] {
                try fm.copyItem(atPath: CorpusLocation.bundledCorpus + "/" + name, toPath: directory + "/" + name)
            }
            schema = try XMLSchema(file: CorpusLocation.bundledSchema)
        } catch {
            fatalError("cannot prepare the scratch corpus in \(directory): \(error)")
        }
        location = CorpusLocation(corpusDirectory: directory, seedDirectory: nil)
        scratchCorpusToRemove = strdup(directory)
        atexit { if let path = scratchCorpusToRemove { removeTree(String(cString: path)) } }
    }

    /// Runs `body` with `bytes` in the corpus where a document with this root belongs (a jurisdiction as
    /// jurisdictions/ID.xml, a vocabulary in place of the bundled one…), then puts the corpus back as it was.
    func withDocument(_ bytes: [UInt8], root: XMLElement, _ body: () -> Void) {
        let path = directory + "/" + Self.place(root: root.name, id: root.attribute("id"))
        let original = FileManager.default.contents(atPath: path)
        write(bytes, to: path)
        defer {
            if let original { write(Array(original), to: path) } else { try? FileManager.default.removeItem(atPath: path) }
        }
        body()
    }

    /// Where a document goes, by its root element; the id names the file (only when it is a plain file name, so
    /// that a fuzzed id cannot write outside the scratch corpus). A root the loader does not know goes where a
    /// jurisdiction would, so that the loader's answer to it is exercised too.
    static func place(root: String, id: String?) -> String {
        let safe = id.flatMap { id in
            !id.isEmpty && id.count <= 64 && id.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0)
                || (0x61...0x7A).contains($0) }) ? id : nil
        } ?? "fuzz"
        switch root {
        case "sources": return "sources.xml"
        case "vocabulary": return "vocabulary.xml"
        case "crosswalk": return "crosswalk.xml"
        case "court-cases": return "cases.xml"
        case "instrument": return "instruments/\(safe).xml"
        case "annex": return "annexes/\(safe).xml"
        case "reform-package": return "reforms/\(safe).xml"
        default: return "jurisdictions/\(safe).xml"
        }
    }

    private func write(_ bytes: [UInt8], to path: String) {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            fatalError("cannot write \(path) in the scratch corpus")
        }
    }
}

/// Bytes written into a pipe the way a slow writer would: the first half, then the rest, each piece at most
/// `PIPE_BUF` bytes (which the kernel writes all at once), and each only when the reader has emptied the pipe, so
/// that every read returns exactly one piece, the same on every run.
///
/// The writer is one thread for the whole process, handed each input through two semaphores, and it allocates
/// nothing: libFuzzer counts allocations and frees during an input, and anything a per-input thread or dispatch
/// block freed after the input returned would look like a leak, costing a leak scan of the whole heap per input.
final class PipeFeed: @unchecked Sendable {
    static let shared = PipeFeed()

    private let request = DispatchSemaphore(value: 0)
    private let written = DispatchSemaphore(value: 0)
    // Set by the reading thread before it signals `request`, used by the writer after its wait: the semaphores
    // order every access, which is why the class can be unchecked Sendable.
    private var input = UnsafeRawBufferPointer(start: nil, count: 0)
    private var writeEnd: Int32 = -1
    private(set) var readEnd: Int32 = -1

    private init() {
        Thread { [self] in
            while true {
                request.wait()
                writeInput()
                written.signal()
            }
        }.start()
    }

    /// Starts writing `bytes` into a new pipe, to be read from `readEnd`; `bytes` must stay valid until `finish()`.
    func start(_ bytes: UnsafeRawBufferPointer) {
        var ends: (Int32, Int32) = (-1, -1)
        let made = withUnsafeMutableBytes(of: &ends) { pipe($0.baseAddress!.assumingMemoryBound(to: Int32.self)) }
        guard made == 0 else { fatalError("cannot make a pipe: \(String(cString: strerror(errno)))") }
        (readEnd, writeEnd) = ends
        input = bytes
        request.signal()
    }

    private func writeInput() {
        let middle = input.count / 2
        var offset = 0
        while offset < input.count {
            // A piece ends at the middle, at the end, or PIPE_BUF bytes after it starts.
            let end = min(offset + Int(PIPE_BUF), offset < middle ? middle : input.count)
            var pending = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            while poll(&pending, 1, 0) > 0 { usleep(20) }
            guard Foundation.write(writeEnd, input.baseAddress! + offset, end - offset) == end - offset else {
                fatalError("a write to the batch pipe was cut short")
            }
            offset = end
        }
        close(writeEnd)
    }

    /// Reads whatever the reader left in the pipe (so that the writer never waits for a reader that stopped),
    /// waits for the writer, closes the pipe, and returns how many bytes were left.
    func finish() -> Int {
        var left = 0
        var buffer = [UInt8](repeating: 0, count: Int(PIPE_BUF))
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(readEnd, $0.baseAddress, $0.count) }
            if n > 0 { left += n } else if n < 0, errno == EINTR { continue } else { break }
        }
        written.wait()
        close(readEnd)
        return left
    }
}

// The scratch corpus is removed when the process exits (libFuzzer ends with exit()), so that runs leave nothing in
// the temporary folder; `atexit` takes no context, hence a C string in a global, set once before any use.
nonisolated(unsafe) private var scratchCorpusToRemove: UnsafeMutablePointer<CChar>?

private func removeTree(_ path: String) { try? FileManager.default.removeItem(atPath: path) }
