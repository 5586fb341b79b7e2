/// A value of a case as a user states it, before it is checked.
public enum DraftValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
    case text(String)
    case number(Int)
    case yesNo(Bool)
    case list([String])

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .yesNo(value) }
    public init(arrayLiteral elements: String...) { self = .list(elements) }

    /// Whether the value has the shape `shape` takes (a flag takes yes or no, a repeatable flag a list).
    public func fits(_ shape: FactInputShape) -> Bool {
        switch (self, shape) {
        case (.text, .text), (.number, .number), (.list, .list), (.yesNo, .yes), (.yesNo, .yesOrNo): true
        default: false
        }
    }
}

/// A case as a user states it (command-line flags, a case file, a batch line, later a form), before it is
/// checked: the facts of `CaseFactCatalogue` by name, and the jurisdictions to run it in.
///
/// `build` turns it into a `Case` or fails with the first problem, naming the field, so that the command line
/// and the future web API reject bad input the same way.
public struct CaseDraft: Sendable, Equatable {
    /// Stated facts by catalogue position (a batch reads every field of every line: no hashing of names here).
    private var values: [DraftValue?] = Array(repeating: nil, count: CaseFactCatalogue.all.count)
    /// Jurisdiction ids to simulate in (empty: every one). A choice of the run, not a fact of the case.
    public var jurisdictions: [String] = []

    public init() {}

    /// The value stated for the fact called `name` (a `CaseFactCatalogue` name); `nil` when not stated.
    public subscript(name: String) -> DraftValue? {
        get { CaseFactCatalogue.position(of: name).flatMap { values[$0] } }
        set {
            guard let position = CaseFactCatalogue.position(of: name) else {
                preconditionFailure("\(name) is not a fact of CaseFactCatalogue")
            }
            values[position] = newValue
        }
    }

    /// The value stated for the fact at `position` in `CaseFactCatalogue.all`.
    public subscript(position position: Int) -> DraftValue? {
        get { values[position] }
        set { values[position] = newValue }
    }

    /// The names of the facts stated, sorted.
    public var statedNames: [String] {
        values.indices.filter { values[$0] != nil }.map { CaseFactCatalogue.all[$0].name }.sorted()
    }

    /// Facts given in `other` replace those here (flags override a `--case` file); an empty list states nothing.
    public func overlaid(with other: CaseDraft) -> CaseDraft {
        var merged = self
        for (position, value) in other.values.enumerated() where value != nil && value != .list([]) {
            merged.values[position] = value
        }
        if !other.jurisdictions.isEmpty { merged.jurisdictions = other.jurisdictions }
        return merged
    }

    /// Checks every fact and builds the case; `today` is the default as-of date.
    public func build(vocabulary: Vocabulary, today: CalendarDate) throws(CaseInputError) -> Case {
        var reader = FactReader(draft: values, vocabulary: vocabulary, today: today)
        return try reader.build()
    }

    /// `1, 2 or 3`.
    static func alternatives(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "none" }
        return items.dropLast().joined(separator: ", ") + " or " + items.last!
    }

    /// Parses a term, explaining exactly what is wrong with a bad one.
    public static func parseTerm(_ text: String) throws(CaseInputError) -> SentenceTerm {
        let t = text.trimmingSpaces
        if t.hasPrefix("-") {
            throw CaseInputError(field: "term", message: "\(InputText.quoted(text)) is negative; a term is a positive length such as 9y")
        }
        if let term = SentenceTerm(parsing: t) { return term }
        if let d = CalendarDuration(compact: t.lowercased()), d.isZero {
            throw CaseInputError(field: "term", message: "\(InputText.quoted(text)) is zero; a term must be longer than zero")
        }
        let position = (t.lowercased().firstIndex { !($0.isASCII && ($0.isNumber || "ymd".contains($0))) })
            .map { t.distance(from: t.startIndex, to: $0) + 1 }
        throw CaseInputError(field: "term", message: "\(InputText.quoted(text)) is not a term"
            + (position.map { " (unexpected character at position \($0))" } ?? "")
            + "; use years, months and days in that order, e.g. 9y, 7y6m, 2y3m15d, or life")
    }

    public static func parseDate(_ text: String, field: String) throws(CaseInputError) -> CalendarDate {
        guard let d = CalendarDate(iso: text) else {
            throw CaseInputError(field: field, message: "\(InputText.quoted(text)) is not a calendar date; use YYYY-MM-DD "
                + "(the day must exist in that month)")
        }
        return d
    }
}

/// A field of a case that cannot be used, and why.
public struct CaseInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
    public var description: String { "--\(field): \(message)" }
}

/// "Did you mean …?" suggestions by edit distance.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    public static func nearest(to word: String, among candidates: [String]) -> String? {
        // A long word is no typo of a short name, and comparing it would cost its length times theirs.
        guard word.utf8.count <= 64 else { return nil }
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= closeEnough(word) && best.1 < best.0.count ? best.0 : nil
    }

    /// Up to `count` candidates nearest to `word`, nearest first: the plausible typos, or else the closest ones
    /// (a list to choose from rather than a guess).
    public static func nearest(to word: String, among candidates: [String], count: Int) -> [String] {
        guard word.utf8.count <= 200 else { return Array(candidates.prefix(count)) }
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        let close = scored.filter { $0.1 <= closeEnough(word) && $0.1 < $0.0.count }
        return (close.isEmpty ? scored : close).prefix(count).map(\.0)
    }

    /// The most edits a typo of `word` may hold: one in a word of up to three letters (two edits turn any
    /// two-letter code into any other, so `gb` is no typo of `ae`), else two or a third of its length.
    static func closeEnough(_ word: String) -> Int { word.count <= 3 ? 1 : max(2, word.count / 3) }

    /// Levenshtein distance over characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// The span of dates a case may cover. Dates are computed and printed up to 9999-12-31 (four-digit years, as the
/// date flags and ISO 8601's basic form take them); a rule may add at most a thousand years to the start (the
/// corpus limit on durations, schema/README.md), so a case starts by 8999-12-31 and a fixed term is at most
/// 999 years. These are limits of the calculator, not of any law.
public enum CaseLimits {
    public static let latestStart = CalendarDate(year: 8999, month: 12, day: 31)!
    public static let longestTermYears = 999
    /// The ages a case may state, in whole years.
    public static let ages = 0...130

    /// The checks of `check(term:termText:start:)`, for readers that hold no text of the term.
    static func check(term: SentenceTerm, start: CalendarDate) throws(CaseInputError) {
        try check(term: term, termText: { term.description }, start: start)
    }

    static func check(term: SentenceTerm, termText: String, start: CalendarDate) throws(CaseInputError) {
        try check(term: term, termText: { termText }, start: start)
    }

    /// `termText` is only worded when the term is refused: a population run checks a million terms.
    private static func check(term: SentenceTerm, termText: () -> String, start: CalendarDate) throws(CaseInputError) {
        if start > latestStart {
            throw CaseInputError(field: "start", message: "\(start) is after \(latestStart): dates are computed up to "
                + "9999-12-31, and a rule may count up to a thousand years from the start")
        }
        if case .fixed(let duration) = term,
           duration.end(from: start) > CalendarDuration(years: longestTermYears).end(from: start) {
            throw CaseInputError(field: "term", message: "\(InputText.quoted(termText())) is longer than \(longestTermYears) years, the "
                + "longest term the atlas computes with")
        }
    }
}
