/// Times the stages of a build.
struct Stopwatch {
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastLap: ContinuousClock.Instant
    private(set) var laps: [(name: String, seconds: Double)] = []

    init() {
        start = clock.now
        lastLap = start
    }

    /// Records the time since the previous lap under `name`.
    mutating func lap(_ name: String) {
        let now = clock.now
        laps.append((name, Self.seconds(now - lastLap)))
        lastLap = now
    }

    var total: Double { Self.seconds(clock.now - start) }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
