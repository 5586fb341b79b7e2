/// A jurisdiction's regime of early release: its names, family, mechanisms and recorded disagreements.
public struct Jurisdiction: Sendable, Identifiable {
    /// The fields, shared by every copy until one is changed: the simulator copies these records often.
    private var stored: Frozen<Stored>
    struct Stored: Sendable {
        var id: String
        var names: [LocalizedString]
        var legalFamily: String
        var legalFamilyCitations: [Citation]
        var sourceIDs: [String]
        var conditionSets: [ConditionSet]
        var mechanisms: [ReleaseMechanism]
        var discrepancies: [Discrepancy]
        var notStated: [NotStated]
        var origin: SourceLocation?
        var intertemporal: IntertemporalRule?
    }

    public var id: String { get { stored.fields.id } set { stored = stored.with { $0.id = newValue } } }
    public var names: [LocalizedString] { get { stored.fields.names } set { stored = stored.with { $0.names = newValue } } }
    public var legalFamily: String { get { stored.fields.legalFamily } set { stored = stored.with { $0.legalFamily = newValue } } }
    public var legalFamilyCitations: [Citation] { get { stored.fields.legalFamilyCitations } set { stored = stored.with { $0.legalFamilyCitations = newValue } } }
    public var sourceIDs: [String] { get { stored.fields.sourceIDs } set { stored = stored.with { $0.sourceIDs = newValue } } }
    public var conditionSets: [ConditionSet] { get { stored.fields.conditionSets } set { stored = stored.with { $0.conditionSets = newValue } } }
    public var mechanisms: [ReleaseMechanism] { get { stored.fields.mechanisms } set { stored = stored.with { $0.mechanisms = newValue } } }
    public var discrepancies: [Discrepancy] { get { stored.fields.discrepancies } set { stored = stored.with { $0.discrepancies = newValue } } }
    public var notStated: [NotStated] { get { stored.fields.notStated } set { stored = stored.with { $0.notStated = newValue } } }
    /// The rule on which version of the law applies; `nil` when no source states one.
    public var intertemporal: IntertemporalRule? { get { stored.fields.intertemporal } set { stored = stored.with { $0.intertemporal = newValue } } }
    public var origin: SourceLocation? { get { stored.fields.origin } set { stored = stored.with { $0.origin = newValue } } }

    /// Whether `other` is this very record, unchanged since it was copied (a compiled form of one serves both).
    public func isSameRules(as other: Jurisdiction) -> Bool { stored === other.stored }

    public init(id: String, names: [LocalizedString], legalFamily: String, legalFamilyCitations: [Citation],
                sourceIDs: [String], conditionSets: [ConditionSet], mechanisms: [ReleaseMechanism],
                discrepancies: [Discrepancy], notStated: [NotStated], origin: SourceLocation?,
                intertemporal: IntertemporalRule? = nil) {
        stored = Frozen(Stored(id: id, names: names, legalFamily: legalFamily, legalFamilyCitations: legalFamilyCitations, sourceIDs: sourceIDs, conditionSets: conditionSets, mechanisms: mechanisms, discrepancies: discrepancies, notStated: notStated, origin: origin, intertemporal: intertemporal))
    }

    public func conditionSet(_ id: String) -> ConditionSet? { conditionSets.first { $0.id == id } }

    /// Every aspect recorded as not stated, at any level (jurisdiction, version, procedure, supervision).
    public var notStatedAspects: Set<String> {
        let versions = mechanisms.flatMap(\.versions)
        return Set(notStated.map(\.aspect) + versions.flatMap(\.notStated).map(\.aspect)
            + versions.flatMap { ($0.procedure?.notStated ?? []) + ($0.supervision?.notStated ?? []) }.map(\.aspect))
    }

    /// The discrepancies recorded about any of `ruleIDs`.
    public func discrepancies(about ruleIDs: [String]) -> [Discrepancy] {
        guard !discrepancies.isEmpty else { return [] }
        return discrepancies.filter { d in d.about.contains(where: ruleIDs.contains) }
    }
}
