/// An exact non-negative fraction such as `2/3`, always kept in lowest terms. Law states shares of a term as
/// fractions; computing them in floating point would round a legal threshold.
public struct Rational: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    /// Creates `numerator/denominator` reduced to lowest terms; `denominator` must be positive.
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator > 0, "denominator must be positive")
        let g = Rational.gcd(abs(numerator), denominator)
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
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    /// `self × n`, as an exact rational.
    public func times(_ n: Int) -> Rational { Rational(numerator * n, denominator) }

    public static func + (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }

    /// The whole part, rounded down.
    public var floor: Int { numerator / denominator }
    /// The whole part, rounded up.
    public var ceiling: Int { (numerator + denominator - 1) / denominator }
    /// What is left after the whole part.
    public var fractionalPart: Rational { Rational(numerator % denominator, denominator) }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
