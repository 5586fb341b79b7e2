import AtlasModel

/// A condition of the corpus compiled for deciding: vocabulary sets become bit masks over the terms the law
/// mentions, references to named condition sets are inlined, and a missing fact is a bit.
///
/// The tree is laid out flat in its version's `ConditionNodes`, and a condition is the position of its root there:
/// a value with no reference to count, so that the walk judges a million people's conditions without touching a
/// reference count (as an indirect enum, every step into the tree retained and released its box).
struct CompiledCondition: Sendable {
    /// Kept alive by the `CompiledVersion` that holds both the nodes and every condition laid out in them; the
    /// walk reaches a condition only through its version. Unmanaged: an unowned reference is retained for each
    /// call made through it.
    let nodes: Unmanaged<ConditionNodes>
    let root: Int32

    init(nodes: ConditionNodes, root: Int32) {
        self.nodes = Unmanaged.passUnretained(nodes)
        self.root = root
    }

    /// The condition's value for the case, with ages "at decision" taken on `decisionDate`; `readable` says
    /// whether the Kazakh category can be read under this jurisdiction's rules.
    @inline(__always)
    func truth(_ f: CaseFacts, on decisionDate: CalendarDate, readable: Bool) -> Truth {
        nodes._withUnsafeGuaranteedRef { $0.truth(Int(root), f, on: decisionDate, readable: readable) }
    }
}

/// One step of a compiled condition. Every payload is a plain value: what is not (a set of names, a term bound,
/// an age rule) sits in a side table of `ConditionNodes`, by position.
enum ConditionNode: Sendable {
    /// A set of vocabulary terms of one kind, as a mask.
    case terms(TermKind, UInt64)
    /// The same, for a set with terms past the 64th of their kind: those are kept by name (`ConditionNodes.names`).
    case termsByName(TermKind, UInt64, names: Int32)
    case life(Bool)
    /// A bound on the term (`ConditionNodes.comparisons`).
    case term(Int32)
    /// The yes/no fact (its catalogue position), the value wanted, and the fact named as missing when the case
    /// does not give it.
    case fact(Int, Bool, missing: MissingFacts)
    case sex(Sex)
    /// An age bound on the date release is considered.
    case ageAtDecision(atLeast: Int?, below: Int?)
    /// An age bound at the offence (`ConditionNodes.agesAtOffence`). With a birth date the age is computed
    /// (exactly with the offence date; without it, at most the age at the start of the term); otherwise the
    /// juvenile flag, read against the home law's age of majority, gives the answer decided when the law is
    /// compiled for each value of the flag.
    case ageAtOffence(Int32)
    case victimAge(atLeast: Int?, below: Int?)
    case childAge(atLeast: Int?, below: Int?)
    case behaviourPoints(atLeast: Int?, below: Int?)
    /// Disability groups (`ConditionNodes.groups`).
    case disability(Int32)
    /// Always false: a reference to a condition set the jurisdiction does not define, or a chain of references
    /// that never ends.
    case never
    /// Parts, as a range of `ConditionNodes.parts` (which holds node positions).
    case all(Range<Int32>)
    case any(Range<Int32>)
    case not(Range<Int32>)
}

/// The conditions of one version of a mechanism, laid out flat: nodes, the parts of each combination, and the side
/// tables. Immutable once built; its buffers are freed with it.
final class ConditionNodes: @unchecked Sendable {
    // @unchecked: the buffers are written once, in `init`, and only read afterwards.
    private let nodes: UnsafeMutableBufferPointer<ConditionNode>
    private let parts: UnsafeMutableBufferPointer<Int32>
    private let comparisons: UnsafeMutableBufferPointer<TermComparison>
    private let agesAtOffence: UnsafeMutableBufferPointer<AgeAtOffence>
    private let names: [Set<String>]
    private let groups: [Set<Int>]

    init(_ layout: ConditionLayout) {
        // Never empty, so that every buffer has memory to give back; an unused last place is never read.
        func copy<T>(_ values: [T]) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, values.count))
            _ = buffer.initialize(from: values)
            return buffer
        }
        nodes = copy(layout.nodes)
        parts = copy(layout.parts)
        comparisons = copy(layout.comparisons)
        agesAtOffence = copy(layout.agesAtOffence)
        names = layout.names
        groups = layout.groups
    }

    deinit {
        // The element types are plain values: nothing to deinitialize, only the memory to give back.
        nodes.baseAddress?.deallocate()
        parts.baseAddress?.deallocate()
        comparisons.baseAddress?.deallocate()
        agesAtOffence.baseAddress?.deallocate()
    }

    func truth(_ index: Int, _ f: CaseFacts, on decisionDate: CalendarDate, readable: Bool) -> Truth {
        switch nodes[index] {
        case .terms(let kind, let mask):
            if kind == .category {
                guard readable else { return .unknown(.categoryCrosswalk) }
                guard f.hasCategory else { return .unknown(.categoryMissing) }
            }
            return Truth(f.terms(kind) & mask != 0)
        case .termsByName(let kind, let mask, let set):
            if kind == .category {
                guard readable else { return .unknown(.categoryCrosswalk) }
                guard f.hasCategory else { return .unknown(.categoryMissing) }
            }
            return Truth(f.terms(kind) & mask != 0 || f.names(of: kind).contains(where: names[Int(set)].contains))
        case .life(let wanted): return Truth(f.facts.term.isLife == wanted)
        case .term(let comparison): return CompiledCondition.term(comparisons[Int(comparison)], of: f.facts)
        case .fact(let position, let wanted, let missing):
            guard let v = f.answers[position] else { return .unknown(missing) }
            return Truth(v == wanted)
        case .sex(let s):
            guard let sex = f.facts.sex else { return .unknown(.sexMissing) }
            return Truth(sex == s)
        case .ageAtDecision(let atLeast, let below):
            return CompiledCondition.ageAtDecision(atLeast: atLeast, below: below, of: f.facts, on: decisionDate)
        case .ageAtOffence(let rule): return agesAtOffence[Int(rule)].truth(f)
        case .victimAge(let atLeast, let below):
            guard let v = f.facts.victimAge else { return .unknown(.victimAgeMissing) }
            return Truth((atLeast.map { v >= $0 } ?? true) && (below.map { v < $0 } ?? true))
        case .childAge(let atLeast, let below):
            guard let v = f.facts.childAge else { return .unknown(.childAgeMissing) }
            return Truth((atLeast.map { v >= $0 } ?? true) && (below.map { v < $0 } ?? true))
        case .behaviourPoints(let atLeast, let below):
            guard let v = f.facts.behaviourPoints else { return .unknown(.behaviourPointsMissing) }
            return Truth((atLeast.map { v >= $0 } ?? true) && (below.map { v < $0 } ?? true))
        case .disability(let set): return Truth(f.facts.disabilityGroup.map(groups[Int(set)].contains) ?? false)
        case .never: return .no
        case .all(let range):
            return Truth.all(parts[Int(range.lowerBound)..<Int(range.upperBound)]) {
                truth(Int($0), f, on: decisionDate, readable: readable)
            }
        case .any(let range):
            return Truth.any(parts[Int(range.lowerBound)..<Int(range.upperBound)]) {
                truth(Int($0), f, on: decisionDate, readable: readable)
            }
        case .not(let range):
            return Truth.all(parts[Int(range.lowerBound)..<Int(range.upperBound)]) {
                truth(Int($0), f, on: decisionDate, readable: readable)
            }.negated
        }
    }
}

/// The flat form of conditions being compiled: `ConditionCompiler` appends here, `ConditionNodes` is made from it.
struct ConditionLayout {
    var nodes: [ConditionNode] = []
    var parts: [Int32] = []
    var comparisons: [TermComparison] = []
    var agesAtOffence: [AgeAtOffence] = []
    var names: [Set<String>] = []
    var groups: [Set<Int>] = []

    mutating func add(_ node: ConditionNode) -> Int32 {
        nodes.append(node)
        return Int32(nodes.count - 1)
    }

    /// The range of `parts` that holds `nodes` (positions of already added nodes).
    mutating func parts(_ positions: [Int32]) -> Range<Int32> {
        let from = Int32(parts.count)
        parts.append(contentsOf: positions)
        return from..<Int32(parts.count)
    }
}

extension CompiledCondition {
    /// Bounds on the term; a life sentence is longer than any fixed bound.
    static func term(_ cmp: TermComparison, of facts: Case) -> Truth {
        guard case .fixed(let d) = facts.term else {
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

    /// An age bound on `decisionDate`. An age given in whole years spans a year of birth dates; when the bound
    /// holds for some of them and not others, the birth date is what is missing.
    static func ageAtDecision(atLeast: Int?, below: Int?, of facts: Case, on decisionDate: CalendarDate) -> Truth {
        let range: ClosedRange<Int>
        if let birth = facts.birthDate {
            let a = birth.wholeYears(until: decisionDate)
            range = a...a
        } else if let age = facts.age {
            // Born between asOf - (age+1) years + 1 day and asOf - age years.
            let latestBirth = facts.asOf.adding(months: -12 * age)
            let earliestBirth = facts.asOf.adding(months: -12 * (age + 1)).adding(days: 1)
            range = latestBirth.wholeYears(until: decisionDate)...earliestBirth.wholeYears(until: decisionDate)
        } else {
            return .unknown(.ageMissing)
        }
        return bound(atLeast: atLeast, below: below, over: range, missing: .named("birth-date"))
    }

    /// An age bound at the offence for a juvenile and for an adult, where a minor is under `ageOfMajority`
    /// (the home law's, corpus/vocabulary.xml): a juvenile was 0 to `ageOfMajority - 1`, an adult `ageOfMajority`
    /// or older. Without an age of majority the flag says nothing in years, and the bound is unknown either way.
    static func ageAtOffence(atLeast: Int?, below: Int?, ageOfMajority: Int?) -> AgeAtOffence {
        guard let majority = ageOfMajority, majority >= 1 else {
            return AgeAtOffence(atLeast: atLeast, below: below, majority: nil,
                                ifJuvenile: .unknown(.ageMissing), ifAdult: .unknown(.ageMissing))
        }
        return AgeAtOffence(
            atLeast: atLeast, below: below, majority: majority,
            ifJuvenile: bound(atLeast: atLeast, below: below, over: 0...(majority - 1), missing: .ageMissing),
            ifAdult: bound(atLeast: atLeast, below: below, over: majority...Int.max, missing: .ageMissing))
    }

    /// Whether the bound holds for every age in `range` (true), none (false), or some (unknown: `missing`).
    static func bound(atLeast: Int?, below: Int?, over range: ClosedRange<Int>, missing: MissingFacts) -> Truth {
        let low = atLeast ?? Int.min, high = below ?? Int.max  // the bound is low ≤ age < high
        if range.lowerBound >= low && range.upperBound < high { return .yes }
        if range.upperBound < low || range.lowerBound >= high { return .no }
        return .unknown(missing)
    }
}

/// An age bound at the offence, compiled with the answers the juvenile flag gives when the case has no birth date.
struct AgeAtOffence: Sendable {
    let atLeast: Int?
    let below: Int?
    /// The home law's age of majority (`nil`: not stated).
    let majority: Int?
    let ifJuvenile: Truth
    let ifAdult: Truth

    func truth(_ f: CaseFacts) -> Truth {
        let juvenile = f.answers[CaseFact.juvenile.position] == true
        guard let birth = f.facts.birthDate else { return juvenile ? ifJuvenile : ifAdult }
        if let offence = f.facts.offenceDate {
            let age = birth.wholeYears(until: offence)
            return CompiledCondition.bound(atLeast: atLeast, below: below, over: age...age, missing: .offenceDateMissing)
        }
        // The offence came before the term began, so the age then was at most the age at the start; the flag
        // bounds it from the other side (and from above, for a minor).
        var highest = birth.wholeYears(until: f.facts.start)
        var lowest = 0
        if let majority {
            if juvenile { highest = min(highest, majority - 1) } else { lowest = majority }
        }
        guard lowest <= highest else { return juvenile ? ifJuvenile : ifAdult }
        return CompiledCondition.bound(atLeast: atLeast, below: below, over: lowest...highest, missing: .offenceDateMissing)
    }
}

extension MissingFacts {
    static let categoryCrosswalk = MissingFacts.named("category-crosswalk")
    static let categoryMissing = MissingFacts.named("category")
    static let sexMissing = MissingFacts.named("sex")
    static let victimAgeMissing = MissingFacts.named("victim-age")
    static let childAgeMissing = MissingFacts.named("youngest-child-age")
    static let behaviourPointsMissing = MissingFacts.named("behaviour-points")
    static let ageMissing = MissingFacts.named("age")
    static let offenceDateMissing = MissingFacts.named("offence-date")
}

/// The kinds of vocabulary term a condition can test, each a set of the case's own terms.
enum TermKind: Int, Sendable, CaseIterable {
    case category, offence, consequence, punishment, priorRevocation
}

/// Bit positions of the vocabulary terms that conditions mention, per kind.
struct TermBits: Sendable {
    var tables: [[String: Int]] = Array(repeating: [:], count: TermKind.allCases.count)

    /// The condition that `terms` of `kind` holds, giving new terms the next free bit of their kind; terms past
    /// the 64th are kept by name, so that no corpus is too large to compile (it only decides a little slower).
    mutating func condition(_ terms: some Sequence<String>, of kind: TermKind, in layout: inout ConditionLayout) -> ConditionNode {
        var mask: UInt64 = 0
        var overflow: Set<String> = []
        for t in terms {
            let bit = tables[kind.rawValue][t] ?? tables[kind.rawValue].count
            tables[kind.rawValue][t] = bit
            if bit < 64 { mask |= 1 << UInt64(bit) } else { overflow.insert(t) }
        }
        guard !overflow.isEmpty else { return .terms(kind, mask) }
        layout.names.append(overflow)
        return .termsByName(kind, mask, names: Int32(layout.names.count - 1))
    }

    /// The bits of terms the case has; a term no condition mentions has no bit (it can match nothing).
    func bits(_ terms: some Sequence<String>, of kind: TermKind) -> UInt64 {
        var mask: UInt64 = 0
        for t in terms { if let bit = bit(of: t, kind), bit < 64 { mask |= 1 << UInt64(bit) } }
        return mask
    }

    /// A term's bit. A kind with few terms is searched in order: comparing a handful of short strings costs less
    /// than hashing one, and every person of a cohort asks for their category and punishment.
    private func bit(of term: String, _ kind: TermKind) -> Int? {
        let table = tables[kind.rawValue]
        guard table.count <= 8 else { return table[term] }
        // The lengths first: most names differ in length, and two equal names of a dozen letters or more held in
        // different strings are compared letter by letter.
        let length = term.utf8.count
        for (name, bit) in table where name.utf8.count == length && name == term { return bit }
        return nil
    }
}

/// Compiles the conditions of one jurisdiction.
struct ConditionCompiler {
    let jurisdiction: Jurisdiction
    /// The home law's age of majority: what the juvenile flag means in years (`nil`: not stated).
    let ageOfMajority: Int?
    var terms: TermBits
    var fractions: FractionSlots

    /// References nested deeper than this are a cycle (a set that names itself): it compiles to `never`.
    static let referenceDepth = 16

    /// Where the conditions being compiled are laid out; `finishNodes()` hands them over and starts afresh.
    private var layout = ConditionLayout()

    init(jurisdiction: Jurisdiction, ageOfMajority: Int?, terms: TermBits, fractions: FractionSlots) {
        self.jurisdiction = jurisdiction
        self.ageOfMajority = ageOfMajority
        self.terms = terms
        self.fractions = fractions
    }

    /// Compiles `c` into the current layout, answering its root's position there.
    mutating func compile(_ c: Condition) -> Int32 { compile(c, depth: 0) }

    /// The conditions compiled since the last call, laid out for deciding.
    mutating func finishNodes() -> ConditionNodes {
        defer { layout = ConditionLayout() }
        return ConditionNodes(layout)
    }

    private mutating func compile(_ c: Condition, depth: Int) -> Int32 {
        guard depth < Self.referenceDepth else { return layout.add(.never) }
        let node: ConditionNode
        switch c {
        case .category(let set): node = terms.condition(set, of: .category, in: &layout)
        case .offence(let set): node = terms.condition(set, of: .offence, in: &layout)
        case .consequence(let set): node = terms.condition(set, of: .consequence, in: &layout)
        case .punishment(let set): node = terms.condition(set, of: .punishment, in: &layout)
        case .priorRevocation(let set): node = terms.condition(set, of: .priorRevocation, in: &layout)
        case .life(let wanted): node = .life(wanted)
        case .term(let cmp):
            layout.comparisons.append(cmp)
            node = .term(Int32(layout.comparisons.count - 1))
        case .fact(let fact, let wanted): node = .fact(fact.position, wanted, missing: .named(fact.inputName))
        case .sex(let s): node = .sex(s)
        case .age(.decision, let atLeast, let below): node = .ageAtDecision(atLeast: atLeast, below: below)
        case .age(.offence, let atLeast, let below):
            layout.agesAtOffence.append(CompiledCondition.ageAtOffence(atLeast: atLeast, below: below,
                                                                       ageOfMajority: ageOfMajority))
            node = .ageAtOffence(Int32(layout.agesAtOffence.count - 1))
        case .victimAge(let atLeast, let below): node = .victimAge(atLeast: atLeast, below: below)
        case .childAge(let atLeast, let below): node = .childAge(atLeast: atLeast, below: below)
        case .behaviourPoints(let atLeast, let below): node = .behaviourPoints(atLeast: atLeast, below: below)
        case .disability(let groups):
            layout.groups.append(groups)
            node = .disability(Int32(layout.groups.count - 1))
        case .reference(let id):
            guard let set = jurisdiction.conditionSet(id) else { return layout.add(.never) }
            return compile(set.condition, depth: depth + 1)
        case .all(let parts):
            let positions = parts.map { compile($0, depth: depth + 1) }
            node = .all(layout.parts(positions))
        case .any(let parts):
            let positions = parts.map { compile($0, depth: depth + 1) }
            node = .any(layout.parts(positions))
        case .not(let parts):
            let positions = parts.map { compile($0, depth: depth + 1) }
            node = .not(layout.parts(positions))
        }
        return layout.add(node)
    }
}

/// Distinct fractions, numbered in the order first seen: a case computes each share's date once.
struct FractionSlots: Sendable {
    var values: [Rational] = []
    mutating func slot(_ f: Rational) -> Int {
        if let i = values.firstIndex(of: f) { return i }
        values.append(f)
        return values.count - 1
    }
}

/// Storage for the facts of one person at a time, kept by a caller that decides many people in turn on one
/// thread (a cohort's worker): `CompiledLaw.decide(_:only:into:room:)` fills it anew for each person.
public struct CaseFactsRoom {
    var storage: CaseFacts.ReadFacts?
    public init() {}
}

/// One case, read once for every rule of every jurisdiction. A value over one shared reference: the law-in-time
/// walk copies it for every date whose law it weighs, and a copy then costs one reference count, not one per
/// string, set and array of the case.
struct CaseFacts {
    private let read: ReadFacts
    /// The date whose law is applied: the as-of date, unless the jurisdiction's intertemporal rule chose the law
    /// of another date (`LawInTime`). Validity is judged on it; the case's own dates (age, time served) are not.
    var lawDate: CalendarDate

    init(_ facts: Case, _ bits: TermBits, _ fractions: [Rational]) {
        read = ReadFacts(facts, bits, fractions)
        lawDate = facts.asOf
    }

    /// The same, in the room's storage when nothing else holds it (the previous person's facts are then
    /// forgotten): a caller deciding many people in turn allocates it once, not once a person.
    init(_ facts: Case, _ bits: TermBits, _ fractions: [Rational], room: inout CaseFactsRoom) {
        if room.storage != nil, isKnownUniquelyReferenced(&room.storage!) {
            room.storage!.refill(facts, bits, fractions)
        } else {
            room.storage = ReadFacts(facts, bits, fractions)
        }
        read = room.storage!
        lawDate = facts.asOf
    }

    var facts: Case { read.facts }
    /// Every yes/no fact conditions test, the ones read from a richer fact (`damage-compensated`) included.
    var answers: YesNoAnswers { read.answers }
    var termEnd: CalendarDate? { read.termEnd }
    var hasCategory: Bool { read.hasCategory }
    /// The case's terms of `kind`, as bits.
    func terms(_ kind: TermKind) -> UInt64 { read.terms[kind.rawValue] }
    /// The date the law's fraction at `slot` of the term is served; `nil` for a life term.
    func shareDate(_ slot: Int) -> CalendarDate? { read.shareDate(slot) }

    /// What the walk reads of a case, computed once. Filled anew only through a `CaseFactsRoom` that alone
    /// holds it; never changed while a walk reads it.
    final class ReadFacts {
        private(set) var facts: Case
        private(set) var answers: YesNoAnswers
        /// Indexed by `TermKind.rawValue`.
        private(set) var terms = InlineArray<5, UInt64>(repeating: 0)
        private(set) var termEnd: CalendarDate?
        /// Whether the case states its category (asked by every condition on it: cheaper than the string).
        private(set) var hasCategory: Bool
        /// The fixed term (`nil` for life) and the law's fractions of it, by slot.
        private(set) var term: CalendarDuration?
        private(set) var fractions: [Rational]
        /// The date each fraction of the term is served, computed when first asked for: a case meets only the
        /// few thresholds of its category, of the many fractions of the law. Slot `i` (below the room's size)
        /// holds its date once bit `i` of `computed` is set.
        private var shares = InlineArray<16, CalendarDate>(repeating: CalendarDate(dayNumber: 0))
        private var computed: UInt64 = 0

        init(_ facts: Case, _ bits: TermBits, _ fractions: [Rational]) {
            self.facts = facts
            answers = .init()
            hasCategory = false
            self.fractions = fractions
            refill(facts, bits, fractions)
        }

        func refill(_ facts: Case, _ bits: TermBits, _ fractions: [Rational]) {
            self.facts = facts
            computed = 0
            answers = facts.allAnswers
            var terms = InlineArray<5, UInt64>(repeating: 0)
            if let category = facts.category { terms[TermKind.category.rawValue] = bits.bits(CollectionOfOne(category), of: .category) }
            if !facts.offences.isEmpty { terms[TermKind.offence.rawValue] = bits.bits(facts.offences, of: .offence) }
            if !facts.consequences.isEmpty {
                terms[TermKind.consequence.rawValue] = bits.bits(facts.consequences, of: .consequence)
            }
            terms[TermKind.punishment.rawValue] = bits.bits(CollectionOfOne(facts.punishment), of: .punishment)
            if let prior = facts.priorRevocation {
                terms[TermKind.priorRevocation.rawValue] = bits.bits(CollectionOfOne(prior), of: .priorRevocation)
            }
            self.terms = terms
            hasCategory = facts.category != nil
            termEnd = facts.termEnd
            if case .fixed(let term) = facts.term { self.term = term } else { term = nil }
            self.fractions = fractions
        }

        func shareDate(_ slot: Int) -> CalendarDate? {
            guard let term else { return nil }
            if slot < shares.count, computed & (1 << UInt64(slot)) != 0 { return shares[slot] }
            let date = ServedTime.date(servingFraction: fractions[slot], of: term, from: facts.start)
            if slot < shares.count {
                shares[slot] = date
                computed |= 1 << UInt64(slot)
            }
            return date
        }
    }

    /// The case's terms of `kind` by name, for masks with terms past the 64th.
    func names(of kind: TermKind) -> [String] {
        switch kind {
        case .category: facts.category.map { [$0] } ?? []
        case .offence: Array(facts.offences)
        case .consequence: Array(facts.consequences)
        case .punishment: [facts.punishment]
        case .priorRevocation: facts.priorRevocation.map { [$0] } ?? []
        }
    }
}
