/// The raw bytes of a document, kept to turn a libxml2 line number into a column.
struct SourceText: Sendable {
    let bytes: [UInt8]
    /// Byte offsets at which each line starts (line 1 at index 0), computed once.
    private let lineStarts: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The byte range of `line` (1-based), or `nil` past the end.
    private func lineRange(_ line: Int) -> Range<Int>? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        return start..<(line < lineStarts.count ? lineStarts[line] : bytes.count)
    }

    /// 1-based column (in characters) of the first `<name` or `<prefix:name` on `line`, or 1 when not found.
    func column(ofTag name: String, onLine line: Int) -> Int {
        guard let range = lineRange(line) else { return 1 }
        let nameBytes = Array(name.utf8)
        var i = range.lowerBound
        while i < range.upperBound {
            if bytes[i] == UInt8(ascii: "<") {
                var j = i + 1
                // Skip a namespace prefix, if any.
                var k = j
                while k < range.upperBound, !" :>/\n".utf8.contains(bytes[k]) { k += 1 }
                if k < range.upperBound, bytes[k] == UInt8(ascii: ":") { j = k + 1 }
                if j + nameBytes.count <= range.upperBound, bytes[j..<j + nameBytes.count].elementsEqual(nameBytes) {
                    return characterColumn(from: range.lowerBound, to: i)
                }
            }
            i += 1
        }
        return 1
    }

    /// 1-based column of the first occurrence of `needle` on `line`, or 1.
    func column(of needle: String, onLine line: Int) -> Int {
        guard let range = lineRange(line) else { return 1 }
        let n = Array(needle.utf8)
        guard !n.isEmpty, range.count >= n.count else { return 1 }
        for i in range.lowerBound...(range.upperBound - n.count) where bytes[i..<i + n.count].elementsEqual(n) {
            return characterColumn(from: range.lowerBound, to: i)
        }
        return 1
    }

    /// The 1-based line and column (in characters) of the byte at `offset`.
    func position(ofByte offset: Int) -> (line: Int, column: Int) {
        // The last line start at or before `offset`, by binary search: a document has thousands of lines.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, characterColumn(from: lineStarts[low], to: min(max(offset, lineStarts[low]), bytes.count)))
    }

    private func characterColumn(from lineStart: Int, to byteOffset: Int) -> Int {
        // Count UTF-8 lead bytes, so that Kazakh text before the tag counts one column per letter.
        bytes[lineStart..<byteOffset].reduce(1) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
    }
}
