import Foundation
import HandbookModel

/// The review dates of policies as an iCalendar file (RFC 5545): one all-day event per policy on
/// its next review date, for owners to subscribe to in Outlook or Google Calendar.
struct ReviewCalendar {
    /// The calendar's name, shown by calendar applications.
    let name: String
    /// The published address of the edition's root folder, ending in `/`.
    let siteURL: String
    /// The day of the build: each event's time stamp, so that a rebuild writes the same bytes.
    let today: CalendarDate
    /// The summary of an event, with `{id}` and `{title}` in it.
    let summary: String
    /// The lines of an event's description, with `{owner}`, `{version}` and `{url}` in them.
    let description: String
    /// A role's name by id.
    let roleName: (String) -> String

    /// The calendar of `policies`, those without a review date left out, in order of their dates.
    func text(of policies: [Policy]) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//handbook//handbook \(HandbookVersion.current)//EN",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escaped(name),
        ]
        let dated = policies.compactMap { policy in policy.nextReview.map { (policy, $0) } }
            .sorted { ($0.1, $0.0.id.value) < ($1.1, $1.0.id.value) }
        let host = URLComponents(string: siteURL)?.host ?? "handbook"
        for (policy, date) in dated {
            let url = siteURL + SiteRoutes.policy(id: policy.id.value)
            let fields = [
                "{id}": policy.id.value, "{title}": policy.title, "{owner}": roleName(policy.owner.value),
                "{version}": policy.version, "{url}": url,
            ]
            func filled(_ template: String) -> String {
                fields.reduce(template) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
            }
            lines += [
                "BEGIN:VEVENT",
                // Stable per policy and version: a new version is a new review.
                "UID:" + Self.escaped("\(SiteRoutes.slug(policy.id.value))-v\(Self.token(policy.version))@\(host)"),
                "DTSTAMP:" + Self.compact(today) + "T000000Z",
                "DTSTART;VALUE=DATE:" + Self.compact(date),
                "DTEND;VALUE=DATE:" + Self.compact(date.adding(days: 1)),
                "SUMMARY:" + Self.escaped(filled(summary)),
                "DESCRIPTION:" + Self.escaped(filled(description)),
                "URL:" + url,
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.folded).joined(separator: "\r\n") + "\r\n"
    }

    /// `text` with only letters, digits, `.`, `-` and `_`: a version in an event's UID.
    private static func token(_ text: String) -> String {
        String(text.filter { $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) })
    }

    /// `20270131`.
    private static func compact(_ date: CalendarDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "")
    }

    /// A TEXT value: backslashes, semicolons, commas and line breaks escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A content line folded after at most 75 octets, never inside a character; each following
    /// line starts with a space.
    static func folded(_ line: String) -> String {
        var parts: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                parts.append(current)
                current = " "
                octets = 1
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        parts.append(current)
        return parts.joined(separator: "\r\n")
    }
}
