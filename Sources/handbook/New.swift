import ArgumentParser
import Foundation
import HandbookLoading
import HandbookModel

extension HandbookCommand {
    /// `handbook new`: a skeleton of a chapter, policy, process or role that passes
    /// `check --strict`, with the next free id, placed where its siblings are.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a chapter, policy, process or role: a skeleton with the next free id.",
            discussion: "Nothing is ever overwritten; the path written is printed.",
            subcommands: [Chapter.self, Policy.self, Process.self, Role.self])

        struct Chapter: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add a chapter to an area.")
            @OptionGroup var content: NewContentOptions
            @Argument(help: "The chapter's title.") var title: String
            @Option(help: "The area it belongs to (an id from handbook.yaml).") var area: String
            @Option(help: "Its id (default: from the title, or chapter-N).") var id: String?

            func run() throws {
                let sources = try content.load()
                try sources.requireArea(area)
                let handbook = sources.handbook
                let taken = Set(handbook.chapters.map(\.id.value))
                let id = unique(self.id ?? slugOrNil(title) ?? "chapter-\(handbook.chapters.count + 1)", in: taken)
                let order = (handbook.chapters.filter { $0.area.value == area }.map(\.order).max() ?? 0) + 1
                let path = sources.chapterPath(for: id, area: area)
                let text = sources.isEnglish ? "Write the chapter here." : "在这里写本章的内容。"
                try sources.write(
                    """
                    ---
                    id: \(id)
                    title: \(yamlString(title))
                    area: \(area)
                    order: \(order)
                    ---

                    \(text)

                    """, to: path)
            }
        }

        struct Policy: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add a policy to an area.")
            @OptionGroup var content: NewContentOptions
            @Argument(help: "The policy's title.") var title: String
            @Option(help: "The area it belongs to (an id from handbook.yaml).") var area: String
            @Option(help: "The role that owns it (an id from roles.yaml).") var owner: String

            func run() throws {
                let sources = try content.load()
                try sources.requireArea(area)
                try sources.requireRole(owner)
                let id = nextID(after: sources.handbook.policies.map(\.id.value), fallback: "POL-001")
                let english = sources.isEnglish
                try sources.write(
                    """
                    id: \(id)
                    title: \(yamlString(title))
                    area: \(area)
                    owner: \(owner)
                    version: "1.0"
                    effective: \(content.today)
                    review_every: 12
                    applies_to: [\(owner)]
                    summary: \(english ? "What the policy settles, in one sentence." : "用一句话说明本制度规定了什么。")

                    body: |
                      ## \(english ? "Scope" : "适用范围") {#scope}

                      \(english ? "Who and what the policy applies to." : "本制度适用的人员和事项。")

                    """, to: sources.policyPath(for: id, area: area))
            }
        }

        struct Process: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract:
                    "Add a process to a policy, at the end of its processes; the rest of the file is kept as it is.")
            @OptionGroup var content: NewContentOptions
            @Argument(help: "The process's title.") var title: String
            @Option(help: "The policy it belongs to (a policy id).") var policy: String
            @Option(help: "The role that owns it (an id from roles.yaml).") var owner: String

            func run() throws {
                let sources = try content.load()
                try sources.requireRole(owner)
                guard let target = sources.handbook.policies.first(where: { $0.id.value == policy }) else {
                    throw NewFailure("there is no policy '\(policy)'")
                }
                let id = nextID(
                    after: sources.handbook.processes.map(\.id.value),
                    fallback: policy.replacingOccurrences(of: "POL", with: "PROC") + "-1")
                let english = sources.isEnglish
                let item = """
                    - id: \(id)
                      title: \(yamlString(title))
                      owner: \(owner)
                      trigger: \(english ? "When the process starts" : "流程在什么情况下开始")
                      steps:
                        - id: first
                          title: \(english ? "First step" : "第一步")
                          role: \(owner)
                          sla: 1d
                          checklist:
                            - \(english ? "What to check in this step" : "这一步要核对的事项")
                    """
                let url = sources.folder.appendingPathComponent(target.path)
                let text = try String(contentsOf: url, encoding: .utf8)
                try sources.replace(url, with: YAMLAppend.item(item, toList: "processes", in: text), path: target.path)
            }
        }

        struct Role: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add a role at the end of roles.yaml.")
            @OptionGroup var content: NewContentOptions
            @Argument(help: "The role's name.") var name: String
            @Option(help: "Its id (default: from the name).") var id: String?
            @Option(help: "The role it reports to (an id from roles.yaml).") var reportsTo: String?

            func run() throws {
                let sources = try content.load()
                if let reportsTo { try sources.requireRole(reportsTo) }
                guard let id = self.id ?? slugOrNil(name) else {
                    throw NewFailure("give the role an id with --id (its name has no letters to make one from)")
                }
                guard !sources.handbook.roles.contains(where: { $0.id == id }) else {
                    throw NewFailure("there is a role '\(id)' already")
                }
                let english = sources.isEnglish
                var item = """
                    - id: \(id)
                      name: \(yamlString(name))
                      description: \(english ? "What the role is responsible for." : "这个岗位负责的工作。")
                    """
                if let reportsTo { item += "\n  reports_to: \(reportsTo)" }
                let url = sources.folder.appendingPathComponent("roles.yaml")
                let text = try String(contentsOf: url, encoding: .utf8)
                try sources.replace(url, with: YAMLAppend.item(item, toList: "roles", in: text), path: "roles.yaml")
            }
        }
    }
}

/// The content folder and day of `handbook new`.
struct NewContentOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content: String = "content"

    /// The day a new policy takes effect.
    var today: CalendarDate { .current }

    func load() throws -> NewSources {
        let folder = URL(fileURLWithPath: content)
        do {
            let (handbook, _) = try ContentLoader(contentDirectory: folder).load()
            return NewSources(folder: folder, display: content, handbook: handbook)
        } catch {
            throw NewFailure("\(error)")
        }
    }
}

/// What `handbook new` reads of the content folder, and where it writes.
struct NewSources {
    let folder: URL
    /// The folder as the user named it, for the paths printed.
    let display: String
    let handbook: Handbook

    var isEnglish: Bool { handbook.config.language == .english }

    func requireArea(_ area: String) throws {
        guard handbook.config.areas.contains(where: { $0.id == area }) else {
            throw NewFailure(
                "there is no area '\(area)'; areas: \(handbook.config.areas.map(\.id).joined(separator: ", "))")
        }
    }

    func requireRole(_ role: String) throws {
        guard handbook.roles.contains(where: { $0.id == role }) else {
            throw NewFailure("there is no role '\(role)'; roles: \(handbook.roles.map(\.id).joined(separator: ", "))")
        }
    }

    /// Beside the area's chapters (or any chapter), numbered after the highest `NN-` prefix.
    func chapterPath(for id: String, area: String) -> String {
        let siblings = handbook.chapters.filter { $0.area.value == area }.map(\.path)
        let folder =
            (siblings.first ?? handbook.chapters.first?.path).map { ($0 as NSString).deletingLastPathComponent }
            ?? "chapters"
        let numbers = handbook.chapters.compactMap { chapter -> (Int, Int)? in
            let name = (chapter.path as NSString).lastPathComponent
            let digits = name.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, name.dropFirst(digits.count).first == "-", let number = Int(digits) else {
                return nil
            }
            return (number, digits.count)
        }
        guard let highest = numbers.max(by: { $0.0 < $1.0 }) else { return "\(folder)/\(id).md" }
        let number = String(highest.0 + 1)
        return "\(folder)/\(String(repeating: "0", count: max(0, highest.1 - number.count)))\(number)-\(id).md"
    }

    /// Beside the area's policies when they have a folder per area, else beside any policy.
    func policyPath(for id: String, area: String) -> String {
        let siblings = handbook.policies.map(\.path)
        let folders = Set(siblings.map { ($0 as NSString).deletingLastPathComponent })
        let inArea = handbook.policies.first { $0.area.value == area }.map {
            ($0.path as NSString).deletingLastPathComponent
        }
        let folder =
            inArea ?? (folders.count > 1 ? "policies/\(area)" : folders.first ?? "policies")
        return "\(folder)/\(id).yaml"
    }

    /// Writes a new file; never over an existing one.
    func write(_ text: String, to path: String) throws {
        let url = folder.appendingPathComponent(path)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw NewFailure("\(display)/\(path) exists already")
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        print("\(display)/\(path)")
    }

    func replace(_ url: URL, with text: String, path: String) throws {
        try Data(text.utf8).write(to: url, options: .atomic)
        print("\(display)/\(path)")
    }
}

/// A problem that stops `handbook new` before it writes anything; exits with status 2.
struct NewFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Adds an item at the end of a top-level list of a YAML text, keeping every other line as it
/// is (comments, order, quoting).
enum YAMLAppend {
    /// `item` (lines without indentation, starting with `- `) appended to the list under the
    /// top-level `key`, indented as that list's items are; a new `key:` at the end if there is none.
    static func item(_ item: String, toList key: String, in text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        guard let start = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) else {
            return lines.joined(separator: "\n") + "\n\n\(key):\n" + indented(item, by: "  ") + "\n"
        }
        // The list runs until the next line that starts at the first column with a key.
        var end = lines.count
        for index in (start + 1)..<lines.count {
            let line = lines[index]
            if let first = line.first, first != " ", first != "#", first != "-" {
                end = index
                break
            }
        }
        // After its last line that is not blank or a comment.
        var last = end - 1
        while last > start,
            lines[last].trimmingCharacters(in: .whitespaces).isEmpty
                || lines[last].trimmingCharacters(in: .whitespaces).hasPrefix("#")
        {
            last -= 1
        }
        let indentation =
            lines[(start + 1)..<end].first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- ") }
            .map { String($0.prefix { $0 == " " }) } ?? "  "
        lines.insert(indented(item, by: indentation), at: last + 1)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func indented(_ item: String, by indentation: String) -> String {
        item.components(separatedBy: "\n").map { indentation + $0 }.joined(separator: "\n")
    }
}

/// The next id after the highest of `ids` with the most common prefix before their trailing
/// digits, at the same width: `SALES-POL-018` → `SALES-POL-019`; `fallback` when none has digits.
func nextID(after ids: [String], fallback: String) -> String {
    let numbered = ids.compactMap { id -> (prefix: String, digits: String)? in
        let digits = String(id.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
        return digits.isEmpty ? nil : (String(id.dropLast(digits.count)), digits)
    }
    let prefixes = Dictionary(grouping: numbered, by: \.prefix)
    guard let (prefix, group) = prefixes.max(by: { $0.value.count < $1.value.count }) else { return fallback }
    let highest = group.max { Int($0.digits) ?? 0 < Int($1.digits) ?? 0 }!
    let next = String((Int(highest.digits) ?? 0) + 1)
    let taken = Set(ids)
    var candidate = prefix + String(repeating: "0", count: max(0, highest.digits.count - next.count)) + next
    var number = (Int(highest.digits) ?? 0) + 1
    while taken.contains(candidate) {
        number += 1
        candidate = prefix + String(number)
    }
    return candidate
}

/// A lower-case ASCII slug of `text` (`Lead qualification` → `lead-qualification`), or nil when
/// it has no ASCII letters or digits.
func slugOrNil(_ text: String) -> String? {
    var slug = ""
    for character in text.lowercased() {
        if character.isASCII, character.isLetter || character.isNumber {
            slug.append(character)
        } else if !slug.isEmpty, slug.last != "-" {
            slug.append("-")
        }
    }
    while slug.last == "-" { slug.removeLast() }
    return slug.isEmpty ? nil : slug
}

/// `id`, or `id-2`, `id-3` … when it is taken.
func unique(_ id: String, in taken: Set<String>) -> String {
    var candidate = id
    var number = 2
    while taken.contains(candidate) {
        candidate = "\(id)-\(number)"
        number += 1
    }
    return candidate
}

/// `text` as a YAML double-quoted scalar.
func yamlString(_ text: String) -> String {
    let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        .replacingOccurrences(of: "\n", with: " ")
    return "\"" + escaped + "\""
}
