import Foundation
import HandbookBuild

@testable import HandbookLoading

/// A large handbook made up in memory, for tests of what must not grow with a handbook's size:
/// `chapters` chapters and one policy with one process per ten chapters, spread over four
/// areas, with cross-links, in Chinese and English.
enum GeneratedHandbook {
    static let areas = ["targets", "process", "customers", "training"]
    private static let words = [
        "客户", "拜访", "跟进", "合同", "回款", "目标", "佣金", "销售", "培训", "commission", "pipeline", "forecast",
        "account", "review", "quota",
    ]

    static func content(chapters: Int) -> MemoryContentTree {
        var files: [String: String] = [:]
        files["handbook.yaml"] = """
            title: 生成的手册
            language: zh-CN
            base_url: https://example.com/
            areas:
            \(areas.map { "  - id: \($0)\n    title: 分区 \($0)" }.joined(separator: "\n"))

            """
        files["roles.yaml"] = """
            roles:
              - id: manager
                name: 销售经理
                description: 带领团队。
              - id: rep
                name: 销售代表
                description: 开发客户。
                reports_to: manager

            """
        let policies = max(1, chapters / 10)
        for number in 0..<policies {
            let id = String(format: "%04d", number)
            files["policies/gen-\(id).yaml"] = """
                id: GEN-POL-\(id)
                title: 生成的制度 \(number)
                area: \(areas[number % areas.count])
                owner: manager
                version: "1.0"
                effective: 2026-01-01
                review_every: 12
                applies_to: [manager, rep]
                summary: \(sentence(number, length: 12))
                body: |
                  ## 目的

                  \(sentence(number + 1, length: 40))
                processes:
                  - id: GEN-PROC-\(id)
                    title: 生成的流程 \(number)
                    owner: manager
                    trigger: 每月初
                    steps:
                      - id: prepare
                        title: 准备
                        role: rep
                        sla: 8h
                        checklist:
                          - 核对第 \(number) 号清单的 \(sentence(number + 2, length: 6))

                """
        }
        for number in 0..<chapters {
            let id = String(format: "%04d", number)
            let other = String(format: "%04d", (number * 7 + 3) % chapters)
            let policy = String(format: "%04d", number % policies)
            files["chapters/\(id)-chapter.md"] = """
                ---
                id: chapter-\(id)
                title: 第 \(number) 章 \(words[number % words.count])
                area: \(areas[number % areas.count])
                order: \(number)
                ---

                ## 概述 {#s1}

                \(sentence(number, length: 50))

                参见 [相关章节](\(other)-chapter.md#s1) 与 [相关制度](policy:GEN-POL-\(policy))。

                - \(sentence(number + 3, length: 10))
                - \(sentence(number + 4, length: 10))

                """
        }
        return MemoryContentTree(files: files.mapValues { Data($0.utf8) })
    }

    /// Builds the handbook of `chapters` chapters into a temporary folder and runs `body` with it.
    static func withBuiltSite(chapters: Int, _ body: (URL) throws -> Void) async throws {
        let (_, output) = try await TestSupport.build(content(chapters: chapters))
        try await TestSupport.withTemporaryDirectory { folder in
            for (path, data) in output.files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            try body(folder)
        }
    }

    /// Words picked deterministically from `seed`.
    private static func sentence(_ seed: Int, length: Int) -> String {
        (0..<length).map { words[($0 * 31 + seed * 17) % words.count] }.joined(separator: " ") + "。"
    }
}
