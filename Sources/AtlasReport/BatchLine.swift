import AtlasEngine
import AtlasModel

/// The compact per-case line of a batch run (docs/simulate-json.md, "Batch output"): dates and statuses, no trace.
///
/// Written straight into bytes: a batch of 100,000 cases across every jurisdiction is over a gigabyte of JSON, and
/// building a `JSONValue` tree per line cost more than the simulation itself. The field order and spelling are the
/// documented contract; `BatchLineTests` parses the lines back and checks every field against the outcomes.
public enum BatchLine {
    /// Appends one case's line (without the newline) to `out`.
    public static func write(line n: Int, facts: Case, outcomes: [JurisdictionOutcome], into out: inout [UInt8]) {
        out.append(literal: #"{"line":"#)
        out.append(decimal: n)
        out.append(literal: #","term":"#)
        out.append(jsonString: facts.term.description)
        out.append(literal: #","start":"#)
        out.append(date: facts.start)
        out.append(literal: #","outcomes":["#)
        for (i, o) in outcomes.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(literal: #"{"jurisdiction":"#)
            out.append(jsonString: o.jurisdiction.id)
            out.append(literal: #","earliestRelease":"#)
            out.append(date: o.earliestRelease)
            out.append(literal: #","mechanisms":["#)
            // Through the buffer: iterating the array would copy each outcome, and they are large.
            o.mechanisms.withUnsafeBufferPointer { mechanisms in
                for k in mechanisms.indices {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    write(mechanisms[k], into: &out)
                }
            }
            out.append(literal: "]}")
        }
        out.append(literal: "]}")
    }

    /// Appends the line of a rejected input line.
    public static func writeError(line n: Int, message: String, into out: inout [UInt8]) {
        out.append(literal: #"{"line":"#)
        out.append(decimal: n)
        out.append(literal: #","error":"#)
        out.append(jsonString: message)
        out.append(UInt8(ascii: "}"))
    }

    private static func write(_ m: MechanismOutcome, into out: inout [UInt8]) {
        out.append(literal: #"{"mechanism":"#)
        out.append(jsonString: m.mechanism.id)
        out.append(literal: #","kind":"#)
        out.append(jsonString: m.mechanism.kind)
        out.append(literal: #","available":"#)
        out.append(literal: m.available ? "true" : "false")
        out.append(literal: #","status":"#)
        out.append(jsonString: m.status.rawValue)
        out.append(literal: #","earliestDate":"#)
        out.append(date: m.earliestDate)
        out.append(literal: #","requiredServed":"#)
        if let d = m.requiredServed { out.append(iso8601: d) } else { out.append(literal: "null") }
        out.append(literal: #","fraction":"#)
        if let f = m.fraction {
            out.append(UInt8(ascii: "\""))
            out.append(decimal: f.numerator)
            if f.denominator != 1 {
                out.append(UInt8(ascii: "/"))
                out.append(decimal: f.denominator)
            }
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(literal: "null")
        }
        out.append(literal: #","mandatory":"#)
        out.append(literal: m.mandatory ? "true" : "false")
        out.append(literal: #","reason":"#)
        if let id = m.reason?.ruleID { out.append(jsonString: id) } else { out.append(literal: "null") }
        out.append(UInt8(ascii: "}"))
    }
}

extension [UInt8] {
    mutating func append(literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// A non-negative or negative whole number in decimal.
    mutating func append(decimal n: Int) {
        if n < 0 {
            append(UInt8(ascii: "-"))
            append(decimal: -n)
            return
        }
        if n >= 10 { append(decimal: n / 10) }
        append(UInt8(ascii: "0") + UInt8(n % 10))
    }

    /// `"YYYY-MM-DD"`, or `null`.
    mutating func append(date: CalendarDate?) {
        guard let date else { return append(literal: "null") }
        let y = date.year
        guard (0...9999).contains(y) else { return append(jsonString: date.description) }
        let zero = UInt8(ascii: "0")
        append(UInt8(ascii: "\""))
        append(zero + UInt8(y / 1000)); append(zero + UInt8(y / 100 % 10))
        append(zero + UInt8(y / 10 % 10)); append(zero + UInt8(y % 10))
        append(UInt8(ascii: "-"))
        append(zero + UInt8(date.month / 10)); append(zero + UInt8(date.month % 10))
        append(UInt8(ascii: "-"))
        append(zero + UInt8(date.day / 10)); append(zero + UInt8(date.day % 10))
        append(UInt8(ascii: "\""))
    }

    /// `"P4Y6M"` as `CalendarDuration.iso8601` writes it.
    mutating func append(iso8601 d: CalendarDuration) {
        append(literal: "\"P")
        if d.isZero {
            append(literal: "0D\"")
            return
        }
        if d.years > 0 { append(decimal: d.years); append(UInt8(ascii: "Y")) }
        if d.months > 0 { append(decimal: d.months); append(UInt8(ascii: "M")) }
        if d.days > 0 { append(decimal: d.days); append(UInt8(ascii: "D")) }
        append(UInt8(ascii: "\""))
    }

    mutating func append(jsonString s: String) {
        JSONValue.escape(s, into: &self)
    }
}
