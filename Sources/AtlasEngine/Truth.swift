/// The value of a condition on a case that may lack facts: true, false, or unknown (with the facts that would
/// settle it).
public enum Truth: Hashable, Sendable {
    case yes
    case no
    case unknown(missing: Set<String>)

    init(_ b: Bool) { self = b ? .yes : .no }

    /// Conjunction: false wins, then unknown.
    static func all(_ values: [Truth]) -> Truth {
        if values.contains(.no) { return .no }
        let missing = values.reduce(into: Set<String>()) { acc, v in if case .unknown(let m) = v { acc.formUnion(m) } }
        return missing.isEmpty ? .yes : .unknown(missing: missing)
    }

    /// Disjunction: true wins, then unknown.
    static func any(_ values: [Truth]) -> Truth {
        if values.contains(.yes) { return .yes }
        let missing = values.reduce(into: Set<String>()) { acc, v in if case .unknown(let m) = v { acc.formUnion(m) } }
        return missing.isEmpty ? .no : .unknown(missing: missing)
    }

    var negated: Truth {
        switch self {
        case .yes: return .no
        case .no: return .yes
        case .unknown: return self
        }
    }

    /// The facts that would settle an unknown value (empty otherwise).
    public var missing: Set<String> {
        if case .unknown(let m) = self { return m }
        return []
    }
}
