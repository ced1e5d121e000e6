import Dispatch

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

/// Starts blocking `work` on Dispatch's global queue at once; the function returned waits for
/// its result. For work that would otherwise leave a core idle, such as one large page beside a
/// parallel loop of small ones.
package func startInBackground<Result: Sendable>(_ work: @escaping @Sendable () -> Result) -> () -> Result {
    let box = BackgroundResult<Result>()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { box.value = work() }
    return {
        group.wait()
        return box.value!
    }
}

/// The result of ``startInBackground(_:)``, written once before the group is left.
private final class BackgroundResult<Value>: @unchecked Sendable {
    var value: Value?
}
