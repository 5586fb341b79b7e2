import AtlasModel

/// The date by which a share of a term has actually been served, computed exactly.
///
/// Convention (README, "Date arithmetic"): the fraction applies to the term expressed as whole months and days
/// (years × 12 + months; days). Whole months of the result are laid on the calendar from the start date, month-end
/// clamped. A fraction of a month left over is turned into days in proportion to the length of the calendar month
/// in which it falls; those days plus the fraction of the term's own days are rounded **up**, because the law asks
/// for "not less than" (кемінде) the share. The date reached is the first day on which the share is complete.
public enum ServedTime {
    /// The date on which `fraction` of `term`, served from `start`, is complete.
    public static func date(servingFraction fraction: Rational, of term: CalendarDuration,
                            from start: CalendarDate) -> CalendarDate {
        let monthsShare = fraction.times(term.totalMonths)
        let anchor = start.adding(months: monthsShare.floor)
        let monthLength = anchor.days(until: anchor.adding(months: 1))
        let leftoverDays = monthsShare.fractionalPart.times(monthLength) + fraction.times(term.days)
        return anchor.adding(days: leftoverDays.ceiling)
    }
}
