/// A span of time in years, months and days, as sentences and statutes state it (`7y6m`, `P2Y3M15D`).
///
/// A duration has no fixed length in days: it is laid on the calendar from a start date, months first
/// (month-end clamped), then days.
public struct CalendarDuration: Hashable, Sendable, CustomStringConvertible {
    public var years: Int
    public var months: Int
    public var days: Int

    public init(years: Int = 0, months: Int = 0, days: Int = 0) {
        self.years = years
        self.months = months
        self.days = days
    }

    /// Months in the years-and-months part.
    public var totalMonths: Int { years * 12 + months }

    public var isZero: Bool { years == 0 && months == 0 && days == 0 }

    /// The date reached from `start` after this duration.
    public func end(from start: CalendarDate) -> CalendarDate {
        start.adding(months: totalMonths).adding(days: days)
    }

    /// The date from which this duration reaches `end` (months counted back first, then days).
    public func start(before end: CalendarDate) -> CalendarDate {
        end.adding(days: -days).adding(months: -totalMonths)
    }

    /// ISO 8601 form, e.g. `P4Y6M`, `P9M5D`, `P0D`.
    public var iso8601: String { "P" + units("Y", "M", "D") }

    /// Short form used on the command line, e.g. `7y6m`, `2y3m15d`.
    public var compact: String { units("y", "m", "d") }

    /// The non-zero parts with their unit letters; a zero duration is written as zero days.
    private func units(_ y: String, _ m: String, _ d: String) -> String {
        if isZero { return "0" + d }
        return (years > 0 ? "\(years)\(y)" : "") + (months > 0 ? "\(months)\(m)" : "") + (days > 0 ? "\(days)\(d)" : "")
    }

    /// Words, e.g. "4 years 6 months 0 days".
    public var spelledOut: String {
        func unit(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        return [unit(years, "year", "years"), unit(months, "month", "months"), unit(days, "day", "days")]
            .joined(separator: " ")
    }

    /// Words without zero parts, e.g. "6 months", "2 years 15 days".
    public var naturalText: String {
        func unit(_ n: Int, _ one: String, _ many: String) -> String? { n == 0 ? nil : "\(n) \(n == 1 ? one : many)" }
        let parts = [unit(years, "year", "years"), unit(months, "month", "months"), unit(days, "day", "days")]
            .compactMap { $0 }
        return parts.isEmpty ? "0 days" : parts.joined(separator: " ")
    }

    public var description: String { compact }

    /// Parses ISO 8601 `P25Y`, `P2Y3M15D` (years, months, days only).
    public init?(iso text: String) {
        guard text.hasPrefix("P"), text.count > 1 else { return nil }
        var units = String(text.dropFirst())
        guard let parsed = units.withUTF8({ CalendarDuration.parseUnits($0, units: Self.isoUnits) }) else { return nil }
        self = parsed
    }

    /// Parses the command-line form `9y`, `7y6m`, `2y3m15d`, `18m`, `45d` (units in this order, each at most once).
    public init?(compact text: String) {
        var lowered = text.lowercased()
        guard let parsed = lowered.withUTF8({ CalendarDuration.parseUnits($0, units: Self.compactUnits) }) else { return nil }
        self = parsed
    }

    /// `init(compact:)` on UTF-8 bytes already in lower case, for readers that hold bytes.
    public init?(compactBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let parsed = CalendarDuration.parseUnits(bytes, units: Self.compactUnits) else { return nil }
        self = parsed
    }

    private static let compactUnits: (UInt8, UInt8, UInt8) = (UInt8(ascii: "y"), UInt8(ascii: "m"), UInt8(ascii: "d"))
    private static let isoUnits: (UInt8, UInt8, UInt8) = (UInt8(ascii: "Y"), UInt8(ascii: "M"), UInt8(ascii: "D"))

    private static func parseUnits(_ bytes: UnsafeBufferPointer<UInt8>, units: (UInt8, UInt8, UInt8)) -> CalendarDuration? {
        // On bytes: a non-ASCII character is neither a digit nor a unit, so it fails here as it would by Character.
        var values = (0, 0, 0)
        var digits = 0, value = 0
        var nextUnit = 0
        var sawUnit = false
        for b in bytes {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) {
                digits += 1
                if digits <= 6 { value = value * 10 + Int(b - UInt8(ascii: "0")) }
                continue
            }
            let index = b == units.0 ? 0 : b == units.1 ? 1 : b == units.2 ? 2 : -1
            guard index >= nextUnit, digits > 0, digits <= 6 else { return nil }
            switch index {
            case 0: values.0 = value
            case 1: values.1 = value
            default: values.2 = value
            }
            nextUnit = index + 1
            digits = 0
            value = 0
            sawUnit = true
        }
        guard digits == 0, sawUnit else { return nil }
        return CalendarDuration(years: values.0, months: values.1, days: values.2)
    }

    /// Re-expresses the span from `start` to `end` as whole years, months and days (largest units first).
    public static func between(_ start: CalendarDate, _ end: CalendarDate) -> CalendarDuration {
        var months = max((end.year - start.year) * 12 + (end.month - start.month), 0)
        while months > 0, start.adding(months: months) > end { months -= 1 }
        return CalendarDuration(years: months / 12, months: months % 12,
                                days: start.adding(months: months).days(until: end))
    }
}
