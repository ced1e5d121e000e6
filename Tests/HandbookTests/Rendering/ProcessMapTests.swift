import Foundation
import Testing

@testable import HandbookBuild
@testable import HandbookModel
@testable import HandbookRendering

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Swimlane maps drawn from a process's steps: lanes per role, numbered boxes, arrows, records,
/// rows joined by connectors, a text alternative; and text wrapped without cutting words.
@Suite struct ProcessMapTests {
    private func steps(_ roles: [String], records: Int = 0) -> [ProcessMap.Step] {
        roles.enumerated().map { index, role in
            ProcessMap.Step(
                number: index + 1, title: "第 \(index + 1) 步：核对 customer records", role: role, roleName: "角色\(role)",
                timeLimit: "\(index + 1) 天", records: (0..<records).map { "记录表 \($0 + 1)" })
        }
    }

    private func isWellFormedXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func aOneStepProcessIsOneLaneAndOneBox() {
        let svg = ProcessMap(title: "单步", steps: steps(["a"]), label: "{title}流程图").svg()
        #expect(isWellFormedXML(svg))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title>单步流程图</title>"))
        #expect(count("class=\"pm-lane\"", in: svg) == 1)
        #expect(count("class=\"pm-box\"", in: svg) == 1)
        #expect(count("class=\"pm-arrow\"", in: svg) == 0)
        #expect(count("class=\"pm-connector\"", in: svg) == 0)
    }

    @Test func twelveStepsAcrossSixRolesWrapIntoRowsJoinedByConnectors() {
        let roles = ["a", "b", "c", "d", "e", "f", "a", "c", "e", "b", "d", "f"]
        let map = ProcessMap(title: "长流程", steps: steps(roles, records: 2), label: "{title}")
        let svg = map.svg()
        #expect(isWellFormedXML(svg))
        #expect(count("class=\"pm-box\"", in: svg) == 12)
        #expect(count("class=\"pm-record\"", in: svg) == 24)
        // Four rows of three: an arrow between neighbours in a row, and a connector pair with an
        // arrow on each side between rows.
        #expect(count("class=\"pm-arrow\"", in: svg) == 4 * 2 + 3 * 2)
        for letter in ["A", "B", "C"] {
            #expect(count("class=\"pm-connector-text\" x=", in: svg) == 6)
            #expect(count(">\(letter)</text>", in: svg) == 2)
        }
        // Each row has a lane for each role it uses: three per row here.
        #expect(count("class=\"pm-lane\"", in: svg) == 12)
        // The text alternative names every step in order, with its role and time limit.
        let alternative = map.textAlternative()
        #expect(alternative.hasPrefix("1. 第 1 步：核对 customer records（角色a，1 天） → 2. "))
        #expect(alternative.hasSuffix("12. 第 12 步：核对 customer records（角色f，12 天）"))
        #expect(svg.contains("aria-label=\"长流程：1. 第 1 步"))
    }

    @Test func theMapIsOnTheProcessPageAndEachPolicyPage() async throws {
        let (report, output) = try await TestSupport.build(try TestSupport.content())
        try #require(report.pagesWritten != nil)
        let process = try TestSupport.page("processes/proc-001.html", in: output)
        let map = try #require(process.range(of: "<svg class=\"process-map-svg\""))
        let steps = try #require(process.range(of: "id=\"steps\""))
        #expect(map.lowerBound < steps.lowerBound, "the map comes before the steps")
        #expect(try TestSupport.page("policies/pol-002.html", in: output).contains("process-map-small"))
        #expect(try TestSupport.page("print.html", in: output).contains("process-map-svg"))
    }

    @Test func aProcessMapDirectiveEmbedsTheMapAndAnUnknownOneIsNamed() async throws {
        var content = try TestSupport.content()
        let chapter = try #require(content[text: "chapters/02-process.md"])
        content[text: "chapters/02-process.md"] = chapter + "\n```process-map PROC-001\n```\n"
        let (report, output) = try await TestSupport.build(content)
        try #require(report.pagesWritten != nil, "\(report.diagnostics)")
        let page = try TestSupport.page("chapters/process.html", in: output)
        #expect(page.contains("<figure class=\"process-map embed-process-map\""))
        #expect(page.contains("<figcaption><a href=\"../processes/proc-001.html\">"))

        content[text: "chapters/02-process.md"] = chapter + "\n```process-map PROC-404\n```\n"
        let (_, diagnostics) = try TestSupport.check(content)
        #expect(diagnostics.map(\.message).contains("'process-map' block names unknown process 'PROC-404'"))
    }

    @Test func wrapsChineseBetweenCharactersAndLatinOnlyBetweenWords() {
        let latin = TextWrap.lines("Qualify the inbound opportunity", width: 100, fontSize: 14)
        #expect(latin.joined(separator: " ") == "Qualify the inbound opportunity")
        #expect(latin.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
        let chinese = TextWrap.lines("指定导师与制定培训计划，并通知新员工", width: 120, fontSize: 14)
        #expect(chinese.joined() == "指定导师与制定培训计划，并通知新员工")
        #expect(chinese.count > 1)
        #expect(chinese.allSatisfy { TextWrap.width($0, fontSize: 14) <= 120 })
        #expect(chinese.allSatisfy { !$0.hasPrefix("，") }, "no line starts with closing punctuation")
        // A word wider than the line keeps a line of its own, uncut.
        let long = TextWrap.lines("核对 Internationalization 文档", width: 60, fontSize: 14)
        #expect(long.contains("Internationalization"))
    }
}
