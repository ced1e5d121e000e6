import Foundation
import Testing

@testable import HandbookBuild
@testable import HandbookModel
@testable import HandbookRendering

/// `reviews.html` lists every policy by its next review, marking overdue and imminent reviews
/// against the build's day; `reviews.ics` and `roles/<id>.ics` are RFC 5545 calendars of them.
@Suite struct ReviewScheduleTests {
    /// POL-002 (owner: manager) is due 2026-09-01, POL-001 (owner: director) 2027-01-01.
    static let today = CalendarDate(year: 2026, month: 12, day: 15)

    private func built() async throws -> MemoryOutput {
        let (report, output) = try await TestSupport.build(try TestSupport.content(), today: Self.today)
        try #require(report.pagesWritten != nil, "\(report.diagnostics)")
        return output
    }

    @Test func listsPoliciesByTheirNextReviewWithOverdueAndImminentOnesMarked() async throws {
        let output = try await built()
        let page = try TestSupport.page("reviews.html", in: output)
        let overdue = try #require(page.range(of: "<tr class=\"review-overdue\">"))
        let dueSoon = try #require(page.range(of: "<tr class=\"review-due\">"))
        #expect(overdue.lowerBound < dueSoon.lowerBound, "the earlier review comes first")
        let first = page[overdue.upperBound...].prefix(400)
        #expect(first.contains("POL-002") && first.contains("2026-09-01"))
        #expect(page[dueSoon.upperBound...].prefix(400).contains("POL-001"))
        #expect(page.contains("href=\"reviews.ics\""))
        #expect(page.contains("<time datetime=\"2026-12-15\">2026-12-15</time>"))

        // Nothing is marked long before either date.
        let (_, early) = try await TestSupport.build(
            try TestSupport.content(), today: CalendarDate(year: 2026, month: 6, day: 1))
        let calm = try TestSupport.page("reviews.html", in: early)
        #expect(!calm.contains("review-overdue") && !calm.contains("review-due"))
    }

    @Test func isLinkedFromTheHomePagePolicyPagesAndOwningRoles() async throws {
        let output = try await built()
        #expect(try TestSupport.page("index.html", in: output).contains("href=\"reviews.html\""))
        #expect(try TestSupport.page("policies/pol-001.html", in: output).contains("href=\"../reviews.html\""))
        #expect(try TestSupport.page("roles/director.html", in: output).contains("href=\"../roles/director.ics\""))
        #expect(!(try TestSupport.page("roles/rep.html", in: output).contains(".ics")), "rep owns no policy")
        #expect(output.text(at: "roles/rep.ics") == nil)
    }

    @Test func calendarsFollowRFC5545() async throws {
        let output = try await built()
        let calendar = try #require(output.text(at: "reviews.ics"))
        #expect(calendar.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(calendar.hasSuffix("END:VCALENDAR\r\n"))
        let lines = calendar.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") }, "lines are folded at 75 octets")
        let unfolded = calendar.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.components(separatedBy: "BEGIN:VEVENT").count == 3)
        #expect(unfolded.contains("UID:pol-002-v2.1@example.com\r\n"))
        #expect(unfolded.contains("DTSTART;VALUE=DATE:20260901\r\nDTEND;VALUE=DATE:20260902\r\n"))
        #expect(unfolded.contains("DTSTAMP:20261215T000000Z\r\n"))
        #expect(unfolded.contains("SUMMARY:Review POL-001 Target setting\r\n"))
        #expect(unfolded.contains("URL:https://example.com/handbook/policies/pol-001.html\r\n"))

        let director = try #require(output.text(at: "roles/director.ics"))
        #expect(director.contains("POL-001") && !director.contains("POL-002"))

        // A standard parser reads the same events (Python's icalendar, which .ci/run installs).
        try await TestSupport.withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("reviews.ics")
            try Data(calendar.utf8).write(to: file)
            let script = """
                import icalendar, json, sys
                calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
                print(json.dumps([[str(e['UID']), e['DTSTART'].dt.isoformat(), e['DTEND'].dt.isoformat(),
                    str(e['SUMMARY']), str(e['DESCRIPTION'])] for e in calendar.walk('VEVENT')]))
                """
            let result = try TestSupport.run("python3", ["-c", script, file.path])
            #expect(result.status == 0, "\(result.errors)")
            let events = try #require(
                try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String]])
            #expect(events.map(\.first) == ["pol-002-v2.1@example.com", "pol-001-v1.0@example.com"])
            #expect(events.first?[1] == "2026-09-01" && events.first?[2] == "2026-09-02")
            #expect(
                events.last?[4]
                    == "Owner: Sales Director\nVersion: 1.0\nhttps://example.com/handbook/policies/pol-001.html")
        }
    }

    @Test func escapesAndFoldsText() {
        #expect(ReviewCalendar.escaped("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        let folded = ReviewCalendar.folded("SUMMARY:" + String(repeating: "审", count: 40))
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count == 2 && lines.allSatisfy { $0.utf8.count <= 75 } && lines[1].hasPrefix(" "))
        #expect(lines.joined().replacingOccurrences(of: " 审", with: "审").count == "SUMMARY:".count + 40)
    }

    @Test func countsDaysAcrossMonthsAndLeapYears() {
        let day = CalendarDate(year: 2028, month: 2, day: 28)
        #expect(day.adding(days: 1) == CalendarDate(year: 2028, month: 2, day: 29))
        #expect(day.adding(days: 2) == CalendarDate(year: 2028, month: 3, day: 1))
        #expect(
            CalendarDate(year: 2026, month: 12, day: 31).adding(days: 1) == CalendarDate(year: 2027, month: 1, day: 1))
        #expect(
            CalendarDate(year: 2026, month: 12, day: 15).days(until: CalendarDate(year: 2027, month: 1, day: 1)) == 17)
        #expect(
            CalendarDate(year: 2026, month: 1, day: 1).days(until: CalendarDate(year: 2025, month: 12, day: 31)) == -1)
    }
}
