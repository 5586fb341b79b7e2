import AtlasModel
import Foundation

/// A synthetic population of sentenced people, for trying `parole cohort` and `parole roster` on a realistic mix
/// without anyone's real data: `parole cohort generate --size N --seed S`.
///
/// Each person is drawn from a `SyntheticCohortMix` (crime category, offence tag, term, time served, offence date,
/// sex, age at the offence, region) with a random stream of their own, seeded from the cohort's seed and their row
/// number: the same size and seed give the same bytes on every machine and every run, any row can be drawn without
/// the rows before it, and nothing is ever read from the system's randomness or clock. Every row is labelled
/// synthetic in its id (`synthetic-000001`), and `assumptions(…)` writes the sidecar that lists every share with its
/// source.
///
/// The CSV is the population format of docs/cohort-csv.md: the header names case fields, an empty cell is a fact the
/// file does not give, tags are separated by `;`. `writeCSV` streams it in chunks of bytes, so memory stays flat in
/// the number of rows.
public struct SyntheticCohort: Sendable {
    /// What every id starts with, so that no row can be taken for a real person's.
    public static let idPrefix = "synthetic-"

    /// The header, in the order of the cells: the id, the case fields' own keys (read from the catalogue, so that a
    /// renamed key renames the column), and the region, which is not a case field (`parole cohort` ignores it).
    public static let columns: [String] = ["id"]
        + ["term", "category", "start", "offence-date", "offence", "sex", "birth-date", "juvenile"].map { name in
            guard let fact = CaseFactCatalogue.named(name) else { preconditionFailure("\(name) is not a case fact") }
            return fact.jsonKey
        }
        + ["region"]

    public let mix: SyntheticCohortMix
    public let seed: UInt64
    public let size: Int
    /// The home law's age of majority (corpus/vocabulary.xml): `juvenile` is true under it at the offence.
    public let ageOfMajority: Int
    let plan: Plan

    /// Prepares a cohort of `size` people; the mix is checked against the corpus vocabulary first.
    /// - Parameter place: names the mix in errors (its file).
    public init(mix: SyntheticCohortMix, seed: UInt64, size: Int, vocabulary: Vocabulary, ageOfMajority: Int,
                place: String) throws(SyntheticCohortError)
    {
        guard size >= 0 else {
            throw SyntheticCohortError(kind: .invalid, place: "--size", message: "\(size) is negative")
        }
        try mix.check(against: vocabulary, ageOfMajority: ageOfMajority, place: place)
        self.mix = mix
        self.seed = seed
        self.size = size
        self.ageOfMajority = ageOfMajority
        plan = Plan(mix)
    }

    /// The id of row `index` (0-based): `synthetic-` and the row number from 1, zero-padded to the same width on
    /// every row so that ids sort as rows do.
    public func id(at index: Int) -> String {
        let number = String(index + 1)
        return Self.idPrefix + String(repeating: "0", count: max(0, idWidth - number.count)) + number
    }

    /// Digits of the row number in an id: at least six, more for a cohort of a million or more.
    var idWidth: Int { max(6, String(size).count) }

    /// The person of row `index` (0-based), as typed values.
    public func person(at index: Int) -> SyntheticPerson {
        let draw = plan.draw(seed: seed, index: index)
        let category = plan.categories[draw.category]
        return SyntheticPerson(
            id: id(at: index),
            term: draw.termMonths == 0
                ? .life : .fixed(CalendarDuration(years: draw.termMonths / 12, months: draw.termMonths % 12)),
            category: category.name,
            start: draw.start,
            offenceDate: draw.offence,
            offences: category.tags[draw.tag].isEmpty ? [] : [category.tags[draw.tag]],
            sex: plan.sexes[draw.sex],
            birthDate: draw.birth,
            juvenile: draw.ageAtOffence < ageOfMajority,
            region: plan.regions[draw.region])
    }

    /// Writes the header and every row as CSV bytes (UTF-8, LF line ends), handing `sink` chunks of about
    /// `chunkBytes` bytes; nothing else is kept, so memory does not grow with the size.
    public func writeCSV<Failure: Error>(chunkBytes: Int = 1 << 18,
                                         to sink: (UnsafeRawBufferPointer) throws(Failure) -> Void) throws(Failure)
    {
        let texts = RowTexts(plan: plan)
        let header = Array((Self.columns.joined(separator: ",") + "\n").utf8)
        let prefix = Array(Self.idPrefix.utf8)
        let width = idWidth
        // A row is begun only while the buffer holds less than a chunk, so a chunk plus the longest line fits.
        let chunk = max(chunkBytes, 1)
        let capacity = chunk + max(header.count, texts.longestRow + prefix.count + width)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        let pool = UnsafeMutablePointer<UInt8>.allocate(capacity: max(texts.pool.count, 1))
        defer { pool.deallocate() }
        pool.initialize(from: texts.pool, count: texts.pool.count)

        var row = RowWriter(base: buffer, pool: pool)
        row.put(header)
        for index in 0..<size {
            if row.count >= chunk {
                try sink(UnsafeRawBufferPointer(start: buffer, count: row.count))
                row.count = 0
            }
            let draw = plan.draw(seed: seed, index: index)
            let category = draw.category
            row.put(prefix)
            row.putPadded(index + 1, width: width)
            row.put(comma)
            row.put(draw.termMonths == 0 ? texts.life : texts.terms[draw.termMonths])
            row.put(comma)
            row.put(texts.categories[category])
            row.put(comma)
            row.putDate(draw.start)
            row.put(comma)
            row.putDate(draw.offence)
            row.put(comma)
            row.put(texts.tags[category][draw.tag])
            row.put(comma)
            row.put(texts.sexes[draw.sex])
            row.put(comma)
            row.putDate(draw.birth)
            row.put(comma)
            row.put(draw.ageAtOffence < ageOfMajority ? texts.yes : texts.no)
            row.put(comma)
            row.put(texts.regions[draw.region])
            row.put(newline)
            assert(row.count <= capacity, "a row overran the buffer: RowTexts.longestRow is not an upper bound")
        }
        if row.count > 0 { try sink(UnsafeRawBufferPointer(start: buffer, count: row.count)) }
    }

    /// The whole CSV as bytes: for tests and small cohorts (a large one should stream through `writeCSV`).
    public func csv() -> [UInt8] {
        var bytes: [UInt8] = []
        writeCSV { chunk in bytes.append(contentsOf: chunk) }
        return bytes
    }

    private let comma = UInt8(ascii: ",")
    private let newline = UInt8(ascii: "\n")
}

/// One synthetic person, as typed values (the CSV writes the same values).
public struct SyntheticPerson: Sendable, Equatable {
    public var id: String
    public var term: SentenceTerm
    /// A term of the vocabulary's `category` set.
    public var category: String
    public var start: CalendarDate
    public var offenceDate: CalendarDate
    /// Terms of the vocabulary's `offence-tag` set (at most one is drawn).
    public var offences: [String]
    public var sex: Sex
    public var birthDate: CalendarDate
    /// Under the home law's age of majority at the offence.
    public var juvenile: Bool
    public var region: String
}

/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast generator whose output is fixed by its seed on every
/// platform and Swift version, which the standard library's generators and `random(in:)` do not promise.
public struct SplitMix64: Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.scramble(state)
    }

    /// The generator's output function: a bijection that spreads every input bit over the output.
    public static func scramble(_ value: UInt64) -> UInt64 {
        var mixed = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// The stream of row `index` of a cohort seeded with `seed`. Scrambled twice, so that the streams of
    /// neighbouring rows do not run into each other as consecutive states of one stream would.
    public static func stream(seed: UInt64, index: Int) -> SplitMix64 {
        SplitMix64(seed: scramble(seed ^ scramble(UInt64(truncatingIfNeeded: index) &+ 0x632B_E59B_D9B4_E019)))
    }

    /// A number in [0, 1) with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A whole number in 0..<count (count > 0), by multiplying instead of dividing; the bias is below 2⁻⁴⁰ for any
    /// count a mix uses.
    public mutating func below(_ count: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(count)).high)
    }
}

/// A choice among weighted values: the cumulative shares, searched with one uniform number.
struct WeightedChoice: Sendable {
    let cumulative: [Double]

    init(_ weights: [Double]) {
        let total = weights.reduce(0, +)
        var running = 0.0
        cumulative = weights.map { weight in
            running += weight
            return running / total
        }
    }

    /// The index whose share `unit` (in [0, 1)) falls in; an entry of weight zero is never chosen.
    func pick(_ unit: Double) -> Int {
        for (index, bound) in cumulative.enumerated() where unit < bound { return index }
        return cumulative.count - 1
    }

    /// The share of each value, from the cumulative bounds.
    var shares: [Double] { cumulative.enumerated().map { $1 - ($0 == 0 ? 0 : cumulative[$0 - 1]) } }
}

/// The mix turned into tables the draw reads without looking anything up by name.
struct Plan: Sendable {
    struct Category: Sendable {
        var name: String
        /// The fixed terms, in months.
        var months: [Int]
        /// For each fixed term, the day number before which a start would have ended the term by the census date.
        var earliestStartBefore: [Int]
        var lifeShare: Double
        /// Offence tags; the empty tag is "no tag".
        var tags: [String]
        var tagChoice: WeightedChoice
    }

    var census: CalendarDate
    var censusDay: Int
    var categories: [Category]
    var categoryChoice: WeightedChoice
    /// A life prisoner started after this day (census date minus the longest time served on life).
    var lifeStartBefore: Int
    var offenceGap: ClosedRange<Int>
    var sexes: [Sex]
    var sexChoice: WeightedChoice
    var juvenileShare: Double
    var juvenileAges: ClosedRange<Int>
    var adultBands: [ClosedRange<Int>]
    var bandChoice: WeightedChoice
    var regions: [String]
    var regionChoice: WeightedChoice

    /// Builds the tables of a mix that passed `check`.
    init(_ mix: SyntheticCohortMix) {
        let census = CalendarDate(iso: mix.censusDate.value)!
        self.census = census
        censusDay = census.dayNumber
        categories = mix.categories.entries.map { entry in
            let rule = mix.terms.byCategory.first { $0.category == entry.value }
            let tags = mix.offenceTags.byCategory.first { $0.category == entry.value }?.entries ?? []
            let months = rule?.months ?? [12]
            return Category(
                name: entry.value, months: months,
                earliestStartBefore: months.map { census.adding(months: -$0).dayNumber },
                lifeShare: rule?.lifeShare ?? 0,
                tags: tags.isEmpty ? [""] : tags.map(\.value),
                tagChoice: WeightedChoice(tags.isEmpty ? [1] : tags.map(\.weight)))
        }
        categoryChoice = WeightedChoice(mix.categories.entries.map(\.weight))
        lifeStartBefore = census.adding(months: -12 * mix.servedTime.lifeYears).dayNumber
        offenceGap = mix.offenceBeforeStart.from...mix.offenceBeforeStart.to
        sexes = mix.sex.entries.map { Sex(rawValue: $0.value)! }
        sexChoice = WeightedChoice(mix.sex.entries.map(\.weight))
        juvenileShare = mix.juvenileShare.value
        juvenileAges = mix.juvenileAgeAtOffence.from...mix.juvenileAgeAtOffence.to
        adultBands = mix.adultAgeAtOffence.entries.map { SyntheticCohortMix.band($0.value)! }
        bandChoice = WeightedChoice(mix.adultAgeAtOffence.entries.map(\.weight))
        regions = mix.regions.entries.map(\.value)
        regionChoice = WeightedChoice(mix.regions.entries.map(\.weight))
    }

    /// One person's draw, as indices into the tables and dates.
    struct Draw {
        var category: Int
        /// 0 for life.
        var termMonths: Int
        var start: CalendarDate
        var offence: CalendarDate
        var tag: Int
        var sex: Int
        var birth: CalendarDate
        var ageAtOffence: Int
        var region: Int
    }

    /// Draws row `index`. The order of the draws is part of the output's definition: changing it changes every
    /// cohort, so it changes only with the mix's format.
    func draw(seed: UInt64, index: Int) -> Draw {
        var random = SplitMix64.stream(seed: seed, index: index)
        let category = categoryChoice.pick(random.unit())

        // Served time uniform over the term: the start falls after (census − term) and on or before the census, so
        // the person is still serving on the census date.
        var termMonths = 0
        var startDay: Int
        if random.unit() < categories[category].lifeShare {
            startDay = lifeStartBefore + 1 + random.below(censusDay - lifeStartBefore)
        } else {
            let choice = random.below(categories[category].months.count)
            termMonths = categories[category].months[choice]
            let before = categories[category].earliestStartBefore[choice]
            startDay = before + 1 + random.below(censusDay - before)
        }
        var start = CalendarDate(dayNumber: startDay)
        // A start on the 29th to 31st can end early where the end month is shorter, and with a census date after
        // the 1st that end can fall on or before the census date; such a person would have left, so they start on
        // the census date instead. (With a census on the 1st, every start after census − term ends after it.)
        if termMonths > 0, census.day != 1, start.adding(months: termMonths) <= census {
            start = census
            startDay = censusDay
        }
        let offence = CalendarDate(dayNumber: startDay - (offenceGap.lowerBound + random.below(offenceGap.count)))
        let tag = categories[category].tagChoice.pick(random.unit())
        let sex = sexChoice.pick(random.unit())

        let age: Int
        if random.unit() < juvenileShare {
            age = juvenileAges.lowerBound + random.below(juvenileAges.count)
        } else {
            let band = adultBands[bandChoice.pick(random.unit())]
            age = band.lowerBound + random.below(band.count)
        }
        // Born in the year of life that makes the person exactly `age` whole years old at the offence: after the
        // day `age + 1` years before it, on or before the day `age` years before it (29 February clamped).
        let latestBirth = Self.sameDay(as: offence, yearsBefore: age).dayNumber
        let dayBeforeEarliest = Self.sameDay(as: offence, yearsBefore: age + 1).dayNumber
        let birth = CalendarDate(dayNumber: dayBeforeEarliest + 1 + random.below(latestBirth - dayBeforeEarliest))

        let region = regionChoice.pick(random.unit())
        return Draw(category: category, termMonths: termMonths, start: start, offence: offence, tag: tag,
                    sex: sex, birth: birth, ageAtOffence: age, region: region)
    }

    /// `date` moved back whole years, the day clamped to the month (as `adding(months:)` does), without the
    /// month arithmetic: the draw computes two per person.
    @inline(__always) static func sameDay(as date: CalendarDate, yearsBefore years: Int) -> CalendarDate {
        let year = date.year - years
        return CalendarDate(year: year, month: date.month,
                            day: min(date.day, CalendarDate.daysIn(month: date.month, year: year)))!
    }
}

/// A piece of `RowTexts.pool`.
struct TextSlice {
    var offset: Int
    var count: Int
}

/// Every text a row can hold, encoded once into one pool of bytes, so that a row is copied, not formatted.
struct RowTexts {
    var pool: [UInt8] = []
    var categories: [TextSlice] = []
    /// By category, then tag index.
    var tags: [[TextSlice]] = []
    /// By months (index 0 unused: life is `life`).
    var terms: [TextSlice] = []
    var life = TextSlice(offset: 0, count: 0)
    var sexes: [TextSlice] = []
    var regions: [TextSlice] = []
    var yes = TextSlice(offset: 0, count: 0)
    var no = TextSlice(offset: 0, count: 0)
    /// An upper bound on a row's bytes without its id.
    var longestRow = 0

    init(plan: Plan) {
        func add(_ text: String) -> TextSlice {
            let slice = TextSlice(offset: pool.count, count: text.utf8.count)
            pool.append(contentsOf: text.utf8)
            return slice
        }
        categories = plan.categories.map { add($0.name) }
        tags = plan.categories.map { $0.tags.map(add) }
        let longest = plan.categories.flatMap(\.months).max() ?? 0
        terms = (0...longest).map { months in
            months == 0 ? add("") : add(CalendarDuration(years: months / 12, months: months % 12).compact)
        }
        life = add(SentenceTerm.life.description)
        sexes = plan.sexes.map { add($0.rawValue) }
        regions = plan.regions.map(add)
        yes = add("true")
        no = add("false")
        let widest = { (slices: [TextSlice]) in slices.map(\.count).max() ?? 0 }
        // Three dates of ten bytes, ten separators, and the widest value of every other cell.
        longestRow = 3 * 10 + 10 + max(widest(terms), life.count) + widest(categories) + widest(tags.flatMap { $0 })
            + widest(sexes) + max(yes.count, no.count) + widest(regions)
    }
}

/// Appends a row's bytes to a buffer with room for it (the caller flushes between rows).
struct RowWriter {
    let base: UnsafeMutablePointer<UInt8>
    let pool: UnsafeMutablePointer<UInt8>
    var count = 0

    @inline(__always) mutating func put(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    @inline(__always) mutating func put(_ slice: TextSlice) {
        (base + count).update(from: pool + slice.offset, count: slice.count)
        count += slice.count
    }

    mutating func put(_ bytes: [UInt8]) {
        for byte in bytes { put(byte) }
    }

    /// `value` in decimal, zero-padded on the left to `width` digits.
    @inline(__always) mutating func putPadded(_ value: Int, width: Int) {
        var rest = value
        var position = count + width - 1
        while position >= count {
            base[position] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
            rest /= 10
            position -= 1
        }
        count += width
    }

    /// `date` as `YYYY-MM-DD`.
    @inline(__always) mutating func putDate(_ date: CalendarDate) {
        putPadded(date.year, width: 4)
        put(UInt8(ascii: "-"))
        putPadded(date.month, width: 2)
        put(UInt8(ascii: "-"))
        putPadded(date.day, width: 2)
    }
}

// MARK: - The sidecar

extension SyntheticCohort {
    /// The sidecar (`FILE.assumptions.md`): every share and assumption of the cohort with its number and source,
    /// in Markdown. Deterministic like the CSV.
    /// - Parameters:
    ///   - csvName: the data file it describes (or "standard output").
    ///   - mixPath: the mix file the figures come from.
    ///   - ageOfMajoritySource: where the corpus takes the age of majority from (its citations).
    public func assumptions(csvName: String, mixPath: String, ageOfMajoritySource: String) -> String {
        var text = """
            # Synthetic cohort: assumptions

            **SYNTHETIC DATA: no row is a real person.** `\(csvName)` holds \(size) invented people (ids \
            `\(id(at: 0))` to `\(id(at: max(size - 1, 0)))`), drawn at random from the mix below. The mix is \
            calibrated on the figures of the report where it gives them and on plain assumptions where it does \
            not; the file describes a model, not the prison population.

            - Rows: \(size); seed: \(seed). The same size and seed give a byte-identical file (SplitMix64, one \
            stream per row; `parole cohort generate --size \(size) --seed \(seed)`).
            - Calibration: `\(mixPath)`.
            - Report: \(mix.seed). "\(SyntheticCohortMix.assumptionSource)" marks every figure the report does not give.
            - Columns: \(Self.columns.joined(separator: ", ")) (docs/cohort-csv.md). `region` is not a case field: \
            `parole cohort` ignores it.
            - Census date: \(mix.censusDate.value). \(Self.sourced(mix.censusDate.source, mix.censusDate.note))

            """
        let categoryShares = plan.categoryChoice.shares

        text += Self.section(mix.categories.title, mix.categories.source, mix.categories.note)
        text += Self.table(mix.categories.entries, shares: categoryShares)

        text += Self.section(mix.offenceTags.title, mix.offenceTags.source, mix.offenceTags.note)
        var overall: [String: Double] = [:]
        for (categoryIndex, category) in plan.categories.enumerated() {
            guard let tags = mix.offenceTags.byCategory.first(where: { $0.category == category.name }) else { continue }
            text += "\n### \(category.name) (\(Self.percent(categoryShares[categoryIndex])) of everyone)\n\n"
            text += Self.sourced(tags.source, tags.note) + "\n"
            text += Self.table(tags.entries, shares: category.tagChoice.shares, emptyValue: "(no tag)")
            for (tag, share) in zip(category.tags, category.tagChoice.shares) where !tag.isEmpty {
                overall[tag, default: 0] += share * categoryShares[categoryIndex]
            }
        }
        text += "\nShare of everyone with each tag: "
            + (overall.isEmpty ? "none" : overall.sorted { $0.key < $1.key }
                .map { "\($0.key) \(Self.percent($0.value))" }.joined(separator: "; ")) + ".\n"

        text += Self.section(mix.terms.title, mix.terms.source, mix.terms.note)
        text += "\n| Category | Fixed terms (uniform) | Life | Source | Note |\n|---|---|---|---|---|\n"
        var lifeOverall = 0.0
        for (categoryIndex, category) in plan.categories.enumerated() {
            guard let rule = mix.terms.byCategory.first(where: { $0.category == category.name }) else { continue }
            lifeOverall += rule.lifeShare * categoryShares[categoryIndex]
            let step = CalendarDuration(years: rule.stepMonths / 12, months: rule.stepMonths % 12).compact
            text += "| \(rule.category) | \(Self.term(rule.fromMonths)) to \(Self.term(rule.toMonths)) in steps of "
                + "\(step) | \(Self.percent(rule.lifeShare)) | \(rule.source) | \(Self.cell(rule.note)) |\n"
        }
        text += "\nLife, share of everyone: \(Self.percent(lifeOverall)).\n"

        text += Self.section("Time served and start of the term", mix.servedTime.source, mix.servedTime.note)
        text += "\nLife prisoners have served up to \(mix.servedTime.lifeYears) years. Start dates therefore run from "
            + "the census date back over the longest term; short terms start recently.\n"
        text += Self.section("Offence date", mix.offenceBeforeStart.source, mix.offenceBeforeStart.note)
        text += "\n\(mix.offenceBeforeStart.from) to \(mix.offenceBeforeStart.to) days before the start.\n"

        text += Self.section(mix.sex.title, mix.sex.source, mix.sex.note)
        text += Self.table(mix.sex.entries, shares: plan.sexChoice.shares)

        text += Self.section("Juveniles", mix.juvenileShare.source, mix.juvenileShare.note)
        text += "\nShare: \(Self.percent(mix.juvenileShare.value)); age at the offence \(mix.juvenileAgeAtOffence.from) "
            + "to \(mix.juvenileAgeAtOffence.to) (\(Self.sourced(mix.juvenileAgeAtOffence.source, mix.juvenileAgeAtOffence.note))) "
            + "The `juvenile` column is true exactly when the age at the offence is under the age of majority, "
            + "\(ageOfMajority) (\(ageOfMajoritySource)), as the case fact defines it; every other row says false.\n"
        text += Self.section(mix.adultAgeAtOffence.title, mix.adultAgeAtOffence.source, mix.adultAgeAtOffence.note)
        text += "\nOf the adults (\(Self.percent(1 - mix.juvenileShare.value)) of everyone):\n"
        text += Self.table(mix.adultAgeAtOffence.entries, shares: plan.bandChoice.shares)

        text += Self.section("Birth date", Self.derived, "Drawn uniformly within the year of life that gives the "
            + "drawn age at the offence; the age on any later date follows from it")

        text += Self.section(mix.regions.title, mix.regions.source, mix.regions.note)
        text += Self.table(mix.regions.entries, shares: plan.regionChoice.shares)

        text += Self.section("Independence", SyntheticCohortMix.assumptionSource, "The report gives no cross-tabulation, "
            + "so category, sex, age at the offence and region are drawn independently of each other; the offence "
            + "tag and the term depend on the category only")
        text += Self.section("Facts the file does not give", "docs/cohort-csv.md (an empty cell is a fact the file "
            + "does not give)", "Every other column of the population "
            + "format (recidivist, violations of the regime, damage, cooperation, children, disability, "
            + "punishment…) is absent: the report gives no figure for them, so they are never guessed, and "
            + "`parole cohort` counts the people whose outcome depends on them")
        return text
    }

    /// The words for a figure computed from others.
    static let derived = "derived from the figures above"

    static func section(_ title: String, _ source: String, _ note: String?) -> String {
        "\n## \(title)\n\n" + sourced(source, note) + "\n"
    }

    /// "Source: …. Note." as one sentence or two, each ended by one full stop.
    static func sourced(_ source: String, _ note: String?) -> String {
        func sentence(_ text: String) -> String { text.hasSuffix(".") ? text : text + "." }
        return "Source: " + sentence(source) + (note.map { " " + sentence($0) } ?? "")
    }

    static func table(_ entries: [SyntheticCohortMix.Entry], shares: [Double], emptyValue: String = "") -> String {
        var text = "\n| Value | Share | Weight | Source | Note |\n|---|---|---|---|---|\n"
        for (entry, share) in zip(entries, shares) {
            let weight = entry.weight == entry.weight.rounded() ? String(Int(entry.weight)) : String(entry.weight)
            text += "| \(entry.value.isEmpty ? emptyValue : entry.value) | \(percent(share)) | \(weight) | "
                + "\(entry.source) | \(cell(entry.note)) |\n"
        }
        return text
    }

    static func percent(_ share: Double) -> String { String(format: "%.2f%%", share * 100) }

    static func term(_ months: Int) -> String { CalendarDuration(years: months / 12, months: months % 12).compact }

    /// A note as a table cell: a bar would end the cell.
    static func cell(_ note: String?) -> String { (note ?? "").replacingOccurrences(of: "|", with: "\\|") }
}
