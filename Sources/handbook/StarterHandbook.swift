import Foundation
import HandbookModel

/// The files `handbook init` writes: a handbook small enough to read in a minute that passes
/// `handbook check --strict` (one area, two roles, one chapter, one policy with a process and a
/// checklist), with a `.gitignore` and a CI workflow that checks every push.
struct StarterHandbook {
    let title: String
    let language: HandbookConfig.Language
    /// The policy's effective date, so that its first review is a cycle away.
    let today: CalendarDate

    /// Paths relative to the new folder, with their text, in the order they are listed.
    var files: [(path: String, text: String)] {
        let text: any Text.Type = language == .english ? English.self : Chinese.self
        return [
            ("content/handbook.yaml", text.settings(title: title)),
            ("content/roles.yaml", text.roles),
            ("content/chapters/01-welcome.md", text.chapter),
            ("content/policies/basics/BASE-POL-001.yaml", text.policy(effective: today.description)),
            (".gitignore", "# The built site: handbook build writes it, git does not keep it.\npublic/\n"),
            (".github/workflows/handbook.yml", workflow),
        ]
    }

    private var workflow: String {
        """
        # Checks the handbook on every push and pull request; problems show on the changed lines.
        name: handbook
        on: [push, pull_request]
        jobs:
          check:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              # Install handbook first (see its README), then:
              - run: handbook check --strict --format github

        """
    }

    private protocol Text {
        static func settings(title: String) -> String
        static var roles: String { get }
        static var chapter: String { get }
        static func policy(effective: String) -> String
    }

    private enum Chinese: Text {
        static func settings(title: String) -> String {
            """
            # 站点设置与领域（areas）：领域的顺序就是侧边栏和首页的顺序。
            title: \(yamlString(title))
            language: zh-CN
            description: 本部门的制度、流程与清单。
            # 站点发布后的地址，用于 sitemap.xml 和订阅源；发布前请改成实际地址。
            base_url: https://handbook.example.com/
            areas:
              - id: basics
                title: 基本制度
                description: 人人需要知道的日常制度。

            """
        }

        static let roles = """
            # 岗位：reports_to 写直接上级的岗位 id。
            roles:
              - id: manager
                name: 部门经理
                description: 负责本部门制度的执行，审批请假等事项。
              - id: staff
                name: 员工
                description: 按制度开展日常工作。
                reports_to: manager

            """

        static let chapter = """
            ---
            id: welcome
            title: 欢迎使用本手册
            area: basics
            order: 1
            related: [BASE-POL-001]
            ---

            ## 怎样使用 {#how-to-use}

            每个章节是 `content/chapters/` 下的一个 Markdown 文件；每项制度是 `content/policies/` 下的一个 YAML 文件，写明负责人、版本、生效日期、复审周期和流程。

            ## 怎样修改 {#how-to-edit}

            修改后运行 `handbook check --strict`，它会指出每个问题所在的文件、行和列。请假的规定见[请假制度](policy:BASE-POL-001)。

            """

        static func policy(effective: String) -> String {
            """
            id: BASE-POL-001
            title: 请假制度
            area: basics
            owner: manager
            version: "1.0"
            effective: \(effective)
            review_every: 12
            applies_to: [manager, staff]
            summary: 请假须提前提交申请，由部门经理在一个工作日内审批。

            body: |
              ## 适用范围 {#scope}

              本制度适用于部门全体员工的事假、病假和年假。

            processes:
              - id: BASE-PROC-001
                title: 请假审批流程
                owner: manager
                trigger: 员工需要请假时
                steps:
                  - id: apply
                    title: 提交请假申请
                    role: staff
                    sla: 1d
                    checklist:
                      - 写明请假类型和起止日期
                      - 安排好请假期间的工作交接
                  - id: approve
                    title: 审批
                    role: manager
                    sla: 1d
                    checklist:
                      - 确认交接人已经同意
                      - 在系统中批准或说明不批准的原因

            """
        }
    }

    private enum English: Text {
        static func settings(title: String) -> String {
            """
            # Site settings and areas: the order of the areas is the order of the sidebar and home page.
            title: \(yamlString(title))
            language: en
            description: The department's policies, processes and checklists.
            # Where the site will be published, for sitemap.xml and the feeds: change it before publishing.
            base_url: https://handbook.example.com/
            areas:
              - id: basics
                title: Basics
                description: What everyone needs to know day to day.

            """
        }

        static let roles = """
            # Roles: reports_to names the id of the role one reports to.
            roles:
              - id: manager
                name: Department Manager
                description: Runs the department's policies and approves leave.
              - id: staff
                name: Staff Member
                description: Works by the department's policies.
                reports_to: manager

            """

        static let chapter = """
            ---
            id: welcome
            title: Welcome to the handbook
            area: basics
            order: 1
            related: [BASE-POL-001]
            ---

            ## How to use it {#how-to-use}

            Each chapter is a Markdown file in `content/chapters/`; each policy is a YAML file in
            `content/policies/` with its owner, version, effective date, review cycle and processes.

            ## How to change it {#how-to-edit}

            After a change, run `handbook check --strict`: it names the file, line and column of
            every problem. Leave is described in the [leave policy](policy:BASE-POL-001).

            """

        static func policy(effective: String) -> String {
            """
            id: BASE-POL-001
            title: Leave policy
            area: basics
            owner: manager
            version: "1.0"
            effective: \(effective)
            review_every: 12
            applies_to: [manager, staff]
            summary: Leave is requested in advance and approved by the department manager within one working day.

            body: |
              ## Scope {#scope}

              This policy covers paid leave, sick leave and unpaid leave for everyone in the department.

            processes:
              - id: BASE-PROC-001
                title: Leave approval
                owner: manager
                trigger: A staff member needs leave
                steps:
                  - id: apply
                    title: Request leave
                    role: staff
                    sla: 1d
                    checklist:
                      - State the kind of leave and its first and last day
                      - Hand over the work that cannot wait
                  - id: approve
                    title: Approve
                    role: manager
                    sla: 1d
                    checklist:
                      - Confirm the handover with the colleague who takes it
                      - Approve in the system, or give the reason for a refusal

            """
        }
    }
}
