import Dispatch
import Foundation

/// A bound on the time one answer may take. The library's computations are synchronous and cannot be interrupted
/// half-way, so the work runs on a thread of its own and races a timer: whichever ends first answers the request.
/// A late computation finishes in the background and its result is dropped; the caller has had its 503 already.
/// (A middleware cannot do this: the router's `next` may not outlive the call, so it would wait for the work.)
///
/// Neither side runs on Swift's cooperative pool: the work blocks a thread for its whole length, and the timer
/// must fire when the machine is busiest, so it has a serial queue of its own (such a queue gets a thread even
/// when the shared ones are all taken).
struct TimeLimit: Sendable {
    let duration: Duration

    private static let timers = DispatchQueue(label: "parole.time-limit")

    /// The value of `work`, or the error `late` gives if `work` has not finished within `duration`.
    func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value,
                              late: @escaping @Sendable () -> any Error) async throws -> Value {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        return try await withCheckedThrowingContinuation { continuation in
            let answer = FirstAnswer(continuation)
            let timer = DispatchWorkItem { answer.give(.failure(late())) }
            answer.cancels(timer)
            Self.timers.asyncAfter(deadline: .now() + .nanoseconds(nanoseconds), execute: timer)
            DispatchQueue.global().async { answer.give(Result { try work() }) }
        }
    }
}

/// The first of two results to arrive resumes the waiting request; the other is dropped, and the timer is
/// cancelled so that a quick answer leaves no pending timer behind. Unchecked: its mutable fields are read and
/// written under its lock only.
private final class FirstAnswer<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value, any Error>?
    private var timer: DispatchWorkItem?

    init(_ continuation: CheckedContinuation<Value, any Error>) { self.continuation = continuation }

    /// The timer to cancel once an answer is given.
    func cancels(_ timer: DispatchWorkItem) {
        lock.lock()
        self.timer = timer
        lock.unlock()
    }

    func give(_ result: Result<Value, any Error>) {
        lock.lock()
        let waiting = continuation
        let pending = timer
        continuation = nil
        timer = nil
        lock.unlock()
        pending?.cancel()
        waiting?.resume(with: result)
    }
}
