/// A test on the facts of a case, in the vocabulary shared by every jurisdiction (schema/README.md, "Conditions").
public indirect enum Condition: Hashable, Sendable {
    case category(Set<String>)
    case offence(anyOf: Set<String>)
    case consequence(anyOf: Set<String>)
    case punishment(Set<String>)
    case term(TermComparison)
    case life(Bool)
    case fact(CaseFact, Bool)
    case sex(Sex)
    case age(at: AgeMoment, atLeast: Int?, below: Int?)
    case victimAge(atLeast: Int?, below: Int?)
    /// Age of the convict's youngest child.
    case childAge(atLeast: Int?, below: Int?)
    /// The average of the quarterly correction points of the proposed points-based assessment.
    case behaviourPoints(atLeast: Int?, below: Int?)
    case disability(Set<Int>)
    case priorRevocation(Set<String>)
    /// A named condition set of the jurisdiction (e.g. its vulnerable categories).
    case reference(String)
    case all([Condition])
    case any([Condition])
    case not([Condition])
}

/// Bounds on the length of a fixed term, each compared on the calendar from the term's start.
public struct TermComparison: Hashable, Sendable {
    public var greaterThan: CalendarDuration?
    public var atLeast: CalendarDuration?
    public var lessThan: CalendarDuration?
    public var atMost: CalendarDuration?
    public init(greaterThan: CalendarDuration? = nil, atLeast: CalendarDuration? = nil,
                lessThan: CalendarDuration? = nil, atMost: CalendarDuration? = nil) {
        self.greaterThan = greaterThan
        self.atLeast = atLeast
        self.lessThan = lessThan
        self.atMost = atMost
    }
}

public enum Sex: String, Hashable, Sendable, CaseIterable {
    case female, male
}

public enum AgeMoment: String, Hashable, Sendable {
    /// Age when the offence was committed.
    case offence
    /// Age on the date release is considered.
    case decision
}

extension Condition {
    /// Whether some leaf condition satisfies `matches`, looking through `all` and `any`, and through `not` when
    /// `throughNegation` (a negated leaf still *mentions* the fact, but does not establish it).
    public func containsLeaf(throughNegation: Bool, where matches: (Condition) -> Bool) -> Bool {
        switch self {
        case .all(let parts), .any(let parts):
            return parts.contains { $0.containsLeaf(throughNegation: throughNegation, where: matches) }
        case .not(let parts):
            return throughNegation && parts.contains { $0.containsLeaf(throughNegation: true, where: matches) }
        default:
            return matches(self)
        }
    }
}
