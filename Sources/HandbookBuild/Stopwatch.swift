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

    /// Records the time since the previous lap under `name`, added to an earlier lap of that name.
    mutating func lap(_ name: String) {
        let now = clock.now
        if let earlier = laps.firstIndex(where: { $0.name == name }) {
            laps[earlier].seconds += Self.seconds(now - lastLap)
        } else {
            laps.append((name, Self.seconds(now - lastLap)))
        }
        lastLap = now
    }

    var total: Double { Self.seconds(clock.now - start) }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
