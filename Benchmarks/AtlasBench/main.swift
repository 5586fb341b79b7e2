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

// Reforms: every reform of the corpus's packages (variant 1 of the alternative drafts) applied on top of the law
// and the result compiled, against compiling the law alone.
let everyReform = corpus.reformPackages.flatMap { $0.reforms.filter { $0.variant == nil || $0.variant == 1 } }
let reformRuns = 200
func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
func timeCompile(_ make: () throws -> [Jurisdiction]) rethrows -> Duration {
    var sink = 0
    let start = clock.now
    for _ in 0..<reformRuns {
        var copy = corpus
        copy.jurisdictions = try make()
        sink &+= Simulator(corpus: copy, explains: false).vocabulary.sets.count
    }
    if sink == 42 { print("") }
    return (clock.now - start) / reformRuns
}
do {
    let stack = try ReformStack(everyReform)
    let effective = CalendarDate(iso: "2026-11-25")!
    let lawOnly = timeCompile { corpus.jurisdictions }
    let applied = try timeCompile { try stack.apply(to: corpus.jurisdictions, effective: effective) }
    print("compile the law alone: \(lawOnly); apply all \(everyReform.count) reforms (\(everyReform.filter(\.isComputable).count) computable) and compile: \(applied) (ratio \(String(format: "%.2f", seconds(applied) / seconds(lawOnly))))")
} catch {
    print("reform stack refused: \(error)")
}
