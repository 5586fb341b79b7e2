import AtlasModel

/// The facts a case does not give that a rule needs, as bits: deciding only asks whether any is missing, and the
/// names are read from the bits when an outcome is explained.
public struct MissingFacts: Hashable, Sendable {
    public private(set) var bits: UInt64

    init(bits: UInt64) { self.bits = bits }

    public static let none = MissingFacts(bits: 0)
    /// The date of the offence, on which the law applied can turn.
    static let offenceDate = MissingFacts.named("offence-date")

    /// The names a rule may miss: a crosswalk that reads the category, then every fact of `CaseFactCatalogue`
    /// by its name. A name outside the table takes the last bit.
    public static let names: [String] = ["category-crosswalk"] + CaseFactCatalogue.all.map(\.name)

    /// The missing fact called `name`.
    public static func named(_ name: String) -> MissingFacts {
        MissingFacts(bits: 1 << UInt64(names.firstIndex(of: name) ?? 63))
    }

    public var isEmpty: Bool { bits == 0 }

    public func union(_ other: MissingFacts) -> MissingFacts { MissingFacts(bits: bits | other.bits) }

    public mutating func formUnion(_ other: MissingFacts) { bits |= other.bits }

    /// The names of the missing facts, in alphabetical order.
    public var sortedNames: [String] {
        (0..<64).filter { bits & (1 << UInt64($0)) != 0 }
            .map { $0 < Self.names.count ? Self.names[$0] : "unknown-fact" }
            .sorted()
    }
}

/// The value of a condition on a case that may lack facts: true, false, or unknown (with the facts that would
/// settle it). The one three-valued logic of the engine.
public enum Truth: Hashable, Sendable {
    case yes
    case no
    case unknown(MissingFacts)

    init(_ b: Bool) { self = b ? .yes : .no }

    /// The facts that would settle an unknown value (none otherwise).
    public var missing: MissingFacts {
        if case .unknown(let m) = self { return m }
        return .none
    }

    var negated: Truth {
        switch self {
        case .yes: return .no
        case .no: return .yes
        case .unknown: return self
        }
    }

    /// Conjunction: false wins, then unknown (with every missing fact of the parts).
    @inline(__always)
    static func all<Parts: Sequence>(_ parts: Parts, _ value: (Parts.Element) -> Truth) -> Truth {
        combine(parts, winner: .no, otherwise: .yes, value)
    }

    /// Disjunction: true wins, then unknown (with every missing fact of the parts).
    @inline(__always)
    static func any<Parts: Sequence>(_ parts: Parts, _ value: (Parts.Element) -> Truth) -> Truth {
        combine(parts, winner: .yes, otherwise: .no, value)
    }

    @inline(__always)
    private static func combine<Parts: Sequence>(_ parts: Parts, winner: Truth, otherwise: Truth,
                                                 _ value: (Parts.Element) -> Truth) -> Truth {
        var missing = MissingFacts.none
        for part in parts {
            let v = value(part)
            if v == winner { return winner }
            missing.formUnion(v.missing)
        }
        return missing.isEmpty ? otherwise : .unknown(missing)
    }
}
