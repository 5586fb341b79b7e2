import AtlasModel
import Foundation

/// The calibration of a synthetic cohort (`parole cohort generate`), read from a JSON file
/// (`corpus/stats/synthetic-cohort-mix.json` in the bundled corpus).
///
/// These are statistics and plainly labelled assumptions, not law: they live in a data file so that every share
/// carries its source (a seed line such as `seed L5047`, or "assumption (not from the report)") and can be
/// recalibrated without touching the program. What the values *mean* in law (which categories and offence tags
/// exist, the age of majority behind `juvenile`) still comes from the corpus vocabulary, and `check(against:)`
/// refuses a mix that names anything the vocabulary does not know.
public struct SyntheticCohortMix: Sendable, Decodable {
    /// The `format` a mix file must declare, so that a file of another shape is refused by name.
    public static let formatName = "parole-atlas synthetic-cohort-mix 1"
    /// The words that mark a figure the report does not give.
    public static let assumptionSource = "assumption (not from the report)"
    /// Where the bundled corpus keeps the mix, relative to the corpus directory.
    public static let corpusRelativePath = "stats/synthetic-cohort-mix.json"

    /// One weighted value: a count where the report gives one, else a weight chosen as an assumption.
    public struct Entry: Sendable, Decodable {
        public var value: String
        public var weight: Double
        public var source: String
        public var note: String?

        public init(value: String, weight: Double, source: String, note: String? = nil) {
            self.value = value
            self.weight = weight
            self.source = source
            self.note = note
        }
    }

    /// A distribution over values, with where it comes from.
    public struct Distribution: Sendable, Decodable {
        public var title: String
        public var source: String
        public var note: String?
        public var entries: [Entry]
    }

    /// The offence tags of one crime category; an entry with the empty value stands for "no tag".
    public struct CategoryTags: Sendable, Decodable {
        public var category: String
        public var source: String
        public var note: String?
        public var entries: [Entry]
    }

    public struct OffenceTags: Sendable, Decodable {
        public var title: String
        public var source: String
        public var note: String?
        public var byCategory: [CategoryTags]
    }

    /// The terms of one crime category: a fixed term uniform over `fromMonths...toMonths` in steps of
    /// `stepMonths`, or life for `lifeShare` of the category.
    public struct TermRule: Sendable, Decodable {
        public var category: String
        public var fromMonths: Int
        public var toMonths: Int
        public var stepMonths: Int
        public var lifeShare: Double
        public var source: String
        public var note: String?

        /// The fixed terms the rule draws from, in months.
        public var months: [Int] { Array(stride(from: fromMonths, through: toMonths, by: max(1, stepMonths))) }
    }

    public struct Terms: Sendable, Decodable {
        public var title: String
        public var source: String
        public var note: String?
        public var byCategory: [TermRule]
    }

    /// How long each person has served on the census date.
    public struct ServedTime: Sendable, Decodable {
        /// A life prisoner has served up to this many years.
        public var lifeYears: Int
        public var source: String
        public var note: String?
    }

    /// A whole-number range, both ends included.
    public struct Span: Sendable, Decodable {
        public var from: Int
        public var to: Int
        public var source: String
        public var note: String?
    }

    public struct Figure: Sendable, Decodable {
        public var value: Double
        public var source: String
        public var note: String?
    }

    public struct DateFigure: Sendable, Decodable {
        public var value: String
        public var source: String
        public var note: String?
    }

    public var format: String
    public var about: String
    /// The report the `seed L…` sources refer to.
    public var seed: String
    /// Every synthetic person is serving a sentence on this day.
    public var censusDate: DateFigure
    public var categories: Distribution
    public var offenceTags: OffenceTags
    public var terms: Terms
    public var servedTime: ServedTime
    /// Days from the offence to the start of the term.
    public var offenceBeforeStart: Span
    public var sex: Distribution
    /// Share of people under the age of majority at the offence.
    public var juvenileShare: Figure
    public var juvenileAgeAtOffence: Span
    /// Bands written `18-24`, in whole years at the offence.
    public var adultAgeAtOffence: Distribution
    public var regions: Distribution

    /// Reads a mix file; a file that cannot be read is `unreadable`, one that is not a mix is `invalid`.
    public static func read(_ path: String) throws(SyntheticCohortError) -> SyntheticCohortMix {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
              let data = FileManager.default.contents(atPath: path)
        else {
            throw SyntheticCohortError(kind: .unreadable, place: path, message: "cannot read the cohort mix; pass "
                + "--mix FILE, or use a corpus that has \(corpusRelativePath)")
        }
        return try parse(data, place: path)
    }

    /// Parses a mix; `place` names it in errors.
    public static func parse(_ data: Data, place: String) throws(SyntheticCohortError) -> SyntheticCohortMix {
        let mix: SyntheticCohortMix
        do {
            mix = try JSONDecoder().decode(SyntheticCohortMix.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw SyntheticCohortError(kind: .invalid, place: place, message: "missing \""
                + (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".") + "\"")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw SyntheticCohortError(kind: .invalid, place: place, message: "\""
                + context.codingPath.map(\.stringValue).joined(separator: ".") + "\": " + context.debugDescription)
        } catch {
            throw SyntheticCohortError(kind: .invalid, place: place, message: "not a JSON cohort mix")
        }
        guard mix.format == formatName else {
            throw SyntheticCohortError(kind: .invalid, place: place, message: "format is \"\(mix.format)\", "
                + "expected \"\(formatName)\"")
        }
        return mix
    }

    /// Checks the mix against the corpus: every category and offence tag must be a vocabulary term, every age
    /// must fall on the right side of the age of majority, and every figure must be usable and cite a source.
    /// The first problem is thrown, naming the field.
    public func check(against vocabulary: Vocabulary, ageOfMajority: Int, place: String)
        throws(SyntheticCohortError)
    {
        func fail(_ field: String, _ message: String) -> SyntheticCohortError {
            SyntheticCohortError(kind: .invalid, place: place, message: "\"\(field)\": \(message)")
        }
        func checkSource(_ source: String, _ field: String) throws(SyntheticCohortError) {
            guard source.hasPrefix("seed L") || source == Self.assumptionSource else {
                throw fail(field, "source \"\(source)\" must be a seed line (seed L123) or \"\(Self.assumptionSource)\"")
            }
        }
        func checkDistribution(_ entries: [Entry], _ field: String, source: String) throws(SyntheticCohortError) {
            try checkSource(source, field)
            var seen: Set<String> = []
            for entry in entries {
                guard entry.weight.isFinite, entry.weight >= 0 else { throw fail(field, "weight of \"\(entry.value)\" is negative") }
                guard seen.insert(entry.value).inserted else { throw fail(field, "\"\(entry.value)\" is listed twice") }
                try checkSource(entry.source, field + "." + entry.value)
            }
            guard entries.reduce(0, { $0 + $1.weight }) > 0 else { throw fail(field, "the weights add up to zero") }
        }

        guard let census = CalendarDate(iso: censusDate.value), (1900...8999).contains(census.year) else {
            throw fail("censusDate", "\"\(censusDate.value)\" is not a date YYYY-MM-DD between 1900 and 8999")
        }
        try checkSource(censusDate.source, "censusDate")

        try checkDistribution(categories.entries, "categories", source: categories.source)
        for entry in categories.entries where !vocabulary.contains(entry.value, in: "category") {
            throw fail("categories", "\"\(entry.value)\" is not a category of the corpus ("
                + vocabulary.terms(of: "category").joined(separator: ", ") + ")")
        }
        let drawn = Set(categories.entries.filter { $0.weight > 0 }.map(\.value))

        try checkSource(offenceTags.source, "offenceTags")
        for tags in offenceTags.byCategory {
            let field = "offenceTags." + tags.category
            try checkDistribution(tags.entries, field, source: tags.source)
            for entry in tags.entries where !entry.value.isEmpty && !vocabulary.contains(entry.value, in: "offence-tag") {
                throw fail(field, "\"\(entry.value)\" is not an offence tag of the corpus")
            }
        }
        try checkSource(terms.source, "terms")
        for rule in terms.byCategory {
            let field = "terms." + rule.category
            try checkSource(rule.source, field)
            guard rule.fromMonths >= 1, rule.stepMonths >= 1, rule.fromMonths <= rule.toMonths,
                  rule.toMonths <= Self.longestTermMonths
            else {
                throw fail(field, "fixed terms must run from at least 1 month to at most \(Self.longestTermMonths / 12) "
                    + "years, in steps of at least 1 month")
            }
            guard (0...1).contains(rule.lifeShare) else { throw fail(field, "lifeShare must be between 0 and 1") }
        }
        for category in drawn.sorted() {
            guard terms.byCategory.contains(where: { $0.category == category }) else {
                throw fail("terms", "no term rule for the category \"\(category)\"")
            }
            guard offenceTags.byCategory.contains(where: { $0.category == category }) else {
                throw fail("offenceTags", "no offence tags for the category \"\(category)\" (an entry with the "
                    + "empty value stands for no tag)")
            }
        }
        try checkSource(servedTime.source, "servedTime")
        guard (1...100).contains(servedTime.lifeYears) else { throw fail("servedTime", "lifeYears must be 1 to 100") }
        try checkSource(offenceBeforeStart.source, "offenceBeforeStart")
        guard offenceBeforeStart.from >= 0, offenceBeforeStart.from <= offenceBeforeStart.to,
              offenceBeforeStart.to <= 36_500
        else {
            throw fail("offenceBeforeStart", "days must run from 0 up to at most 36500")
        }

        try checkDistribution(sex.entries, "sex", source: sex.source)
        for entry in sex.entries where Sex(rawValue: entry.value) == nil {
            throw fail("sex", "\"\(entry.value)\" is not " + Sex.allCases.map(\.rawValue).joined(separator: " or "))
        }

        try checkSource(juvenileShare.source, "juvenileShare")
        guard (0...1).contains(juvenileShare.value) else { throw fail("juvenileShare", "must be between 0 and 1") }
        try checkSource(juvenileAgeAtOffence.source, "juvenileAgeAtOffence")
        // The age of majority is the corpus's: a juvenile is under it at the offence, an adult at or over it.
        guard juvenileAgeAtOffence.from >= 0, juvenileAgeAtOffence.from <= juvenileAgeAtOffence.to,
              juvenileAgeAtOffence.to < ageOfMajority
        else {
            throw fail("juvenileAgeAtOffence", "ages must run from 0 to under the age of majority, \(ageOfMajority)")
        }
        try checkDistribution(adultAgeAtOffence.entries, "adultAgeAtOffence", source: adultAgeAtOffence.source)
        for entry in adultAgeAtOffence.entries {
            guard let band = Self.band(entry.value), band.lowerBound >= ageOfMajority, band.upperBound <= 120 else {
                throw fail("adultAgeAtOffence", "\"\(entry.value)\" is not a band FROM-TO of whole years from the age of "
                    + "majority, \(ageOfMajority), to 120")
            }
        }
        try checkDistribution(regions.entries, "regions", source: regions.source)
        for entry in regions.entries {
            // A region is written into a CSV cell unquoted.
            guard !entry.value.isEmpty, entry.value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ",")
                && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: ";") })
            else {
                throw fail("regions", "\"\(entry.value)\" must be a word of printable ASCII without commas, quotes or "
                    + "semicolons")
            }
        }
    }

    /// The longest fixed term a mix may draw: a limit of the generator (100 years), well inside the calculator's.
    static let longestTermMonths = 1200

    /// `18-24` as 18...24.
    static func band(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]), low <= high else { return nil }
        return low...high
    }
}

/// A cohort mix that cannot be used, and where.
public struct SyntheticCohortError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The mix file cannot be read.
        case unreadable
        /// The mix is not one the generator can use.
        case invalid
    }

    public var kind: Kind
    public var place: String
    public var message: String

    public init(kind: Kind, place: String, message: String) {
        self.kind = kind
        self.place = place
        self.message = message
    }

    public var description: String { "\(place): \(message)" }
}
