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

    /// `init(parsing:)` on UTF-8 bytes already trimmed and in lower case, for readers that hold bytes.
    public init?(bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.elementsEqual("life".utf8) { self = .life; return }
        guard let d = CalendarDuration(compactBytes: bytes), !d.isZero else { return nil }
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

/// A sentence and the facts about the convict that rules may test, as the engine computes with them. Which facts
/// there are, their names, flags and labels are declared in `CaseFactCatalogue`.
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
    public var offences: Set<String> = []
    public var consequences: Set<String> = []
    public var sex: Sex?
    public var birthDate: CalendarDate?
    /// The day the offence was committed (on or before the start of the term).
    public var offenceDate: CalendarDate?
    /// Age on the `asOf` date, when no birth date is known.
    public var age: Int?
    public var disabilityGroup: Int?
    /// Vocabulary term of the `prior-revocation` set.
    public var priorRevocation: String?
    public var damage: DamageStatus?
    public var victimAge: Int?
    /// Age of the convict's youngest child, when stated.
    public var childAge: Int?
    /// The average of the quarterly correction points (1 to 5) of the proposed assessment, when stated.
    public var behaviourPoints: Int?
    /// The yes/no facts (`CaseFactCatalogue`'s `.yesNo` declarations), by catalogue position.
    public var answers = YesNoAnswers()
    /// The date whose law applies.
    public var asOf: CalendarDate

    /// `punishment` has no default here: the default is a corpus value (`Vocabulary.defaultTerm(of: "punishment")`),
    /// which `CaseDraft.build` applies. The other facts start unstated.
    public init(term: SentenceTerm, category: String?, punishment: String, start: CalendarDate, asOf: CalendarDate) {
        self.term = term
        self.category = category
        self.punishment = punishment
        self.start = start
        self.asOf = asOf
    }

    /// The end of a fixed term; `nil` for life.
    public var termEnd: CalendarDate? {
        if case .fixed(let d) = term { return d.end(from: start) }
        return nil
    }

    /// Sets a yes/no fact (a fact composition's part, a branch's assumption); `false` for a fact that is not a
    /// plain yes/no one (`damage-compensated` is a three-way status that a yes/no value cannot set without guessing
    /// which "no" is meant).
    @discardableResult
    public mutating func set(_ fact: CaseFact, to value: Bool) -> Bool {
        guard fact.isAnswer else { return false }
        answers[fact.position] = value
        return true
    }

    /// The value of the yes/no fact conditions call `name`, or `nil` when the case does not say or there is no
    /// such fact.
    public func value(named name: String) -> Bool? { CaseFact(rawValue: name).flatMap(value(of:)) }

    /// A fact as the case holds it, written as input writes it (`nil` when unknown; a composition is never held,
    /// only the facts it set).
    public func inputValue(of fact: CaseFactDeclaration) -> DraftValue? {
        switch fact.kind {
        case .term(let slot): return .text(self[keyPath: slot].description)
        case .date(let slot), .defaultedDate(let slot): return .text(self[keyPath: slot].description)
        case .optionalDate(let slot): return self[keyPath: slot].map { .text($0.description) }
        case .age(let slot), .disabilityGroup(let slot, _): return self[keyPath: slot].map(DraftValue.number)
        case .vocabularyTerm(let slot, _): return self[keyPath: slot].map(DraftValue.text)
        case .defaultedTerm(let slot, _): return .text(self[keyPath: slot])
        case .vocabularyTerms(let slot, _): return .list(self[keyPath: slot].sorted())
        case .sex(let slot): return self[keyPath: slot].map { .text($0.rawValue) }
        case .damage(let slot): return self[keyPath: slot].map { .text($0.rawValue) }
        case .yesNo: return CaseFactCatalogue.position(of: fact.name).flatMap { answers[$0] }.map(DraftValue.yesNo)
        case .composition: return nil
        }
    }

    /// The value of a yes/no fact, or `nil` when the case does not say.
    public func value(of fact: CaseFact) -> Bool? {
        if fact.isAnswer { return answers[fact.position] }
        switch fact.declaration.kind {
        case .yesNo: return answers[fact.position]
        case .damage(let status): return self[keyPath: status].map { $0 != .unpaid }
        default: return nil
        }
    }
}

extension Case {
    /// `answers` with the facts read from a richer fact filled in (`damage-compensated`, from the damage status):
    /// every yes/no fact conditions test, as `value(of:)` gives it, read without looking up declarations.
    public var allAnswers: YesNoAnswers {
        var result = answers
        for derived in Self.derivedReadings {
            let status: DamageStatus?? = switch derived.status {
            case .damageField: damage
            case .field(let slot): self[keyPath: slot]
            case .none: nil
            }
            result[derived.position] = status.map { $0.map { $0 != .unpaid } } ?? nil
        }
        return result
    }

    /// Where a derived fact's status is read: `damage` itself (read directly, a key path being slow to apply for
    /// every person of a cohort), another field, or nowhere (a kind no yes/no value reads).
    private enum StatusField: Sendable {
        case damageField
        case field(KeyPath<Case, DamageStatus?> & Sendable)
    }

    /// Per derived fact, its position and where its status is read.
    private static let derivedReadings: [(position: Int, status: StatusField?)] =
        CaseFact.derived.map { fact in
            guard case .damage(let slot) = fact.declaration.kind else { return (fact.position, nil) }
            return (fact.position, slot == \Case.damage ? .damageField : .field(slot))
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
