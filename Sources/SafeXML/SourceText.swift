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

    /// 1-based column (in characters) of the first `<name` or `<prefix:name` on `line`, or 1 when not found.
    func column(ofTag name: String, onLine line: Int) -> Int {
        let starts = lineStarts
        guard line >= 1, line <= starts.count else { return 1 }
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] : bytes.count
        let lineBytes = Array(bytes[start..<end])
        let nameBytes = Array(name.utf8)
        var i = 0
        while i < lineBytes.count {
            if lineBytes[i] == UInt8(ascii: "<") {
                var j = i + 1
                // Skip a namespace prefix, if any.
                var k = j
                while k < lineBytes.count, lineBytes[k] != UInt8(ascii: ":"), lineBytes[k] != UInt8(ascii: " "),
                      lineBytes[k] != UInt8(ascii: ">"), lineBytes[k] != UInt8(ascii: "/") { k += 1 }
                if k < lineBytes.count, lineBytes[k] == UInt8(ascii: ":") { j = k + 1 }
                if j + nameBytes.count <= lineBytes.count, Array(lineBytes[j..<j + nameBytes.count]) == nameBytes {
                    return characterColumn(lineBytes, byteOffset: i)
                }
            }
            i += 1
        }
        return 1
    }

    /// 1-based column of the first occurrence of `needle` on `line`, or 1.
    func column(of needle: String, onLine line: Int) -> Int {
        let starts = lineStarts
        guard line >= 1, line <= starts.count else { return 1 }
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] : bytes.count
        let lineBytes = Array(bytes[start..<end])
        let n = Array(needle.utf8)
        guard !n.isEmpty, lineBytes.count >= n.count else { return 1 }
        for i in 0...(lineBytes.count - n.count) where Array(lineBytes[i..<i + n.count]) == n {
            return characterColumn(lineBytes, byteOffset: i)
        }
        return 1
    }

    private func characterColumn(_ lineBytes: [UInt8], byteOffset: Int) -> Int {
        // Count UTF-8 lead bytes, so that Kazakh text before the tag counts one column per letter.
        lineBytes[0..<byteOffset].reduce(1) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
    }
}
