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

/// Why the walk stopped short of an available outcome, as data: the explaining layer words it.
enum DecisionReason {
    case notInForce
    case outOfScope
    case noThreshold
    /// The governing threshold's date (the earliest date) falls after the end of the term.
    case termEndsFirst
    case excluded(Int)
    case mayBeExcluded(Int, MissingFacts)
    case conditionUnmet(Int)
    case dependsOnFacts
}

/// Everything the decision walk settles about one mechanism.
struct Decided {
    var result: EligibilityResult
    /// The governing threshold, by index in the version in force.
    var governing: Int?
    var missing = MissingFacts.none
    var reason: DecisionReason?
    /// The day the version of the law came into force, when the rule's own date fell before it and release was
    /// moved there (see `CompiledVersion.releasesFrom`).
    var waitedFor: CalendarDate?
}

/// The one decision walk: the law in force → scope → thresholds → exclusions and their exceptions → conditions of
/// grant → mandatory release. Every caller decides through it; what it records is the tracer's business, so a
/// batch or a cohort passes `NoTrace` and pays nothing for explanations.
///
/// The steps are methods of the compiled rules, called in place: passed as arguments, the rules would be copied
/// (and their storage reference-counted) for every mechanism of every case.
extension CompiledMechanism {
    /// Decides this mechanism for the case; `readable` says whether the Kazakh category can be read under the
    /// jurisdiction's rules.
    /// The decision is written into `d`, which the caller may reuse from one mechanism to the next: returned
    /// by value, it would be copied at every step out of the walk.
    func decide<T: DecisionTracer>(_ f: CaseFacts, readable: Bool, tracer: inout T, into d: inout Decided) {
        // 1. The law in force on the date whose law is applied (the as-of date unless the intertemporal rule
        // chose another).
        let lawDate = f.lawDate
        for n in versions.indices where versions[n].validity.contains(lawDate) {
            decide(version: n, f, readable: readable, tracer: &tracer, into: &d)
            return
        }
        tracer.notInForce(self, asOf: lawDate)
        d = Decided(result: EligibilityResult(status: .notInForce, reasonRuleID: id), reason: .notInForce)
    }

    /// A date set by a version that came into force on `from`, moved there because the rule's own date fell
    /// before it: the days before `from` belong to the law then in force, so when that law had the person's time
    /// served by then, its decision is the answer (eligible since, not only from the change).
    private func decide<T: DecisionTracer>(version n: Int, _ f: CaseFacts, readable: Bool, tracer: inout T,
                                           into d: inout Decided) {
        versions[n].decide(f, readable: readable, tracer: &tracer, into: &d)
        if let from = d.waitedFor { servedBefore(from, f, readable: readable, tracer: &tracer, into: &d) }
    }

    private func servedBefore<T: DecisionTracer>(_ from: CalendarDate, _ f: CaseFacts, readable: Bool, tracer: inout T,
                                                 into d: inout Decided) {
        let dayBefore = from.adding(days: -1)
        guard let previous = versions.firstIndex(where: { $0.validity.contains(dayBefore) }) else { return }
        var before = f
        before.lawDate = dayBefore
        var quiet = NoTrace()
        var earlier = Decided(result: EligibilityResult(status: .available))
        // The earlier version may itself have replaced another: each law answers for its own days.
        decide(version: previous, before, readable: readable, tracer: &quiet, into: &earlier)
        guard earlier.result.available, let date = earlier.result.earliestDate, date < from else { return }
        tracer.servedUnderPreviousVersion(versions[previous], date: date, from: from)
        // The governing threshold is one of the earlier version's, which the caller does not read by index.
        earlier.governing = nil
        d = earlier
    }

    /// The decision, as a value (for explained runs, where one copy does not matter).
    func decide<T: DecisionTracer>(_ f: CaseFacts, readable: Bool, tracer: inout T) -> Decided {
        var d = Decided(result: EligibilityResult(status: .available))
        decide(f, readable: readable, tracer: &tracer, into: &d)
        return d
    }

    /// The version in force on `date`, if any.
    func version(inForceOn date: CalendarDate) -> CompiledVersion? { versions.first { $0.validity.contains(date) } }
}

extension CompiledVersion {
    func decide<T: DecisionTracer>(_ f: CaseFacts, readable: Bool, tracer: inout T, into d: inout Decided) {
        let asOf = f.facts.asOf
        let lawDate = f.lawDate
        tracer.lawInForce(self, facts: f.facts, lawDate: lawDate)
        d = Decided(result: EligibilityResult(status: .available))

        // 2. Scope.
        let scope = scope.truth(f, on: asOf, readable: readable)
        tracer.scope(self, scope)
        switch scope {
        case .no:
            d.result.status = .outOfScope
            d.result.reasonRuleID = id
            d.reason = .outOfScope
            return
        case .unknown(let missing): d.missing.formUnion(missing)
        case .yes: break
        }

        // 3. Thresholds, then the date on which the rest is judged.
        let thresholdStatus = applyThresholds(f, readable: readable, into: &d, tracer: &tracer)
        let decisionDate = max(d.result.earliestDate ?? asOf, asOf)

        // 4. Exclusions in force on the as-of date, and their exceptions.
        if let status = applyExclusions(f, decisionDate: decisionDate, readable: readable, into: &d, tracer: &tracer) {
            d.result.status = status
            finish(&d, f, readable: readable, tracer: &tracer)
            return
        }
        if let status = thresholdStatus {
            d.result.status = status
            finish(&d, f, readable: readable, tracer: &tracer)
            return
        }

        // 5. Conditions of grant.
        for g in grantConditions.indices where grantConditions[g].validity.contains(lawDate) {
            let truth = grantConditions[g].condition.truth(f, on: decisionDate, readable: readable)
            tracer.grantCondition(grantConditions[g], truth)
            if truth == .no {
                d.result.status = .conditionsUnmet
                d.result.reasonRuleID = grantConditions[g].id
                d.reason = .conditionUnmet(g)
                return
            }
        }
        if d.result.earliestDate == nil { d.result.status = .availableNoThreshold }
        if !d.missing.isEmpty {
            d.result.status = .undetermined
            d.result.reasonRuleID = nil
            d.reason = .dependsOnFacts
        }
        finish(&d, f, readable: readable, tracer: &tracer)
    }

    /// Finds the threshold that governs the case and its date; returns a terminal status when none can be
    /// computed. Conditions are judged on the as-of date.
    private func applyThresholds<T: DecisionTracer>(_ f: CaseFacts, readable: Bool, into d: inout Decided,
                                                    tracer: inout T) -> MechanismOutcome.Status? {
        guard let (matching, uncertain) = matchThresholds(f, readable: readable, tracer: &tracer) else {
            tracer.noThresholdStated(self)
            return nil
        }
        var overridden: UInt64 = 0
        for i in thresholds.indices where matching & (1 << UInt64(i)) != 0 { overridden |= thresholds[i].overrides }
        if T.explains, overridden != 0 {
            for i in thresholds.indices where matching & overridden & (1 << UInt64(i)) != 0 {
                let by = thresholds.indices.first { matching & (1 << UInt64($0)) != 0 && thresholds[$0].overrides & (1 << UInt64(i)) != 0 }!
                tracer.thresholdOverridden(thresholds[i], by: thresholds[by])
            }
        }
        let governing = matching & ~overridden
        var best: (index: Int, date: CalendarDate)?
        for i in thresholds.indices where governing & (1 << UInt64(i)) != 0 {
            let date = thresholds[i].date(f, readable: readable)
            tracer.thresholdDate(thresholds[i], date, facts: f.facts)
            if best == nil || date > best!.date { best = (i, date) }
        }
        weighUncertain(uncertain & ~overridden, governing: governing, latest: best?.date, f, readable: readable,
                       into: &d, tracer: &tracer)
        guard let (index, date) = best else {
            d.result.reasonRuleID = d.missing.isEmpty ? id : nil
            d.reason = d.missing.isEmpty ? .noThreshold : .dependsOnFacts
            return d.missing.isEmpty ? .noThreshold : .undetermined
        }
        if T.explains, governing.nonzeroBitCount > 1 {
            tracer.severalThresholds(thresholds.indices.filter { governing & (1 << UInt64($0)) != 0 }.map { thresholds[$0] })
        }
        return settle(on: index, date, f, into: &d, tracer: &tracer)
    }

    /// The thresholds in force whose conditions hold (`matching`) or may hold (`uncertain`), as bits; `nil` when
    /// none is in force. A share-only threshold never applies to a life term.
    @inline(__always)
    private func matchThresholds<T: DecisionTracer>(_ f: CaseFacts, readable: Bool, tracer: inout T)
        -> (matching: UInt64, uncertain: UInt64)?
    {
        let asOf = f.facts.asOf
        let life = f.facts.term.isLife
        var matching: UInt64 = 0, uncertain: UInt64 = 0
        var anyInForce = false
        for i in thresholds.indices where i < 64 && thresholds[i].validity.contains(f.lawDate) {
            anyInForce = true
            let lifeExcluded = life && thresholds[i].onlyShare
            var truth = thresholds[i].condition?.truth(f, on: asOf, readable: readable) ?? .yes
            if truth != .no, let relative = thresholds[i].relative {
                // A date laid from another mechanism's date exists only where that mechanism gives one.
                let anchor = relative.decided(f, readable: readable)
                let anchored: Truth = anchor.result.earliestDate != nil && anchor.result.available ? .yes
                    : anchor.result.status == .undetermined ? .unknown(anchor.missing) : .no
                truth = Truth.all([truth, anchored]) { $0 }
            }
            switch truth {
            case .yes:
                if lifeExcluded { tracer.thresholdNotForLife(thresholds[i]) } else { matching |= 1 << UInt64(i) }
            case .unknown: if !lifeExcluded { uncertain |= 1 << UInt64(i) }
            case .no: break
            }
        }
        return anyInForce ? (matching, uncertain) : nil
    }

    /// A threshold that may apply matters only if it could change the date: one displaced by a threshold that
    /// does apply, or one whose inclusion leaves the latest date unchanged, does not make the answer depend on
    /// the missing fact.
    @inline(__always)
    private func weighUncertain<T: DecisionTracer>(_ uncertain: UInt64, governing: UInt64, latest: CalendarDate?,
                                                   _ f: CaseFacts, readable: Bool, into d: inout Decided,
                                                   tracer: inout T) {
        guard uncertain != 0 else { return }
        for i in thresholds.indices where uncertain & (1 << UInt64(i)) != 0 {
            let own = thresholds[i].date(f, readable: readable)
            var with = own
            for k in thresholds.indices where governing & ~thresholds[i].overrides & (1 << UInt64(k)) != 0 {
                with = max(with, thresholds[k].date(f, readable: readable))
            }
            let changes = latest.map { with != $0 } ?? true
            let missing = thresholds[i].condition?.truth(f, on: f.facts.asOf, readable: readable).missing ?? .none
            if changes { d.missing.formUnion(missing) }
            tracer.thresholdMayApply(thresholds[i], missing: missing, changesDate: changes, date: own)
        }
    }

    /// Records the governing threshold's date and what was served by it; the term ending first is terminal.
    @inline(__always)
    private func settle<T: DecisionTracer>(on index: Int, _ date: CalendarDate, _ f: CaseFacts,
                                           into d: inout Decided, tracer: inout T) -> MechanismOutcome.Status? {
        // Read in place: the threshold copied whole would retain its rule and condition.
        let slot = thresholds[index].fractionSlot
        // The share is reported only when it is what sets the date (not a minimum or fixed time that prevails).
        let shareDate = slot >= 0 ? f.shareDate(slot) : nil
        d.governing = index
        d.result.fraction = shareDate == date ? thresholds[index].fraction : nil
        d.result.earliestDate = date
        d.result.requiredServed = CalendarDuration.between(f.facts.start, date)
        tracer.governingThreshold(thresholds[index], date, facts: f.facts)
        if let from = releasesFrom, date < from {
            // The rule's own date falls before this version of the law was in force: release under it waits for
            // the day it came into force, and no share of the term sets that date.
            d.result.earliestDate = from
            d.result.fraction = nil
            d.result.requiredServed = CalendarDuration.between(f.facts.start, from)
            tracer.notBeforeVersion(self, from: from)
            d.waitedFor = from
            if let end = f.termEnd, from > end {
                d.result.reasonRuleID = thresholds[index].id
                d.reason = .termEndsFirst
                return .termEndsFirst
            }
            return nil
        }
        if let end = f.termEnd, date > end {
            d.result.reasonRuleID = thresholds[index].id
            d.reason = .termEndsFirst
            return .termEndsFirst
        }
        return nil
    }

    /// Applies the exclusions in force; returns `.excluded`, or `.undetermined` when one may apply.
    private func applyExclusions<T: DecisionTracer>(_ f: CaseFacts, decisionDate: CalendarDate, readable: Bool,
                                                    into d: inout Decided, tracer: inout T) -> MechanismOutcome.Status? {
        let lawDate = f.lawDate
        var undetermined = false
        for n in exclusions.indices {
            let inForce = exclusions[n].validity.contains(lawDate)
            // An exclusion not yet (or no longer) in force decides nothing; it is only worth telling about.
            guard inForce || T.explains else { continue }
            let matches = exclusions[n].condition.truth(f, on: decisionDate, readable: readable)
            guard matches != .no else { continue }
            guard inForce else {
                tracer.exclusionNotInForce(exclusions[n], asOf: lawDate)
                continue
            }
            var rescue = Truth.no
            var rescueMissing = MissingFacts.none
            var exceptions: [(CompiledRule, Truth)] = []
            for e in exclusions[n].exceptions.indices where exclusions[n].exceptions[e].validity.contains(lawDate) {
                let truth = exclusions[n].exceptions[e].condition.truth(f, on: decisionDate, readable: readable)
                if T.explains { exceptions.append((exclusions[n].exceptions[e], truth)) }
                switch truth {
                case .yes: rescue = .yes
                case .unknown(let m): rescueMissing.formUnion(m)
                case .no: break
                }
            }
            if rescue != .yes, !rescueMissing.isEmpty { rescue = .unknown(rescueMissing) }
            tracer.exclusion(exclusions[n], matches: matches, exceptions: exceptions, rescued: rescue)
            switch (matches, rescue) {
            case (.yes, .yes):
                continue
            case (.yes, .no):
                // The governing threshold stays known (it is what the law would have given), its date does not.
                d.result = EligibilityResult(status: .excluded, reasonRuleID: exclusions[n].id)
                d.reason = .excluded(n)
                return .excluded
            default:
                undetermined = true
                let missing = matches.missing.union(rescue.missing)
                d.missing.formUnion(missing)
                if d.result.reasonRuleID == nil {
                    d.result.reasonRuleID = exclusions[n].id
                    d.reason = .mayBeExcluded(n, missing)
                }
            }
        }
        return undetermined ? .undetermined : nil
    }

    /// Whether release is owed once the conditions hold: by the law's own terms, or by a mandatory-release rule.
    private func finish<T: DecisionTracer>(_ d: inout Decided, _ f: CaseFacts, readable: Bool, tracer: inout T) {
        guard d.result.available || d.result.status == .undetermined else { return }
        let asOf = f.facts.asOf
        let date = max(d.result.earliestDate ?? asOf, asOf)
        if mandatoryByLaw {
            d.result.mandatory = true
            tracer.mandatoryByLaw(self)
        }
        for m in mandatoryRelease.indices where mandatoryRelease[m].validity.contains(f.lawDate) {
            let truth = mandatoryRelease[m].condition.truth(f, on: date, readable: readable)
            if truth == .yes { d.result.mandatory = true }
            tracer.mandatoryRule(mandatoryRelease[m], truth)
        }
    }
}
