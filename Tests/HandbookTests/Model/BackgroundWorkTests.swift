import Dispatch
import Foundation
import Testing

@testable import HandbookModel

/// Work started on threads of its own: its result once done, and values let go of elsewhere.
@Suite struct BackgroundWorkTests {
    @Test func aResultIsThereOnceTheWorkIsDone() {
        let release = DispatchSemaphore(value: 0)
        let work = startInBackground { () -> Int in
            release.wait()
            return 42
        }
        #expect(!work.isFinished)
        release.signal()
        #expect(work.result() == 42)
        #expect(work.isFinished)
        #expect(work.result() == 42)
    }

    /// Work started while every core is busy with a parallel loop starts at once, beside it:
    /// the loop's other iterations wait for it.
    @Test func workStartsWhileAParallelLoopKeepsTheCoresBusy() {
        let iterations = 4 * ProcessInfo.processInfo.activeProcessorCount
        let started = DispatchSemaphore(value: 0)
        let seen = Array(0..<iterations).concurrentMap { index -> Bool in
            guard index == 0 else { return started.wait(timeout: .now() + 5) == .success }
            _ = startInBackground {
                for _ in 1..<iterations { started.signal() }
            }
            return true
        }
        #expect(seen.allSatisfy { $0 })
    }

    @Test func aValueLetGoInTheBackgroundIsFreedThere() {
        final class Tracked: Sendable {
            let freed: DispatchSemaphore
            init(_ freed: DispatchSemaphore) { self.freed = freed }
            deinit { freed.signal() }
        }
        let freed = DispatchSemaphore(value: 0)
        release(inBackground: Tracked(freed))
        #expect(freed.wait(timeout: .now() + 10) == .success)
    }
}
