import AtlasModel
import Testing

@Suite struct CalendarDateTests {
    @Test(arguments: ["2025-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "24-01-01", "", "2024-01-01x",
                      "２０２４-01-01"])
    func impossibleOrMalformedDatesAreRejected(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func leapDayExistsOnlyInLeapYears() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2000-02-29") != nil)
        #expect(CalendarDate(iso: "1900-02-29") == nil)
    }

    @Test func dayNumbersRoundTrip() throws {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            let d = CalendarDate(dayNumber: n)
            #expect(d.dayNumber == n)
        }
        #expect(try #require(CalendarDate(iso: "1970-01-01")).dayNumber == 0)
        #expect(try #require(CalendarDate(iso: "2000-03-01")).dayNumber == 11017)
    }

    /// `adding(days:)` and `days(until:)` take a short way within a month; both must agree with day numbers.
    @Test func movingByDaysAgreesWithDayNumbers() {
        var wrong: [String] = []
        for n in stride(from: -150_000, through: 150_000, by: 37) {
            let date = CalendarDate(dayNumber: n)
            for offset in [-400, -60, -31, -29, -28, -1, 0, 1, 2, 27, 28, 29, 30, 31, 45, 366] {
                let moved = date.adding(days: offset)
                if moved != CalendarDate(dayNumber: n + offset) || date.days(until: moved) != offset
                    || moved.days(until: date) != -offset {
                    wrong.append("\(date) + \(offset) = \(moved)")
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test func oneYearFromTheLeapDayEndsOn28February() throws {
        let d = try #require(CalendarDate(iso: "2024-02-29"))
        #expect(d.adding(months: 12).description == "2025-02-28")
        #expect(d.adding(months: 48).description == "2028-02-29")
    }

    @Test func sixMonthsFrom31AugustEndsOnTheLastDayOfFebruary() throws {
        #expect(try #require(CalendarDate(iso: "2024-08-31")).adding(months: 6).description == "2025-02-28")
        #expect(try #require(CalendarDate(iso: "2023-08-31")).adding(months: 6).description == "2024-02-29")
    }

    @Test func threeMonthsFrom29NovemberEndsOn28February() throws {
        #expect(try #require(CalendarDate(iso: "2022-11-29")).adding(months: 3).description == "2023-02-28")
    }

    @Test func monthsBackwardsCrossYears() throws {
        #expect(try #require(CalendarDate(iso: "2024-01-15")).adding(months: -13).description == "2022-12-15")
    }

    @Test func ageCountsWholeYears() throws {
        let birth = try #require(CalendarDate(iso: "1960-03-15"))
        #expect(birth.wholeYears(until: try #require(CalendarDate(iso: "2023-03-14"))) == 62)
        #expect(birth.wholeYears(until: try #require(CalendarDate(iso: "2023-03-15"))) == 63)
    }
}

@Suite struct DurationAndTermTests {
    @Test(arguments: [("9y", 9, 0, 0), ("7y6m", 7, 6, 0), ("2y3m15d", 2, 3, 15), ("18m", 0, 18, 0), ("45d", 0, 0, 45),
                      ("1Y2M", 1, 2, 0)])
    func compactTermsParse(_ text: String, _ y: Int, _ m: Int, _ d: Int) {
        #expect(CalendarDuration(compact: text) == CalendarDuration(years: y, months: m, days: d))
    }

    @Test(arguments: ["", "y", "9", "6m7y", "7y6x", "1.5y", "-3y", "9y9y", "y9"])
    func malformedTermsAreRejected(_ text: String) {
        #expect(SentenceTerm(parsing: text) == nil)
    }

    @Test func zeroTermIsRejected() {
        #expect(SentenceTerm(parsing: "0y") == nil)
        #expect(SentenceTerm(parsing: "0y0m0d") == nil)
    }

    @Test func lifeParses() { #expect(SentenceTerm(parsing: "LIFE") == .life) }

    @Test func isoDurationsParseAndPrint() {
        #expect(CalendarDuration(iso: "P25Y") == CalendarDuration(years: 25))
        #expect(CalendarDuration(iso: "P2Y3M15D")?.iso8601 == "P2Y3M15D")
        #expect(CalendarDuration(iso: "P") == nil)
        #expect(CalendarDuration(iso: "25Y") == nil)
        #expect(CalendarDuration(years: 0).iso8601 == "P0D")
    }

    @Test func spanBetweenDatesIsReexpressedInYearsMonthsDays() throws {
        let a = try #require(CalendarDate(iso: "2022-01-10"))
        #expect(CalendarDuration.between(a, try #require(CalendarDate(iso: "2026-07-10"))) == CalendarDuration(years: 4, months: 6))
        #expect(CalendarDuration.between(a, try #require(CalendarDate(iso: "2022-02-09"))) == CalendarDuration(days: 30))
        let leap = try #require(CalendarDate(iso: "2024-02-29"))
        #expect(CalendarDuration.between(leap, try #require(CalendarDate(iso: "2025-02-28"))) == CalendarDuration(years: 1))
    }
}

@Suite struct RationalTests {
    @Test func fractionsReduceAndCompareExactly() {
        #expect(Rational(2, 4) == Rational(1, 2))
        #expect(Rational(1, 3) < Rational(1, 2))
        #expect(Rational(parsing: "2/3")?.description == "2/3")
        #expect(Rational(parsing: "3/0") == nil)
        #expect(Rational(parsing: "-1/2") == nil)
        #expect(Rational(parsing: "0.5") == nil)
        #expect(Rational(7, 3).floor == 2)
        #expect(Rational(7, 3).ceiling == 3)
        #expect(Rational(6, 3).ceiling == 2)
        #expect(Rational(7, 3).fractionalPart == Rational(1, 3))
    }

    /// The fraction of issue 9 that stopped `simulate`: `Rational.times` overflowed on it.
    static let nearlyOne = Rational(Int.max - 1, Int.max)

    @Test func comparingFractionsNearIntMaxIsExactNotATrap() {
        #expect(Self.nearlyOne < Rational(1, 1))
        #expect(!(Rational(1, 1) < Self.nearlyOne))
        #expect(Rational(Int.max - 2, Int.max - 1) < Self.nearlyOne)
    }

    @Test func aProductOrSumThatLeavesIntIsNilNotATrap() {
        #expect(Self.nearlyOne.multiplied(by: 2) == nil)
        #expect(Self.nearlyOne.adding(Rational(1, Int.max - 1)) == nil)
        // Cancelling first keeps products that fit: (n/max) × max = n.
        #expect(Self.nearlyOne.multiplied(by: Int.max) == Rational(Int.max - 1, 1))
        #expect(Rational(2, 3).multiplied(by: 9) == Rational(6, 1))
        #expect(Rational(1, 6).adding(Rational(1, 4)) == Rational(5, 12))
    }

    @Test func roundingNeverOverflows() {
        #expect(Rational(Int.max, 2).ceiling == Int.max / 2 + 1)
        #expect(Rational(Int.max, 2).floor == Int.max / 2)
        #expect(Rational(Int.min, 1).floor == Int.min)
    }
}

/// `Case.allAnswers` reads the derived facts without their declarations; it must give what `value(of:)` gives.
@Suite struct CaseAnswersTests {
    @Test(arguments: [nil] + DamageStatus.allCases.map(Optional.some))
    func everyFactReadsAsValueOfReadsIt(_ damage: DamageStatus?) throws {
        let start = try #require(CalendarDate(iso: "2020-01-01"))
        var facts = Case(term: .fixed(CalendarDuration(years: 5)), category: nil, punishment: "imprisonment",
                         start: start, asOf: start.adding(months: 24))
        facts.damage = damage
        let answers = facts.allAnswers
        for fact in CaseFact.allCases {
            #expect(answers[fact.position] == facts.value(of: fact), "\(fact) with damage \(String(describing: damage))")
        }
        #expect(CaseFact.allCases.contains { !$0.isAnswer }, "no derived fact left to check")
    }
}
