import AtlasModel

/// The law of a set of jurisdictions compiled once into the form the decision walk reads: every condition
/// compiled (`CompiledCondition`), a threshold's overrides as bits of its siblings, every distinct fraction of the
/// term numbered so that a case computes each share's date once. Each compiled rule keeps the model rule it came
/// from, so that a tracer can cite and explain it. A reform, later, is a change to the law before this step.
public final class CompiledLaw: Sendable {
    /// The jurisdictions in the order given, each with its mechanisms in corpus order.
    let jurisdictions: [CompiledJurisdiction]
    let terms: TermBits
    let fractions: [Rational]
    /// The jurisdiction whose terms the case is stated in, and its age of majority (compiled into every condition
    /// on the age at the offence).
    public let home: HomeLaw
    /// Jurisdiction id → position in `jurisdictions`.
    private let positions: [String: Int]

    /// Compiles `jurisdictions`; `crosswalk` says under which foreign rules the Kazakh category can be read, and
    /// `home` which jurisdiction's law the case is stated in (`Corpus.home`).
    public init(jurisdictions: [Jurisdiction], crosswalk: [CrosswalkMapping], home: HomeLaw) {
        var terms = TermBits()
        var fractions = FractionSlots()
        var compiled: [CompiledJurisdiction] = []
        var mappings: [String: CrosswalkMapping] = [:]
        for m in crosswalk where m.fact == "category" {
            for id in m.jurisdictionIDs where mappings[id] == nil { mappings[id] = m }
        }
        for j in jurisdictions {
            var compiler = ConditionCompiler(jurisdiction: j, ageOfMajority: home.ageOfMajority?.years, terms: terms,
                                             fractions: fractions)
            // A mechanism whose threshold is laid from another's date is compiled after it (the corpus check
            // keeps anchors one level deep), so the anchor's compiled form can be held.
            var anchors: [String: CompiledMechanism] = [:]
            var slots = [CompiledMechanism?](repeating: nil, count: j.mechanisms.count)
            for relative in [false, true] {
                for (i, m) in j.mechanisms.enumerated() where m.hasRelativeThreshold == relative {
                    let c = CompiledMechanism(source: m, versions: m.versions.map { v in
                        // A version that replaced an earlier one releases no one before it is in force.
                        let replaces = v.validity.from.map { from in
                            m.versions.contains { $0.validity.to.map { $0 < from } ?? false }
                        } ?? false
                        return CompiledVersion(v, compiler: &compiler, anchors: anchors,
                                               releasesFrom: replaces ? v.validity.from : nil)
                    })
                    anchors[m.id] = c
                    slots[i] = c
                }
            }
            let mechanisms = slots.compactMap { $0 }
            terms = compiler.terms
            fractions = compiler.fractions
            let mapping = mappings[j.id]
            compiled.append(CompiledJurisdiction(source: j, categoryMapping: mapping,
                                                 categoryReadable: j.id == home.jurisdiction || mapping != nil,
                                                 mechanisms: mechanisms))
        }
        self.jurisdictions = compiled
        self.terms = terms
        self.fractions = fractions.values
        self.home = home
        positions = Dictionary(compiled.enumerated().map { ($1.source.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The number of results `decide(_:into:)` appends: one per mechanism of every jurisdiction.
    public var mechanismCount: Int { jurisdictions.reduce(0) { $0 + $1.mechanisms.count } }

    /// The compiled jurisdiction built from exactly `jurisdiction` (the same stored rules), if any.
    func compiled(_ jurisdiction: Jurisdiction) -> CompiledJurisdiction? {
        positions[jurisdiction.id].map { jurisdictions[$0] }.flatMap { $0.source.isSameRules(as: jurisdiction) ? $0 : nil }
    }

    /// The case's facts as the decision walk reads them.
    func facts(_ facts: Case) -> CaseFacts { CaseFacts(facts, terms, fractions) }
}

final class CompiledJurisdiction: Sendable {
    let source: Jurisdiction
    /// How the jurisdiction chooses the law of a date (`nil` rule: not stated, the as-of date's law).
    let lawInTime: LawInTime
    /// The crosswalk step that reads the Kazakh category under this jurisdiction's rules, if any.
    let categoryMapping: CrosswalkMapping?
    let categoryReadable: Bool
    let mechanisms: [CompiledMechanism]

    init(source: Jurisdiction, categoryMapping: CrosswalkMapping?, categoryReadable: Bool, mechanisms: [CompiledMechanism]) {
        self.source = source
        lawInTime = LawInTime(rule: source.intertemporal?.kind)
        self.categoryMapping = categoryMapping
        self.categoryReadable = categoryReadable
        self.mechanisms = mechanisms
    }
}

// Each compiled rule copies out of its source the few fields the walk reads for every case (ids, validity,
// fractions and times): read through the model's shared storage they cost a reference count and an indirection
// each, a third of a batch run.

final class CompiledMechanism: Sendable {
    let source: ReleaseMechanism
    let id: String
    let versions: [CompiledVersion]
    /// Every date on which some part of the mechanism's law begins or ceases to be in force (the day after a
    /// version or rule ends), in order: between two of them the law is the same.
    let changeDates: [CalendarDate]
    /// Per change date, the exclusions whose start or end alone makes it (version, exclusion index); `nil` when
    /// anything else changes that day too.
    let exclusionsOnly: [[(version: Int, exclusion: Int)]?]

    init(source: ReleaseMechanism, versions: [CompiledVersion]) {
        self.source = source
        id = source.id
        self.versions = versions
        // What starts or ends on each date: an exclusion (by position), or something else (nil).
        var causes: [CalendarDate: [(version: Int, exclusion: Int)?]] = [:]
        func add(_ v: Validity, _ cause: (version: Int, exclusion: Int)?) {
            if let from = v.from { causes[from, default: []].append(cause) }
            if let to = v.to { causes[to.adding(days: 1), default: []].append(cause) }
        }
        for (n, v) in versions.enumerated() {
            add(v.validity, nil)
            v.thresholds.forEach { add($0.validity, nil) }
            for (i, x) in v.exclusions.enumerated() {
                add(x.validity, (n, i))
                x.exceptions.forEach { add($0.validity, nil) }
            }
            v.grantConditions.forEach { add($0.validity, nil) }
            v.mandatoryRelease.forEach { add($0.validity, nil) }
        }
        changeDates = causes.keys.sorted()
        exclusionsOnly = changeDates.map { date in
            let found = causes[date] ?? []
            guard found.allSatisfy({ $0 != nil }) else { return nil }
            // Only exclusions whose condition does not turn on the date it is judged on can be set aside by
            // the case's facts alone (an age is one that does, and a named set may hold one).
            guard found.allSatisfy({ c in
                !versions[c!.version].exclusions[c!.exclusion].source.condition.containsLeaf(throughNegation: true) { leaf in
                    switch leaf {
                    case .age, .reference: true
                    default: false
                    }
                }
            }) else { return nil }
            return found.map { $0! }
        }
    }

    /// Whether the law can decide this case otherwise after the change at `changeDates[index]`: not when the
    /// change is only exclusions whose condition the case surely fails (the law on both sides of the date is then
    /// the same for it, so no walk is needed there).
    func changeMatters(_ index: Int, _ f: CaseFacts, readable: Bool) -> Bool {
        guard let exclusions = exclusionsOnly[index] else { return true }
        return exclusions.contains { c in
            versions[c.version].exclusions[c.exclusion].condition.truth(f, on: f.facts.asOf, readable: readable) != .no
        }
    }
}

struct CompiledThreshold: Sendable {
    let source: Threshold
    let id: String
    let validity: Validity
    let fraction: Rational?
    let minimum: CalendarDuration?
    let fixed: CalendarDuration?
    let condition: CompiledCondition?
    /// Where `CaseFacts.shareDate(_:)` finds the date of the threshold's fraction (-1 without one).
    let fractionSlot: Int
    /// The thresholds of the same version that this one displaces, as bits of their index.
    let overrides: UInt64
    let laterOf: Bool
    /// For a date laid from another mechanism's earliest date: that mechanism and how long before.
    let relative: RelativeAnchor?

    /// A share of a life term cannot be computed: such a threshold does not apply to life sentences.
    var onlyShare: Bool { fixed == nil && minimum == nil && relative == nil }

    /// The date this threshold gives: each of its share, minimum and fixed time laid from the start, combined.
    func date(_ f: CaseFacts, readable: Bool) -> CalendarDate {
        if let relative {
            // Matched only when the anchor has a date (`matchThresholds`); the start stands in otherwise.
            let anchor = relative.decided(f, readable: readable).result.earliestDate
            return anchor.map { relative.date(from: $0, start: f.facts.start) } ?? f.facts.start
        }
        var result: CalendarDate?
        func combine(_ d: CalendarDate) {
            guard let r = result else { result = d; return }
            result = laterOf ? max(r, d) : min(r, d)
        }
        let start = f.facts.start
        if fractionSlot >= 0, let share = f.shareDate(fractionSlot) { combine(share) }
        if let minimum { combine(minimum.end(from: start)) }
        if let fixed { combine(fixed.end(from: start)) }
        return result ?? start
    }
}

/// Another mechanism whose earliest date anchors a threshold, and how long before it the threshold's date falls.
/// A class: the compiled mechanism it holds is the size of a rule list.
final class RelativeAnchor: Sendable {
    let mechanism: CompiledMechanism
    let before: CalendarDuration
    init(mechanism: CompiledMechanism, before: CalendarDuration) {
        self.mechanism = mechanism
        self.before = before
    }

    /// The anchor mechanism's decision for the case, under the same law.
    func decided(_ f: CaseFacts, readable: Bool) -> Decided {
        var quiet = NoTrace()
        return mechanism.decide(f, readable: readable, tracer: &quiet)
    }

    /// The date the threshold gives when the anchor gives `anchorDate`; never before the start of the term.
    func date(from anchorDate: CalendarDate, start: CalendarDate) -> CalendarDate {
        max(before.start(before: anchorDate), start)
    }
}

/// A rule that holds or not: a condition of grant, a mandatory-release rule, an exception.
struct CompiledRule: Sendable {
    let source: RuleCondition
    let id: String
    let validity: Validity
    let condition: CompiledCondition

    init(source: RuleCondition, condition: CompiledCondition) {
        self.source = source
        id = source.id
        validity = source.validity
        self.condition = condition
    }
}

struct CompiledExclusion: Sendable {
    let source: Exclusion
    let id: String
    let validity: Validity
    let condition: CompiledCondition
    /// Freed with the version that holds the exclusion.
    let exceptions: RuleTable<CompiledRule>

    init(source: Exclusion, condition: CompiledCondition, exceptions: [CompiledRule]) {
        self.source = source
        id = source.id
        validity = source.validity
        self.condition = condition
        self.exceptions = RuleTable(exceptions)
    }
}

/// A class: the walk looks versions up for every case, and a struct this size would be copied at each look.
final class CompiledVersion: Sendable {
    let source: MechanismVersion
    let id: String
    let validity: Validity
    /// Whether the law itself owes release (not at the court's discretion).
    let mandatoryByLaw: Bool
    let scope: CompiledCondition
    let thresholds: RuleTable<CompiledThreshold>
    let exclusions: RuleTable<CompiledExclusion>
    let grantConditions: RuleTable<CompiledRule>
    let mandatoryRelease: RuleTable<CompiledRule>
    /// What each conversion of the remainder requires (aligned with the version's conversions).
    let conversionRequirements: [CompiledCondition?]
    /// Whether any condition of the version reads the Kazakh category (the crosswalk is then worth citing).
    let readsCategory: Bool
    /// The day this version came into force when it replaced an earlier version of the mechanism: release under
    /// it is no earlier (a date before it belongs to the law that was in force then). `nil` for a first version,
    /// whose start is the enactment of the code, not a change of the rule.
    let releasesFrom: CalendarDate?
    /// Where every condition above is laid out: held here, so that the conditions live as long as the version.
    private let conditionNodes: ConditionNodes

    init(_ v: MechanismVersion, compiler: inout ConditionCompiler, anchors: [String: CompiledMechanism] = [:],
         releasesFrom: CalendarDate? = nil) {
        self.releasesFrom = releasesFrom
        // Every condition of the version is laid out first, then held as positions in the one set of nodes.
        let scopeRoot = compiler.compile(v.scope.condition)
        let thresholdRoots = v.thresholds.map { $0.condition.map { compiler.compile($0) } }
        let exclusionRoots = v.exclusions.map { x in (compiler.compile(x.condition), x.exceptions.map { compiler.compile($0.condition) }) }
        let grantRoots = v.grantConditions.map { compiler.compile($0.condition) }
        let mandatoryRoots = v.mandatoryRelease.map { compiler.compile($0.condition) }
        let conversionRoots = v.conversions.map { c in c.requires.map { compiler.compile($0) } }
        let nodes = compiler.finishNodes()
        conditionNodes = nodes
        func condition(_ root: Int32) -> CompiledCondition { CompiledCondition(nodes: nodes, root: root) }
        func rule(_ r: RuleCondition, _ root: Int32) -> CompiledRule { CompiledRule(source: r, condition: condition(root)) }
        source = v
        id = v.id
        validity = v.validity
        mandatoryByLaw = v.decision != .discretionary
        scope = condition(scopeRoot)
        let index = Dictionary(v.thresholds.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        thresholds = RuleTable(zip(v.thresholds, thresholdRoots).map { t, root in
            // Past 64 thresholds in one version an override cannot be a bit; no law comes near.
            let overrides = t.overrides.compactMap { index[$0] }.filter { $0 < 64 }
                .reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
            return CompiledThreshold(source: t, id: t.id, validity: t.validity, fraction: t.fraction,
                                     minimum: t.minimum, fixed: t.fixed,
                                     condition: root.map(condition),
                                     fractionSlot: t.fraction.map { compiler.fractions.slot($0) } ?? -1,
                                     overrides: overrides, laterOf: t.combination == .laterOf,
                                     relative: t.relativeTo.flatMap { r in
                                         anchors[r.mechanism].map { RelativeAnchor(mechanism: $0, before: r.before) }
                                     })
        })
        exclusions = RuleTable(zip(v.exclusions, exclusionRoots).map { x, roots in
            CompiledExclusion(source: x, condition: condition(roots.0),
                              exceptions: zip(x.exceptions, roots.1).map { rule($0, $1) })
        })
        grantConditions = RuleTable(zip(v.grantConditions, grantRoots).map { rule($0, $1) })
        mandatoryRelease = RuleTable(zip(v.mandatoryRelease, mandatoryRoots).map { rule($0, $1) })
        conversionRequirements = conversionRoots.map { $0.map(condition) }
        func usesCategory(_ c: Condition?) -> Bool {
            c?.containsLeaf(throughNegation: true) { if case .category = $0 { return true } else { return false } } ?? false
        }
        readsCategory = usesCategory(v.scope.condition) || v.thresholds.contains { usesCategory($0.condition) }
            || v.exclusions.contains { usesCategory($0.condition) }
    }

    deinit {
        exclusions.forEach { $0.exceptions.free() }
        thresholds.free()
        exclusions.free()
        grantConditions.free()
        mandatoryRelease.free()
    }
}
