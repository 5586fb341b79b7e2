import AtlasModel

/// The date by which a share of a term has actually been served, computed exactly.
///
/// Convention (README, "Date arithmetic"): the fraction applies to the term expressed as whole months and days
/// (years × 12 + months; days). Whole months of the result are laid on the calendar from the start date, month-end
/// clamped. A fraction of a month left over is turned into days in proportion to the length of the calendar month
/// in which it falls; those days plus the fraction of the term's own days are rounded **up**, because the law asks
/// for "not less than" (кемінде) the share. The date reached is the first day on which the share is complete.
///
/// The arithmetic is done in 128-bit intermediates, so it is exact and cannot overflow for any fraction of at most
/// the whole term (every fraction a loaded corpus holds: the reader refuses larger ones, and terms over 1000). A
/// fraction above the whole, or a negative part, is outside the convention; it still never stops the program: a
/// negative part counts as zero and a share past a billion years stops there.
public enum ServedTime {
    /// The date on which `fraction` of `term`, served from `start`, is complete.
    public static func date(servingFraction fraction: Rational, of term: CalendarDuration,
                            from start: CalendarDate) -> CalendarDate {
        let p = max(fraction.numerator, 0), q = fraction.denominator
        let months = share(p, of: max(term.totalMonths, 0), over: q, cap: monthCap)
        let anchor = start.adding(months: months.whole)
        let monthLength = anchor.days(until: anchor.adding(months: 1))
        // (remainder/q) of the month in which it falls, plus p/q of the term's days, rounded up as one sum.
        let ofMonth = share(months.remainder, of: monthLength, over: q, cap: dayCap)
        let ofDays = share(p, of: max(term.days, 0), over: q, cap: dayCap)
        let a = ofMonth.remainder, b = ofDays.remainder  // each in 0..<q, so a + b may not fit: compare instead
        let roundUp = a == 0 && b == 0 ? 0 : a > q - b ? 2 : 1
        return anchor.adding(days: ofMonth.whole + ofDays.whole + roundUp)
    }

    /// A billion years, in months and in days: far past any date, and far inside what `CalendarDate` can count.
    private static let monthCap = 12_000_000_000
    private static let dayCap = 366_000_000_000

    /// `⌊a·b / q⌋` and `a·b mod q` for `a, b ≥ 0` and `q > 0`, with the quotient capped at `cap`.
    private static func share(_ a: Int, of b: Int, over q: Int, cap: Int) -> (whole: Int, remainder: Int) {
        let product = a.multipliedFullWidth(by: b)
        let high = UInt(product.high)  // a, b ≥ 0: the high half is non-negative
        // The quotient fits in 64 bits only when the high half is below the divisor.
        guard high < UInt(q) else { return (cap, 0) }
        let (quotient, remainder) = UInt(q).dividingFullWidth((high, product.low))
        return quotient > UInt(cap) ? (cap, 0) : (Int(quotient), Int(remainder))
    }
}
