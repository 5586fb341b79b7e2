/// The length of a sentence: a fixed term or life.
public enum SentenceTerm: Hashable, Sendable, CustomStringConvertible {
    case fixed(CalendarDuration)
    case life

    /// Parses `9y`, `7y6m`, `2y3m15d` or `life`; `nil` for anything else (including zero and negative terms).
    public init?(parsing text: String) {
        let t = text.trimmingSpaces.lowercased()
        if t == "life" { self = .life; return }
        guard let d = CalendarDuration(compact: t), !d.isZero else { return nil }
        self = .fixed(d)
    }

    public var description: String {
        switch self {
        case .life: return "life"
        case .fixed(let d): return d.compact
        }
    }

    public var isLife: Bool { self == .life }
}

/// How the damage caused by the crime stands.
public enum DamageStatus: String, Hashable, Sendable, CaseIterable {
    /// Fully compensated.
    case full
    /// No damage was claimed (the Supreme Court treats this like full compensation).
    case noneClaimed = "none-claimed"
    /// Not (fully) compensated.
    case unpaid
}

/// A Kazakh sentence and the facts about the convict that rules may test.
///
/// Yes/no flags that the user did not set are *false* (the case says so by not claiming them); facts that cannot
/// be assumed (sex, age, damage, violations, the victim's age) stay *unknown* until given, and a rule that needs
/// one reports it as missing instead of guessing.
public struct Case: Hashable, Sendable {
    public var term: SentenceTerm
    /// Vocabulary term of the `category` set.
    public var category: String?
    /// Vocabulary term of the `punishment` set.
    public var punishment: String
    /// Start of the term, custody credit included.
    public var start: CalendarDate
    public var offences: Set<String>
    public var consequences: Set<String>
    public var sex: Sex?
    public var birthDate: CalendarDate?
    /// Age on the `asOf` date, when no birth date is known.
    public var age: Int?
    public var juvenile: Bool
    public var pregnant: Bool
    public var youngChild: Bool
    public var singleParent: Bool
    public var disabilityGroup: Int?
    public var cooperation: Bool
    public var recidivist: Bool?
    public var firstCustodial: Bool?
    public var foreignNational: Bool
    /// Vocabulary term of the `prior-revocation` set.
    public var priorRevocation: String?
    public var damage: DamageStatus?
    public var maliciousViolations: Bool?
    public var victimAge: Int?
    /// The date whose law applies.
    public var asOf: CalendarDate

    /// `punishment` has no default here: the default is a corpus value (`Vocabulary.defaultTerm(of: "punishment")`),
    /// which `CaseDraft.build` applies.
    public init(term: SentenceTerm, category: String?, punishment: String, start: CalendarDate,
                offences: Set<String> = [], consequences: Set<String> = [], sex: Sex? = nil,
                birthDate: CalendarDate? = nil, age: Int? = nil, juvenile: Bool = false, pregnant: Bool = false,
                youngChild: Bool = false, singleParent: Bool = false, disabilityGroup: Int? = nil,
                cooperation: Bool = false, recidivist: Bool? = nil, firstCustodial: Bool? = nil,
                foreignNational: Bool = false, priorRevocation: String? = nil, damage: DamageStatus? = nil,
                maliciousViolations: Bool? = nil, victimAge: Int? = nil, asOf: CalendarDate) {
        self.term = term
        self.category = category
        self.punishment = punishment
        self.start = start
        self.offences = offences
        self.consequences = consequences
        self.sex = sex
        self.birthDate = birthDate
        self.age = age
        self.juvenile = juvenile
        self.pregnant = pregnant
        self.youngChild = youngChild
        self.singleParent = singleParent
        self.disabilityGroup = disabilityGroup
        self.cooperation = cooperation
        self.recidivist = recidivist
        self.firstCustodial = firstCustodial
        self.foreignNational = foreignNational
        self.priorRevocation = priorRevocation
        self.damage = damage
        self.maliciousViolations = maliciousViolations
        self.victimAge = victimAge
        self.asOf = asOf
    }

    /// The end of a fixed term; `nil` for life.
    public var termEnd: CalendarDate? {
        if case .fixed(let d) = term { return d.end(from: start) }
        return nil
    }

    /// Sets a yes/no fact (a fact composition's part); `false` for `damage-compensated`, which is a three-way
    /// status that a yes/no value cannot set without guessing which "no" is meant.
    @discardableResult
    public mutating func set(_ fact: CaseFact, to value: Bool) -> Bool {
        switch fact {
        case .juvenile: juvenile = value
        case .pregnant: pregnant = value
        case .youngChild: youngChild = value
        case .singleParent: singleParent = value
        case .cooperation: cooperation = value
        case .recidivist: recidivist = value
        case .firstCustodial: firstCustodial = value
        case .foreignNational: foreignNational = value
        case .maliciousViolations: maliciousViolations = value
        case .damageCompensated: return false
        }
        return true
    }

    /// The value of a yes/no fact, or `nil` when the case does not say.
    public func value(of fact: CaseFact) -> Bool? {
        switch fact {
        case .juvenile: return juvenile
        case .pregnant: return pregnant
        case .youngChild: return youngChild
        case .singleParent: return singleParent
        case .cooperation: return cooperation
        case .recidivist: return recidivist
        case .firstCustodial: return firstCustodial
        case .foreignNational: return foreignNational
        case .damageCompensated: return damage.map { $0 != .unpaid }
        case .maliciousViolations: return maliciousViolations
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
