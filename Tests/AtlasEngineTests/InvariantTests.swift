import AtlasCorpus
import AtlasEngine
import AtlasModel
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

@Suite struct InvariantTests {
    static let corpus = try! CorpusLoader(location: CorpusLocation.bundled).load()

    func randomCase(_ rng: inout SplitMix64) -> Case {
        let categories = ["minor", "medium", "grave", "especially-grave"]
        let tags = ["corruption", "terrorism", "sexual-offence-against-minor", "murder-in-criminal-group",
                    "organised-group", "drug-trafficking"]
        let start = CalendarDate(dayNumber: rng.int(10_000...20_500))
        let term: SentenceTerm = rng.int(0...19) == 0
            ? .life : .fixed(CalendarDuration(years: rng.int(0...20), months: rng.int(0...11), days: rng.int(1...30)))
        return Case(
            term: term, category: categories[rng.int(0...3)], start: start,
            offences: rng.bool() ? [tags[rng.int(0...tags.count - 1)]] : [],
            consequences: rng.int(0...4) == 0 ? ["caused-death"] : [],
            sex: rng.bool() ? .male : .female, birthDate: CalendarDate(dayNumber: rng.int(-20_000...5_000)),
            juvenile: rng.int(0...9) == 0, pregnant: false, youngChild: rng.bool(), cooperation: rng.int(0...4) == 0,
            priorRevocation: rng.int(0...9) == 0 ? "breach" : nil,
            damage: [DamageStatus.full, .unpaid, .noneClaimed][rng.int(0...2)], maliciousViolations: rng.bool(),
            victimAge: rng.int(5...30), asOf: CalendarDate(dayNumber: rng.int(16_500...21_000)))
    }

    @Test func datesStayWithinTheTermAndEveryOutcomeIsExplained() {
        var rng = SplitMix64(state: 20_261_125)
        let simulator = Simulator(corpus: Self.corpus)
        for _ in 0..<3_000 {
            let c = randomCase(&rng)
            for j in Self.corpus.jurisdictions {
                for m in simulator.simulate(c, in: j).mechanisms {
                    #expect(!m.trace.isEmpty)
                    if let d = m.earliestDate {
                        #expect(d >= c.start, "\(c)")
                        if m.available, let end = c.termEnd { #expect(d <= end, "\(c)") }
                        #expect(m.requiredServed.map { $0.end(from: c.start) } == d, "\(c)")
                    }
                    if !m.available, m.status != .undetermined {
                        #expect(m.reason?.citations.isEmpty == false, "\(m.mechanism.id) \(m.status) \(c)")
                    }
                }
            }
        }
    }

    @Test func aLongerTermNeverGivesAnEarlierDateUnderTheSameRule() {
        var rng = SplitMix64(state: 42)
        let simulator = Simulator(corpus: Self.corpus)
        for _ in 0..<2_000 {
            var c = randomCase(&rng)
            guard case .fixed(let d) = c.term else { continue }
            var longer = c
            longer.term = .fixed(CalendarDuration(years: d.years, months: d.months, days: d.days + rng.int(1...400)))
            c.offences = []
            longer.offences = []
            for j in Self.corpus.jurisdictions {
                let a = simulator.simulate(c, in: j).mechanisms
                let b = simulator.simulate(longer, in: j).mechanisms
                for (x, y) in zip(a, b) where x.threshold?.id == y.threshold?.id {
                    if let dx = x.earliestDate, let dy = y.earliestDate { #expect(dx <= dy, "\(c) vs \(longer)") }
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
