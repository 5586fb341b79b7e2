/// A yes/no fact of a case that corpus conditions may test (`<fact name="young-child"/>`): a declaration of
/// `CaseFactCatalogue` with a condition name.
public struct CaseFact: Hashable, Sendable, CustomStringConvertible {
    /// The fact's position in `CaseFactCatalogue.all`.
    public let position: Int
    /// Whether a case keeps the fact among its yes/no answers (otherwise it is read from a richer fact).
    public let isAnswer: Bool

    /// The fact conditions call `rawValue`; `nil` when the catalogue declares none.
    public init?(rawValue: String) {
        guard let position = Self.positions[rawValue] else { return nil }
        self.position = position
        if case .yesNo = CaseFactCatalogue.all[position].kind { isAnswer = true } else { isAnswer = false }
    }

    /// The facts conditions test that a case does not keep as answers (`damage-compensated`).
    public static let derived: [CaseFact] = allCases.filter { !$0.isAnswer }

    /// The name conditions use (`damage-compensated`).
    public var rawValue: String { declaration.conditionName ?? declaration.name }

    public var declaration: CaseFactDeclaration { CaseFactCatalogue.all[position] }

    /// The name the fact is reported by when missing: the input that supplies it (`damage` for
    /// `damage-compensated`).
    public var inputName: String { declaration.name }

    public var description: String { rawValue }

    /// Every fact conditions may test, in catalogue order.
    public static let allCases: [CaseFact] = CaseFactCatalogue.all.indices.compactMap { position in
        CaseFactCatalogue.all[position].conditionName.flatMap(CaseFact.init(rawValue:))
    }

    private static let positions: [String: Int] = Dictionary(uniqueKeysWithValues:
        CaseFactCatalogue.all.enumerated().compactMap { position, fact in fact.conditionName.map { ($0, position) } })

    /// The minor-at-the-offence fact, which the engine reads against the home law's age of majority.
    public static let juvenile = CaseFact(rawValue: "juvenile")!
}

/// The yes/no facts of a case, by catalogue position: whether each is known, and its value.
public struct YesNoAnswers: Hashable, Sendable {
    private var known: UInt64 = 0
    private var yes: UInt64 = 0

    /// Every fact at its unstated value (`false` for the flags a case claims by stating them, unknown otherwise).
    public init() { self = Self.unstated }

    private init(known: UInt64, yes: UInt64) {
        self.known = known
        self.yes = yes
    }

    /// Read once from the catalogue: every case starts from it.
    private static let unstated: YesNoAnswers = {
        var answers = YesNoAnswers(known: 0, yes: 0)
        for (position, fact) in CaseFactCatalogue.all.enumerated() {
            if case .yesNo(let unstated?) = fact.kind { answers[position] = unstated }
        }
        return answers
    }()

    public subscript(position: Int) -> Bool? {
        get { known & (1 << UInt64(position)) == 0 ? nil : yes & (1 << UInt64(position)) != 0 }
        set {
            let bit: UInt64 = 1 << UInt64(position)
            switch newValue {
            case nil: known &= ~bit; yes &= ~bit
            case true?: known |= bit; yes |= bit
            case false?: known |= bit; yes &= ~bit
            }
        }
    }
}
