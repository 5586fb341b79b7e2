/// The shared vocabulary: term sets by name, each term with its labels; the terms that are marked (the default
/// punishment, the punishment a life sentence is), the named fact compositions, and how each regime feature is read.
public struct Vocabulary: Sendable {
    public var sets: [String: [String: [LocalizedString]]]
    /// Per set, the term a case takes when it names none (`default="true"`): punishment → imprisonment.
    public var defaults: [String: String]
    /// Per set, the term every life sentence is (`life-sentence="true"`; the punishment set).
    public var lifeSentence: [String: String]
    /// Per set and term, the citations of terms that encode a legal reading (a default, a group the law names).
    public var citations: [String: [String: [Citation]]]
    /// Named facts that stand for several, by name (`single-father`).
    public var compositions: [String: FactComposition]
    /// How each regime feature is read from a regime, by feature term.
    public var features: [String: RegimeFeatureDefinition]
    /// Mechanism kinds that do not end custody (`ends-custody="false"`: temporary leave); no ranking of release
    /// dates counts them.
    public var nonCustodialKinds: Set<String> = []

    public init(sets: [String: [String: [LocalizedString]]], defaults: [String: String] = [:],
                lifeSentence: [String: String] = [:], citations: [String: [String: [Citation]]] = [:],
                compositions: [String: FactComposition] = [:], features: [String: RegimeFeatureDefinition] = [:]) {
        self.sets = sets
        self.defaults = defaults
        self.lifeSentence = lifeSentence
        self.citations = citations
        self.compositions = compositions
        self.features = features
    }

    public func contains(_ term: String, in set: String) -> Bool { sets[set]?[term] != nil }

    /// The label of `term` in `language`, or the term itself when there is none.
    public func label(_ term: String, in set: String, language: String = "en") -> String {
        sets[set]?[term]?.text(in: language) ?? term
    }

    /// The terms of a set, sorted.
    public func terms(of set: String) -> [String] { (sets[set]?.keys).map { $0.sorted() } ?? [] }

    /// The term of `set` a case takes when it names none, if the corpus marks one.
    public func defaultTerm(of set: String) -> String? { defaults[set] }

    /// The term of `set` (the punishment set) that every life sentence is, if the corpus marks one.
    public func lifeSentenceTerm(of set: String) -> String? { lifeSentence[set] }

    /// The disability groups a case may state (the `disability-group` set), in numeric order.
    public var disabilityGroups: [Int] { terms(of: "disability-group").compactMap { Int($0) }.sorted() }
}
