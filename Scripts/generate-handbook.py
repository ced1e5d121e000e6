#!/usr/bin/env python3
"""Generate a large handbook for benchmarks: N Markdown chapters and N/10 policies.

Usage: Scripts/generate-handbook.py CHAPTERS OUTPUT_DIR

Writes OUTPUT_DIR/content (a handbook for `handbook build`) and OUTPUT_DIR/hugo (a Hugo site
with the same chapters and a layout with the same kind of sidebar, so both tools render the
same Markdown into comparable pages).
"""
import os
import random
import sys

AREAS = [("targets", "目标与职责"), ("process", "标准化销售流程"), ("appraisal", "绩效考核"),
         ("training", "培训与支持"), ("communication", "沟通与反馈"), ("incentives", "激励机制"),
         ("customers", "客户管理"), ("market", "市场分析与策略"), ("after-sales", "售后服务"),
         ("data", "数据分析与持续改进")]
ROLES = ["sales-director", "sales-manager", "account-developer", "account-manager", "sales-assistant"]
WORDS = ("客户 拜访 记录 跟进 合同 评审 回款 目标 分解 季度 月度 周报 例会 考核 指标 权重 培训 "
         "产品 知识 谈判 技巧 市场 调研 竞品 价格 策略 投诉 处理 满意度 数据 分析 改进 CRM KPI SLA").split()


def paragraph(rng, words=60):
    return "".join(rng.choice(WORDS) + ("，" if rng.random() < 0.12 else "") for _ in range(words)) + "。"


def chapter_body(rng, index, chapters, policies):
    other = rng.randrange(chapters)
    policy = rng.randrange(policies)
    lines = []
    for section in range(4):
        lines.append(f"## 第{section + 1}节 {rng.choice(WORDS)}{rng.choice(WORDS)} {{#s{section + 1}}}")
        lines.append("")
        lines.append(paragraph(rng))
        lines.append("")
        lines.append(f"参见 [相关章节]({other:04d}-chapter.md#s{section + 1}) 与 "
                     f"[相关制度](policy:GEN-POL-{policy:04d})，以及 *重点* 与 **要求**。")
        lines.append("")
        lines.extend(f"- {paragraph(rng, 12)}" for _ in range(4))
        lines.append("")
        if section == 2:
            lines.extend(["```text", "年度目标 1200 万 → 季度 300 万 → 月度 100 万 → 周 23 万", "```", ""])
    return "\n".join(lines)


def hugo_body(body):
    # Hugo has no policy: links or chapter-file rewriting; point them at plain pages instead.
    return body.replace("](policy:GEN-POL-", "](/policies/gen-pol-").replace("-chapter.md#", "-chapter/#")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def main():
    chapters = int(sys.argv[1])
    out = sys.argv[2]
    policies = max(1, chapters // 10)
    rng = random.Random(42)
    content = os.path.join(out, "content")
    hugo = os.path.join(out, "hugo")

    areas = "\n".join(f"  - id: {area}\n    title: {title}" for area, title in AREAS)
    write(os.path.join(content, "handbook.yaml"),
          f"title: 生成的大型手册\nlanguage: zh-CN\nbase_url: https://example.com/\n"
          f"repository_url: https://git.example.com/acme/big\nareas:\n{areas}\n")
    roles = "\n".join(f"  - id: {role}\n    name: {role}\n    description: 生成的角色。" for role in ROLES)
    write(os.path.join(content, "roles.yaml"), f"roles:\n{roles}\n")

    for number in range(policies):
        area = AREAS[number % len(AREAS)][0]
        steps = "\n".join(
            f"      - id: step-{step}\n        title: 第{step}步\n        role: {ROLES[step % len(ROLES)]}\n"
            f"        sla: {step * 8}h\n        checklist:\n"
            + "\n".join(f"          - {paragraph(rng, 6)}" for _ in range(4))
            for step in range(1, 5))
        write(os.path.join(content, "policies", f"gen-{number:04d}.yaml"),
              f"id: GEN-POL-{number:04d}\ntitle: 生成的制度 {number}\narea: {area}\nowner: sales-manager\n"
              f"version: \"1.0\"\neffective: 2026-01-01\nreview_every: 12\napplies_to: [{', '.join(ROLES[:3])}]\n"
              f"summary: {paragraph(rng, 15)}\nbody: |\n  ## 目的\n\n  {paragraph(rng)}\n"
              f"kpis:\n  - name: 销售额\n    weight: 60\n    target: 100%\n    measure: 回款\n"
              f"  - name: 满意度\n    weight: 40\n    target: 90 分\n    measure: 调查\n"
              f"tiers:\n  - from: 0\n    to: 500000\n    rate: 2%\n  - from: 500000\n    rate: 3%\n"
              f"processes:\n  - id: GEN-PROC-{number:04d}\n    title: 生成的流程 {number}\n"
              f"    owner: sales-manager\n    trigger: 每月初\n    steps:\n{steps}\n")
        write(os.path.join(hugo, "content", "policies", f"gen-pol-{number:04d}.md"),
              f"---\ntitle: 生成的制度 {number}\n---\n\n## 目的\n\n{paragraph(rng)}\n")

    for number in range(chapters):
        area, _ = AREAS[number % len(AREAS)]
        body = chapter_body(rng, number, chapters, policies)
        title = f"第 {number} 章 {rng.choice(WORDS)}{rng.choice(WORDS)}"
        write(os.path.join(content, "chapters", f"{number:04d}-chapter.md"),
              f"---\nid: chapter-{number:04d}\ntitle: {title}\narea: {area}\norder: {number}\n---\n\n{body}\n")
        write(os.path.join(hugo, "content", "chapters", f"{number:04d}-chapter.md"),
              f"---\ntitle: {title}\nweight: {number}\n---\n\n{hugo_body(body)}\n")

    write(os.path.join(hugo, "config.toml"),
          'baseURL = "https://example.com/"\nlanguageCode = "zh-CN"\ntitle = "生成的大型手册"\n'
          'disableKinds = ["taxonomy", "term", "RSS"]\n[markup.goldmark.parser.attribute]\ntitle = true\n')
    layout = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title></head>
<body><nav><ul>{{ range (where .Site.RegularPages "Section" "chapters") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
<main><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</main></body></html>
"""
    write(os.path.join(hugo, "layouts", "_default", "single.html"), layout)
    write(os.path.join(hugo, "layouts", "_default", "list.html"), layout)
    write(os.path.join(hugo, "layouts", "index.html"), layout)


if __name__ == "__main__":
    main()
