/// 64-bit FNV-1a, chained: a digest of bytes, and of a sequence of digests and strings.
public struct ContentDigest: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public static func of(_ bytes: [UInt8]) -> UInt64 {
        var d = ContentDigest()
        d.add(bytes)
        return d.value
    }

    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for b in bytes {
            value ^= UInt64(b)
            value &*= 0x100_0000_01b3
        }
    }

    public mutating func add(_ text: String) {
        add(text.utf8)
        add([0])  // a separator, so that "ab"+"c" and "a"+"bc" differ
    }

    public mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { add($0) }
    }

    /// Sixteen lowercase hex digits.
    public var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
