import Foundation
import HandbookLoading
import HandbookMarkdown
import HandbookModel
import HandbookValidation

/// One fuzzing input, checked and rendered as a source of a small handbook: the first byte
/// chooses which source the rest replaces (a chapter's Markdown body, a whole chapter, a policy,
/// `handbook.yaml` or `roles.yaml`).
enum FuzzInput {
    static let sources: [String: String] = [
        "handbook.yaml": """
        title: Fuzz
        base_url: https://example.com/
        areas:
          - {id: sales, title: Sales}
        """,
        "roles.yaml": """
        roles:
          - {id: rep, name: Rep, description: Sells.}
          - {id: lead, name: Lead, description: Leads., reports_to: rep}
        """,
        "policies/p.yaml": """
        id: P-1
        title: Policy
        area: sales
        owner: rep
        version: "1"
        effective: 2026-01-01
        review_every: 12
        applies_to: [rep]
        summary: A policy.
        body: |
          ## Why {#why}
          See [the chapter](../chapters/01-c.md#start).
        processes:
          - id: PR-1
            title: Process
            owner: rep
            trigger: A lead.
            steps:
              - {id: one, title: One, role: rep, sla: 1d, checklist: [a, b], records: [{title: Form, file: files/f.csv}]}
        kpis:
          - {name: K, weight: 100, target: t, measure: m}
        tiers:
          - {from: 0, to: 10, rate: 1%}
          - {from: 10, rate: 2}
        """,
        "chapters/01-c.md":
            "---\nid: c\ntitle: C\narea: sales\nrelated: [P-1]\n---\n\n## Start\n\n```process PR-1\n```\n",
        "files/f.csv": "a,b\n",
    ]

    static let targets = ["chapter body", "chapters/01-c.md", "policies/p.yaml", "handbook.yaml", "roles.yaml"]

    static func run(_ input: Data) {
        guard let selector = input.first else { return }
        var files = sources.mapValues { Data($0.utf8) }
        let target = targets[Int(selector) % targets.count]
        let rest = Data(input.dropFirst())
        if target == "chapter body" {
            files["chapters/02-fuzz.md"] = Data("---\nid: fuzz\ntitle: Fuzz\narea: sales\n---\n".utf8) + rest
        } else {
            files[target] = rest
        }
        let check = ContentCheck(
            content: MemoryContentTree(files: files), today: CalendarDate(year: 2026, month: 6, day: 1))
        guard let (index, _) = try? check.run() else { return }
        let renderer = HTMLRenderer(allowsRawHTML: false, embedding: AsWritten())
        for document in index.chapterDocuments.values { _ = renderer.render(document) }
        for document in index.policyDocuments.values { _ = renderer.render(document) }
    }

    /// Links and directives as written.
    private struct AsWritten: MarkdownEmbedding {
        func href(for target: LinkTarget) -> String? { nil }
        func html(for directive: Directive) -> String? { "<div></div>" }
    }
}

#if FUZZING
    /// libFuzzer's driver, linked in by `-sanitize=fuzzer` (`Scripts/fuzz.sh`).
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif

/// Fuzzes with libFuzzer when built by `Scripts/fuzz.sh`; otherwise replays the inputs named on
/// the command line (a finding of the fuzzer, or its corpus), to reproduce them in an ordinary
/// build.
@main
enum HandbookFuzz {
    static func main() {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(
                runFuzzerDriver(&argc, &argv) { bytes, count in
                    FuzzInput.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
                    return 0
                })
        #else
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                    continue
                }
                FuzzInput.run(data)
            }
            print("replayed \(CommandLine.arguments.count - 1) inputs")
        #endif
    }
}
