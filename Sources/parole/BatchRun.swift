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
        let decider = EligibilityPlan(jurisdictions: jurisdictions, simulator: simulator).map(BatchDecider.plan)
            ?? .simulator(simulator, jurisdictions)
        let layout = BatchLine(jurisdictions: jurisdictions)
        var ok = 0, failed = 0, lineNumber = 0
        var reader = LineReader(handle: input)
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
            var chunk: [(number: Int, bytes: [UInt8])] = []
            while chunk.count < chunkSize, let line = reader.next() {
                lineNumber += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                chunk.append((lineNumber, line))
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
                where !process(lines[i].number, lines[i].bytes, decider, layout, &results, into: bytes) {
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
            writer.async {
                let buffers = outputs.compactMap(\.bytes)
                for bytes in buffers { bytes.withBytes(StandardOutput.write) }
                pool.give(buffers)
                writerFree.signal()
            }
            if progress { FileHandle.standardError.write(Data("parole: \(lineNumber) lines…\r".utf8)) }
        }
        // The last chunk is written; the semaphore goes back to its initial value, as libdispatch requires of a
        // semaphore that is released.
        writerFree.wait()
        writerFree.signal()
        return (ok, failed)
    }
}

extension BatchRun {
    /// Appends the output line of one input line to `out`; `false` when the line was rejected.
    func process(_ number: Int, _ line: [UInt8], _ decider: BatchDecider, _ layout: BatchLine,
                 _ results: inout [EligibilityResult], into out: OutputBytes) -> Bool {
        do {
            let draft = defaults.overlaid(with: try CaseFile.parse(Data(line), place: "\(path):\(number)"))
            let facts = try draft.build(vocabulary: corpus.vocabulary, today: today)
            results.removeAll(keepingCapacity: true)
            decider.decide(facts, into: &results)
            layout.write(line: number, facts: facts, results: results, into: out)
            out.append(byte: UInt8(ascii: "\n"))
            return true
        } catch {
            let message: String
            switch error {
            case let e as CaseInputError: message = "\(path):\(number): \(e.description)"
            case let e as CLIFailure: message = e.message
            default: message = "\(path):\(number): \(error)"
            }
            BatchLine.writeError(line: number, message: message, into: out)
            out.append(byte: UInt8(ascii: "\n"))
            return false
        }
    }
}

/// How a batch decides each case: with the compiled plan, or with the simulator where the rules could not be
/// compiled (the plan says when).
enum BatchDecider: Sendable {
    case plan(EligibilityPlan)
    case simulator(Simulator, [Jurisdiction])

    func decide(_ facts: Case, into results: inout [EligibilityResult]) {
        switch self {
        case .plan(let plan):
            plan.evaluate(facts, into: &results)
        case .simulator(let simulator, let jurisdictions):
            for j in jurisdictions {
                results.append(contentsOf: simulator.simulate(facts, in: j).mechanisms.map(EligibilityResult.init))
            }
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

/// Standard output, written in whole slices without going through `FileHandle`'s copies.
enum StandardOutput {
    static func write(_ bytes: UnsafeRawBufferPointer) {
        var done = 0
        while done < bytes.count {
            let written = Foundation.write(STDOUT_FILENO, bytes.baseAddress! + done, bytes.count - done)
            if written < 0 {
                if errno == EINTR { continue }
                return  // a closed pipe (`| head`): nothing more can be delivered
            }
            done += written
        }
    }
}
