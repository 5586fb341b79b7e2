import AtlasModel

/// A record a reader can name on the command line: a jurisdiction or an international instrument.
public enum NamedRecord: Sendable {
    case jurisdiction(Jurisdiction)
    case instrument(Instrument)

    /// The record's id, what `show` prints it under.
    public var id: String {
        switch self {
        case .jurisdiction(let j): j.id
        case .instrument(let i): i.id
        }
    }

    /// The record's names in every language, and an instrument's short name.
    public var names: [String] {
        switch self {
        case .jurisdiction(let j): j.names.map(\.text)
        case .instrument(let i): i.names.map(\.text) + [i.shortName]
        }
    }

    /// The record's name in `language` (an instrument's short name, the name a reader knows it by).
    public func name(in language: String) -> String {
        switch self {
        case .jurisdiction(let j): j.names.text(in: language) ?? j.id
        case .instrument(let i): i.shortName.isEmpty ? (i.names.text(in: language) ?? i.id) : i.shortName
        }
    }
}

/// What a typed name turned out to be.
public enum NameResolution: Sendable {
    /// One record: by its id, one of its names, or words that only its names start with.
    case found(NamedRecord)
    /// Several records' names start with the words typed: the reader must choose.
    case ambiguous([NamedRecord])
    /// Nothing is called that; `suggestions` are the ids of records that are actually close (ids of which the
    /// text is a typo or a prefix, records whose names hold a word close to it), nearest first, possibly none.
    case unknown(suggestions: [NamedRecord])
}

/// Finds jurisdictions and instruments by what a reader calls them: the id (`de`), a name in any language
/// («Germany», «Германия», «Германия Федеративтік Республикасы»), an instrument's short name ("Tokyo Rules"), or
/// words that only one record's names start with ("tokyo", "Токио"). Case and the Kazakh letters fold as in
/// `TextFolding`; Russian and Kazakh case endings are read through `LightStemmer` («Германии»).
///
/// Used by every command that takes a jurisdiction or an instrument, and meant for the web UI alike, so that a
/// name means the same record everywhere.
public struct RecordDirectory: Sendable {
    let records: [NamedRecord]
    /// Folded id → record.
    let byID: [String: Int]
    /// Folded whole name → records (a name two records share, if any, stays ambiguous).
    let byName: [String: [Int]]
    /// Each record's folded name words.
    let nameWords: [[String]]

    /// The shortest typed word matched as the start of a name word: shorter ones ("fr", "de") are ids or typos,
    /// and reading them as a name's start would turn a typo of an id into a different country.
    static let shortestPrefix = 4

    /// A directory of `corpus`'s jurisdictions and instruments.
    public init(corpus: Corpus) {
        self.init(records: corpus.jurisdictions.map(NamedRecord.jurisdiction) + corpus.instruments.map(NamedRecord.instrument))
    }

    /// A directory of `records` (tests, or a restricted choice such as jurisdictions only).
    public init(records: [NamedRecord]) {
        self.records = records
        var byID: [String: Int] = [:]
        var byName: [String: [Int]] = [:]
        var nameWords: [[String]] = []
        for (index, record) in records.enumerated() {
            byID[TextFolding.fold(record.id)] = index
            var words: Set<String> = []
            for name in record.names where !name.isEmpty {
                let key = Self.nameKey(name)
                if byName[key]?.contains(index) != true { byName[key, default: []].append(index) }
                words.formUnion(TextFolding.words(name))
            }
            nameWords.append(words.sorted())
        }
        self.byID = byID
        self.byName = byName
        self.nameWords = nameWords
    }

    /// A name as compared whole: its words, folded, one space apart (so "Tokyo  rules" or "tokyo-rules" match).
    static func nameKey(_ text: String) -> String { TextFolding.words(text).joined(separator: " ") }

    /// What `text` names.
    public func resolve(_ text: String) -> NameResolution {
        let folded = TextFolding.fold(text.trimmingCharacters(in: .whitespaces))
        if let index = byID[folded] { return .found(records[index]) }
        let key = Self.nameKey(text)
        if let indices = byName[key] {
            return indices.count == 1 ? .found(records[indices[0]]) : .ambiguous(indices.map { records[$0] })
        }
        let typed = TextFolding.words(text)
        if !typed.isEmpty, typed.allSatisfy({ $0.count >= Self.shortestPrefix }) {
            let matching = records.indices.filter { index in
                typed.allSatisfy { word in Self.matches(word, nameWords[index]) }
            }
            if matching.count == 1 { return .found(records[matching[0]]) }
            if matching.count > 1 { return .ambiguous(matching.map { records[$0] }) }
        }
        return .unknown(suggestions: suggestions(for: text))
    }

    /// Whether a typed word is one of `words` or the start of one, directly or through its stem.
    static func matches(_ typed: String, _ words: [String]) -> Bool {
        let stem = LightStemmer.stem(typed)
        return words.contains { $0.hasPrefix(typed) || $0.hasPrefix(stem) }
    }

    /// Up to `count` records close to `text`, nearest first: an id it is a typo of (within a third of its
    /// length, at least one letter), ids it starts (`gb` → `gb-eaw`, `gb-nir`, `gb-sct`), then records with a
    /// name word within that distance of one of its words. Never a record merely as far as any other two-letter
    /// code (`gb` is no typo of `ae`).
    public func suggestions(for text: String, count: Int = 3) -> [NamedRecord] {
        let folded = TextFolding.fold(text.trimmingCharacters(in: .whitespaces))
        guard !folded.isEmpty, folded.utf8.count <= 200 else { return [] }
        func allowed(_ word: String) -> Int { max(1, word.count / 3) }
        var scored: [(index: Int, score: Int)] = []
        for (index, record) in records.enumerated() {
            let id = TextFolding.fold(record.id)
            let idDistance = Suggestion.distance(folded, id)
            if idDistance <= allowed(folded) && idDistance < id.count {
                scored.append((index, idDistance))
            } else if id.hasPrefix(folded + "-") || (folded.count >= 2 && id.hasPrefix(folded)) {
                scored.append((index, 1))
            } else {
                let typed = TextFolding.words(text).filter { $0.count >= 3 }
                let best = typed.flatMap { word in nameWords[index].map { Suggestion.distance(word, String($0.prefix(word.count + 1))) } }.min()
                if let best, let shortest = typed.map(\.count).min(), best <= allowed(String(repeating: "x", count: shortest)) {
                    scored.append((index, best + 1))
                }
            }
        }
        return scored.sorted { ($0.score, records[$0.index].id) < ($1.score, records[$1.index].id) }
            .prefix(count).map { records[$0.index] }
    }
}
