import Dispatch
import Parallel
import Testing

@Suite struct ParallelSlotsTests {
    @Test func concurrentFillsKeepEveryValueExactlyOnce() {
        let count = 10_000
        let slots = ParallelSlots<Int>(count: count)
        // Expectations are checked after, on the test's own thread: the worker threads carry no test context.
        DispatchQueue.concurrentPerform(iterations: count) { index in slots.fill(index, with: index * 3) }
        let values = slots.values
        #expect(values.count == count)
        #expect(values.compactMap { $0 } == (0..<count).map { $0 * 3 })
    }

    @Test func computeReturnsResultsInIndexOrder() {
        let squares = ParallelSlots<Int>.compute(count: 5_000) { $0 * $0 }
        #expect(squares == (0..<5_000).map { $0 * $0 })
        #expect(ParallelSlots<Int>.compute(count: 0) { $0 }.isEmpty)
    }

    /// The batch keeps its first write error this way: whoever comes later leaves the slot as it is.
    @Test func aSlotKeepsTheFirstValuePutIntoIt() {
        let first = ParallelSlots<String>(count: 1)
        #expect(first[0] == nil)
        #expect(first.fill(0, with: "disk full"))
        #expect(!first.fill(0, with: "pipe closed"))
        #expect(first[0] == "disk full")
    }

    /// Many threads racing for the same slots: exactly one value wins each, and it stays.
    @Test func racingFillsLeaveOneWinnerPerSlot() {
        let slots = ParallelSlots<Int>(count: 8)
        let wins = ParallelSlots<Bool>.compute(count: 8_000) { attempt in slots.fill(attempt % 8, with: attempt) }
        #expect(wins.filter { $0 }.count == 8)
        let winners = slots.values
        #expect(winners.enumerated().allSatisfy { index, value in value.map { $0 % 8 == index } ?? false },
                "\(winners)")
    }
}
