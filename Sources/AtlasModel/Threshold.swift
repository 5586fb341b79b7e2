/// The time that must actually be served: a fraction of the term, a minimum, and/or a fixed time (life).
public struct Threshold: Sendable, Identifiable {
    /// The fields, shared by every copy until one is changed: the simulator copies these records often.
    private var stored: Frozen<Stored>
    struct Stored: Sendable {
        var id: String
        var labels: [LocalizedString]
        var condition: Condition?
        var fraction: Rational?
        var fractionBase: Base
        var minimum: CalendarDuration?
        var fixed: CalendarDuration?
        var combination: Combination
        var overrides: [String]
        var validity: Validity
        var citations: [Citation]
        var notes: [LocalizedString]
        var relativeTo: RelativeDate?
    }

    /// A date laid from another mechanism's earliest date for the same case, not from the start of the term.
    public struct RelativeDate: Sendable, Hashable {
        /// The mechanism (of the same jurisdiction) whose earliest date is the anchor.
        public var mechanism: String
        /// How long before the anchor the date falls.
        public var before: CalendarDuration
        public init(mechanism: String, before: CalendarDuration) {
            self.mechanism = mechanism
            self.before = before
        }
    }

    public enum Base: String, Sendable { case term, remainder }
    public enum Combination: String, Sendable { case laterOf = "later-of", earlierOf = "earlier-of" }

    public var id: String { get { stored.fields.id } set { stored = stored.with { $0.id = newValue } } }
    public var labels: [LocalizedString] { get { stored.fields.labels } set { stored = stored.with { $0.labels = newValue } } }
    public var condition: Condition? { get { stored.fields.condition } set { stored = stored.with { $0.condition = newValue } } }
    public var fraction: Rational? { get { stored.fields.fraction } set { stored = stored.with { $0.fraction = newValue } } }
    public var fractionBase: Base { get { stored.fields.fractionBase } set { stored = stored.with { $0.fractionBase = newValue } } }
    public var minimum: CalendarDuration? { get { stored.fields.minimum } set { stored = stored.with { $0.minimum = newValue } } }
    public var fixed: CalendarDuration? { get { stored.fields.fixed } set { stored = stored.with { $0.fixed = newValue } } }
    public var combination: Combination { get { stored.fields.combination } set { stored = stored.with { $0.combination = newValue } } }
    public var overrides: [String] { get { stored.fields.overrides } set { stored = stored.with { $0.overrides = newValue } } }
    public var validity: Validity { get { stored.fields.validity } set { stored = stored.with { $0.validity = newValue } } }
    public var citations: [Citation] { get { stored.fields.citations } set { stored = stored.with { $0.citations = newValue } } }
    public var notes: [LocalizedString] { get { stored.fields.notes } set { stored = stored.with { $0.notes = newValue } } }
    public var relativeTo: RelativeDate? { get { stored.fields.relativeTo } set { stored = stored.with { $0.relativeTo = newValue } } }

    public init(id: String, labels: [LocalizedString] = [], condition: Condition? = nil, fraction: Rational? = nil,
                fractionBase: Base = .term, minimum: CalendarDuration? = nil, fixed: CalendarDuration? = nil,
                combination: Combination = .laterOf, overrides: [String] = [], validity: Validity = .always,
                citations: [Citation], notes: [LocalizedString] = [], relativeTo: RelativeDate? = nil) {
        stored = Frozen(Stored(id: id, labels: labels, condition: condition, fraction: fraction, fractionBase: fractionBase, minimum: minimum, fixed: fixed, combination: combination, overrides: overrides, validity: validity, citations: citations, notes: notes, relativeTo: relativeTo))
    }
}
