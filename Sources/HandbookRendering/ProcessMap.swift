import Foundation
import HandbookMarkdown
import HandbookModel

/// A process drawn as a swimlane map in inline SVG: a lane per role in the order the roles first
/// appear, a box per step with its number, title and time limit, arrows from step to step, and
/// the records a step produces as small documents under it. Long processes wrap into rows, joined
/// by lettered connectors. Colours come from the stylesheet (`.pm-*` classes).
struct ProcessMap {
    /// One step as the map shows it.
    struct Step {
        let number: Int
        let title: String
        let role: String
        let roleName: String
        let timeLimit: String?
        let records: [String]
    }

    let title: String
    let steps: [Step]
    /// The accessible name: `{title}` is replaced by the process's title.
    let label: String
    /// Steps per row before the map wraps.
    var columnsPerRow = 3
    /// The width of every box: enough for the widest word of any title, which is never broken.
    private let boxWidth: Double

    init(title: String, steps: [Step], label: String) {
        self.title = title
        self.steps = steps
        self.label = label
        let widest = steps.map { TextWrap.widestUnit(of: $0.title, fontSize: Self.fontSize) }.max() ?? 0
        boxWidth = max(Self.minimumBoxWidth, (widest + 2 * Self.boxPadding).rounded(.up))
    }

    // Sizes in pixels of a 14px font.
    private static let fontSize = 14.0
    private static let smallFontSize = 12.0
    private static let lineHeight = 18.0
    private static let smallLineHeight = 15.0
    private static let labelWidth = 92.0
    private static let leadGap = 36.0
    private static let minimumBoxWidth = 150.0
    private static let gap = 44.0
    private static let boxPadding = 10.0
    private static let lanePadding = 12.0
    private static let rowGap = 28.0
    private static let recordWidth = 130.0

    /// The map as an SVG element, with a text alternative naming the steps in order.
    func svg() -> String {
        guard !steps.isEmpty else { return "" }
        let rows = stride(from: 0, to: steps.count, by: columnsPerRow).map {
            Array(steps[$0..<min(steps.count, $0 + columnsPerRow)])
        }
        let columns = min(columnsPerRow, steps.count)
        let width = Self.labelWidth + Self.leadGap + Double(columns) * (boxWidth + Self.gap)
        var body = ""
        var top = 0.0
        for (number, row) in rows.enumerated() {
            let continuesFrom = number > 0 ? Self.connectorName(number - 1) : nil
            let continuesTo = number + 1 < rows.count ? Self.connectorName(number) : nil
            let (svg, height) = drawRow(row, top: top, width: width, from: continuesFrom, to: continuesTo)
            body += svg
            top += height + Self.rowGap
        }
        let height = top - Self.rowGap
        let name = label.replacingOccurrences(of: "{title}", with: title)
        return """
            <svg class="process-map-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Self.number(width)) \
            \(Self.number(height))" width="\(Self.number(width))" height="\(Self.number(height))" \
            style="min-width: \(Self.number(width * 0.6))px" role="img" \
            aria-label="\(HTMLEscaping.text(name + "：" + textAlternative()))"><title>\(HTMLEscaping.text(name))</title>\
            \(body)</svg>
            """
    }

    /// The steps in order, with who does each and within what time: what the picture shows.
    func textAlternative() -> String {
        steps.map { step in
            "\(step.number). \(step.title)（\(([step.roleName] + (step.timeLimit.map { [$0] } ?? [])).joined(separator: "，"))）"
        }.joined(separator: " → ")
    }

    // MARK: Layout

    private struct Box {
        let step: Step
        let x: Double
        let lines: [String]
        let recordLines: [[String]]
        var height: Double {
            ProcessMap.boxHeight(lines: lines.count, hasTimeLimit: step.timeLimit != nil)
        }
        var recordsHeight: Double {
            // Each document with the space above it, and room below the last one's wavy edge.
            recordLines.reduce(recordLines.isEmpty ? 0 : 6) {
                $0 + Double($1.count) * ProcessMap.smallLineHeight + 10 + 6
            }
        }
    }

    private static func boxHeight(lines: Int, hasTimeLimit: Bool) -> Double {
        boxPadding * 2 + Double(lines) * lineHeight + (hasTimeLimit ? smallLineHeight + 2 : 0)
    }

    private func drawRow(_ row: [Step], top: Double, width: Double, from: String?, to: String?) -> (String, Double) {
        // Lanes: the roles of this row, in the order they first appear in the process.
        let order = steps.map(\.role).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let lanes = order.filter { role in row.contains { $0.role == role } }
        let boxes = row.enumerated().map { column, step in
            Box(
                step: step, x: Self.labelWidth + Self.leadGap + Double(column) * (boxWidth + Self.gap),
                lines: TextWrap.lines(step.title, width: boxWidth - 2 * Self.boxPadding, fontSize: Self.fontSize),
                recordLines: step.records.map {
                    TextWrap.lines($0, width: Self.recordWidth - 16, fontSize: Self.smallFontSize)
                })
        }
        var laneTop: [String: Double] = [:]
        var laneHeight: [String: Double] = [:]
        var y = top
        for role in lanes {
            let inLane = boxes.filter { $0.step.role == role }
            let content = inLane.map { $0.height + $0.recordsHeight }.max() ?? 0
            let labelLines = TextWrap.lines(
                row.first { $0.role == role }?.roleName ?? role, width: Self.labelWidth - 12, fontSize: Self.fontSize)
            let height = max(content, Double(labelLines.count) * Self.lineHeight) + 2 * Self.lanePadding
            laneTop[role] = y
            laneHeight[role] = height
            y += height
        }
        var svg = ""
        for role in lanes {
            let (laneY, height) = (laneTop[role] ?? 0, laneHeight[role] ?? 0)
            let name = row.first { $0.role == role }?.roleName ?? role
            svg +=
                "<rect class=\"pm-lane\" x=\"0\" y=\"\(Self.number(laneY))\" width=\"\(Self.number(width))\" "
                + "height=\"\(Self.number(height))\"/>"
            svg +=
                "<rect class=\"pm-lane-label\" x=\"0\" y=\"\(Self.number(laneY))\" width=\"\(Self.number(Self.labelWidth))\" "
                + "height=\"\(Self.number(height))\"/>"
            let lines = TextWrap.lines(name, width: Self.labelWidth - 12, fontSize: Self.fontSize)
            svg += text(
                lines, x: Self.labelWidth / 2,
                y: laneY + height / 2 - Double(lines.count - 1) * Self.lineHeight / 2, className: "pm-lane-name",
                lineHeight: Self.lineHeight)
        }
        var centres: [Double] = []
        for box in boxes {
            let laneY = laneTop[box.step.role] ?? top
            let boxY = laneY + Self.lanePadding
            centres.append(boxY + box.height / 2)
            svg += "<g class=\"pm-step\">"
            svg +=
                "<rect class=\"pm-box\" x=\"\(Self.number(box.x))\" y=\"\(Self.number(boxY))\" width=\"\(Self.number(boxWidth))\" "
                + "height=\"\(Self.number(box.height))\" rx=\"6\"/>"
            svg += "<circle class=\"pm-number\" cx=\"\(Self.number(box.x))\" cy=\"\(Self.number(boxY))\" r=\"10\"/>"
            svg +=
                "<text class=\"pm-number-text\" x=\"\(Self.number(box.x))\" y=\"\(Self.number(boxY + 4))\">\(box.step.number)</text>"
            svg += text(
                box.lines, x: box.x + boxWidth / 2, y: boxY + Self.boxPadding + Self.lineHeight - 4,
                className: "pm-title", lineHeight: Self.lineHeight)
            if let limit = box.step.timeLimit {
                svg +=
                    "<text class=\"pm-time\" x=\"\(Self.number(box.x + boxWidth / 2))\" "
                    + "y=\"\(Self.number(boxY + box.height - Self.boxPadding - 2))\">\(HTMLEscaping.text(limit))</text>"
            }
            var recordY = boxY + box.height + 6
            for lines in box.recordLines {
                let height = Double(lines.count) * Self.smallLineHeight + 10
                let x = box.x + (boxWidth - Self.recordWidth) / 2
                svg +=
                    "<path class=\"pm-record\" d=\"\(Self.documentPath(x: x, y: recordY, width: Self.recordWidth, height: height))\"/>"
                svg += text(
                    lines, x: x + Self.recordWidth / 2, y: recordY + Self.smallLineHeight, className: "pm-record-text",
                    lineHeight: Self.smallLineHeight)
                recordY += height + 6
            }
            svg += "</g>"
        }
        for index in boxes.indices.dropLast() {
            let start = (boxes[index].x + boxWidth, centres[index])
            let end = (boxes[index + 1].x, centres[index + 1])
            svg += arrow(from: start, to: end)
        }
        if let from, let first = boxes.first, let centre = centres.first {
            let circle = (first.x - Self.gap / 2 - 6, centre)
            svg += connector(from, at: circle)
            svg += arrow(from: (circle.0 + 11, centre), to: (first.x, centre))
        }
        if let to, let last = boxes.last, let centre = centres.last {
            let circle = (last.x + boxWidth + Self.gap / 2 + 4, centre)
            svg += arrow(from: (last.x + boxWidth, centre), to: (circle.0 - 11, centre))
            svg += connector(to, at: circle)
        }
        return (svg, y - top)
    }

    /// An arrow, straight within a lane, with a bend halfway between the boxes across lanes.
    private func arrow(from start: (Double, Double), to end: (Double, Double)) -> String {
        let tip = (end.0 - 1, end.1)
        let path: String
        if abs(start.1 - end.1) < 0.5 {
            path = "M\(Self.number(start.0)) \(Self.number(start.1))H\(Self.number(tip.0 - 7))"
        } else {
            let middle = (start.0 + tip.0) / 2
            path =
                "M\(Self.number(start.0)) \(Self.number(start.1))H\(Self.number(middle))V\(Self.number(end.1))"
                + "H\(Self.number(tip.0 - 7))"
        }
        let head =
            "\(Self.number(tip.0)),\(Self.number(tip.1)) \(Self.number(tip.0 - 8)),\(Self.number(tip.1 - 4.5)) "
            + "\(Self.number(tip.0 - 8)),\(Self.number(tip.1 + 4.5))"
        return "<path class=\"pm-arrow\" d=\"\(path)\"/><polygon class=\"pm-arrowhead\" points=\"\(head)\"/>"
    }

    /// The lettered circle where a row ends and the next begins.
    private func connector(_ name: String, at centre: (Double, Double)) -> String {
        "<circle class=\"pm-connector\" cx=\"\(Self.number(centre.0))\" cy=\"\(Self.number(centre.1))\" r=\"11\"/>"
            + "<text class=\"pm-connector-text\" x=\"\(Self.number(centre.0))\" y=\"\(Self.number(centre.1 + 4))\">\(name)</text>"
    }

    private func text(_ lines: [String], x: Double, y: Double, className: String, lineHeight: Double) -> String {
        var svg = "<text class=\"\(className)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\">"
        for (index, line) in lines.enumerated() {
            svg +=
                "<tspan x=\"\(Self.number(x))\" dy=\"\(index == 0 ? "0" : Self.number(lineHeight))\">"
                + HTMLEscaping.text(line) + "</tspan>"
        }
        return svg + "</text>"
    }

    /// A document: a rectangle whose bottom edge waves.
    private static func documentPath(x: Double, y: Double, width: Double, height: Double) -> String {
        let bottom = y + height
        return "M\(number(x)) \(number(y))H\(number(x + width))V\(number(bottom))"
            + "C\(number(x + width * 0.75)) \(number(bottom - 6)) \(number(x + width * 0.5)) \(number(bottom + 5)) "
            + "\(number(x + width * 0.25)) \(number(bottom))S\(number(x + 4)) \(number(bottom - 4)) \(number(x)) \(number(bottom))Z"
    }

    /// A, B, … Z, then AA, AB …
    private static func connectorName(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < 26 ? String(letters[index]) : String(letters[index / 26 - 1]) + String(letters[index % 26])
    }

    /// A coordinate with at most one decimal, as short as it can be.
    private static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// Breaks text into lines no wider than a width, measured in the theme's font the way a browser
/// would roughly set it: Han, kana and full-width forms one em, Latin letters and digits about
/// half. Lines break between CJK characters and at spaces, never inside a Latin word (a word
/// wider than the line gets a line of its own), and never before closing punctuation or after
/// opening punctuation.
enum TextWrap {
    /// The width of `text` in pixels at `fontSize`.
    static func width(_ text: some StringProtocol, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + em($1) } * fontSize
    }

    /// The width of the widest piece of `text` that no line may break.
    static func widestUnit(of text: String, fontSize: Double) -> Double {
        units(of: text).map { width($0.trimmingLeadingSpace, fontSize: fontSize) }.max() ?? 0
    }

    static func lines(_ text: String, width: Double, fontSize: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for unit in units(of: text) {
            let candidate = line.isEmpty ? unit.trimmingLeadingSpace : line + unit
            if !line.isEmpty, self.width(candidate.trimmingTrailingSpace, fontSize: fontSize) > width {
                lines.append(line.trimmingTrailingSpace)
                line = unit.trimmingLeadingSpace
            } else {
                line = candidate
            }
        }
        if !line.trimmingTrailingSpace.isEmpty { lines.append(line.trimmingTrailingSpace) }
        return lines.isEmpty ? [""] : lines
    }

    /// The pieces a line may break between: a Latin word with the spaces before it, or one CJK
    /// character, with the punctuation that must stay beside it.
    private static func units(of text: String) -> [String] {
        var units: [String] = []
        var current = ""
        var currentIsWord = false
        var pendingOpening = ""
        for scalar in text.unicodeScalars {
            let character = String(scalar)
            if closing.contains(scalar), !units.isEmpty || !current.isEmpty {
                current += character
            } else if opening.contains(scalar) {
                if !current.isEmpty { units.append(current) }
                current = ""
                currentIsWord = false
                pendingOpening += character
            } else if isWide(scalar) {
                if !current.isEmpty { units.append(current) }
                current = pendingOpening + character
                pendingOpening = ""
                currentIsWord = false
            } else if scalar == " " {
                if !current.isEmpty { units.append(current) }
                current = " "
                currentIsWord = false
            } else {
                if !currentIsWord, !current.isEmpty, current != " " {
                    units.append(current)
                    current = ""
                }
                current += pendingOpening + character
                pendingOpening = ""
                currentIsWord = true
            }
        }
        current += pendingOpening
        if !current.isEmpty { units.append(current) }
        return units
    }

    private static let closing = Set("，。、；：？！）」』》〉】’”．,.;:?!)%".unicodeScalars)
    private static let opening = Set("（「『《〈【‘“(".unicodeScalars)

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }

    /// The advance of a character in em, rounded up a little so that text never outgrows its box.
    private static func em(_ scalar: Unicode.Scalar) -> Double {
        if isWide(scalar) { return 1.0 }
        switch scalar {
        case " ": return 0.3
        case "i", "l", "j", "t", "f", "r", ".", ",", ":", ";", "'", "|", "!", "(", ")", "[", "]": return 0.35
        case "m", "w", "M", "W", "@", "%": return 0.9
        case "A"..."Z": return 0.68
        default: return 0.58
        }
    }
}

extension String {
    fileprivate var trimmingLeadingSpace: String { String(drop { $0 == " " }) }
    fileprivate var trimmingTrailingSpace: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
