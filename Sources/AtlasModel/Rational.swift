/// An exact non-negative fraction such as `2/3`, always kept in lowest terms. Law states shares of a term as
/// fractions; computing them in floating point would round a legal threshold.
///
/// Comparison, `floor`, `ceiling` and `fractionalPart` never overflow, whatever the numbers. A product or sum can
/// leave `Int`: `multiplied(by:)` and `adding(_:)` then return `nil`; `times(_:)` and `+` are for values known to be
/// small (the corpus reader keeps every fraction's terms at most 1000, see schema/README.md, "Limits").
public struct Rational: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    /// Creates `numerator/denominator` reduced to lowest terms; `denominator` must be positive.
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator > 0, "denominator must be positive")
        // On magnitudes: abs(Int.min) would trap. The divisor of a positive denominator fits in Int.
        let g = Int(Rational.gcd(numerator.magnitude, denominator.magnitude))
        self.numerator = numerator / max(g, 1)
        self.denominator = denominator / max(g, 1)
    }

    /// Parses `"2/3"` or `"1"`; returns `nil` for anything else, a zero denominator or a negative value.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let n = Int(parts[0]), n >= 0 else { return nil }
        let d = parts.count == 2 ? Int(parts[1]) : 1
        guard let d, d > 0 else { return nil }
        self.init(n, d)
    }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    public static func < (a: Rational, b: Rational) -> Bool {
        // Cross products in 128 bits: exact for any two fractions, where 64 bits overflow past about 3 billion.
        let left = a.numerator.multipliedFullWidth(by: b.denominator)
        let right = b.numerator.multipliedFullWidth(by: a.denominator)
        return left.high != right.high ? left.high < right.high : left.low < right.low
    }

    /// `self × n`, or `nil` when the result does not fit in `Int`.
    public func multiplied(by n: Int) -> Rational? {
        // Cancel first, so that only a product that is itself too large fails.
        let g = Int(Rational.gcd(n.magnitude, denominator.magnitude))
        let (product, overflow) = numerator.multipliedReportingOverflow(by: n / g)
        return overflow ? nil : Rational(product, denominator / g)
    }

    /// `self + other`, or `nil` when the result does not fit in `Int`.
    public func adding(_ other: Rational) -> Rational? {
        let g = Int(Rational.gcd(denominator.magnitude, other.denominator.magnitude))
        let (left, o1) = numerator.multipliedReportingOverflow(by: other.denominator / g)
        let (right, o2) = other.numerator.multipliedReportingOverflow(by: denominator / g)
        let (sum, o3) = left.addingReportingOverflow(right)
        let (common, o4) = denominator.multipliedReportingOverflow(by: other.denominator / g)
        return o1 || o2 || o3 || o4 ? nil : Rational(sum, common)
    }

    /// `self × n`, for values known to be small: it stops the program if the result does not fit in `Int`.
    public func times(_ n: Int) -> Rational {
        guard let result = multiplied(by: n) else { preconditionFailure("\(self) × \(n) does not fit in Int") }
        return result
    }

    /// The sum, for values known to be small: it stops the program if the result does not fit in `Int`.
    public static func + (a: Rational, b: Rational) -> Rational {
        guard let result = a.adding(b) else { preconditionFailure("\(a) + \(b) does not fit in Int") }
        return result
    }

    /// The whole part (toward zero: rounded down for the non-negative fractions of law).
    public var floor: Int { numerator / denominator }
    /// The whole part, rounded up.
    public var ceiling: Int { numerator / denominator + (numerator % denominator > 0 ? 1 : 0) }
    /// What is left after the whole part.
    public var fractionalPart: Rational { Rational(numerator % denominator, denominator) }

    static func gcd(_ a: UInt, _ b: UInt) -> UInt { b == 0 ? a : gcd(b, a % b) }
}
