/// A case as a user states it (command-line flags or a JSON file), before it is checked.
///
/// `build` turns it into a `Case` or fails with the first problem, naming the field, so that the command line
/// and the future web API reject bad input the same way.
public struct CaseDraft: Sendable, Equatable {
    public var term: String?
    public var category: String?
    public var punishment: String?
    public var start: String?
    public var offences: [String] = []
    public var consequences: [String] = []
    public var sex: String?
    public var age: Int?
    public var birthDate: String?
    public var juvenile: Bool?
    public var pregnant: Bool?
    public var youngChild: Bool?
    public var singleFather: Bool?
    public var singleParent: Bool?
    public var disability: Int?
    public var cooperation: Bool?
    public var recidivist: Bool?
    public var firstCustodial: Bool?
    public var foreignNational: Bool?
    public var priorRevocation: String?
    public var damage: String?
    public var maliciousViolations: Bool?
    public var victimAge: Int?
    public var asOf: String?
    public var jurisdictions: [String] = []

    public init() {}

    /// Fields given in `other` replace those here (flags override a `--case` file).
    public func overlaid(with other: CaseDraft) -> CaseDraft {
        var d = self
        d.term = other.term ?? term
        d.category = other.category ?? category
        d.punishment = other.punishment ?? punishment
        d.start = other.start ?? start
        if !other.offences.isEmpty { d.offences = other.offences }
        if !other.consequences.isEmpty { d.consequences = other.consequences }
        d.sex = other.sex ?? sex
        d.age = other.age ?? age
        d.birthDate = other.birthDate ?? birthDate
        d.juvenile = other.juvenile ?? juvenile
        d.pregnant = other.pregnant ?? pregnant
        d.youngChild = other.youngChild ?? youngChild
        d.singleFather = other.singleFather ?? singleFather
        d.singleParent = other.singleParent ?? singleParent
        d.disability = other.disability ?? disability
        d.cooperation = other.cooperation ?? cooperation
        d.recidivist = other.recidivist ?? recidivist
        d.firstCustodial = other.firstCustodial ?? firstCustodial
        d.foreignNational = other.foreignNational ?? foreignNational
        d.priorRevocation = other.priorRevocation ?? priorRevocation
        d.damage = other.damage ?? damage
        d.maliciousViolations = other.maliciousViolations ?? maliciousViolations
        d.victimAge = other.victimAge ?? victimAge
        d.asOf = other.asOf ?? asOf
        if !other.jurisdictions.isEmpty { d.jurisdictions = other.jurisdictions }
        return d
    }

    /// Checks every field and builds the case; `today` is the default as-of date.
    public func build(vocabulary: Vocabulary, today: CalendarDate) throws(CaseInputError) -> Case {
        guard let termText = term else {
            throw CaseInputError(field: "term", message: "missing; give the sentence, e.g. --term 9y, 7y6m, 2y3m15d or life")
        }
        let sentence = try Self.parseTerm(termText)
        guard let categoryText = category else {
            throw CaseInputError(field: "category", message: "missing; one of "
                + vocabulary.terms(of: "category").joined(separator: ", "))
        }
        let cat = try known(categoryText, set: "category", field: "category", vocabulary)
        // The default punishment is the vocabulary's (corpus/vocabulary.xml, `default="true"`), not the program's.
        guard let punishmentText = punishment ?? vocabulary.defaultTerm(of: "punishment") else {
            throw CaseInputError(field: "punishment", message: "missing, and the corpus marks no default punishment; one of "
                + vocabulary.terms(of: "punishment").joined(separator: ", "))
        }
        let punishmentTerm = try known(punishmentText, set: "punishment", field: "punishment", vocabulary)
        guard let startText = start else {
            throw CaseInputError(field: "start", message: "missing; give the start of the term as YYYY-MM-DD")
        }
        let startDate = try Self.parseDate(startText, field: "start")
        try CaseLimits.check(term: sentence, termText: termText, start: startDate)
        let asOfDate = try asOf.map { t throws(CaseInputError) in try Self.parseDate(t, field: "as-of") } ?? today
        let offenceTags = try Set(offences.map { t throws(CaseInputError) in
            try known(t, set: "offence-tag", field: "offence", vocabulary)
        })
        let consequenceTags = try Set(consequences.map { t throws(CaseInputError) in
            try known(t, set: "consequence", field: "consequence", vocabulary)
        })
        var sexValue: Sex? = nil
        if let s = sex {
            guard let v = Sex(rawValue: s.lowercased()) else {
                throw CaseInputError(field: "sex", message: "\(InputText.quoted(s)) is not female or male")
            }
            sexValue = v
        }
        // What a single father is (male, young child, raising it alone) is the corpus's fact composition.
        let fatherhood = try composition(named: "single-father", stated: singleFather, vocabulary)
        if let implied = fatherhood?.sex {
            if let given = sexValue, given != implied {
                throw CaseInputError(field: "single-father", message: "contradicts --sex \(given.rawValue)")
            }
            sexValue = implied
        }
        if pregnant == true, sexValue == .male {
            throw CaseInputError(field: "pregnant", message: "contradicts --sex male")
        }
        if let a = age, !(0...130).contains(a) {
            throw CaseInputError(field: "age", message: "\(a) is not an age between 0 and 130")
        }
        let birth = try birthDate.map { t throws(CaseInputError) in try Self.parseDate(t, field: "birth-date") }
        if let birth, birth > asOfDate {
            throw CaseInputError(field: "birth-date", message: "\(birth) is after the as-of date \(asOfDate)")
        }
        if birth != nil, age != nil {
            throw CaseInputError(field: "age", message: "give either --age or --birth-date, not both")
        }
        // The groups a case may state are the `disability-group` vocabulary.
        if let d = disability, !vocabulary.contains(String(d), in: "disability-group") {
            throw CaseInputError(field: "disability", message: "\(d) is not a disability group ("
                + Self.alternatives(vocabulary.disabilityGroups.map(String.init)) + ")")
        }
        if let v = victimAge, !(0...130).contains(v) {
            throw CaseInputError(field: "victim-age", message: "\(v) is not an age between 0 and 130")
        }
        let revocation = try priorRevocation.map { t throws(CaseInputError) in
            try known(t, set: "prior-revocation", field: "prior-revocation", vocabulary)
        }
        var damageStatus: DamageStatus? = nil
        if let d = damage {
            guard let v = DamageStatus(rawValue: d) else {
                throw CaseInputError(field: "damage", message: "\(InputText.quoted(d)) is not one of "
                    + DamageStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            damageStatus = v
        }
        // Which punishment a life sentence is comes from the vocabulary (`life-sentence="true"`).
        if sentence.isLife {
            guard let lifePunishment = vocabulary.lifeSentenceTerm(of: "punishment") else {
                throw CaseInputError(field: "term", message: "the corpus marks no punishment a life sentence is, so a "
                    + "life term cannot be read")
            }
            if punishmentTerm != lifePunishment {
                throw CaseInputError(field: "punishment", message: "a life sentence is \(lifePunishment), not \(punishmentTerm)")
            }
        }
        var built = Case(term: sentence, category: cat, punishment: punishmentTerm, start: startDate,
                         offences: offenceTags, consequences: consequenceTags, sex: sexValue, birthDate: birth,
                         age: age, juvenile: juvenile ?? false, pregnant: pregnant ?? false,
                         youngChild: youngChild ?? false, singleParent: singleParent ?? false,
                         disabilityGroup: disability, cooperation: cooperation ?? false, recidivist: recidivist,
                         firstCustodial: firstCustodial,
                         foreignNational: foreignNational ?? false, priorRevocation: revocation, damage: damageStatus,
                         maliciousViolations: maliciousViolations, victimAge: victimAge, asOf: asOfDate)
        // The composition's facts override what the case says of them, as the flag always did.
        for part in fatherhood?.facts ?? [] { built.set(part.fact, to: part.value) }
        return built
    }

    /// The fact composition a stated flag stands for; `nil` when the flag is not stated.
    private func composition(named name: String, stated: Bool?, _ vocabulary: Vocabulary) throws(CaseInputError)
        -> FactComposition?
    {
        guard stated == true else { return nil }
        guard let c = vocabulary.compositions[name] else {
            throw CaseInputError(field: name, message: "the corpus does not define \(name) (corpus/vocabulary.xml "
                + "<fact-composition>), so the flag cannot be read")
        }
        return c
    }

    /// `1, 2 or 3`.
    static func alternatives(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "none" }
        return items.dropLast().joined(separator: ", ") + " or " + items.last!
    }

    private func known(_ term: String, set: String, field: String, _ vocabulary: Vocabulary) throws(CaseInputError)
        -> String
    {
        let t = term.lowercased()
        guard vocabulary.contains(t, in: set) else {
            let terms = vocabulary.terms(of: set)
            let hint = Suggestion.nearest(to: t, among: terms).map { "did you mean \($0)? " } ?? ""
            throw CaseInputError(field: field, message: "unknown \(set) \(InputText.quoted(term)); \(hint)known: "
                + terms.joined(separator: ", "))
        }
        return t
    }

    /// Parses a term, explaining exactly what is wrong with a bad one.
    public static func parseTerm(_ text: String) throws(CaseInputError) -> SentenceTerm {
        let t = text.trimmingSpaces
        if t.hasPrefix("-") {
            throw CaseInputError(field: "term", message: "\(InputText.quoted(text)) is negative; a term is a positive length such as 9y")
        }
        if let term = SentenceTerm(parsing: t) { return term }
        if let d = CalendarDuration(compact: t.lowercased()), d.isZero {
            throw CaseInputError(field: "term", message: "\(InputText.quoted(text)) is zero; a term must be longer than zero")
        }
        let position = (t.lowercased().firstIndex { !($0.isASCII && ($0.isNumber || "ymd".contains($0))) })
            .map { t.distance(from: t.startIndex, to: $0) + 1 }
        throw CaseInputError(field: "term", message: "\(InputText.quoted(text)) is not a term"
            + (position.map { " (unexpected character at position \($0))" } ?? "")
            + "; use years, months and days in that order, e.g. 9y, 7y6m, 2y3m15d, or life")
    }

    public static func parseDate(_ text: String, field: String) throws(CaseInputError) -> CalendarDate {
        guard let d = CalendarDate(iso: text) else {
            throw CaseInputError(field: field, message: "\(InputText.quoted(text)) is not a calendar date; use YYYY-MM-DD "
                + "(the day must exist in that month)")
        }
        return d
    }
}

/// A field of a case that cannot be used, and why.
public struct CaseInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
    public var description: String { "--\(field): \(message)" }
}

/// "Did you mean …?" suggestions by edit distance.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    public static func nearest(to word: String, among candidates: [String]) -> String? {
        // A long word is no typo of a short name, and comparing it would cost its length times theirs.
        guard word.utf8.count <= 64 else { return nil }
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// The span of dates a case may cover. Dates are computed and printed up to 9999-12-31 (four-digit years, as the
/// date flags and ISO 8601's basic form take them); a rule may add at most a thousand years to the start (the
/// corpus limit on durations, schema/README.md), so a case starts by 8999-12-31 and a fixed term is at most
/// 999 years. These are limits of the calculator, not of any law.
public enum CaseLimits {
    public static let latestStart = CalendarDate(year: 8999, month: 12, day: 31)!
    public static let longestTermYears = 999

    static func check(term: SentenceTerm, termText: String, start: CalendarDate) throws(CaseInputError) {
        if start > latestStart {
            throw CaseInputError(field: "start", message: "\(start) is after \(latestStart): dates are computed up to "
                + "9999-12-31, and a rule may count up to a thousand years from the start")
        }
        if case .fixed(let duration) = term,
           duration.end(from: start) > CalendarDuration(years: longestTermYears).end(from: start) {
            throw CaseInputError(field: "term", message: "\(InputText.quoted(termText)) is longer than \(longestTermYears) years, the "
                + "longest term the atlas computes with")
        }
    }
}
