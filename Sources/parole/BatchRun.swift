import AtlasEngine
import AtlasInput
import AtlasModel
import AtlasOutput
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
    let output: OutputChannel

    /// Runs the batch into `output` (not finished here); returns (cases simulated, lines rejected).
    func run() throws -> (ok: Int, failed: Int) {
        let input = try InputFile.open(path, what: "batch file")
        let law = CompiledLaw(jurisdictions: jurisdictions, crosswalk: corpus.crosswalk, home: corpus.home)
        let layout = BatchLine(jurisdictions: jurisdictions)
        var ok = 0, failed = 0, lineNumber = 0
        var reader = BatchLineReader(handle: input)
        let failure = WriteFailure()
        let progress = isatty(STDERR_FILENO) == 1
        // Lines are read in chunks; each core simulates a contiguous slice of the chunk into its own buffer, and
        // the slices are written back in input order while the next chunk is simulated. At most one chunk waits to
        // be written, so memory stays flat whatever the number of cases.
        let chunkSize = 1_024
        let writer = DispatchQueue(label: "parole.batch.output")
        let writerFree = DispatchSemaphore(value: 1)
        let slices = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
        // Slice buffers go back to a pool once written: fresh megabytes for every chunk cost page faults.
        let pool = BufferPool()
        while true {
            var chunk: [(number: Int, bytes: [UInt8], oversize: Int?)] = []
            while chunk.count < chunkSize, let line = reader.next() {
                lineNumber += 1
                switch line {
                case .text(let bytes):
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                    chunk.append((lineNumber, bytes, nil))
                case .tooLong(let length):
                    chunk.append((lineNumber, [], length))
                }
            }
            if chunk.isEmpty { break }
            let slicesDone = SliceResults(count: slices)
            let lines = chunk
            let per = (lines.count + slices - 1) / slices
            DispatchQueue.concurrentPerform(iterations: slices) { s in
                let bytes = pool.take()
                var rejected = 0
                var results: [EligibilityResult] = []
                results.reserveCapacity(layout.resultCount)
                let range = min(s * per, lines.count)..<min((s + 1) * per, lines.count)
                for i in range
                where !process(lines[i], law, layout, &results, into: bytes) {
                    rejected += 1
                }
                slicesDone.set(s, (bytes, range.count - rejected, rejected))
            }
            let outputs = slicesDone.values
            for (_, good, bad) in outputs {
                ok += good
                failed += bad
            }
            writerFree.wait()
            writer.async { [output] in
                let buffers = outputs.compactMap(\.bytes)
                for bytes in buffers where failure.error == nil {
                    bytes.withBytes { raw in
                        do throws(OutputError) { try output.write(bytes: raw) } catch { failure.error = error }
                    }
                }
                pool.give(buffers)
                writerFree.signal()
            }
            if let error = failure.error { throw error }
            if progress { FileHandle.standardError.write(Data("parole: \(lineNumber) lines…\r".utf8)) }
        }
        // The last chunk is written; the semaphore goes back to its initial value, as libdispatch requires of a
        // semaphore that is released.
        writerFree.wait()
        writerFree.signal()
        if let error = failure.error { throw error }
        if let problem = reader.failure {
            throw CaseFileError(.unreadable, place: path, message: "reading stopped after line \(lineNumber) (\(problem))")
        }
        return (ok, failed)
    }
}

extension BatchRun {
    /// Appends the output line of one input line to `out`; `false` when the line was rejected.
    func process(_ input: (number: Int, bytes: [UInt8], oversize: Int?), _ law: CompiledLaw,
                 _ layout: BatchLine, _ results: inout [EligibilityResult], into out: OutputBytes) -> Bool {
        let (number, line) = (input.number, input.bytes)
        do {
            if let length = input.oversize {
                throw CaseFileError(place: "\(path):\(number)", message: "the line is \(length) bytes long; a case line "
                    + "is at most \(InputFile.caseLimit / 1024) KiB")
            }
            let draft = defaults.overlaid(with: try CaseFile.parse(Data(line), place: "\(path):\(number)"))
            let facts = try draft.build(vocabulary: corpus.vocabulary, today: today)
            results.removeAll(keepingCapacity: true)
            law.decide(facts, into: &results)
            layout.write(line: number, facts: facts, results: results, into: out)
            out.append(byte: UInt8(ascii: "\n"))
            return true
        } catch {
            let message: String
            switch error {
            case let e as CaseInputError: message = "\(path):\(number): \(e.description)"
            case let e as CaseFileError: message = e.description
            default: message = "\(path):\(number): \(error)"
            }
            BatchLine.writeError(line: number, message: message, into: out)
            out.append(byte: UInt8(ascii: "\n"))
            return false
        }
    }
}

/// Output buffers kept for reuse between chunks.
final class BufferPool: @unchecked Sendable {
    private var buffers: [OutputBytes] = []
    private let lock = NSLock()

    /// An empty buffer, with the memory of an earlier one when there is one.
    func take() -> OutputBytes {
        lock.lock()
        let buffer = buffers.popLast() ?? OutputBytes()
        lock.unlock()
        buffer.removeAll()
        return buffer
    }

    func give(_ returned: [OutputBytes]) {
        lock.lock()
        buffers += returned
        lock.unlock()
    }
}

/// Per-slice output filled from several threads, each index written once.
final class SliceResults: @unchecked Sendable {
    private var slots: [(bytes: OutputBytes?, ok: Int, failed: Int)]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: (nil, 0, 0), count: count) }
    func set(_ i: Int, _ value: (bytes: OutputBytes?, ok: Int, failed: Int)) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }
    var values: [(bytes: OutputBytes?, ok: Int, failed: Int)] { slots }
}

/// The first write error of the batch's writer queue, read by the reading thread after each chunk.
final class WriteFailure: @unchecked Sendable {
    private var stored: OutputError?
    private let lock = NSLock()
    var error: OutputError? {
        get { lock.withLock { stored } }
        set { lock.withLock { if stored == nil { stored = newValue } } }
    }
}
