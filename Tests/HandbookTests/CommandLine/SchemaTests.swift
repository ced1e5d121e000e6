import Foundation
import Testing

@testable import HandbookLoading
@testable import HandbookModel

/// `handbook schema`: the JSON Schemas accept the example handbook and reject what the check rejects,
/// judged by the `jsonschema` package (draft 2020-12) through `Scripts/validate-schemas.py`.
@Suite struct SchemaTests {
    static let validator = TestSupport.packageRoot.appendingPathComponent("Scripts/validate-schemas.py").path

    private func writeSchemas(in folder: URL) throws -> URL {
        let result = try TestSupport.run(
            CommandLineTests.executable.path, ["schema", "--output", "schemas"], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            result.output.split(separator: "\n") == [
                "schemas/handbook.schema.json", "schemas/roles.schema.json", "schemas/policy.schema.json",
                "schemas/chapter.schema.json",
            ])
        return folder.appendingPathComponent("schemas")
    }

    @Test func theExampleHandbookMatchesTheSchemas() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let schemas = try writeSchemas(in: folder)
            let result = try TestSupport.run(
                "python3", [Self.validator, schemas.path, TestSupport.exampleContent.path])
            #expect(result.status == 0, "\(result.output)\(result.errors)")
            #expect(result.errors.contains("0 problems"))
        }
    }

    @Test func aPolicyWithoutAnOwnerOrWithAMisspeltKeyFailsBothTheSchemaAndTheCheck() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let schemas = try writeSchemas(in: folder)
            let content = folder.appendingPathComponent("content")
            try FileManager.default.copyItem(at: TestSupport.exampleContent, to: content)
            let policy = content.appendingPathComponent("policies/targets/SALES-POL-001.yaml")
            let text = try String(contentsOf: policy, encoding: .utf8)
            let broken = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("owner:") }
                .map { $0.hasPrefix("summary:") ? "sumary:" + $0.dropFirst("summary:".count) : $0 }
                .joined(separator: "\n")
            try broken.write(to: policy, atomically: true, encoding: .utf8)

            let result = try TestSupport.run("python3", [Self.validator, schemas.path, content.path])
            #expect(result.status == 1)
            #expect(
                result.output.contains(
                    "policies/targets/SALES-POL-001.yaml: (document): 'owner' is a required property"))
            #expect(result.output.contains("'sumary' was unexpected"))

            let (_, diagnostics) = try TestSupport.check(content)
            let rules = diagnostics.filter { $0.location.path.hasSuffix("SALES-POL-001.yaml") }.map(\.rule)
            #expect(rules.contains("missing-field"))
            #expect(rules.contains("unknown-key"))
        }
    }

    @Test func aStepWithAnUnreadableTimeLimitFailsTheSchema() async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            let schemas = try writeSchemas(in: folder)
            let content = try TestSupport.makeContent(in: folder)
            let policies = FileManager.default.enumerator(atPath: content.appendingPathComponent("policies").path)!
            let path = try #require((policies.allObjects as! [String]).first { $0.hasSuffix(".yaml") })
            let policy = content.appendingPathComponent("policies").appendingPathComponent(path)
            let text = try String(contentsOf: policy, encoding: .utf8)
            try #require(text.contains("sla: "))
            let broken = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.contains("sla: ") ? $0.prefix(while: { $0 != "s" }) + "sla: 3 days" : $0 }
                .joined(separator: "\n")
            try broken.write(to: policy, atomically: true, encoding: .utf8)

            let result = try TestSupport.run("python3", [Self.validator, schemas.path, content.path])
            #expect(result.status == 1)
            #expect(result.output.contains("'3 days' does not match"))
        }
    }

    /// Every key the readers know is described in `docs/format.md`, so the documentation, the
    /// schemas and the readers name the same keys.
    @Test func everyDefinedKeyIsDocumented() throws {
        let documentation = try String(
            contentsOf: TestSupport.packageRoot.appendingPathComponent("docs/format.md"), encoding: .utf8)
        let formats = [
            SourceFormat.handbook, SourceFormat.area, SourceFormat.roles, SourceFormat.role, SourceFormat.policy,
            SourceFormat.process, SourceFormat.step, SourceFormat.kpi, SourceFormat.tier, SourceFormat.chapter,
        ]
        for format in formats {
            for field in format.fields {
                #expect(documentation.contains("| `\(field.key)` |"), "\(format.name).\(field.key) is not documented")
            }
        }
    }
}
