/// The shared vocabulary: term sets by name, each term with its labels.
public struct Vocabulary: Sendable {
    public var sets: [String: [String: [LocalizedString]]]
    public init(sets: [String: [String: [LocalizedString]]]) { self.sets = sets }

    public func contains(_ term: String, in set: String) -> Bool { sets[set]?[term] != nil }

    /// The label of `term` in `language`, or the term itself when there is none.
    public func label(_ term: String, in set: String, language: String = "en") -> String {
        sets[set]?[term]?.text(in: language) ?? term
    }

    /// The terms of a set, sorted.
    public func terms(of set: String) -> [String] { (sets[set]?.keys).map { $0.sorted() } ?? [] }
}
