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
