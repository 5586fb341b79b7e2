import AtlasCorpus
import AtlasEngine
import AtlasModel
import PropertyBased
import Testing

/// A small deterministic generator, so a failing case can be replayed from its seed.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
    mutating func bool() -> Bool { next() & 1 == 1 }
}

/// Properties the issue names, checked with PropertyBased over random cases (with shrinking: a failure is reported
/// as the smallest term, start and as-of dates that still fail, with a seed to replay it).
@Suite struct InvariantTests {
    static let corpus = try! CorpusLoader(location: CorpusLocation.bundled).load()

    /// A random case: term, start and as-of as numbers the shrinker can make smaller, the rest of the facts drawn
    /// from a seed over every vocabulary term and every given-or-unknown fact.
    static let cases = zip(Gen.int(in: 0...25), Gen.int(in: 0...11), Gen.int(in: 9_000...20_800),
                           Gen.int(in: 12_000...22_000), Gen.int(in: 0...Int(UInt32.max)))
        .map { years, months, start, asOf, seed -> Case in
            var rng = SplitMix64(state: UInt64(seed))
            var c = TracerAgreementTests.anyCase(&rng, InvariantTests.corpus.vocabulary)
            if c.term != .life { c.term = .fixed(CalendarDuration(years: years, months: max(months, years == 0 ? 1 : 0))) }
            c.start = CalendarDate(dayNumber: start)
            c.asOf = CalendarDate(dayNumber: asOf)
            return c
        }

    @Test func datesStayWithinTheTermAndEveryOutcomeIsExplained() async {
        let simulator = Simulator(corpus: Self.corpus)
        await propertyCheck(count: 400, input: Self.cases) { c in
            for j in Self.corpus.jurisdictions {
                for m in simulator.simulate(c, in: j).mechanisms {
                    // Every outcome, and so every date, has a trace.
                    #expect(!m.trace.isEmpty, "\(m.mechanism.id)")
                    if let d = m.earliestDate {
                        #expect(d >= c.start, "\(m.mechanism.id): \(d) before the start")
                        if m.available, let end = c.termEnd { #expect(d <= end, "\(m.mechanism.id): \(d) after \(end)") }
                        #expect(m.requiredServed.map { $0.end(from: c.start) } == d, "\(m.mechanism.id)")
                        #expect(m.trace.contains { $0.kind == .threshold }, "\(m.mechanism.id): a date without its rule")
                    }
                    if !m.available, m.status != .undetermined {
                        #expect(m.reason?.citations.isEmpty == false, "\(m.mechanism.id) \(m.status)")
                    }
                }
            }
        }
    }

    @Test func aLongerTermNeverGivesAnEarlierDateUnderTheSameRule() async {
        let simulator = Simulator(corpus: Self.corpus)
        await propertyCheck(count: 300, input: Self.cases, Gen.int(in: 1...400)) { c, extraDays in
            guard case .fixed(let d) = c.term else { return }
            var longer = c
            longer.term = .fixed(CalendarDuration(years: d.years, months: d.months, days: d.days + extraDays))
            for j in Self.corpus.jurisdictions {
                let a = simulator.simulate(c, in: j).mechanisms
                let b = simulator.simulate(longer, in: j).mechanisms
                for (x, y) in zip(a, b) where x.threshold?.id == y.threshold?.id {
                    if let dx = x.earliestDate, let dy = y.earliestDate {
                        #expect(dx <= dy, "\(x.mechanism.id): \(dx) for \(c.term), \(dy) for \(longer.term)")
                    }
                }
            }
        }
    }

    @Test func fractionDatesAreExactAgainstDayCounting() {
        // For whole-month terms whose share is a whole number of months, the date is exactly start + share.
        var rng = SplitMix64(state: 7)
        for _ in 0..<5_000 {
            let start = CalendarDate(dayNumber: rng.int(0...25_000))
            let months = rng.int(1...40) * 12
            let f = [Rational(1, 2), Rational(1, 3), Rational(2, 3), Rational(1, 4), Rational(3, 4)][rng.int(0...4)]
            let d = ServedTime.date(servingFraction: f, of: CalendarDuration(months: months), from: start)
            #expect(d == start.adding(months: f.times(months).floor))
        }
    }
}
