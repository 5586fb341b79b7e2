import AtlasModel

/// One mechanism's decision for one person, as a cohort counts it: the result and the facts it lacked.
public struct CohortDecision: Sendable {
    /// The fields of an `EligibilityResult` a cohort counts. Plain values: without the rule id, a million
    /// people's decisions are copied without a reference count.
    public struct Result: Sendable {
        public var status: MechanismOutcome.Status
        public var earliestDate: CalendarDate?
        public var mandatory: Bool
        public var available: Bool { status == .available || status == .availableNoThreshold }

        init(_ result: EligibilityResult) {
            status = result.status
            earliestDate = result.earliestDate
            mandatory = result.mandatory
        }
    }

    public var result: Result
    public var missing: MissingFacts
}

extension CompiledLaw {
    /// Decides every mechanism of every jurisdiction for one person, in order, appending one decision each: the
    /// same walk as a batch run (`NoTrace`), keeping what the person lacks, for counting.
    public func decide(_ facts: Case, into decisions: inout [CohortDecision]) {
        eachDecision(facts) { decisions.append(CohortDecision(result: CohortDecision.Result($0.result), missing: $0.missing)) }
    }

    /// The mechanisms `decide(_:into:)` decides, in its order: jurisdiction id, mechanism id and kind.
    public var mechanismKeys: [CohortTally.MechanismKey] { mechanismKeys(only: everyMechanism) }

    /// The mechanisms `decide(_:only:into:)` decides for `selection`, in its order.
    public func mechanismKeys(only selection: MechanismSelection) -> [CohortTally.MechanismKey] {
        selection.positions.map { j, m in
            let mechanism = jurisdictions[j].mechanisms[m]
            return CohortTally.MechanismKey(jurisdiction: jurisdictions[j].source.id, mechanism: mechanism.id,
                                            kind: mechanism.source.kind)
        }
    }

    /// Every mechanism of every jurisdiction, in order.
    public var everyMechanism: MechanismSelection {
        MechanismSelection(positions: jurisdictions.indices.flatMap { j in jurisdictions[j].mechanisms.indices.map { (j, $0) } })
    }

    /// The mechanisms whose id or kind is one of `names`, in the law's order; fails with the first name that
    /// matches none (`mechanismKeys` lists those that exist).
    public func mechanisms(named names: [String]) -> Result<MechanismSelection, UnknownMechanism> {
        if let unknown = names.first(where: { name in !mechanismKeys.contains { $0.mechanism == name || $0.kind == name } }) {
            return .failure(UnknownMechanism(name: unknown))
        }
        return .success(MechanismSelection(positions: everyMechanism.positions.filter { j, m in
            let mechanism = jurisdictions[j].mechanisms[m]
            return names.contains(mechanism.id) || names.contains(mechanism.source.kind)
        }))
    }

    /// Decides the selected mechanisms for one person, in order, appending one decision each: a cohort that
    /// counts only some mechanisms decides only those (a mechanism another's threshold is laid from is still
    /// decided for it, as the walk needs it).
    public func decide(_ facts: Case, only selection: MechanismSelection, into decisions: inout [CohortDecision]) {
        var room = CaseFactsRoom()
        decide(facts, only: selection, into: &decisions, room: &room)
    }

    /// `decide(_:only:into:)` with the facts as the walk reads them laid out in `room`, which the caller keeps
    /// from one person to the next.
    public func decide(_ facts: Case, only selection: MechanismSelection, into decisions: inout [CohortDecision],
                       room: inout CaseFactsRoom) {
        let f = CaseFacts(facts, terms, fractions, room: &room)
        var d = Decided(result: EligibilityResult(status: .available))
        for (j, m) in selection.positions {
            _ = jurisdictions[j].decideQuietly(jurisdictions[j].mechanisms[m], f, into: &d)
            decisions.append(CohortDecision(result: CohortDecision.Result(d.result), missing: d.missing))
        }
    }
}

/// Which mechanisms of a compiled law a cohort decides and counts: positions, in the law's order.
public struct MechanismSelection: Sendable {
    let positions: [(jurisdiction: Int, mechanism: Int)]
}

/// A mechanism id or kind that no mechanism of the law has.
public struct UnknownMechanism: Error, Sendable {
    public let name: String
}

/// What a cohort run counts: per scenario (the law, then each reform stack) and mechanism, how many people are in
/// each status, eligible by the as-of date and by each year of the horizon, and what the undetermined lack; per
/// reform scenario, how each person's earliest date moved against the law's. A counting sink: it keeps no person.
public struct CohortTally: Sendable {
    public struct MechanismKey: Sendable, Hashable {
        public var jurisdiction: String
        public var mechanism: String
        public var kind: String
    }

    /// The counts of one mechanism under one scenario.
    public struct Counts: Sendable {
        /// People by status (`MechanismOutcome.Status.allCases` order).
        public var byStatus: [Int]
        /// Available with a date on or before the as-of date.
        public var eligibleNow = 0
        /// Available with a date on or before the as-of date plus 1, 2, … years.
        public var eligibleBy: [Int]
        /// Available with release owed.
        public var mandatory = 0
        /// Undetermined people, by the fact they lack (`MissingFacts` bit positions).
        public var missingByFact: [Int]

        init(horizon: Int) {
            byStatus = Array(repeating: 0, count: MechanismOutcome.Status.allCases.count)
            eligibleBy = Array(repeating: 0, count: horizon)
            missingByFact = Array(repeating: 0, count: 64)
        }

        public func count(_ status: MechanismOutcome.Status) -> Int {
            byStatus[MechanismOutcome.Status.allCases.firstIndex(of: status)!]
        }

        /// The facts the undetermined lack, by name, with how many lack each.
        public var missingFacts: [(fact: String, people: Int)] {
            missingByFact.indices.filter { missingByFact[$0] > 0 }.map {
                ($0 < MissingFacts.names.count ? MissingFacts.names[$0] : "unknown-fact", missingByFact[$0])
            }.sorted { $0.fact < $1.fact }
        }
    }

    /// How one mechanism's dates moved from the law to a reform scenario.
    public struct Change: Sendable {
        public var earlier = 0
        public var later = 0
        public var same = 0
        /// Not available under the law, available under the reforms (and the reverse).
        public var nowAvailable = 0
        public var noLongerAvailable = 0
        /// Release owed under the reforms and not under the law (and the reverse).
        public var nowMandatory = 0
        public var noLongerMandatory = 0
        /// Days from the law's date to the reform's (negative: earlier) → people, for those available under both.
        public var shift: [Int: Int] = [:]
        /// Days of custody from the as-of date on that the earlier dates could save (release at the earliest date
        /// assumed), summed over people.
        public var daysSaved = 0

        /// The shift below which `fraction` of the people fall (nil when nobody is available under both).
        public func quantile(_ fraction: Double) -> Int? {
            let total = shift.values.reduce(0, +)
            guard total > 0 else { return nil }
            let wanted = max(1, Int((Double(total) * fraction).rounded(.up)))
            var seen = 0
            for (days, people) in shift.sorted(by: { $0.key < $1.key }) {
                seen += people
                if seen >= wanted { return days }
            }
            return shift.keys.max()
        }
    }

    public let mechanisms: [MechanismKey]
    public let scenarios: Int
    public let asOf: CalendarDate
    public let horizonYears: Int
    public private(set) var people = 0
    /// `counts[scenario][mechanism]`.
    public var counts: [[Counts]] { (0..<scenarios).map { s in mechanisms.indices.map { counts(scenario: s, mechanism: $0) } } }
    /// `changes[scenario - 1][mechanism]`: each reform scenario against the law (scenario 0).
    public private(set) var changes: [[Change]]
    /// Every count of `counts`, in one buffer: `width` places per scenario and mechanism, at the offsets below
    /// (eligibility by each year of the horizon as the number first eligible by that year).
    /// A million people's counts are added in place; through arrays of arrays, each addition would first make
    /// sure that each level is not shared.
    private var cells: [Int]
    private let width: Int
    private var eligibleNowPlace: Int { MechanismOutcome.Status.allCases.count }
    private var eligibleByPlace: Int { eligibleNowPlace + 1 }
    private var mandatoryPlace: Int { eligibleByPlace + horizonYears }
    private var missingPlace: Int { mandatoryPlace + 1 }
    private let horizonDates: [CalendarDate]
    /// `MechanismOutcome.Status.allCases`, searched in place of a hash: nine statuses compare faster than one hashes.
    private let statuses = MechanismOutcome.Status.allCases

    public init(mechanisms: [MechanismKey], scenarios: Int, asOf: CalendarDate, horizonYears: Int) {
        self.mechanisms = mechanisms
        self.scenarios = scenarios
        self.asOf = asOf
        self.horizonYears = horizonYears
        width = MechanismOutcome.Status.allCases.count + 1 + horizonYears + 1 + 64
        cells = Array(repeating: 0, count: width * mechanisms.count * scenarios)
        changes = Array(repeating: Array(repeating: Change(), count: mechanisms.count), count: max(0, scenarios - 1))
        horizonDates = (0..<horizonYears).map { asOf.adding(months: 12 * ($0 + 1)) }
    }

    private func counts(scenario s: Int, mechanism m: Int) -> Counts {
        let base = (s * mechanisms.count + m) * width
        var counts = Counts(horizon: horizonYears)
        counts.byStatus = Array(cells[base..<base + eligibleNowPlace])
        counts.eligibleNow = cells[base + eligibleNowPlace]
        // Each person is counted at the first year of the horizon they are eligible by, and is eligible by every
        // later year too.
        var reached = 0
        counts.eligibleBy = cells[base + eligibleByPlace..<base + mandatoryPlace].map { reached += $0; return reached }
        counts.mandatory = cells[base + mandatoryPlace]
        counts.missingByFact = Array(cells[base + missingPlace..<base + width])
        return counts
    }

    /// Counts one person: `decisions[scenario]` holds one decision per mechanism, in `mechanisms` order.
    public mutating func add(_ decisions: [[CohortDecision]], termEnd: CalendarDate?) {
        add(scenarioMajor: Array(decisions.joined()), termEnd: termEnd)
    }

    /// Counts one person: `decisions` holds one decision per mechanism for each scenario in turn (scenario 0's
    /// mechanisms, in `mechanisms` order, then scenario 1's, …).
    public mutating func add(scenarioMajor decisions: [CohortDecision], termEnd: CalendarDate?) {
        people += 1
        let (mechanismCount, width, asOf, statuses) = (mechanisms.count, width, asOf, statuses)
        let (eligibleNowPlace, eligibleByPlace, mandatoryPlace, missingPlace) = (eligibleNowPlace, eligibleByPlace, mandatoryPlace, missingPlace)
        let horizonDates = horizonDates
        cells.withUnsafeMutableBufferPointer { cells in
            for s in 0..<scenarios {
                for m in 0..<mechanismCount {
                    let d = decisions[s * mechanismCount + m]
                    let base = (s * mechanismCount + m) * width
                    cells[base + statuses.firstIndex(of: d.result.status)!] += 1
                    if d.result.available {
                        if d.result.mandatory { cells[base + mandatoryPlace] += 1 }
                        if let date = d.result.earliestDate {
                            if date <= asOf { cells[base + eligibleNowPlace] += 1 }
                            // Counted once, at the first year it is reached by; `counts` adds the years up.
                            if let k = horizonDates.firstIndex(where: { date <= $0 }) { cells[base + eligibleByPlace + k] += 1 }
                        }
                    }
                    if d.result.status == .undetermined {
                        var bits = d.missing.bits
                        while bits != 0 {
                            cells[base + missingPlace + bits.trailingZeroBitCount] += 1
                            bits &= bits - 1
                        }
                    }
                }
            }
        }
        for s in 1..<max(1, scenarios) {
            for m in 0..<mechanismCount {
                compare(decisions[m].result, decisions[s * mechanismCount + m].result, scenario: s - 1, mechanism: m,
                        termEnd: termEnd)
            }
        }
    }

    private mutating func compare(_ law: CohortDecision.Result, _ reformed: CohortDecision.Result, scenario: Int, mechanism m: Int,
                                  termEnd: CalendarDate?) {
        var change = changes[scenario][m]
        defer { changes[scenario][m] = change }
        if law.mandatory != reformed.mandatory, law.available || reformed.available {
            if reformed.mandatory { change.nowMandatory += 1 } else { change.noLongerMandatory += 1 }
        }
        switch (law.available, reformed.available) {
        case (false, true): change.nowAvailable += 1
        case (true, false): change.noLongerAvailable += 1
        default: break
        }
        // When custody ends under each: the earliest date when available, else the end of the term.
        let lawEnd = law.available ? law.earliestDate : termEnd
        let reformEnd = reformed.available ? reformed.earliestDate : termEnd
        if law.available, reformed.available, let a = law.earliestDate, let b = reformed.earliestDate {
            let days = a.days(until: b)
            change.shift[days, default: 0] += 1
            if days < 0 { change.earlier += 1 } else if days > 0 { change.later += 1 } else { change.same += 1 }
        }
        if let lawEnd, let reformEnd {
            let saved = max(asOf, reformEnd).days(until: max(asOf, lawEnd))
            if saved > 0 { change.daysSaved += saved }
        }
    }

    /// Adds another tally of the same mechanisms and scenarios (a slice counted on another core).
    public mutating func merge(_ other: CohortTally) {
        people += other.people
        for i in cells.indices { cells[i] += other.cells[i] }
        for s in changes.indices {
            for m in mechanisms.indices {
                let o = other.changes[s][m]
                changes[s][m].earlier += o.earlier
                changes[s][m].later += o.later
                changes[s][m].same += o.same
                changes[s][m].nowAvailable += o.nowAvailable
                changes[s][m].noLongerAvailable += o.noLongerAvailable
                changes[s][m].nowMandatory += o.nowMandatory
                changes[s][m].noLongerMandatory += o.noLongerMandatory
                changes[s][m].daysSaved += o.daysSaved
                for (days, n) in o.shift { changes[s][m].shift[days, default: 0] += n }
            }
        }
    }
}
