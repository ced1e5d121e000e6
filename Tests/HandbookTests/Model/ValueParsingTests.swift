import Testing

@testable import HandbookModel

@Suite struct ValueParsingTests {
    @Test(arguments: ["2026-01-31", "2024-02-29", "2000-02-29"])
    func acceptsRealDates(text: String) async throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.description == text)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-1", "26-01-01", "2026/01/01", "1900-02-29", "", "2026-04-31"])
    func rejectsImpossibleDates(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func addsMonthsClampingToTheEndOfMonth() async throws {
        let date = try #require(CalendarDate(iso: "2026-01-31"))
        #expect(date.adding(months: 1).description == "2026-02-28")
        #expect(date.adding(months: 12).description == "2027-01-31")
        #expect(date.adding(months: 13).description == "2027-02-28")
    }

    @Test(arguments: [("30m", 30, ServiceLevel.Unit.minutes), ("24h", 24, .hours), ("3d", 3, .days), ("2w", 2, .weeks)])
    func parsesServiceLevels(text: String, amount: Int, unit: ServiceLevel.Unit) async throws {
        let level = try #require(ServiceLevel(text))
        #expect(level.amount == amount)
        #expect(level.unit == unit)
        #expect(level.description == text)
    }

    @Test(arguments: ["24", "h", "0h", "-1d", "1.5h", "3 d", "3D", "1y", "99999999999999999999w"])
    func rejectsMalformedServiceLevels(text: String) {
        #expect(ServiceLevel(text) == nil)
    }

    @Test func suggestsCloseNames() {
        #expect(Suggestion.closest(to: "ordr", among: ["order", "title"]) == "order")
        #expect(Suggestion.closest(to: "sales-manger", among: ["sales-manager", "sales-director"]) == "sales-manager")
        #expect(Suggestion.closest(to: "xyz", among: ["order", "title"]) == nil)
    }

    @Test func formatsNumbersForTables() {
        #expect(25.0.formattedPercent == "25%")
        #expect(2.5.formattedPercent == "2.5%")
        #expect(1_200_000.0.groupedNumber == "1,200,000")
        #expect(5000.0.groupedNumber == "5000")
    }
}
