import AtlasModel

/// What the decision walk tells as it decides, step by step, in order. A tracer chooses what to keep: the full
/// explanation (`TraceRecorder`), or nothing (`NoTrace`, for batch and cohort runs). The walk calls every method
/// whatever the tracer, so a tracer sees the whole decision; `explains` only lets the walk skip work that decides
/// nothing (looking at exclusions that are not in force).
protocol DecisionTracer {
    /// Whether the walk should also evaluate what explains without deciding.
    static var explains: Bool { get }

    mutating func notInForce(_ mechanism: CompiledMechanism, asOf: CalendarDate)
    mutating func lawInForce(_ version: CompiledVersion, facts: Case, lawDate: CalendarDate)
    mutating func scope(_ version: CompiledVersion, _ truth: Truth)
    mutating func noThresholdStated(_ version: CompiledVersion)
    mutating func thresholdNotForLife(_ threshold: CompiledThreshold)
    mutating func thresholdOverridden(_ threshold: CompiledThreshold, by: CompiledThreshold)
    /// A threshold that applies, with the date it gives.
    mutating func thresholdDate(_ threshold: CompiledThreshold, _ date: CalendarDate, facts: Case)
    mutating func thresholdMayApply(_ threshold: CompiledThreshold, missing: MissingFacts, changesDate: Bool,
                                    date: CalendarDate)
    mutating func severalThresholds(_ thresholds: [CompiledThreshold])
    /// The threshold that sets the date.
    mutating func governingThreshold(_ threshold: CompiledThreshold, _ date: CalendarDate, facts: Case)
    /// The date set falls before the version of the law came into force: release waits for `from`.
    mutating func notBeforeVersion(_ version: CompiledVersion, from: CalendarDate)
    /// The law in force before `from` had the time served on `date`: its decision applies.
    mutating func servedUnderPreviousVersion(_ version: CompiledVersion, date: CalendarDate, from: CalendarDate)
    mutating func exclusionNotInForce(_ exclusion: CompiledExclusion, asOf: CalendarDate)
    /// An exclusion in force that matches or may match, with its exceptions in force (empty unless `explains`).
    mutating func exclusion(_ exclusion: CompiledExclusion, matches: Truth, exceptions: [(CompiledRule, Truth)],
                            rescued: Truth)
    mutating func grantCondition(_ rule: CompiledRule, _ truth: Truth)
    mutating func mandatoryByLaw(_ version: CompiledVersion)
    mutating func mandatoryRule(_ rule: CompiledRule, _ truth: Truth)
}

/// Records nothing: the walk then costs what deciding costs.
struct NoTrace: DecisionTracer {
    static var explains: Bool { false }
    @inline(__always) mutating func notInForce(_ mechanism: CompiledMechanism, asOf: CalendarDate) {}
    @inline(__always) mutating func lawInForce(_ version: CompiledVersion, facts: Case, lawDate: CalendarDate) {}
    @inline(__always) mutating func scope(_ version: CompiledVersion, _ truth: Truth) {}
    @inline(__always) mutating func noThresholdStated(_ version: CompiledVersion) {}
    @inline(__always) mutating func thresholdNotForLife(_ threshold: CompiledThreshold) {}
    @inline(__always) mutating func thresholdOverridden(_ threshold: CompiledThreshold, by: CompiledThreshold) {}
    @inline(__always) mutating func thresholdDate(_ threshold: CompiledThreshold, _ date: CalendarDate, facts: Case) {}
    @inline(__always) mutating func thresholdMayApply(_ threshold: CompiledThreshold, missing: MissingFacts,
                                                      changesDate: Bool, date: CalendarDate) {}
    @inline(__always) mutating func severalThresholds(_ thresholds: [CompiledThreshold]) {}
    @inline(__always) mutating func governingThreshold(_ threshold: CompiledThreshold, _ date: CalendarDate, facts: Case) {}
    @inline(__always) mutating func notBeforeVersion(_ version: CompiledVersion, from: CalendarDate) {}
    @inline(__always) mutating func servedUnderPreviousVersion(_ version: CompiledVersion, date: CalendarDate,
                                                               from: CalendarDate) {}
    @inline(__always) mutating func exclusionNotInForce(_ exclusion: CompiledExclusion, asOf: CalendarDate) {}
    @inline(__always) mutating func exclusion(_ exclusion: CompiledExclusion, matches: Truth,
                                              exceptions: [(CompiledRule, Truth)], rescued: Truth) {}
    @inline(__always) mutating func grantCondition(_ rule: CompiledRule, _ truth: Truth) {}
    @inline(__always) mutating func mandatoryByLaw(_ version: CompiledVersion) {}
    @inline(__always) mutating func mandatoryRule(_ rule: CompiledRule, _ truth: Truth) {}
}
