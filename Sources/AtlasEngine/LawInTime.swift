import AtlasModel

/// Which date's law decides a mechanism for a case: the jurisdiction's intertemporal rule applied above the one
/// decision walk. Each candidate date's law is decided by the same walk (with `NoTrace`); the rule picks among the
/// results. Nothing here is a legal value: the rule and every version's dates come from the corpus.
struct LawInTime {
    /// The rule as the corpus states it; `nil` when no source states one (the as-of date's law is applied).
    let rule: IntertemporalRule.Kind?

    /// One date whose law was decided, and what it gave.
    struct Candidate {
        var lawDate: CalendarDate
        var decided: Decided
    }

    /// What the rule chose for one possible offence date (or the one given).
    struct Choice {
        /// The candidates compared, in date order; the first is the law at the offence when the rule looks there.
        var compared: [Candidate]
        /// Index into `compared` of the law applied.
        var chosen: Int
        var lawDate: CalendarDate { compared[chosen].lawDate }
        var decided: Decided { compared[chosen].decided }
    }

    /// The choice for a range of offence dates the case leaves open (the offence date not given).
    struct OffenceRange {
        /// Offences from this date (nil: any earlier date) up to `through`, inclusive.
        var from: CalendarDate?
        var through: CalendarDate
        var choice: Choice
    }

    /// The answer: the law applied, and, when the offence date is not given and the answer depends on it, the
    /// choice for each range of offence dates.
    struct Answer {
        var choice: Choice
        var ranges: [OffenceRange] = []
        /// Whether the case gave the offence date (otherwise every date up to the start was weighed).
        var offenceGiven = false
        /// Whether the answer depends on the offence date.
        var dependsOnOffenceDate: Bool { !ranges.isEmpty }
    }

    /// Whether the rule can pick another date's law than the as-of date's for `mechanism`: it looks back to the
    /// offence, and the mechanism's law has changed at some time.
    @inline(__always)
    func looksBack(for mechanism: CompiledMechanism) -> Bool {
        guard let rule, rule != .lawAtDecision else { return false }
        return !mechanism.changeDates.isEmpty
    }

    /// Decides `mechanism` under the law the rule applies. `f` is the case as the walk reads it.
    func decide(_ mechanism: CompiledMechanism, _ f: CaseFacts, readable: Bool) -> Answer {
        let asOf = f.facts.asOf
        guard looksBack(for: mechanism), let rule else {
            var walked = Walked()
            return Answer(choice: Choice(compared: [candidate(mechanism, f, asOf, readable, &walked)], chosen: 0))
        }
        var walked = Walked()
        if let offence = f.facts.offenceDate {
            return Answer(choice: choose(rule, mechanism, f, offence: min(offence, asOf), readable, &walked),
                          offenceGiven: true)
        }
        // The offence came before the term began: every offence date up to the start is possible, and the law
        // can differ only across the change dates before it.
        let latest = min(f.facts.start, asOf)
        var ranges: [OffenceRange] = []
        var from: CalendarDate? = nil
        for (index, change) in mechanism.changeDates.enumerated()
        where change <= latest && mechanism.changeMatters(index, f, readable: readable) {
            let through = change.adding(days: -1)
            ranges.append(OffenceRange(from: from, through: through,
                                       choice: choose(rule, mechanism, f, offence: through, readable, &walked)))
            from = change
        }
        ranges.append(OffenceRange(from: from, through: latest,
                                   choice: choose(rule, mechanism, f, offence: latest, readable, &walked)))
        let last = ranges[ranges.count - 1].choice
        if ranges.allSatisfy({ Self.sameAnswer($0.choice.decided, last.decided) }) { return Answer(choice: last) }
        // Ranges that answer alike are shown as one.
        var merged: [OffenceRange] = []
        for r in ranges {
            if let previous = merged.last, Self.sameAnswer(previous.choice.decided, r.choice.decided) {
                merged[merged.count - 1].through = r.through
                merged[merged.count - 1].choice = r.choice
            } else {
                merged.append(r)
            }
        }
        var answer = Answer(choice: last, ranges: merged)
        answer.choice.compared[answer.choice.chosen].decided.markDependsOnOffenceDate()
        return answer
    }

    /// What `decide` chooses for a case that gives its offence date, without keeping the laws compared: the
    /// decision applied, written into `chosen`, and its law's date, returned. Each law is walked as `choose`
    /// walks it, and chosen by the same two passes (the most favourable; then the first undetermined law that may
    /// be milder still). What most of a cohort costs: one walk when no later change can matter, and no list of
    /// candidates when one can.
    func decideAtOffence(_ m: CompiledMechanism, _ f: CaseFacts, offence given: CalendarDate, readable: Bool,
                         into chosen: inout Decided) -> CalendarDate {
        let asOf = f.facts.asOf
        let offence = min(given, asOf)
        var lawDate = offence
        Self.walk(m, f, lawDate: offence, readable: readable, into: &chosen)
        guard rule == .milderRetroactive else { return lawDate }
        // The undetermined laws, in date order, for the second pass; seldom any, so seldom an allocation.
        var undetermined: [(decided: Decided, lawDate: CalendarDate)] = []
        if chosen.result.status == .undetermined { undetermined.append((chosen, offence)) }
        for index in m.changeDates.indices where laterChangeMatters(m, index, f, after: offence, readable: readable) {
            let date = m.changeDates[index]
            var candidate = Decided(result: EligibilityResult(status: .available))
            Self.walk(m, f, lawDate: date, readable: readable, into: &candidate)
            if candidate.result.status == .undetermined { undetermined.append((candidate, date)) }
            if Self.isMoreFavourable(candidate, than: chosen, asOf: asOf) {
                swap(&chosen, &candidate)
                lawDate = date
            }
        }
        if chosen.result.available,
           let milder = undetermined.first(where: { Self.mayBeMilder($0.decided, than: chosen) }) {
            chosen = milder.decided
            lawDate = milder.lawDate
        }
        return lawDate
    }

    /// The decision of `m` under the law of `lawDate`, unexplained.
    private static func walk(_ m: CompiledMechanism, _ f: CaseFacts, lawDate: CalendarDate, readable: Bool,
                             into d: inout Decided) {
        var facts = f
        facts.lawDate = lawDate
        var quiet = NoTrace()
        m.decide(facts, readable: readable, tracer: &quiet, into: &d)
    }

    /// The dates after `offence`, up to the as-of date, on which `m`'s law changed in a way that can matter to
    /// the case: the later laws a milder-retroactive rule weighs against the law at the offence. Empty, and free,
    /// for most people.
    private func milderLaws(_ m: CompiledMechanism, _ f: CaseFacts, after offence: CalendarDate, readable: Bool)
        -> [CalendarDate]
    {
        m.changeDates.indices.filter { laterChangeMatters(m, $0, f, after: offence, readable: readable) }
            .map { m.changeDates[$0] }
    }

    /// Whether the change at `m.changeDates[index]` falls after `offence`, by the as-of date, and can matter.
    @inline(__always)
    private func laterChangeMatters(_ m: CompiledMechanism, _ index: Int, _ f: CaseFacts, after offence: CalendarDate,
                                    readable: Bool) -> Bool {
        let change = m.changeDates[index]
        return offence < change && change <= f.facts.asOf && m.changeMatters(index, f, readable: readable)
    }

    /// The law the rule applies to an offence committed on `offence`.
    private func choose(_ rule: IntertemporalRule.Kind, _ m: CompiledMechanism, _ f: CaseFacts,
                        offence: CalendarDate, _ readable: Bool, _ walked: inout Walked) -> Choice {
        let asOf = f.facts.asOf
        var dates = [offence]
        if rule == .milderRetroactive { dates += milderLaws(m, f, after: offence, readable: readable) }
        let compared = dates.map { candidate(m, f, $0, readable, &walked) }
        var chosen = 0
        for i in compared.indices.dropFirst()
        where Self.isMoreFavourable(compared[i].decided, than: compared[chosen].decided, asOf: asOf) {
            chosen = i
        }
        let best = compared[chosen].decided
        if best.result.available,
           let milder = compared.indices.first(where: { Self.mayBeMilder(compared[$0].decided, than: best) }) {
            chosen = milder
        }
        return Choice(compared: compared, chosen: chosen)
    }

    /// The second pass of a choice between laws: a law whose answer depends on missing facts may still be the
    /// milder one, and is chosen (and says what it needs) over the available law `chosen` unless that law is
    /// surely at least as favourable.
    private static func mayBeMilder(_ candidate: Decided, than chosen: Decided) -> Bool {
        guard candidate.result.status == .undetermined else { return false }
        let best = chosen.result.earliestDate, possible = candidate.result.earliestDate
        return best == nil || possible == nil || possible! < best!
    }

    private func candidate(_ m: CompiledMechanism, _ f: CaseFacts, _ lawDate: CalendarDate, _ readable: Bool,
                           _ walked: inout Walked) -> Candidate {
        // Dates between the same two change dates share one law, so the walk runs once per law, not per date
        // (the ranges of offence dates ask for the same laws again and again).
        let state = m.changeDates.firstIndex { $0 > lawDate } ?? m.changeDates.count
        if let known = walked.first(where: { $0.state == state }) { return Candidate(lawDate: lawDate, decided: known.decided) }
        var decided = Decided(result: EligibilityResult(status: .available))
        Self.walk(m, f, lawDate: lawDate, readable: readable, into: &decided)
        walked.append((state, decided))
        return Candidate(lawDate: lawDate, decided: decided)
    }

    /// The decisions of one case so far, by law state (how many of the mechanism's change dates precede the
    /// law date).
    private typealias Walked = [(state: Int, decided: Decided)]

    /// How favourable an outcome is to the person, best first (a date is compared within `available`).
    static func rank(_ status: MechanismOutcome.Status) -> Int {
        switch status {
        case .available: 0
        case .availableNoThreshold: 1
        case .undetermined: 2
        case .termEndsFirst: 3
        case .conditionsUnmet: 4
        case .excluded: 5
        case .noThreshold: 6
        case .outOfScope: 7
        case .notInForce: 8
        }
    }

    /// Whether `a` is strictly more favourable than `b`: a better status, an earlier date, or release owed.
    /// Dates up to `asOf` count alike: a person eligible under both laws by then is eligible now under either,
    /// and then release owed is what differs.
    static func isMoreFavourable(_ a: Decided, than b: Decided, asOf: CalendarDate) -> Bool {
        let ra = rank(a.result.status), rb = rank(b.result.status)
        if ra != rb { return ra < rb }
        guard ra == 0, let da = a.result.earliestDate, let db = b.result.earliestDate else { return false }
        let ea = max(da, asOf), eb = max(db, asOf)
        if ea != eb { return ea < eb }
        if a.result.mandatory != b.result.mandatory { return a.result.mandatory }
        return da < db
    }

    static func sameAnswer(_ a: Decided, _ b: Decided) -> Bool {
        a.result.status == b.result.status && a.result.earliestDate == b.result.earliestDate
            && a.result.mandatory == b.result.mandatory
    }
}

extension Decided {
    /// The answer turns on when the offence was committed, which the case does not say.
    mutating func markDependsOnOffenceDate() {
        missing.formUnion(MissingFacts.offenceDate)
        result = EligibilityResult(status: .undetermined, reasonRuleID: nil)
        governing = nil
        reason = .dependsOnFacts
    }
}

extension CompiledJurisdiction {
    /// The decision of `m` without explanation, under the law the jurisdiction's intertemporal rule applies, and
    /// the date whose law that is: what batch lines, branches and readings decide by.
    func decideQuietly(_ m: CompiledMechanism, _ f: CaseFacts) -> (decided: Decided, lawDate: CalendarDate) {
        var d = Decided(result: EligibilityResult(status: .available))
        let lawDate = decideQuietly(m, f, into: &d)
        return (d, lawDate)
    }

    /// The same, written into `d` (which a caller deciding many mechanisms reuses: a decision returned is copied
    /// at each step out); returns the date whose law applies.
    func decideQuietly(_ m: CompiledMechanism, _ f: CaseFacts, into d: inout Decided) -> CalendarDate {
        if lawInTime.looksBack(for: m) {
            if let offence = f.facts.offenceDate {
                return lawInTime.decideAtOffence(m, f, offence: offence, readable: categoryReadable, into: &d)
            }
            let choice = lawInTime.decide(m, f, readable: categoryReadable).choice
            d = choice.decided
            return choice.lawDate
        }
        var quiet = NoTrace()
        m.decide(f, readable: categoryReadable, tracer: &quiet, into: &d)
        return f.facts.asOf
    }
}
