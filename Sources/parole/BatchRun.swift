import AtlasEngine
import AtlasModel
import AtlasReport
import Foundation

/// `simulate --batch FILE.jsonl`: one case per input line, one summary line of outcomes per case, streamed so that
/// memory stays flat however many cases there are. A bad line gets an error line and the run goes on.
struct BatchRun {
    let path: String
    let corpus: Corpus
    let jurisdictions: [Jurisdiction]
    let defaults: CaseDraft
    let today: CalendarDate

    /// Runs the batch; returns (cases simulated, lines rejected).
    func run() throws -> (ok: Int, failed: Int) {
        guard let input = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path) else {
            throw CLIFailure(message: "\(path): cannot read the batch file", status: .noInput)
        }
        let simulator = Simulator(corpus: corpus, explains: false)
        var output = OutputBuffer()
        var ok = 0, failed = 0, lineNumber = 0
        var reader = LineReader(handle: input)
        let progress = isatty(STDERR_FILENO) == 1
        // Lines are read in chunks, simulated on every core, and written back in input order.
        let chunkSize = 1_024
        while true {
            var chunk: [(number: Int, bytes: [UInt8])] = []
            while chunk.count < chunkSize, let line = reader.next() {
                lineNumber += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                chunk.append((lineNumber, line))
            }
            if chunk.isEmpty { break }
            let results = ResultSlots(count: chunk.count)
            let lines = chunk
            DispatchQueue.concurrentPerform(iterations: lines.count) { i in
                results.set(i, process(lines[i].number, lines[i].bytes, simulator))
            }
            for (text, success) in results.values {
                output.write(text)
                if success { ok += 1 } else { failed += 1 }
            }
            if progress { FileHandle.standardError.write(Data("parole: \(lineNumber) lines…\r".utf8)) }
        }
        output.flush()
        return (ok, failed)
    }
}

extension BatchRun {
    /// One input line to one output line; `false` when the line was rejected.
    func process(_ number: Int, _ line: [UInt8], _ simulator: Simulator) -> (String, Bool) {
        do {
            let draft = defaults.overlaid(with: try CaseFile.parse(Data(line), place: "\(path):\(number)"))
            let facts = try draft.build(vocabulary: corpus.vocabulary, today: today)
            let outcomes = jurisdictions.map { simulator.simulate(facts, in: $0) }
            return (BatchJSON.line(number, facts, outcomes).serialized(), true)
        } catch let error as CaseInputError {
            return (BatchJSON.error(number, "\(path):\(number): \(error.description)").serialized(), false)
        } catch let error as CLIFailure {
            return (BatchJSON.error(number, error.message).serialized(), false)
        } catch {
            return (BatchJSON.error(number, "\(path):\(number): \(error)").serialized(), false)
        }
    }
}

/// Output slots filled from several threads, each index written once.
final class ResultSlots: @unchecked Sendable {
    private var slots: [(String, Bool)]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: ("", false), count: count) }
    func set(_ i: Int, _ value: (String, Bool)) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }
    var values: [(String, Bool)] { slots }
}

/// The compact per-case line of a batch run: dates and statuses, no trace (use single runs to explain).
enum BatchJSON {
    static func line(_ n: Int, _ facts: Case, _ outcomes: [JurisdictionOutcome]) -> JSONValue {
        .object([
            ("line", .int(n)),
            ("term", .string(facts.term.description)),
            ("start", .string(facts.start.description)),
            ("outcomes", .array(outcomes.map { o in
                .object([
                    ("jurisdiction", .string(o.jurisdiction.id)),
                    ("earliestRelease", .string(o.earliestRelease?.description)),
                    ("mechanisms", .array(o.mechanisms.map { m in
                        .object([
                            ("mechanism", .string(m.mechanism.id)),
                            ("kind", .string(m.mechanism.kind)),
                            ("available", .bool(m.available)),
                            ("status", .string(m.status.rawValue)),
                            ("earliestDate", .string(m.earliestDate?.description)),
                            ("requiredServed", .string(m.requiredServed?.iso8601)),
                            ("fraction", .string(m.fraction?.description)),
                            ("mandatory", .bool(m.mandatory)),
                            ("reason", .string(m.reason?.ruleID)),
                        ])
                    })),
                ])
            })),
        ])
    }

    static func error(_ n: Int, _ message: String) -> JSONValue {
        .object([("line", .int(n)), ("error", .string(message))])
    }
}

/// Reads a file line by line in 64 KiB chunks.
struct LineReader {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false

    init(handle: FileHandle) { self.handle = handle }

    mutating func next() -> [UInt8]? {
        while true {
            if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[position..<newline])
                position = newline + 1
                return line
            }
            if finished {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                return line
            }
            buffer.removeFirst(position)
            position = 0
            let chunk = handle.readData(ofLength: 65_536)
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}

/// Buffers standard output and writes it in large blocks.
struct OutputBuffer {
    private var bytes: [UInt8] = []

    mutating func write(_ line: String) {
        bytes.append(contentsOf: line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        if bytes.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        FileHandle.standardOutput.write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
