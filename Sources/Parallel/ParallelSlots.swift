import Dispatch
#if os(Linux)
import Synchronization
#else
import Foundation
#endif

/// A fixed number of slots that several threads fill at once and that are read afterwards (or, locked, in between):
/// the one way values cross threads in the corpus loader and the batch run.
///
/// Each slot keeps the first value put into it. Work split by index writes each slot once, so nothing is lost; a
/// slot that stands for "the first of several events" (the batch's first write error) gets that from the same rule.
///
/// ```swift
/// let squares = ParallelSlots<Int>.compute(count: 100) { $0 * $0 }
/// ```
public final class ParallelSlots<Value: Sendable>: Sendable {
    private let slots: SlotLock<[Value?]>

    /// `count` empty slots.
    public init(count: Int) {
        precondition(count >= 0, "a negative number of slots")
        slots = SlotLock(Array(repeating: nil, count: count))
    }

    /// The number of slots.
    public var count: Int { slots.withLock { $0.count } }

    /// Puts `value` into slot `index` unless the slot already holds one; returns whether it was put.
    @discardableResult
    public func fill(_ index: Int, with value: Value) -> Bool {
        slots.withLock { values in
            guard values[index] == nil else { return false }
            values[index] = value
            return true
        }
    }

    /// The value in slot `index`, or `nil` while it is empty.
    public subscript(index: Int) -> Value? { slots.withLock { $0[index] } }

    /// Every slot in index order, `nil` for the empty ones.
    public var values: [Value?] { slots.withLock { $0 } }

    /// Runs `body` for every index in `0..<count` on every core and returns the results in index order.
    public static func compute(count: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
        let results = ParallelSlots(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.fill(index, with: body(index)) }
        // concurrentPerform returns only after every iteration ran, and each filled its own slot.
        return results.values.map { $0! }
    }
}

#if os(Linux)
/// The standard library's lock; on Linux it has no minimum OS version.
typealias SlotLock<State> = Mutex<State>
#else
/// `Mutex` needs macOS 15 and the package supports macOS 13, so Apple platforms lock with `NSLock`.
final class SlotLock<State>: @unchecked Sendable {
    private var state: State
    private let lock = NSLock()

    init(_ initial: State) { state = initial }

    func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
#endif
