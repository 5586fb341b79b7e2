/// Something about a case that is allowed but probably a typing mistake: the simulation runs, and the person is
/// told on one line, so that a wrong year does not pass unseen.
public enum CaseWarning: Hashable, Sendable {
    /// The term begins after today.
    case startInFuture(start: CalendarDate, today: CalendarDate)
    /// The law is read on a date before the term began, when nothing of it has been served.
    case asOfBeforeStart(asOf: CalendarDate, start: CalendarDate)
    /// A fixed term longer than a human life (`longestPlausibleYears`).
    case termBeyondLifetime(years: Int)

    /// Years beyond which a fixed term is taken for a typing mistake. Not a legal limit (the corpus holds those):
    /// only the span no one serves.
    public static let longestPlausibleYears = 100

    /// The warnings for `facts` on `today`, in a fixed order.
    public static func warnings(for facts: Case, today: CalendarDate) -> [CaseWarning] {
        var found: [CaseWarning] = []
        if facts.start > today { found.append(.startInFuture(start: facts.start, today: today)) }
        if facts.asOf < facts.start { found.append(.asOfBeforeStart(asOf: facts.asOf, start: facts.start)) }
        if case .fixed(let duration) = facts.term, duration.totalMonths > longestPlausibleYears * 12 {
            found.append(.termBeyondLifetime(years: duration.years))
        }
        return found
    }
}
