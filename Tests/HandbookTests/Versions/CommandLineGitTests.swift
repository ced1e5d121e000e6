import Foundation
import Testing

@testable import HandbookVersions

/// The real git client against a repository made in a temporary folder. The time limit catches
/// a git that deadlocks on a full pipe; it is generous because on two cores the other suites'
/// builds and browsers can keep these tests from starting for a minute.
@Suite(.timeLimit(.minutes(5))) struct CommandLineGitTests {
    /// A repository with `content/a.md` and `content/sub/b.md` tagged `v1`, then `a.md` changed.
    private func withRepository(_ body: (URL) async throws -> Void) async throws {
        try await TestSupport.withTemporaryDirectory { folder in
            func git(_ arguments: String...) throws {
                let result = try TestSupport.run("git", ["-C", folder.path] + arguments)
                #expect(result.status == 0, "git \(arguments): \(result.errors)")
            }
            try git("init", "-q")
            try git("config", "user.email", "editor@example.com")
            try git("config", "user.name", "Policy Editor")
            try TestSupport.write("第一版\n", to: folder.appendingPathComponent("content/a.md"))
            try TestSupport.write("b\n", to: folder.appendingPathComponent("content/sub/b.md"))
            try TestSupport.write("outside\n", to: folder.appendingPathComponent("README.md"))
            try git("add", "-A")
            try git("commit", "-qm", "First")
            try git("tag", "v1")
            try TestSupport.write("第二版\n", to: folder.appendingPathComponent("content/a.md"))
            try await body(folder)
        }
    }

    @Test func readsTheFilesOfATagIntoMemoryWithoutTouchingTheWorkingTree() async throws {
        try await withRepository { folder in
            let git = CommandLineGit()
            let tags = try await git.tags(matching: "v*", in: folder)
            #expect(tags.map(\.name) == ["v1"])
            let files = try await git.files(at: try #require(tags.first).commit, under: "content", in: folder)
            #expect(files.mapValues { String(decoding: $0, as: UTF8.self) } == ["a.md": "第一版\n", "sub/b.md": "b\n"])
            let working = try String(contentsOf: folder.appendingPathComponent("content/a.md"), encoding: .utf8)
            #expect(working == "第二版\n")
        }
    }

    @Test func findsTheLastChangeOfEachFile() async throws {
        try await withRepository { folder in
            let changes = try await CommandLineGit().lastChanges(under: "content", in: folder)
            #expect(changes["content/a.md"]?.subject == "First")
            #expect(changes["content/a.md"]?.author == "Policy Editor")
            #expect(changes["README.md"] == nil)
        }
    }

    /// A pipe holds 64 KB; a client that reads standard output to the end before standard
    /// error blocks forever on a git that fills the error pipe first.
    @Test func readsAGitThatWritesMoreThanAPipeToStandardError() async throws {
        try await withRepository { folder in
            let wrapper = folder.appendingPathComponent("noisy-git")
            try TestSupport.write(
                "#!/bin/sh\nhead -c 300000 /dev/zero | tr '\\0' 'w' >&2\nexec git \"$@\"\n", to: wrapper)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
            let git = CommandLineGit(executable: wrapper)
            let tags = try await git.tags(matching: "v*", in: folder)
            #expect(tags.map(\.name) == ["v1"])
            let files = try await git.files(at: try #require(tags.first).commit, under: "content", in: folder)
            #expect(files.count == 2)
        }
    }

    @Test func reportsWhatAFailingGitSaid() async throws {
        try await withRepository { folder in
            await #expect(throws: CommandLineGit.Failure.self) {
                try await CommandLineGit().files(at: "no-such-commit", under: "content", in: folder)
            }
        }
    }
}
