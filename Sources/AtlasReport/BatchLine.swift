import AtlasEngine
import AtlasModel

/// The compact per-case line of a batch run (docs/simulate-json.md, "Batch output"): dates and statuses, no trace.
///
/// Written straight into bytes: a batch of 100,000 cases across every jurisdiction is over a gigabyte of JSON, and
/// building a `JSONValue` tree per line cost more than the simulation itself. The parts that do not change from case
/// to case (ids, kinds, keys) are encoded once, in the layout; the rest is written through a cursor into room made
/// for the longest line the case could give. The field order and spelling are the documented contract; the batch
/// tests parse the lines back and check every field against `Simulator`'s outcomes.
public struct BatchLine: Sendable {
    /// Every piece of fixed text of a line, one after the other; the ranges below point into it. One block, so that
    /// writing a mechanism copies from it without touching any reference count.
    private let fixedBytes: [UInt8]
    /// Per jurisdiction: `{"jurisdiction":"…","earliestRelease":`, and how many mechanisms follow it.
    private let jurisdictions: [(head: Range<Int>, mechanisms: Int)]
    /// Per mechanism (in line order) and status (in `Status.allCases` order):
    /// `{"mechanism":"…","kind":"…","available":true,"status":"…","earliestDate":`.
    private let mechanismHeads: [Range<Int>]
    private static let statusCount = MechanismOutcome.Status.allCases.count

    /// Per result: whether its date may be ranked as a release (not a mechanism a source says may be
    /// temporary leave).
    private let ranked: [Bool]

    /// The number of results a line takes: one per mechanism of every jurisdiction, in order.
    public let resultCount: Int
    /// Bytes of a line that do not depend on the case, plus the most the case-dependent fields can take apart from
    /// the term's text.
    private let fixedBound: Int

    /// The longest the case-dependent fields of one mechanism can be, reason id aside: `false`, two dates, a
    /// duration and a fraction of 64-bit numbers, `false`, and the keys between them.
    private static let mechanismBound = 400

    /// The longest rule id a reason can name: every id of the jurisdictions' rules.
    private let longestRuleID: Int

    /// `],"provenance":{…}}`, the end of every case line: the same for every line, so encoded once.
    private let lineEnd: Range<Int>
    /// `,"provenance":{…}}`, the end of every error line.
    private let errorEnd: [UInt8]

    /// The layout of lines over `jurisdictions`, in that order. Each line ends with `provenance`
    /// (docs/simulate-json.md, "Batch output"): null when not given.
    public init(jurisdictions: [AtlasModel.Jurisdiction], provenance: Provenance? = nil,
                nonCustodialKinds: Set<String> = []) {
        var bytes: [UInt8] = []
        func add(_ parts: [UInt8]...) -> Range<Int> {
            let start = bytes.count
            for p in parts { bytes += p }
            return start..<bytes.count
        }
        let statusParts = MechanismOutcome.Status.allCases.map { status in
            Array((EligibilityResult(status: status).available ? "true" : "false").utf8) + Array(#","status":"#.utf8)
                + JSONValue.string(status.rawValue).serializedBytes
                + Array(#","answer":"#.utf8) + JSONValue.string(status.answer.rawValue).serializedBytes
                + Array(#","earliestDate":"#.utf8)
        }
        var heads: [(Range<Int>, Int)] = []
        var mechanismHeads: [Range<Int>] = []
        var ranked: [Bool] = []
        for j in jurisdictions {
            heads.append((add(Array(#"{"jurisdiction":"#.utf8), JSONValue.string(j.id).serializedBytes,
                              Array(#","earliestRelease":"#.utf8)), j.mechanisms.count))
            for m in j.mechanisms {
                ranked.append(j.disputedKind(of: m.id, nonCustodial: nonCustodialKinds) == nil)
                let name = Array(#"{"mechanism":"#.utf8) + JSONValue.string(m.id).serializedBytes
                    + Array(#","kind":"#.utf8) + JSONValue.string(m.kind).serializedBytes + Array(#","available":"#.utf8)
                for part in statusParts { mechanismHeads.append(add(name, part)) }
            }
        }
        let provenanceField = Array(#","provenance":"#.utf8) + (provenance?.json ?? .null).serializedBytes
            + [UInt8(ascii: "}")]
        lineEnd = add([UInt8(ascii: "]")], provenanceField)
        errorEnd = provenanceField
        fixedBytes = bytes
        self.jurisdictions = heads
        self.mechanismHeads = mechanismHeads
        self.ranked = ranked
        resultCount = mechanismHeads.count / Self.statusCount
        let versions = jurisdictions.flatMap(\.mechanisms).flatMap { m in m.versions.map { (m.id, $0) } }
        let ids = versions.flatMap { mechanism, v in
            [mechanism, v.id] + v.thresholds.map(\.id) + v.exclusions.map(\.id) + v.grantConditions.map(\.id)
        }
        longestRuleID = ids.map(\.utf8.count).max() ?? 0
        // All fixed text at most once per mechanism (the longest status), and a reason escapes to at most 6 bytes
        // per byte (\u00XX).
        fixedBound = 200 + bytes.count + heads.count * 64 + resultCount * (Self.mechanismBound + 6 * longestRuleID)
    }

    /// Appends one case's line (without the newline) to `out`; `results` holds `resultCount` results in layout
    /// order.
    public func write(line n: Int, facts: Case, results: [EligibilityResult], into out: OutputBytes) {
        precondition(results.count == resultCount, "one result per mechanism of every jurisdiction")
        let term = facts.term.description
        let bound = fixedBound + 6 * term.utf8.count + 2
        fixedBytes.withUnsafeBufferPointer { fixed in
            results.withUnsafeBufferPointer { results in
                out.append(atMost: bound) { c in write(n, term, facts.start, results, fixed, &c) }
            }
        }
    }

    private func write(_ n: Int, _ term: String, _ start: CalendarDate, _ results: UnsafeBufferPointer<EligibilityResult>,
                       _ fixed: UnsafeBufferPointer<UInt8>, _ c: inout ByteCursor) {
        c.write(#"{"line":"#)
        c.write(decimal: n)
        c.write(#","term":"#)
        c.write(jsonString: term)
        c.write(#","start":"#)
        c.write(date: start)
        c.write(#","outcomes":["#)
        var next = 0
        for (i, j) in jurisdictions.enumerated() {
            if i > 0 { c.write(byte: UInt8(ascii: ",")) }
            c.write(raw: UnsafeBufferPointer(rebasing: fixed[j.head]))
            var earliest: CalendarDate?
            for k in next..<(next + j.mechanisms) where results[k].available && ranked[k] {
                if let d = results[k].earliestDate, earliest.map({ d < $0 }) ?? true { earliest = d }
            }
            c.write(date: earliest)
            c.write(#","mechanisms":["#)
            for k in next..<(next + j.mechanisms) {
                if k > next { c.write(byte: UInt8(ascii: ",")) }
                let head = mechanismHeads[k * Self.statusCount + results[k].status.ordinal]
                c.write(raw: UnsafeBufferPointer(rebasing: fixed[head]))
                write(results.baseAddress! + k, &c)
            }
            next += j.mechanisms
            c.write("]}")
        }
        c.write(raw: UnsafeBufferPointer(rebasing: fixed[lineEnd]))
    }

    /// The fields of one mechanism after its head; runs of fixed text are written as one literal each.
    private func write(_ r: UnsafePointer<EligibilityResult>, _ c: inout ByteCursor) {
        if r.pointee.earliestDate == nil, r.pointee.requiredServed == nil, r.pointee.fraction == nil {
            c.write(#"null,"requiredServed":null,"fraction":null"#)
        } else {
            writeDates(r, &c)
        }
        c.write(r.pointee.mandatory ? #","mandatory":true,"reason":"# : #","mandatory":false,"reason":"#)
        if let id = r.pointee.reasonRuleID {
            precondition(id.utf8.count <= longestRuleID, "reason \(id) is not a rule of the layout's jurisdictions")
            c.write(jsonString: id)
            c.write(byte: UInt8(ascii: "}"))
        } else {
            c.write("null}")
        }
    }

    /// `earliestDate` (its key already written) through `fraction`.
    private func writeDates(_ r: UnsafePointer<EligibilityResult>, _ c: inout ByteCursor) {
        c.write(date: r.pointee.earliestDate)
        c.write(#","requiredServed":"#)
        if let d = r.pointee.requiredServed { c.write(iso8601: d) } else { c.write("null") }
        c.write(#","fraction":"#)
        if let f = r.pointee.fraction {
            c.write(byte: UInt8(ascii: "\""))
            c.write(decimal: f.numerator)
            if f.denominator != 1 {
                c.write(byte: UInt8(ascii: "/"))
                c.write(decimal: f.denominator)
            }
            c.write(byte: UInt8(ascii: "\""))
        } else {
            c.write("null")
        }
    }

    /// Appends the line of a rejected input line, `{"line":…,"error":…,"provenance":…}`: what an input is refused
    /// for depends on the corpus too (its categories, offence tags, jurisdictions).
    public func writeError(line n: Int, message: String, into out: OutputBytes) {
        var bytes = JSONValue.object([("line", .int(n)), ("error", .string(message))]).serializedBytes
        // The object's closing brace comes after the provenance.
        bytes.removeLast()
        bytes += errorEnd
        out.append(atMost: bytes.count) { $0.write(bytes: bytes) }
    }
}

extension MechanismOutcome.Status {
    /// The position in `allCases`, without searching it.
    var ordinal: Int {
        switch self {
        case .available: 0
        case .availableNoThreshold: 1
        case .excluded: 2
        case .outOfScope: 3
        case .noThreshold: 4
        case .conditionsUnmet: 5
        case .termEndsFirst: 6
        case .notInForce: 7
        case .undetermined: 8
        }
    }
}

/// A growing run of output bytes that lines are written into in place, reused from chunk to chunk.
public final class OutputBytes: @unchecked Sendable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    public private(set) var count = 0

    public init(capacity: Int = 1 << 20) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `bound` bytes, lets `body` write at most that many, and keeps what it wrote.
    func append(atMost bound: Int, _ body: (inout ByteCursor) -> Void) {
        if count + bound > capacity {
            let grown = max(capacity * 2, count + bound)
            let new = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            new.update(from: base, count: count)
            base.deallocate()
            base = new
            capacity = grown
        }
        var c = ByteCursor(base + count)
        body(&c)
        precondition(c.position <= bound, "wrote \(c.position) bytes into room for \(bound)")
        count += c.position
    }

    /// Appends one byte (a line's newline).
    public func append(byte: UInt8) { append(atMost: 1) { $0.write(byte: byte) } }

    /// The bytes written so far.
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Forgets the bytes, keeping the memory.
    public func removeAll() { count = 0 }
}

/// Writes into memory already made room for; the caller sizes it (see `BatchLine.write`).
struct ByteCursor {
    private let base: UnsafeMutablePointer<UInt8>
    private(set) var position = 0

    init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }

    mutating func write(byte: UInt8) {
        base[position] = byte
        position += 1
    }

    mutating func write(_ literal: StaticString) {
        literal.withUTF8Buffer { write(raw: $0) }
    }

    mutating func write(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write(raw: $0) }
    }

    mutating func write(raw: UnsafeBufferPointer<UInt8>) {
        guard let source = raw.baseAddress else { return }
        (base + position).update(from: source, count: raw.count)
        position += raw.count
    }

    mutating func write(decimal n: Int) {
        if n < 0 {
            write(byte: UInt8(ascii: "-"))
            // The magnitude of Int.min does not fit an Int: write it through its unsigned form.
            return write(unsigned: n.magnitude)
        }
        write(unsigned: UInt(n))
    }

    private mutating func write(unsigned n: UInt) {
        var digits = 1, rest = n
        while rest >= 10 { rest /= 10; digits += 1 }
        var value = n
        for i in stride(from: digits - 1, through: 0, by: -1) {
            base[position + i] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
        position += digits
    }

    /// `"YYYY-MM-DD"` as `CalendarDate.description` writes it, or `null`.
    mutating func write(date: CalendarDate?) {
        guard let date else { return write("null") }
        guard (0...9999).contains(date.year) else { return write(jsonString: date.description) }
        let zero = UInt8(ascii: "0"), y = date.year, m = date.month, d = date.day
        let p = base + position
        p[0] = UInt8(ascii: "\"")
        p[1] = zero + UInt8(y / 1000); p[2] = zero + UInt8(y / 100 % 10)
        p[3] = zero + UInt8(y / 10 % 10); p[4] = zero + UInt8(y % 10)
        p[5] = UInt8(ascii: "-")
        p[6] = zero + UInt8(m / 10); p[7] = zero + UInt8(m % 10)
        p[8] = UInt8(ascii: "-")
        p[9] = zero + UInt8(d / 10); p[10] = zero + UInt8(d % 10)
        p[11] = UInt8(ascii: "\"")
        position += 12
    }

    /// `"P4Y6M"` as `CalendarDuration.iso8601` writes it.
    mutating func write(iso8601 d: CalendarDuration) {
        write("\"P")
        if d.isZero { return write("0D\"") }
        if d.years > 0 { write(decimal: d.years); write(byte: UInt8(ascii: "Y")) }
        if d.months > 0 { write(decimal: d.months); write(byte: UInt8(ascii: "M")) }
        if d.days > 0 { write(decimal: d.days); write(byte: UInt8(ascii: "D")) }
        write(byte: UInt8(ascii: "\""))
    }

    /// A JSON string, escaped as `JSONValue` escapes it.
    mutating func write(jsonString s: String) {
        let copied = s.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: JSONValue.needsEscape) else { return false }
            write(byte: UInt8(ascii: "\""))
            write(raw: bytes)
            write(byte: UInt8(ascii: "\""))
            return true
        }
        if copied != true { write(bytes: JSONValue.string(s).serializedBytes) }
    }
}
