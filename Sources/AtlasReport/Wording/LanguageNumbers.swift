import Foundation
import AtlasModel

/// Numbers, durations and amounts as each language writes them: "4 years 6 months", "4 года 6 месяцев",
/// "4 жыл 6 ай"; a decimal point in English, a decimal comma in Russian and Kazakh. Dates stay ISO 8601
/// (2026-07-10) in every language: they are what a reader copies into a calendar or a court file.
public struct LanguageNumbers: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// A duration without its zero parts ("0 days" in the language when every part is zero).
    public func duration(_ d: CalendarDuration) -> String {
        let parts = [(d.years, Unit.year), (d.months, .month), (d.days, .day)].filter { $0.0 != 0 }
        guard !parts.isEmpty else { return count(0, .day) }
        return parts.map { count($0.0, $0.1) }.joined(separator: " ")
    }

    /// A duration with every part, zero ones included ("4 years 6 months 0 days"): the form tables align on.
    public func fullDuration(_ d: CalendarDuration) -> String {
        [count(d.years, .year), count(d.months, .month), count(d.days, .day)].joined(separator: " ")
    }

    public enum Unit: Sendable { case year, month, day }

    /// `n` and the unit in the form the number takes: 1 year / 2 years; 1 год / 2 года / 5 лет; 5 жыл.
    public func count(_ n: Int, _ unit: Unit) -> String {
        "\(n) " + word(for: unit, n)
    }

    private func word(for unit: Unit, _ n: Int) -> String {
        switch language {
        case .en:
            let one = n == 1 || n == -1
            switch unit {
            case .year: return one ? "year" : "years"
            case .month: return one ? "month" : "months"
            case .day: return one ? "day" : "days"
            }
        case .ru:
            let form = Self.russianForm(n)
            switch unit {
            case .year: return ["год", "года", "лет"][form]
            case .month: return ["месяц", "месяца", "месяцев"][form]
            case .day: return ["день", "дня", "дней"][form]
            }
        case .kk:
            // Kazakh does not inflect a noun after a numeral.
            switch unit {
            case .year: return "жыл"
            case .month: return "ай"
            case .day: return "күн"
            }
        }
    }

    /// Russian agreement with a numeral: 0 for 1, 21, 101…; 1 for 2-4, 22-24…; 2 for 0, 5-20, 25-30…
    static func russianForm(_ n: Int) -> Int {
        let abs = n.magnitude
        if (11...14).contains(abs % 100) { return 2 }
        switch abs % 10 {
        case 1: return 0
        case 2, 3, 4: return 1
        default: return 2
        }
    }

    /// A rational amount as a decimal of at most two places ("547.75", "547,75"); exact whole numbers without
    /// decimals.
    public func amount(_ value: Rational) -> String {
        // Amounts are remainders in days times a corpus rate (each at most 1000): far from overflow, but a model
        // built by hand may hold anything, and then the exact fraction is printed instead.
        let (scaled, overflow) = value.numerator.multipliedReportingOverflow(by: 100)
        guard !overflow, scaled <= Int.max - value.denominator else { return value.description }
        let hundredths = (scaled + value.denominator / 2) / value.denominator
        let whole = hundredths / 100, cents = hundredths % 100
        guard cents != 0 else { return "\(whole)" }
        let separator = language == .en ? "." : ","
        let fraction = cents % 10 == 0 ? "\(cents / 10)" : (cents < 10 ? "0\(cents)" : "\(cents)")
        return "\(whole)\(separator)\(fraction)"
    }

    /// A decimal number with at most `digits` places, with the language's decimal sign ("12.5", "12,5").
    public func decimal(_ value: Double, digits: Int) -> String {
        let scale = pow(10.0, Double(digits))
        let rounded = (value * scale).rounded() / scale
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return language == .en ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// A share as a percentage ("35%", "35 %" is not used: the three languages write it alike).
    public func percent(_ share: Double) -> String { decimal(share * 100, digits: 1) + "%" }

    /// A fraction of the term ("1/3"): written the same in the three languages.
    public func fraction(_ value: Rational) -> String { value.description }
}
