import AtlasCorpus
import AtlasEngine
import AtlasModel
import Foundation

// In-process timings (a benchmark, not a test): the corpus is loaded once, then one case is simulated across every
// jurisdiction many times. Run with `swift run -c release AtlasBench [iterations]`.
let iterations = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 2_000
let clock = ContinuousClock()

let loadStart = clock.now
let corpus = try CorpusLoader(location: .resolve(explicit: nil)).load()
let loadTime = clock.now - loadStart

var draft = CaseDraft()
draft["term"] = "9y"
draft["category"] = "grave"
draft["start"] = "2022-01-10"
draft["as-of"] = "2026-11-25"
let facts = try draft.build(vocabulary: corpus.vocabulary, today: CalendarDate(iso: "2026-11-25")!)

func run(explains: Bool) -> Duration {
    let simulator = Simulator(corpus: corpus, explains: explains)
    var sink = 0
    let start = clock.now
    for _ in 0..<iterations {
        for outcome in simulator.simulate(facts, in: corpus.jurisdictions) { sink &+= outcome.mechanisms.count }
    }
    let elapsed = clock.now - start
    if sink == 42 { print("") }  // keeps the loop from being optimised away
    return elapsed / iterations
}

if CommandLine.arguments.dropFirst(2).first == "dates-only" {  // for profilers: the dates-only loop alone
    print("one case × \(corpus.jurisdictions.count) jurisdictions, dates only: \(run(explains: false))")
    exit(0)
}
_ = run(explains: true)  // warm-up
let withTrace = run(explains: true)
let withoutTrace = run(explains: false)
print("corpus load: \(loadTime)")
print("one case × \(corpus.jurisdictions.count) jurisdictions, with trace: \(withTrace) (target < 1 ms)")
print("one case × \(corpus.jurisdictions.count) jurisdictions, dates only: \(withoutTrace)")
