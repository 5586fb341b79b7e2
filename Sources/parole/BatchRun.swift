import AtlasEngine
import AtlasInput
import AtlasModel
import AtlasOutput
import AtlasReport
import Foundation
import Parallel

/// `simulate --batch FILE.jsonl`: one case per input line, one summary line of outcomes per case, streamed so that
/// memory stays flat however many cases there are. A bad line gets an error line and the run goes on.
struct BatchRun {
    let path: String
    let corpus: Corpus
    let jurisdictions: [Jurisdiction]
    let defaults: CaseDraft
    let today: CalendarDate
    let output: OutputChannel

    /// One input line: its number, its bytes, and its length instead when it was too long to keep.
    typealias InputLine = (number: Int, bytes: [UInt8], oversize: Int?)

    /// Runs the batch into `output` (not finished here); returns (cases simulated, lines rejected).
    func run() throws -> (ok: Int, failed: Int) {
        let input = try InputFile.open(path, what: "batch file")
        let law = CompiledLaw(jurisdictions: jurisdictions, crosswalk: corpus.crosswalk, home: corpus.home)
        let layout = BatchLine(jurisdictions: jurisdictions, provenance: Provenance(corpus: corpus),
                               nonCustodialKinds: corpus.vocabulary.nonCustodialKinds)
        var ok = 0, failed = 0, lineNumber = 0
        var reader = BatchLineReader(handle: input)
        // The writer queue's first error, read by this thread after each chunk.
        let failure = ParallelSlots<OutputError>(count: 1)
        let progress = isatty(STDERR_FILENO) == 1
        // Lines are read in chunks; each core simulates a contiguous slice of the chunk into its own buffer, and
        // the slices are written back in input order while the next chunk is simulated. At most one chunk waits to
        // be written, so memory stays flat whatever the number of cases.
        let chunkSize = 1_024
        let writer = DispatchQueue(label: "parole.batch.output")
        let writerFree = DispatchSemaphore(value: 1)
        let slices = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
        // Slice buffers are reused, since fresh megabytes for every chunk cost page faults: a chunk is decided into
        // the buffers of the chunk before the one being written, which the writer is done with.
        var idle = [OutputBytes?](repeating: nil, count: slices)
        var inFlight = idle
        while true {
            var chunk: [InputLine] = []
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
            let outputs = decide(chunk, reusing: idle, law, layout)
            for slice in outputs {
                ok += slice.ok
                failed += slice.failed
            }
            writerFree.wait()
            // The chunk before this one is written: its buffers are free for the next chunk.
            idle = inFlight
            inFlight = outputs.map(\.bytes)
            writer.async { [output] in
                for slice in outputs where failure[0] == nil {
                    slice.bytes.withBytes { raw in
                        do throws(OutputError) { try output.write(bytes: raw) } catch { failure.fill(0, with: error) }
                    }
                }
                writerFree.signal()
            }
            if let error = failure[0] { throw error }
            if progress { FileHandle.standardError.write(Data("parole: \(lineNumber) lines…\r".utf8)) }
        }
        // The last chunk is written; the semaphore goes back to its initial value, as libdispatch requires of a
        // semaphore that is released.
        writerFree.wait()
        writerFree.signal()
        if let error = failure[0] { throw error }
        if let problem = reader.failure {
            throw CaseFileError(.unreadable, place: path, message: "reading stopped after line \(lineNumber) (\(problem))")
        }
        return (ok, failed)
    }
}

extension BatchRun {
    /// Decides `lines` on every core, one contiguous slice per buffer of `buffers` (a `nil` one is made).
    func decide(_ lines: [InputLine], reusing buffers: [OutputBytes?],
                _ law: CompiledLaw, _ layout: BatchLine) -> [SliceOutput] {
        let per = (lines.count + buffers.count - 1) / buffers.count
        return ParallelSlots<SliceOutput>.compute(count: buffers.count) { slice in
            let bytes = buffers[slice] ?? OutputBytes()
            bytes.removeAll()
            var rejected = 0
            var results: [EligibilityResult] = []
            results.reserveCapacity(layout.resultCount)
            let range = min(slice * per, lines.count)..<min((slice + 1) * per, lines.count)
            for i in range
            where !process(lines[i], law, layout, &results, into: bytes) {
                rejected += 1
            }
            return SliceOutput(bytes: bytes, ok: range.count - rejected, failed: rejected)
        }
    }

    /// Appends the output line of one input line to `out`; `false` when the line was rejected.
    func process(_ input: InputLine, _ law: CompiledLaw,
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
            layout.writeError(line: number, message: message, into: out)
            out.append(byte: UInt8(ascii: "\n"))
            return false
        }
    }
}

/// What one slice of a chunk produced: its output lines and how many cases were simulated and rejected.
struct SliceOutput: Sendable {
    let bytes: OutputBytes
    let ok: Int
    let failed: Int
}
