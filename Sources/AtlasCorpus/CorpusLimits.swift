import AtlasModel

/// The bounds every number in a corpus keeps, so that the engine's exact arithmetic stays far inside `Int` and no
/// date leaves the calendar (schema/README.md, "Limits"). Every real law fits with a wide margin: the largest
/// fraction term in the corpus is 20 (17/20), the longest duration 35 years, the largest conversion count 4.
///
/// The XSD states what its patterns can (digits per unit, terms up to 1000); the reader checks the rest on every
/// load, stamp or not, because the model must never hold a value the engine cannot compute with.
enum CorpusLimits {
    /// Largest numerator or denominator of a written fraction.
    static let fractionTerm = 1000
    /// Longest duration, in years: laid on the calendar from 1 January 2000, a duration must end by 1 January 3000.
    static let durationYears = 1000
    /// `days-of-custody` and `amount` of a conversion.
    static let conversionCount = 1...1000
    /// Ages in `<age>` and `<victim-age>`.
    static let age = 0...150
    /// The age of majority (`<age-of-majority years>`): at least 1, so that a minor has an age.
    static let majorityAge = 1...150

    private static let origin = CalendarDate(year: 2000, month: 1, day: 1)
    private static let horizon = CalendarDate(year: 2000 + durationYears, month: 1, day: 1)

    /// Whether `duration` is at most `durationYears` long.
    static func fits(_ duration: CalendarDuration) -> Bool {
        // Each part first, so that laying the whole on the calendar cannot itself overflow.
        guard let origin, let horizon, (0...durationYears).contains(duration.years),
              (0...durationYears * 12).contains(duration.months), (0...durationYears * 366).contains(duration.days)
        else { return false }
        return duration.end(from: origin) <= horizon
    }
}
