import Foundation

/// Reads a JSON Lines batch one line at a time, in 64 KiB chunks, keeping at most one line in memory. A line
/// longer than `InputFile.caseLimit` is not kept: it is reported by its length and skipped, so that one runaway
/// line cannot take the machine's memory.
public struct BatchLineReader {
    /// One line of input.
    public enum Line {
        case text([UInt8])
        /// A line longer than the limit, with its length in bytes.
        case tooLong(Int)
    }

    private var reader: ChunkReader
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    private var skipping = 0

    /// Reads from `handle` (kept open while reading).
    public init(handle: FileHandle) {
        self.handle = handle
        reader = ChunkReader(descriptor: handle.fileDescriptor)
    }

    /// Why reading stopped early (an I/O error), if it did.
    public var failure: String? { reader.failure }

    public mutating func next() -> Line? {
        while true {
            if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { position = newline + 1 }
                if skipping > 0 {
                    let length = skipping + newline - position
                    skipping = 0
                    return .tooLong(length)
                }
                return .text(Array(buffer[position..<newline]))
            }
            if finished {
                guard position < buffer.count || skipping > 0 else { return nil }
                defer { position = buffer.count; skipping = 0 }
                if skipping > 0 { return .tooLong(skipping + buffer.count - position) }
                return .text(Array(buffer[position...]))
            }
            buffer.removeFirst(position)
            position = 0
            if skipping > 0 || buffer.count > InputFile.caseLimit {
                skipping += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
            if let chunk = reader.next() { buffer.append(contentsOf: chunk) } else { finished = true }
        }
    }
}
