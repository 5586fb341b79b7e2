import AtlasModel

/// What a batch line prints about one mechanism: the decision without its explanation.
public struct EligibilityResult: Sendable, Equatable {
    public var status: MechanismOutcome.Status
    public var earliestDate: CalendarDate?
    public var requiredServed: CalendarDuration?
    public var fraction: Rational?
    public var mandatory: Bool
    /// The rule that decided an unavailable (or undetermined) outcome.
    public var reasonRuleID: String?
    public var available: Bool { status == .available || status == .availableNoThreshold }

    public init(status: MechanismOutcome.Status, earliestDate: CalendarDate? = nil,
                requiredServed: CalendarDuration? = nil, fraction: Rational? = nil, mandatory: Bool = false,
                reasonRuleID: String? = nil) {
        self.status = status
        self.earliestDate = earliestDate
        self.requiredServed = requiredServed
        self.fraction = fraction
        self.mandatory = mandatory
        self.reasonRuleID = reasonRuleID
    }

    /// The same fields of a full (explained) outcome.
    public init(_ outcome: MechanismOutcome) {
        self.init(status: outcome.status, earliestDate: outcome.earliestDate, requiredServed: outcome.requiredServed,
                  fraction: outcome.fraction, mandatory: outcome.mandatory, reasonRuleID: outcome.reason?.ruleID)
    }
}

/// The rules of the corpus compiled for batch runs, where 100,000 cases meet every jurisdiction.
///
/// `Simulator` decides and explains; it works on the model as loaded (sets of strings, ids, labels), and most of its
/// time goes to that generality. The plan decides the same things from the same rules, compiled once: vocabulary
/// terms become bits, a threshold's overrides become indices, named condition sets are inlined, and nothing is kept
/// that only explains. It answers exactly the fields of `EligibilityResult`; `PlanAgreementTests` holds it to
/// `Simulator` on every one of them over thousands of random cases in every jurisdiction, so that the two cannot
/// drift apart. It is also the reason the plan mirrors `Simulator`'s order of steps line for line.
public struct EligibilityPlan: Sendable {
    /// The jurisdictions in the order they were given, each with its mechanisms in corpus order.
    let jurisdictions: [PlannedJurisdiction]
    let terms: TermBits
    /// Every distinct fraction of the thresholds: a case computes each share's date once, for all jurisdictions.
    let fractions: [Rational]

    /// Compiles `jurisdictions`; `nil` when a rule cannot be compiled (more than 64 terms of one set in conditions,
    /// or condition sets nested past any sensible depth), in which case callers use `Simulator`.
    public init?(jurisdictions: [Jurisdiction], simulator: Simulator) {
        var terms = TermBits()
        var fractions = FractionSlots()
        var compiled: [PlannedJurisdiction] = []
        for j in jurisdictions {
            var compiler = ConditionCompiler(jurisdiction: j, terms: terms, fractions: fractions)
            var mechanisms: [PlannedMechanism] = []
            for m in j.mechanisms {
                var versions: [PlannedVersion] = []
                for v in m.versions {
                    guard let pv = PlannedVersion(v, compiler: &compiler) else { return nil }
                    versions.append(pv)
                }
                mechanisms.append(PlannedMechanism(id: m.id, versions: versions))
            }
            terms = compiler.terms
            fractions = compiler.fractions
            guard terms.fits else { return nil }
            compiled.append(PlannedJurisdiction(categoryReadable: simulator.categoryReadable(j), mechanisms: mechanisms))
        }
        self.jurisdictions = compiled
        self.terms = terms
        self.fractions = fractions.values
    }

    /// The number of results `evaluate` appends: one per mechanism of every jurisdiction.
    public var mechanismCount: Int { jurisdictions.reduce(0) { $0 + $1.mechanisms.count } }

    /// Appends one result per mechanism of every jurisdiction, in order, to `results`.
    public func evaluate(_ facts: Case, into results: inout [EligibilityResult]) {
        let f = PlanFacts(facts, terms, fractions)
        // By index: rules read whole would be copied, their strings and conditions retained, for every case.
        for j in jurisdictions.indices {
            let readable = jurisdictions[j].categoryReadable
            for m in jurisdictions[j].mechanisms.indices {
                results.append(jurisdictions[j].mechanisms[m].evaluate(f, readable: readable))
            }
        }
    }
}

struct PlannedJurisdiction: Sendable {
    let categoryReadable: Bool
    let mechanisms: [PlannedMechanism]
}

struct PlannedMechanism: Sendable {
    let id: String
    let versions: [PlannedVersion]
}

// MARK: - Facts and conditions

/// Bit positions of the vocabulary terms that conditions mention, per term set.
struct TermBits: Sendable {
    var category: [String: Int] = [:]
    var offence: [String: Int] = [:]
    var consequence: [String: Int] = [:]
    var punishment: [String: Int] = [:]
    var priorRevocation: [String: Int] = [:]
    var fits: Bool { [category, offence, consequence, punishment, priorRevocation].allSatisfy { $0.count <= 64 } }

    /// The mask of `terms`, giving new terms the next free bit of `table`.
    static func mask(_ terms: some Sequence<String>, in table: inout [String: Int]) -> UInt64 {
        var mask: UInt64 = 0
        for t in terms {
            let bit = table[t] ?? table.count
            table[t] = bit
            if bit < 64 { mask |= 1 << UInt64(bit) }
        }
        return mask
    }

    /// The mask of terms the case has; a term no condition mentions has no bit (it can match nothing).
    static func mask(_ terms: some Sequence<String>, from table: [String: Int]) -> UInt64 {
        var mask: UInt64 = 0
        for t in terms { if let bit = table[t], bit < 64 { mask |= 1 << UInt64(bit) } }
        return mask
    }
}

/// Distinct fractions, numbered in the order first seen.
struct FractionSlots {
    var values: [Rational] = []
    mutating func slot(_ f: Rational) -> Int {
        if let i = values.firstIndex(of: f) { return i }
        values.append(f)
        return values.count - 1
    }
}

/// One case, read once for every rule of every jurisdiction.
struct PlanFacts {
    let facts: Case
    let category: UInt64?
    let offences: UInt64
    let consequences: UInt64
    let punishment: UInt64
    let priorRevocation: UInt64
    let termEnd: CalendarDate?
    /// The date each of the plan's fractions of the term is served (empty for a life term).
    let shareDates: [CalendarDate]
    /// The time served by each of those dates.
    let shareDurations: [CalendarDuration]

    init(_ facts: Case, _ terms: TermBits, _ fractions: [Rational]) {
        self.facts = facts
        category = facts.category.map { TermBits.mask([$0], from: terms.category) }
        offences = TermBits.mask(facts.offences, from: terms.offence)
        consequences = TermBits.mask(facts.consequences, from: terms.consequence)
        punishment = TermBits.mask([facts.punishment], from: terms.punishment)
        priorRevocation = facts.priorRevocation.map { TermBits.mask([$0], from: terms.priorRevocation) } ?? 0
        termEnd = facts.termEnd
        if case .fixed(let term) = facts.term {
            shareDates = fractions.map { ServedTime.date(servingFraction: $0, of: term, from: facts.start) }
        } else {
            shareDates = []
        }
        shareDurations = shareDates.map { CalendarDuration.between(facts.start, $0) }
    }
}

/// `Truth` with its missing facts as bits: whether any fact is missing is all a decision needs.
enum Verdict: Equatable {
    case yes, no
    case unknown(UInt32)

    init(_ b: Bool) { self = b ? .yes : .no }

    var missing: UInt32 {
        if case .unknown(let m) = self { return m }
        return 0
    }

    /// A missing fact's name as a bit; the names are few and fixed (ConditionEvaluator's), any other gets the top bit.
    static func bit(_ name: String) -> UInt32 { 1 << UInt32(knownNames.firstIndex(of: name) ?? 31) }

    static let knownNames = ["category-crosswalk", "category", "sex", "victim-age", "birth-date", "age"]
        + CaseFact.allCases.map(ConditionEvaluator.flagName)

    static let categoryCrosswalk = Verdict.unknown(1 << 0)
    static let categoryMissing = Verdict.unknown(1 << 1)
    static let sexMissing = bit("sex")
    static let victimAgeMissing = bit("victim-age")
    static let ageMissing = bit("age")

    /// Conjunction, as `Truth.all`: false wins, then unknown.
    static func all(_ parts: [PlanCondition], _ eval: (PlanCondition) -> Verdict) -> Verdict {
        combine(parts, winner: .no, otherwise: .yes, eval)
    }

    /// Disjunction, as `Truth.any`: true wins, then unknown.
    static func any(_ parts: [PlanCondition], _ eval: (PlanCondition) -> Verdict) -> Verdict {
        combine(parts, winner: .yes, otherwise: .no, eval)
    }

    /// `winner` if any part is it; else unknown if any part is unknown (with every missing fact); else `otherwise`.
    private static func combine(_ parts: [PlanCondition], winner: Verdict, otherwise: Verdict,
                                _ eval: (PlanCondition) -> Verdict) -> Verdict {
        var missing: UInt32 = 0
        for p in parts {
            let v = eval(p)
            if v == winner { return winner }
            missing |= v.missing
        }
        return missing == 0 ? otherwise : .unknown(missing)
    }

    var negated: Verdict {
        switch self {
        case .yes: return .no
        case .no: return .yes
        case .unknown: return self
        }
    }
}

/// A condition with its vocabulary sets as masks and its references inlined.
indirect enum PlanCondition: Sendable {
    case category(UInt64)
    case offence(UInt64)
    case consequence(UInt64)
    case punishment(UInt64)
    case priorRevocation(UInt64)
    // Tests on the case's own facts, as `ConditionEvaluator.leaf` judges them.
    case life(Bool)
    case term(TermComparison)
    /// The fact, the value wanted, and the bit of the fact when the case does not give it.
    case fact(CaseFact, Bool, missing: UInt32)
    case sex(Sex)
    case age(AgeMoment, atLeast: Int?, below: Int?)
    case victimAge(atLeast: Int?, below: Int?)
    case disability(Set<Int>)
    /// A reference to a condition set the jurisdiction does not define (false, as in `ConditionEvaluator`).
    case never
    case all([PlanCondition])
    case any([PlanCondition])
    case not([PlanCondition])

    func verdict(_ f: PlanFacts, on decisionDate: CalendarDate, readable: Bool) -> Verdict {
        switch self {
        case .category(let mask):
            guard readable else { return .categoryCrosswalk }
            guard let c = f.category else { return .categoryMissing }
            return Verdict(c & mask != 0)
        case .offence(let mask): return Verdict(f.offences & mask != 0)
        case .consequence(let mask): return Verdict(f.consequences & mask != 0)
        case .punishment(let mask): return Verdict(f.punishment & mask != 0)
        case .priorRevocation(let mask): return Verdict(f.priorRevocation & mask != 0)
        case .life(let wanted): return Verdict(f.facts.term.isLife == wanted)
        case .term(let cmp): return Verdict(ConditionEvaluator.term(cmp, of: f.facts) == .yes)  // never unknown
        case .fact(let fact, let wanted, let missing):
            guard let v = f.facts.value(of: fact) else { return .unknown(missing) }
            return Verdict(v == wanted)
        case .sex(let s):
            guard let sex = f.facts.sex else { return .unknown(Verdict.sexMissing) }
            return Verdict(sex == s)
        case .age(let moment, let atLeast, let below):
            switch ConditionEvaluator.ageAnswer(moment, atLeast: atLeast, below: below, of: f.facts, on: decisionDate) {
            case .holds(let b): return Verdict(b)
            case .missing(let fact): return .unknown(fact == "age" ? Verdict.ageMissing : Verdict.bit(fact))
            }
        case .victimAge(let atLeast, let below):
            guard let v = f.facts.victimAge else { return .unknown(Verdict.victimAgeMissing) }
            return Verdict((atLeast.map { v >= $0 } ?? true) && (below.map { v < $0 } ?? true))
        case .disability(let groups): return Verdict(f.facts.disabilityGroup.map(groups.contains) ?? false)
        case .never: return .no
        case .all(let parts): return Verdict.all(parts) { $0.verdict(f, on: decisionDate, readable: readable) }
        case .any(let parts): return Verdict.any(parts) { $0.verdict(f, on: decisionDate, readable: readable) }
        case .not(let parts): return Verdict.all(parts) { $0.verdict(f, on: decisionDate, readable: readable) }.negated
        }
    }
}

/// Compiles the conditions of one jurisdiction.
struct ConditionCompiler {
    let jurisdiction: Jurisdiction
    var terms: TermBits
    var fractions: FractionSlots

    /// `nil` when condition sets refer to each other more than 16 deep (a cycle).
    mutating func compile(_ c: Condition, depth: Int = 0) -> PlanCondition? {
        guard depth < 16 else { return nil }
        switch c {
        case .category(let set): return .category(TermBits.mask(set, in: &terms.category))
        case .offence(let set): return .offence(TermBits.mask(set, in: &terms.offence))
        case .consequence(let set): return .consequence(TermBits.mask(set, in: &terms.consequence))
        case .punishment(let set): return .punishment(TermBits.mask(set, in: &terms.punishment))
        case .priorRevocation(let set): return .priorRevocation(TermBits.mask(set, in: &terms.priorRevocation))
        case .life(let wanted): return .life(wanted)
        case .term(let cmp): return .term(cmp)
        case .fact(let fact, let wanted): return .fact(fact, wanted, missing: Verdict.bit(ConditionEvaluator.flagName(fact)))
        case .sex(let s): return .sex(s)
        case .age(let moment, let atLeast, let below): return .age(moment, atLeast: atLeast, below: below)
        case .victimAge(let atLeast, let below): return .victimAge(atLeast: atLeast, below: below)
        case .disability(let groups): return .disability(groups)
        case .reference(let id):
            guard let set = jurisdiction.conditionSet(id) else { return .never }
            return compile(set.condition, depth: depth + 1)
        case .all(let parts): return compileAll(parts, depth).map(PlanCondition.all)
        case .any(let parts): return compileAll(parts, depth).map(PlanCondition.any)
        case .not(let parts): return compileAll(parts, depth).map(PlanCondition.not)
        }
    }

    private mutating func compileAll(_ parts: [Condition], _ depth: Int) -> [PlanCondition]? {
        var out: [PlanCondition] = []
        for p in parts {
            guard let c = compile(p, depth: depth + 1) else { return nil }
            out.append(c)
        }
        return out
    }
}

// MARK: - Rules

struct PlannedThreshold: Sendable {
    let id: String
    let condition: PlanCondition?
    let fraction: Rational?
    /// Where `PlanFacts.shareDates` holds the date of `fraction`.
    let fractionSlot: Int
    let minimum: CalendarDuration?
    let fixed: CalendarDuration?
    let laterOf: Bool
    /// The thresholds of the same version that this one displaces, as bits of their index.
    let overrides: UInt64
    let validity: Validity

    /// A share of a life term cannot be computed: such a threshold does not apply to life sentences.
    var onlyShare: Bool { fixed == nil && minimum == nil }

    /// The date this threshold gives (as `Simulator.quietDate`).
    func date(_ f: PlanFacts) -> CalendarDate {
        var result: CalendarDate?
        func combine(_ d: CalendarDate) {
            guard let r = result else { result = d; return }
            result = laterOf ? max(r, d) : min(r, d)
        }
        let start = f.facts.start
        if fraction != nil, !f.shareDates.isEmpty { combine(f.shareDates[fractionSlot]) }
        if let minimum { combine(minimum.end(from: start)) }
        if let fixed { combine(fixed.end(from: start)) }
        return result ?? start
    }
}

struct PlannedRule: Sendable {
    let id: String
    let condition: PlanCondition
    let validity: Validity
}

struct PlannedExclusion: Sendable {
    let rule: PlannedRule
    let exceptions: [PlannedRule]
}

/// A class: the plan looks versions up for every case, and a struct this size would be copied at each look.
final class PlannedVersion: Sendable {
    let id: String
    let validity: Validity
    let scope: PlanCondition
    let thresholds: [PlannedThreshold]
    let exclusions: [PlannedExclusion]
    let grantConditions: [PlannedRule]
    let mandatoryRelease: [PlannedRule]
    let mandatoryByLaw: Bool

    init?(_ v: MechanismVersion, compiler: inout ConditionCompiler) {
        func rule(_ r: RuleCondition) -> PlannedRule? {
            compiler.compile(r.condition).map { PlannedRule(id: r.id, condition: $0, validity: r.validity) }
        }
        guard v.thresholds.count <= 64, let scope = compiler.compile(v.scope.condition) else { return nil }
        let index = Dictionary(v.thresholds.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var thresholds: [PlannedThreshold] = []
        for t in v.thresholds {
            var condition: PlanCondition?
            if let c = t.condition {
                guard let compiled = compiler.compile(c) else { return nil }
                condition = compiled
            }
            let overrides = t.overrides.compactMap { index[$0] }.reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
            let slot = t.fraction.map { compiler.fractions.slot($0) } ?? -1
            thresholds.append(PlannedThreshold(id: t.id, condition: condition, fraction: t.fraction, fractionSlot: slot,
                                               minimum: t.minimum, fixed: t.fixed, laterOf: t.combination == .laterOf,
                                               overrides: overrides, validity: t.validity))
        }
        var exclusions: [PlannedExclusion] = []
        for x in v.exclusions {
            guard let c = compiler.compile(x.condition) else { return nil }
            var exceptions: [PlannedRule] = []
            for e in x.exceptions {
                guard let r = rule(e) else { return nil }
                exceptions.append(r)
            }
            exclusions.append(PlannedExclusion(rule: PlannedRule(id: x.id, condition: c, validity: x.validity),
                                               exceptions: exceptions))
        }
        var grants: [PlannedRule] = [], mandatory: [PlannedRule] = []
        for g in v.grantConditions {
            guard let r = rule(g) else { return nil }
            grants.append(r)
        }
        for m in v.mandatoryRelease {
            guard let r = rule(m) else { return nil }
            mandatory.append(r)
        }
        id = v.id
        validity = v.validity
        self.scope = scope
        self.thresholds = thresholds
        self.exclusions = exclusions
        grantConditions = grants
        mandatoryRelease = mandatory
        mandatoryByLaw = v.decision != .discretionary
    }
}

// MARK: - Deciding (the steps of Simulator.simulate, in its order)

extension PlannedMechanism {
    func evaluate(_ f: PlanFacts, readable: Bool) -> EligibilityResult {
        let asOf = f.facts.asOf
        // 1. The law in force.
        for n in versions.indices where versions[n].validity.contains(asOf) {
            return versions[n].evaluate(f, readable: readable)
        }
        return EligibilityResult(status: .notInForce, reasonRuleID: id)
    }
}

extension PlannedVersion {
    func evaluate(_ f: PlanFacts, readable: Bool) -> EligibilityResult {
        let asOf = f.facts.asOf
        var r = EligibilityResult(status: .available)
        var missing: UInt32 = 0
        // 2. Scope.
        switch scope.verdict(f, on: asOf, readable: readable) {
        case .no:
            r.status = .outOfScope
            r.reasonRuleID = id
            return r
        case .unknown(let m): missing |= m
        case .yes: break
        }
        // 3. Thresholds.
        let thresholdStatus = applyThreshold(f, readable: readable, missing: &missing, into: &r)
        let decisionDate = max(r.earliestDate ?? asOf, asOf)
        // 4. Exclusions.
        var undetermined = false
        for n in exclusions.indices {
            let matches = exclusions[n].rule.condition.verdict(f, on: decisionDate, readable: readable)
            guard exclusions[n].rule.validity.contains(asOf), matches != .no else { continue }
            var rescueMissing: UInt32 = 0
            var rescued = false
            for e in exclusions[n].exceptions.indices where exclusions[n].exceptions[e].validity.contains(asOf) {
                switch exclusions[n].exceptions[e].condition.verdict(f, on: decisionDate, readable: readable) {
                case .yes: rescued = true
                case .unknown(let m): rescueMissing |= m
                case .no: break
                }
            }
            let rescue: Verdict = rescued ? .yes : rescueMissing == 0 ? .no : .unknown(rescueMissing)
            switch (matches, rescue) {
            case (.yes, .yes):
                continue
            case (.yes, .no):
                return EligibilityResult(status: .excluded, reasonRuleID: exclusions[n].rule.id)
            default:
                undetermined = true
                missing |= matches.missing | rescue.missing
                if r.reasonRuleID == nil { r.reasonRuleID = exclusions[n].rule.id }
            }
        }
        if undetermined {
            r.status = .undetermined
            return finish(r, f, readable: readable)
        }
        if let status = thresholdStatus {
            r.status = status
            return finish(r, f, readable: readable)
        }
        // 5. Conditions of grant.
        for g in grantConditions.indices where grantConditions[g].validity.contains(asOf) {
            if grantConditions[g].condition.verdict(f, on: decisionDate, readable: readable) == .no {
                r.status = .conditionsUnmet
                r.reasonRuleID = grantConditions[g].id
                return r
            }
        }
        if r.earliestDate == nil { r.status = .availableNoThreshold }
        if missing != 0 {
            r.status = .undetermined
            r.reasonRuleID = nil
        }
        return finish(r, f, readable: readable)
    }
}

extension PlannedVersion {
    /// As `Simulator.applyThreshold`: the governing threshold and its date, or a terminal status.
    func applyThreshold(_ f: PlanFacts, readable: Bool, missing: inout UInt32,
                        into r: inout EligibilityResult) -> MechanismOutcome.Status? {
        let asOf = f.facts.asOf
        let life = f.facts.term.isLife
        var matching: UInt64 = 0, uncertain: UInt64 = 0
        var anyInForce = false
        // Loops go by index: a threshold read whole would be copied, its strings and conditions retained.
        for i in thresholds.indices where thresholds[i].validity.contains(asOf) {
            anyInForce = true
            let lifeExcluded = life && thresholds[i].onlyShare
            switch thresholds[i].condition?.verdict(f, on: asOf, readable: readable) ?? .yes {
            case .yes: if !lifeExcluded { matching |= 1 << UInt64(i) }
            case .unknown: if !lifeExcluded { uncertain |= 1 << UInt64(i) }
            case .no: break
            }
        }
        guard anyInForce else { return nil }
        var overridden: UInt64 = 0
        for i in thresholds.indices where matching & (1 << UInt64(i)) != 0 { overridden |= thresholds[i].overrides }
        let governing = matching & ~overridden
        var best: (index: Int, date: CalendarDate)?
        for i in thresholds.indices where governing & (1 << UInt64(i)) != 0 {
            let date = thresholds[i].date(f)
            if best == nil || date > best!.date { best = (i, date) }
        }
        for i in thresholds.indices where uncertain & ~overridden & (1 << UInt64(i)) != 0 {
            var with = thresholds[i].date(f)
            for k in thresholds.indices where governing & ~thresholds[i].overrides & (1 << UInt64(k)) != 0 {
                with = max(with, thresholds[k].date(f))
            }
            if best.map({ with != $0.date }) ?? true {
                missing |= thresholds[i].condition?.verdict(f, on: asOf, readable: readable).missing ?? 0
            }
        }
        guard let (index, date) = best else {
            r.reasonRuleID = id
            return missing == 0 ? .noThreshold : .undetermined
        }
        let fraction = thresholds[index].fraction
        let shareDate = fraction != nil && !f.shareDates.isEmpty ? f.shareDates[thresholds[index].fractionSlot] : nil
        r.fraction = shareDate == date ? fraction : nil
        r.earliestDate = date
        r.requiredServed = shareDate == date
            ? f.shareDurations[thresholds[index].fractionSlot] : CalendarDuration.between(f.facts.start, date)
        if let end = f.termEnd, date > end {
            r.reasonRuleID = thresholds[index].id
            return .termEndsFirst
        }
        return nil
    }

    /// As `Simulator.finish` for the printed fields: whether release is owed.
    func finish(_ r: EligibilityResult, _ f: PlanFacts, readable: Bool) -> EligibilityResult {
        guard r.available || r.status == .undetermined else { return r }
        var r = r
        let asOf = f.facts.asOf
        let date = max(r.earliestDate ?? asOf, asOf)
        if mandatoryByLaw { r.mandatory = true }
        for m in mandatoryRelease.indices where mandatoryRelease[m].validity.contains(asOf) {
            if mandatoryRelease[m].condition.verdict(f, on: date, readable: readable) == .yes { r.mandatory = true }
        }
        return r
    }
}
