/// Reforms taken together, in the order stated, and applied to the law before it is compiled: law + reforms → a
/// new law, decided by the same walk as the law itself (no reform logic inside the decision).
///
/// A reform enters into force on one date. The version of each mechanism it changes is split there: the law as it
/// was stays in force before, the changed law from then on. Whom the change reaches is then the jurisdiction's
/// intertemporal rule's business, exactly as for any change of the law in the corpus: a milder change reaches people
/// already serving, a harsher one only offences committed after it (under Kazakhstan's milder-law rule).
public struct ReformStack: Sendable {
    public let reforms: [Reform]

    /// A stack of `reforms`, refused when two of them contradict each other: the same reform twice, alternative
    /// drafts of one variant set, or two changes setting the same value.
    public init(_ reforms: [Reform]) throws(ReformError) {
        var seen: [String: Reform] = [:]
        var variants: [String: Reform] = [:]
        for r in reforms {
            if seen[r.id] != nil {
                throw ReformError(origin: r.origin, place: Self.place(r), "reform \(r.id) is listed twice; list it once")
            }
            seen[r.id] = r
            if let set = r.variantSet, let variant = r.variant {
                if let other = variants[set], other.variant != variant {
                    throw ReformError(origin: r.origin, place: Self.place(r),
                        "reform \(r.id) is variant \(variant) and \(other.id) is variant \(other.variant ?? 0) of the "
                        + "same alternative drafts (\(set)), which are taken together by variant; take every one in the "
                        + "same variant")
                }
                variants[set] = r
            }
        }
        var setBy: [String: (reform: Reform, change: ReformChange)] = [:]
        for r in reforms {
            for c in r.changes {
                for key in Self.keys(c) {
                    if let earlier = setBy[key] {
                        throw ReformError(origin: c.origin, place: c.place,
                            "\(Self.what(key)) is already changed by \(earlier.reform.id) (\(earlier.change.place)); "
                            + "a stack may change each value once: drop one of the two")
                    }
                    setBy[key] = (r, c)
                }
            }
        }
        // A condition one reform replaces and another widens: which comes first would decide the answer (the
        // widening lost, or kept on a rule rewritten for something else), so the user chooses.
        for r in reforms {
            for c in r.changes {
                guard case .setCondition(let rule, _) = c.action else { continue }
                for other in reforms where other.id != r.id {
                    for o in other.changes {
                        guard case .addAlternative(let widened, _) = o.action, widened == rule else { continue }
                        throw ReformError(origin: o.origin, place: o.place,
                            "\(rule) is rewritten by \(r.id) (\(c.place)) and widened here by \(other.id); the two do not "
                            + "combine without a choice: drop one, or write the combined condition in a reform of your own")
                    }
                }
            }
        }
        // A removed rule cannot also be changed or widened by another change of the stack.
        for r in reforms {
            for c in r.changes {
                guard case .remove(let rule) = c.action else { continue }
                for other in reforms {
                    for o in other.changes where o.ruleID == rule && o.place != c.place {
                        throw ReformError(origin: o.origin, place: o.place,
                            "\(rule) is removed by \(r.id) (\(c.place)) and changed here by \(other.id); drop one of the two")
                    }
                }
            }
        }
        self.reforms = reforms
    }

    public static let empty = try! ReformStack([])

    public var isEmpty: Bool { reforms.isEmpty }

    /// For each rule id a change touches or adds, the reforms that do so (what a trace's rule id is traced to).
    public var reformsByRule: [String: [String]] {
        var byRule: [String: [String]] = [:]
        for r in reforms {
            for c in r.changes where byRule[c.ruleID]?.contains(r.id) != true { byRule[c.ruleID, default: []].append(r.id) }
        }
        return byRule
    }

    /// `jurisdictions` with the stack applied from `effective` on; jurisdictions no reform names are returned as
    /// they are. Throws when a change names a rule or mechanism the law does not have, or adds one it has.
    public func apply(to jurisdictions: [Jurisdiction], effective: CalendarDate) throws(ReformError) -> [Jurisdiction] {
        let known = Set(jurisdictions.map(\.id))
        for r in reforms where !known.contains(r.jurisdiction) {
            throw ReformError(origin: r.origin, place: Self.place(r),
                "reform \(r.id) changes jurisdiction \"\(r.jurisdiction)\", which is not loaded; known: "
                + jurisdictions.map(\.id).sorted().joined(separator: ", "))
        }
        var result: [Jurisdiction] = []
        result.reserveCapacity(jurisdictions.count)
        for j in jurisdictions { result.append(try apply(to: j, effective: effective)) }
        return result
    }

    /// `jurisdiction` with the reforms that name it applied from `effective` on.
    public func apply(to jurisdiction: Jurisdiction, effective: CalendarDate) throws(ReformError) -> Jurisdiction {
        let mine = reforms.filter { $0.jurisdiction == jurisdiction.id }
        guard !mine.isEmpty else { return jurisdiction }
        var law = jurisdiction
        for reform in mine {
            for change in reform.changes {
                law = try ReformOverlay(change: change, reform: reform, effective: effective).apply(to: law)
            }
        }
        return law
    }

    // MARK: contradictions

    /// The values a change sets, as keys two changes may not share.
    private static func keys(_ c: ReformChange) -> [String] {
        switch c.action {
        case .setThreshold(let rule, let fraction, _, let minimum, let fixed):
            return [fraction.map { _ in "\(rule)#fraction" }, minimum.map { _ in "\(rule)#minimum" },
                    fixed.map { _ in "\(rule)#fixed" }].compactMap { $0 }
        case .setCondition(let rule, _): return ["\(rule)#condition"]
        // Alternatives add up: any number of reforms may widen one rule.
        case .addAlternative: return []
        case .remove(let rule): return ["\(rule)#rule", "\(rule)#condition", "\(rule)#fraction", "\(rule)#minimum", "\(rule)#fixed"]
        case .addThreshold, .addExclusion, .addException, .addGrantCondition, .addMandatoryRelease, .addRevocationGround:
            return ["\(c.ruleID)#rule"]
        case .setDecidingBody(let m, _): return ["\(m)#deciding-body"]
        case .setReapplicationWait(let m, _): return ["\(m)#reapplication-wait"]
        }
    }

    private static func what(_ key: String) -> String {
        let parts = key.split(separator: "#", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return key }
        return parts[1] == "rule" ? "rule \(parts[0])" : "the \(parts[1]) of \(parts[0])"
    }

    static func place(_ r: Reform) -> String { r.origin?.description ?? "reform \(r.id)" }
}

/// Why a reform or a stack of reforms cannot be applied, and where it is written.
public struct ReformError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file:line:column, or the command-line flag.
    public var place: String
    public var message: String
    /// The place in a file, when the reform was read from one.
    public var origin: SourceLocation?
    public init(origin: SourceLocation? = nil, place: String, _ message: String) {
        self.place = place
        self.message = message
        self.origin = origin
    }
    public var description: String { "\(place): \(message)" }
}

/// One change applied to a jurisdiction: the versions of the mechanism it touches are split at the entry into
/// force, and the change is made to the part from then on.
struct ReformOverlay {
    let change: ReformChange
    let reform: Reform
    let effective: CalendarDate

    func apply(to j: Jurisdiction) throws(ReformError) -> Jurisdiction {
        guard let mechanismIndex = j.mechanisms.firstIndex(where: { targets($0) }) else {
            throw ReformError(origin: change.origin, place: change.place, unknownTarget(in: j))
        }
        var law = j
        var mechanism = j.mechanisms[mechanismIndex]
        var versions: [MechanismVersion] = []
        var changed = false
        for v in mechanism.versions {
            if let to = v.validity.to, to < effective {
                versions.append(v)
                continue
            }
            var after = v
            if v.validity.from.map({ $0 < effective }) ?? true {
                var before = v
                before.validity.to = effective.adding(days: -1)
                versions.append(before)
                after.validity.from = effective
                // The reformed law is in force from the date the user chose, not from an enacting law's date.
                after.validity.basis = .inForce
                after.id = "\(v.id)+\(reform.id)"
            }
            if try change(&after) { changed = true }
            versions.append(after)
        }
        guard changed else {
            throw ReformError(origin: change.origin, place: change.place,
                "\(change.ruleID) is not in the law of \(mechanism.id) in force from \(effective); "
                + "check the rule id or the entry-into-force date")
        }
        mechanism.versions = versions
        law.mechanisms[mechanismIndex] = mechanism
        return law
    }

    /// Whether the change is about `m`: it names the mechanism, or a rule of one of its versions.
    private func targets(_ m: ReleaseMechanism) -> Bool {
        switch change.action {
        case .addThreshold(let id, _), .addExclusion(let id, _), .addGrantCondition(let id, _),
             .addMandatoryRelease(let id, _), .addRevocationGround(let id, _), .setDecidingBody(let id, _),
             .setReapplicationWait(let id, _):
            return m.id == id
        case .addException(let exclusion, _):
            return m.versions.contains { $0.exclusions.contains { $0.id == exclusion } }
        case .setThreshold(let rule, _, _, _, _), .setCondition(let rule, _), .addAlternative(let rule, _),
             .remove(let rule):
            return m.versions.contains { $0.ruleIDs.contains(rule) }
        }
    }

    /// Makes the change to one version; `false` when the version does not hold what the change names.
    private func change(_ v: inout MechanismVersion) throws(ReformError) -> Bool {
        let cited = citations
        switch change.action {
        case .setThreshold(let rule, let fraction, let base, let minimum, let fixed):
            guard let i = v.thresholds.firstIndex(where: { $0.id == rule }) else { return false }
            var t = v.thresholds[i]
            if let fraction { t.fraction = fraction }
            if let base { t.fractionBase = base }
            if let minimum { t.minimum = minimum }
            if let fixed { t.fixed = fixed }
            if t.relativeTo != nil, fraction != nil || minimum != nil || fixed != nil {
                throw ReformError(origin: change.origin, place: change.place, "\(rule) is laid from another mechanism's date; it has no fraction, minimum or fixed time to set")
            }
            t.labels = reform.labels
            t.citations = cited + t.citations
            v.thresholds[i] = t
            return true
        case .setCondition(let rule, let condition):
            return v.replaceCondition(of: rule, with: condition, citing: cited, labels: reform.labels)
        case .addAlternative(let rule, let alternative):
            guard let old = v.condition(of: rule) else { return false }
            return v.replaceCondition(of: rule, with: .any([old, alternative]), citing: cited, labels: reform.labels)
        case .remove(let rule):
            guard v.ruleIDs.contains(rule) else { return false }
            v.thresholds.removeAll { $0.id == rule }
            v.exclusions.removeAll { $0.id == rule }
            v.exclusions = v.exclusions.map { x in
                var x = x
                x.exceptions.removeAll { $0.id == rule }
                return x
            }
            v.grantConditions.removeAll { $0.id == rule }
            v.mandatoryRelease.removeAll { $0.id == rule }
            v.revocation?.grounds.removeAll { $0.id == rule }
            return true
        case .addThreshold(_, let t):
            try refuseExisting(t.id, in: v)
            let known = Set(v.thresholds.map(\.id))
            if let unknown = t.overrides.first(where: { !known.contains($0) }) {
                throw ReformError(origin: change.origin, place: change.place,
                    "\(t.id) overrides \"\(unknown)\", which is no threshold of this mechanism; nearest: "
                    + Suggestion.nearest(to: unknown, among: known.sorted(), count: 3).joined(separator: ", "))
            }
            v.thresholds.append(t)
            return true
        case .addExclusion(_, let x):
            try refuseExisting(x.id, in: v)
            v.exclusions.append(x)
            return true
        case .addException(let exclusion, let e):
            guard let i = v.exclusions.firstIndex(where: { $0.id == exclusion }) else { return false }
            try refuseExisting(e.id, in: v)
            v.exclusions[i].exceptions.append(e)
            return true
        case .addGrantCondition(_, let g):
            try refuseExisting(g.id, in: v)
            v.grantConditions.append(g)
            return true
        case .addMandatoryRelease(_, let g):
            try refuseExisting(g.id, in: v)
            v.mandatoryRelease.append(g)
            return true
        case .addRevocationGround(_, let g):
            try refuseExisting(g.id, in: v)
            var revocation = v.revocation ?? Revocation(grounds: [], timeOnRelease: .notStated, timeOnReleaseCitations: [])
            revocation.grounds.append(g)
            v.revocation = revocation
            return true
        case .setDecidingBody(_, let body):
            var procedure = v.procedure ?? Procedure(bodies: [])
            procedure.bodies = [body]
            v.procedure = procedure
            return true
        case .setReapplicationWait(_, let wait):
            var procedure = v.procedure ?? Procedure(bodies: [])
            procedure.reapplicationWait = wait
            procedure.reapplicationCitations = cited
            v.procedure = procedure
            return true
        }
    }

    private func refuseExisting(_ id: String, in v: MechanismVersion) throws(ReformError) {
        if v.ruleIDs.contains(id) {
            throw ReformError(origin: change.origin, place: change.place, "\(id) is already a rule of this law; give the new rule another id")
        }
    }

    /// What the trace cites for a changed value: the proposed wording, else the reform's own citations.
    private var citations: [Citation] {
        let proposed = reform.proposed?.citations ?? []
        return proposed.isEmpty ? reform.citations : proposed
    }

    private func unknownTarget(in j: Jurisdiction) -> String {
        let what: String
        let candidates: [String]
        let versions = j.mechanisms.flatMap(\.versions)
        switch change.action {
        case .addThreshold, .addExclusion, .addGrantCondition, .addMandatoryRelease, .addRevocationGround,
             .setDecidingBody, .setReapplicationWait:
            what = "mechanism"
            candidates = j.mechanisms.map(\.id)
        case .addException:
            what = "exclusion"
            candidates = versions.flatMap { $0.exclusions.map(\.id) }
        case .setThreshold:
            what = "threshold"
            candidates = versions.flatMap { $0.thresholds.map(\.id) }
        case .setCondition, .addAlternative, .remove:
            what = "rule"
            candidates = versions.flatMap { Array($0.ruleIDs) }
        }
        let near = Suggestion.nearest(to: target, among: Array(Set(candidates)).sorted(), count: 3)
        return "\(j.id) has no \(what) \"\(target)\""
            + (near.isEmpty ? "" : "; nearest: " + near.joined(separator: ", "))
    }

    /// The id the change names (a mechanism for additions, an exclusion for an exception, else a rule).
    private var target: String {
        switch change.action {
        case .addThreshold(let m, _), .addExclusion(let m, _), .addGrantCondition(let m, _),
             .addMandatoryRelease(let m, _), .addRevocationGround(let m, _), .setDecidingBody(let m, _),
             .setReapplicationWait(let m, _):
            m
        case .addException(let x, _): x
        case .setThreshold(let rule, _, _, _, _), .setCondition(let rule, _), .addAlternative(let rule, _),
             .remove(let rule): rule
        }
    }
}

extension MechanismVersion {
    /// The condition of the rule `id` of this version (a version's own id names its scope); `nil` when it has no
    /// such rule, or the rule holds always (a threshold without a condition).
    public func condition(of id: String) -> Condition? {
        if let t = thresholds.first(where: { $0.id == id }) { return t.condition }
        for x in exclusions {
            if x.id == id { return x.condition }
            if let e = x.exceptions.first(where: { $0.id == id }) { return e.condition }
        }
        if let g = (grantConditions + mandatoryRelease).first(where: { $0.id == id }) { return g.condition }
        if self.id == id || self.id.hasPrefix(id + "+") { return scope.condition }
        return nil
    }

    /// The ids of every rule of the version a reform may name: the version itself (its scope), thresholds,
    /// exclusions and their exceptions, grant conditions, mandatory releases and revocation grounds.
    public var ruleIDs: Set<String> {
        var ids: Set<String> = [id]
        thresholds.forEach { ids.insert($0.id) }
        for x in exclusions {
            ids.insert(x.id)
            x.exceptions.forEach { ids.insert($0.id) }
        }
        grantConditions.forEach { ids.insert($0.id) }
        mandatoryRelease.forEach { ids.insert($0.id) }
        revocation?.grounds.forEach { ids.insert($0.id) }
        return ids
    }
}

extension Jurisdiction {
    /// The law as it stands from `date` on: each mechanism's versions that have not ended before it (what a
    /// regime-wide judgement, such as conformance under a reform, compares).
    public func standing(from date: CalendarDate) -> Jurisdiction {
        var copy = self
        copy.mechanisms = mechanisms.map { m in
            var m = m
            m.versions = m.versions.filter { v in v.validity.to.map { $0 >= date } ?? true }
            return m
        }
        return copy
    }
}
