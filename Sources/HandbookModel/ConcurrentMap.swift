import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping their order.
    ///
    /// The work of a build (parsing files, rendering pages) is CPU-bound and independent per
    /// element, which is what `concurrentPerform` is for. Each iteration initialises only its
    /// own slot of the result.
    package func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        [Result](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            nonisolated(unsafe) let slots = buffer
            withUnsafeBufferPointer { elements in
                nonisolated(unsafe) let input = elements
                DispatchQueue.concurrentPerform(iterations: input.count) { index in
                    (slots.baseAddress! + index).initialize(to: transform(input[index]))
                }
            }
            initializedCount = count
        }
    }
}

/// Runs blocking, CPU-bound `work` (which may use ``Swift/Array/concurrentMap(_:)``) on
/// Dispatch's global queue instead of Swift concurrency's pool, whose one thread per core it
/// would otherwise hold, starving tasks that wait for I/O meanwhile (git, a server's requests).
package func runBlocking<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Swift.Result { try work() }) }
    }
}

/// Starts blocking `work` on a thread of its own at once. For work that would otherwise leave a
/// core idle, such as one large page beside a parallel loop of small ones: Dispatch's global
/// queue runs no more blocks than there are cores while a parallel loop keeps them busy, so work
/// queued there would start only when the loop ends.
package func startInBackground<Result: Sendable>(_ work: @escaping @Sendable () -> Result) -> BackgroundWork<Result> {
    let background = BackgroundWork<Result>()
    let thread = Thread { background.finish(with: work()) }
    // Page rendering nests deep in the template interpreter: the main thread's stack size.
    thread.stackSize = 8 << 20
    thread.start()
    return background
}

/// Lets go of `value` on a thread of its own, where it is the last reference: freeing what a
/// large build holds (thousands of parsed documents) is a tenth of a second that its caller
/// need not wait for.
package func release(inBackground value: consuming some Sendable) {
    let value = Mutex(Optional(value))
    Thread { _ = value.withLock { $0.take() } }.start()
}

/// Work started by ``startInBackground(_:)``: its result once it is done.
package final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var value: Result?

    fileprivate func finish(with result: Result) {
        lock.withLock { value = result }
        done.signal()
    }

    /// Whether the work is done, so that ``result()`` returns at once.
    package var isFinished: Bool { lock.withLock { value != nil } }

    /// The work's result, waiting for it if need be.
    package func result() -> Result {
        if let value = lock.withLock({ value }) { return value }
        done.wait()
        return lock.withLock { value! }
    }
}
