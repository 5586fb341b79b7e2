/// A period of validity: the rule applies on dates `from ... to` (both inclusive); `nil` bounds are open.
public struct Validity: Hashable, Sendable {
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var basis: DateBasis?
    public init(from: CalendarDate? = nil, to: CalendarDate? = nil, basis: DateBasis? = nil) {
        self.from = from
        self.to = to
        self.basis = basis
    }
    @inlinable public func contains(_ date: CalendarDate) -> Bool {
        (from.map { $0 <= date } ?? true) && (to.map { date <= $0 } ?? true)
    }
    public static let always = Validity()
}

/// How the start date of a dated rule is known.
public enum DateBasis: String, Hashable, Sendable {
    case inForce = "in-force"
    case lawDate = "law-date"
    /// The source gives only the year; the first of January is used.
    case yearOnly = "year-only"
    case planned
    case notStated = "not-stated"
}
