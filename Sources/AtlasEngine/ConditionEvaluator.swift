import AtlasModel

/// Evaluates conditions against one case, on the date release would be considered.
struct ConditionEvaluator {
    let facts: Case
    let jurisdiction: Jurisdiction
    /// The date at which ages "at decision" are taken.
    let decisionDate: CalendarDate
    /// Whether the Kazakh category can be read under this jurisdiction's rules (home law, or a crosswalk mapping).
    var categoryReadable = true

    func evaluate(_ condition: Condition) -> Truth {
        switch condition {
        case .category(let set):
            guard categoryReadable else { return .unknown(missing: ["category-crosswalk"]) }
            guard let c = facts.category else { return .unknown(missing: ["category"]) }
            return Truth(set.contains(c))
        case .offence(let tags): return Truth(!tags.isDisjoint(with: facts.offences))
        case .consequence(let tags): return Truth(!tags.isDisjoint(with: facts.consequences))
        case .punishment(let set): return Truth(set.contains(facts.punishment))
        case .priorRevocation(let reasons): return Truth(facts.priorRevocation.map(reasons.contains) ?? false)
        case .life, .term, .fact, .sex, .age, .victimAge, .disability:
            return Self.leaf(condition, of: facts, on: decisionDate)
        case .reference(let id):
            guard let set = jurisdiction.conditionSet(id) else { return .no }
            return evaluate(set.condition)
        case .all(let parts): return Truth.all(parts.map(evaluate))
        case .any(let parts): return Truth.any(parts.map(evaluate))
        case .not(let parts): return Truth.all(parts.map(evaluate)).negated
        }
    }

    /// A condition on the case's own facts (no vocabulary sets, no references); shared with `EligibilityPlan`.
    static func leaf(_ condition: Condition, of facts: Case, on decisionDate: CalendarDate) -> Truth {
        switch condition {
        case .life(let wanted): return Truth(facts.term.isLife == wanted)
        case .term(let cmp): return term(cmp, of: facts)
        case .fact(let fact, let wanted):
            guard let v = facts.value(of: fact) else { return .unknown(missing: [flagName(fact)]) }
            return Truth(v == wanted)
        case .sex(let s):
            guard let sex = facts.sex else { return .unknown(missing: ["sex"]) }
            return Truth(sex == s)
        case .age(let moment, let atLeast, let below):
            return age(moment, atLeast: atLeast, below: below, of: facts, on: decisionDate)
        case .victimAge(let atLeast, let below):
            guard let v = facts.victimAge else { return .unknown(missing: ["victim-age"]) }
            return Truth((atLeast.map { v >= $0 } ?? true) && (below.map { v < $0 } ?? true))
        case .disability(let groups): return Truth(facts.disabilityGroup.map(groups.contains) ?? false)
        default: preconditionFailure("not a leaf on the case's own facts: \(condition)")
        }
    }

    /// The command-line flag that supplies a fact, named in "missing fact" messages.
    static func flagName(_ fact: CaseFact) -> String {
        switch fact {
        case .damageCompensated: return "damage"
        case .maliciousViolations: return "malicious-violations"
        default: return fact.rawValue
        }
    }

    /// Bounds on the term, shared with `EligibilityPlan`.
    static func term(_ cmp: TermComparison, of facts: Case) -> Truth {
        guard case .fixed(let d) = facts.term else {
            // A life sentence is longer than any fixed bound.
            return Truth(cmp.lessThan == nil && cmp.atMost == nil)
        }
        let end = d.end(from: facts.start)
        func bound(_ b: CalendarDuration?) -> CalendarDate? { b.map { $0.end(from: facts.start) } }
        var ok = true
        if let b = bound(cmp.greaterThan) { ok = ok && end > b }
        if let b = bound(cmp.atLeast) { ok = ok && end >= b }
        if let b = bound(cmp.lessThan) { ok = ok && end < b }
        if let b = bound(cmp.atMost) { ok = ok && end <= b }
        return Truth(ok)
    }

    /// An age bound at `moment`, judged on `decisionDate` when it is the decision's age; shared with
    /// `EligibilityPlan`.
    static func age(_ moment: AgeMoment, atLeast: Int?, below: Int?, of facts: Case, on decisionDate: CalendarDate)
        -> Truth {
        switch ageAnswer(moment, atLeast: atLeast, below: below, of: facts, on: decisionDate) {
        case .holds(let b): return Truth(b)
        case .missing(let fact): return .unknown(missing: [fact])
        }
    }

    /// Whether an age bound holds, or the fact that would settle it.
    enum AgeAnswer {
        case holds(Bool)
        case missing(String)
    }

    static func ageAnswer(_ moment: AgeMoment, atLeast: Int?, below: Int?, of facts: Case,
                          on decisionDate: CalendarDate) -> AgeAnswer {
        let range: ClosedRange<Int>
        switch moment {
        case .offence:
            // Only the juvenile flag speaks of the age at the offence: under 18, or 18 and over.
            range = facts.juvenile ? 0...17 : 18...200
        case .decision:
            if let birth = facts.birthDate {
                let a = birth.wholeYears(until: decisionDate)
                range = a...a
            } else if let age = facts.age {
                // Born between asOf - (age+1) years + 1 day and asOf - age years.
                let latestBirth = facts.asOf.adding(months: -12 * age)
                let earliestBirth = facts.asOf.adding(months: -12 * (age + 1)).adding(days: 1)
                range = latestBirth.wholeYears(until: decisionDate)...earliestBirth.wholeYears(until: decisionDate)
            } else {
                return .missing("age")
            }
        }
        func holds(_ a: Int) -> Bool { (atLeast.map { a >= $0 } ?? true) && (below.map { a < $0 } ?? true) }
        let low = holds(range.lowerBound), high = holds(range.upperBound)
        if low == high { return .holds(low) }
        return .missing(moment == .decision ? "birth-date" : "age")
    }
}
