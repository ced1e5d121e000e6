#!/usr/bin/env python3
"""Generate a large handbook for benchmarks: N Markdown chapters and N/10 policies.

Usage: Scripts/generate-handbook.py CHAPTERS OUTPUT_DIR

Writes, deterministically (seeded):
  OUTPUT_DIR/content    a handbook for `handbook build --content OUTPUT_DIR/content`;
  OUTPUT_DIR/hugo       a Hugo site with the same chapters, one section per area and one for the
                        policies, and a bounded navigation (the list of sections, each linking to
                        its section page, plus previous/next within the section), as Hugo
                        documentation themes do at scale;
  OUTPUT_DIR/hugo-full  the same content (`contentDir = "../hugo/content"`) with a layout that
                        lists every chapter on every page, like the old benchmark layout.

The chapters are a mixed corpus: about a third in English prose, the rest in Chinese with some
English terms (CRM, KPI, SLA, commission), 1.5–4 KB each, with headings, lists, the odd table,
and links to other chapters (`NNNN-chapter.md#sN`) and to policies (`policy:GEN-POL-NNNN`).
Sentences come from templates weighted by area, so that terms have uneven frequencies: 销售 is
everywhere, 佣金 and commission mostly in the incentive chapters, 客户分级 rarer.
"""
import json
import os
import random
import re
import sys

AREAS = [("targets", "目标与职责"), ("process", "标准化销售流程"), ("appraisal", "绩效考核"),
         ("training", "培训与支持"), ("communication", "沟通与反馈"), ("incentives", "激励机制"),
         ("customers", "客户管理"), ("market", "市场分析与策略"), ("after-sales", "售后服务"),
         ("data", "数据分析与持续改进")]
ROLES = ["sales-director", "sales-manager", "account-developer", "account-manager", "sales-assistant"]
# Vocabulary of the policies (kept as it was, so policies are generated exactly as before).
WORDS = ("客户 拜访 记录 跟进 合同 评审 回款 目标 分解 季度 月度 周报 例会 考核 指标 权重 培训 "
         "产品 知识 谈判 技巧 市场 调研 竞品 价格 策略 投诉 处理 满意度 数据 分析 改进 CRM KPI SLA").split()

# Slots of the sentence templates: (value, weight).
SLOTS = {
    "zh": {
        "role": [("销售代表", 4), ("客户经理", 3), ("销售经理", 3), ("销售助理", 1), ("区域经理", 1)],
        "manager": [("销售经理", 4), ("销售总监", 2), ("区域经理", 1)],
        "period": [("每周", 3), ("每月", 4), ("每季度", 2), ("每半年", 1)],
        "record": [("拜访记录", 3), ("商机", 3), ("报价单", 2), ("合同", 2), ("回款计划", 1), ("客户档案", 1)],
        "system": [("CRM", 5), ("ERP", 2), ("BI 看板", 1)],
        "hours": [("2", 1), ("4", 2), ("8", 2), ("24", 3), ("48", 1)],
        "n": [("3", 2), ("5", 3), ("8", 1), ("10", 1)],
        "amount": [("20", 1), ("50", 3), ("100", 2), ("200", 1)],
        "pct": [("5", 3), ("10", 2), ("15", 1)],
        "region": [("华东", 4), ("华南", 3), ("华北", 3), ("华中", 2), ("西南", 2), ("西北", 1), ("东北", 1)],
        "product": [("S 系列存储", 3), ("T 系列终端", 2), ("G 系列网关", 2), ("云管理平台", 2), ("维保服务包", 1)],
        "segment": [("制造业", 3), ("零售", 2), ("医疗", 1), ("教育", 1), ("政府", 1), ("物流", 1)],
        "days": [("3", 2), ("5", 3), ("7", 1), ("10", 2), ("15", 1)],
    },
    "en": {
        "role": [("sales representative", 4), ("account manager", 3), ("sales manager", 3),
                 ("sales assistant", 1), ("regional manager", 1)],
        "manager": [("sales manager", 4), ("sales director", 2), ("regional manager", 1)],
        "period": [("week", 3), ("month", 4), ("quarter", 2)],
        "record": [("visit report", 3), ("opportunity", 3), ("quote", 2), ("contract", 2), ("payment plan", 1)],
        "system": [("CRM", 5), ("ERP", 2), ("BI dashboard", 1)],
        "hours": [("2", 1), ("4", 2), ("8", 2), ("24", 3), ("48", 1)],
        "n": [("three", 2), ("five", 3), ("eight", 1)],
        "amount": [("200,000", 1), ("500,000", 3), ("1 million", 2)],
        "pct": [("5", 3), ("10", 2), ("15", 1)],
        "region": [("East China", 4), ("South China", 3), ("North China", 3), ("Central China", 2),
                   ("the South-West", 2), ("the North-West", 1), ("the North-East", 1)],
        "product": [("S-series storage", 3), ("T-series terminals", 2), ("G-series gateways", 2),
                    ("the cloud console", 2), ("maintenance packages", 1)],
        "segment": [("manufacturing", 3), ("retail", 2), ("healthcare", 1), ("education", 1), ("government", 1),
                    ("logistics", 1)],
        "days": [("three", 2), ("five", 3), ("seven", 1), ("ten", 2), ("fifteen", 1)],
    },
}

# Sentences any chapter may use, with weights; {slot} is filled from SLOTS.
GENERAL = {
    "zh": [
        ("{role}应在{period}结束前更新 {system} 中的{record}，确保信息真实、完整。", 4),
        ("所有{record}须经{manager}审核后方可提交财务部门。", 3),
        ("{role}每周至少拜访 {n} 家重点客户，并在拜访后 24 小时内录入拜访记录。", 3),
        ("如遇特殊情况，{role}应及时向{manager}报告，说明原因和补救措施。", 3),
        ("本节的要求适用于全体销售人员，包括试用期员工。", 2),
        ("各区域的销售数据以 {system} 中的回款记录为准，不以合同金额为准。", 2),
        ("{manager}负责组织{period}的销售复盘会，形成改进清单并指定责任人。", 2),
        ("客户投诉须在 {hours} 小时内首次响应，响应时效纳入服务 SLA 考核。", 1),
        ("销售费用报销须附发票和对应的拜访记录，超出标准的部分由个人承担。", 2),
        ("新客户的信用额度由销售经理提出，经财务部门审批后生效。", 1),
        ("{role}不得向客户承诺超出公司政策的价格、账期或服务条款。", 2),
        ("金额超过 {amount} 万元的合同，须经销售总监和法务共同评审。", 2),
        ("每月 5 日前，销售助理汇总上月的销售额、回款额和新增商机，发布销售月报。", 2),
        ("佣金按实际回款计算，未回款部分不计入当期佣金。", 1),
        ("客户分级结果每季度复核一次，A 类客户由资深客户经理负责维护。", 0.3),
        ("KPI 完成情况是年度评优和晋升的主要依据之一。", 2),
        ("报价须使用公司统一模板，有效期一般为 30 天。", 1),
        ("对本章有疑问的，请先咨询直属的{manager}。", 1),
        ("{region}区域的{segment}客户较多，{product}的报价须参考区域指导价。", 2),
        ("{product}的销售额单独统计，季度末由{manager}在例会上通报。", 2),
        ("{segment}行业的大客户采购周期较长，{role}应提前 {days} 个月制定跟进计划。", 2),
        ("{region}区域本季度新增商机 {n} 个，其中{segment}行业占比最高。", 1),
        ("涉及{product}的合同，交付时间须与交付团队确认后再写入合同。", 1),
        ("{role}离职或调岗时，须在 {days} 个工作日内移交全部客户和在途商机。", 1),
        ("客户信息属于公司机密，未经批准不得导出或转发给第三方。", 1),
        ("招投标项目须在截止日前 {days} 天完成内部评审。", 1),
    ],
    "en": [
        ("The {role} updates the {record} in the {system} within one working day of every customer meeting.", 4),
        ("Sales targets are set once a year and broken down by quarter, region and person.", 3),
        ("Any discount beyond the price guide is approved by the {manager} before the quote is sent.", 3),
        ("If something unusual happens, tell your {manager} at once and explain what you will do about it.", 2),
        ("Expense claims need a receipt and the visit report of the customer meeting they belong to.", 2),
        ("Contracts above {amount} yuan are reviewed by the sales director and by legal.", 2),
        ("Never promise a customer prices, payment terms or service levels outside company policy.", 2),
        ("Sales figures come from the payments recorded in the {system}, not from contract values.", 2),
        ("Commission is paid on cash collected, not on contracts signed.", 1),
        ("A customer complaint gets a first response within {hours} hours; response times count toward the service SLA.", 1),
        ("The {manager} runs a sales review every {period} and assigns an owner to every follow-up.", 2),
        ("Every {role} visits at least {n} key accounts a week.", 2),
        ("KPI results are one of the main inputs to promotions and annual awards.", 1),
        ("Questions about this chapter go to your {manager} first.", 1),
        ("Most {segment} accounts in {region} buy {product}; quotes follow the regional price guide.", 2),
        ("Revenue from {product} is reported separately and reviewed by the {manager} at the end of each {period}.", 2),
        ("Large {segment} customers buy slowly, so plan the follow-up {days} months ahead.", 2),
        ("Delivery dates for {product} are confirmed with the delivery team before they go into a contract.", 1),
        ("A {role} who leaves or changes role hands over every account and open opportunity within {days} working days.", 1),
        ("Customer data is confidential: do not export it or forward it without approval.", 1),
        ("Tender documents are reviewed internally at least {days} days before the deadline.", 1),
    ],
}

# Sentences typical of each area; chapters draw most of their text from their own area.
TOPICAL = {
    "targets": {
        "zh": [("年度销售目标由销售总监根据公司战略制定，逐级分解到区域、团队和个人。", 3),
               ("个人目标包括销售额、回款额和新客户数三项，权重分别为 50%、30% 和 20%。", 2),
               ("目标一经确认，年度内原则上不作调整；市场发生重大变化时，可在半年评审时申请调整。", 2),
               ("{role}应在每月第一周提交行动计划，列明支撑目标的关键客户和商机。", 2)],
        "en": [("Annual sales targets are set by the sales director and broken down to regions, teams and people.", 3),
               ("A personal target has three parts: revenue, cash collected and new customers, weighted 50%, 30% and 20%.", 2),
               ("Targets are not changed during the year, except at the half-year review when the market has changed a lot.", 2),
               ("In the first week of every month the {role} submits a plan naming the accounts and opportunities behind the target.", 2)],
        "headings": (["目标分解", "职责分工", "目标调整", "行动计划", "适用范围"],
                     ["Breaking down targets", "Who does what", "Changing a target", "Monthly plans", "Scope"]),
    },
    "process": {
        "zh": [("标准销售流程分为线索、初访、需求确认、方案报价、商务谈判、签约和交付七个阶段。", 2),
               ("新线索须在 {hours} 小时内分配并首次联系，该 SLA 按区域统计。", 2),
               ("商机进入报价阶段前，须在 CRM 中填写需求、预算、决策人和预计签约时间。", 3),
               ("报价低于指导价 {pct}% 以上的，须由销售经理审批。", 2),
               ("签约后 3 个工作日内，销售代表须与交付团队完成交接，并确认交付 SLA。", 2)],
        "en": [("The sales process has seven stages: lead, first visit, needs confirmed, proposal, negotiation, signed and delivered.", 2),
               ("A new lead is assigned and contacted within {hours} hours; this SLA is tracked per region.", 2),
               ("Before a proposal goes out, the opportunity in the CRM names the budget, the decision maker and the expected close date.", 3),
               ("A price more than {pct}% below the price guide needs the sales manager's approval.", 2),
               ("Within three working days of signing, the sales representative hands the account over to delivery and confirms the delivery SLA.", 2)],
        "headings": (["流程阶段", "线索分配", "报价审批", "签约与交接", "流程时限"],
                     ["Stages", "Assigning leads", "Approving quotes", "Signing and handover", "Time limits"]),
    },
    "appraisal": {
        "zh": [("绩效考核以季度为周期，KPI 得分占 70%，行为评价占 30%。", 3),
               ("考核结果分为 S、A、B、C 四档，与季度奖金和佣金系数挂钩。", 2),
               ("连续两个季度考核为 C 的销售人员，须参加绩效改进计划。", 2),
               ("考核数据来自 CRM 和 ERP，由销售运营在季度结束后 10 个工作日内发布。", 2)],
        "en": [("Performance is appraised every quarter: KPI results count for 70% and behaviour for 30%.", 3),
               ("Results fall into four grades, S, A, B and C, which set the quarterly bonus and the commission factor.", 2),
               ("Anyone graded C two quarters in a row joins a performance improvement plan.", 2),
               ("Appraisal data comes from the CRM and the ERP and is published within ten working days of the quarter's end.", 2)],
        "headings": (["考核周期", "KPI 与权重", "考核结果", "绩效改进", "申诉"],
                     ["Appraisal cycle", "KPIs and weights", "Grades", "Improvement plans", "Appeals"]),
    },
    "training": {
        "zh": [("新入职的销售人员须在首月完成产品知识、销售流程和 CRM 使用三门必修课。", 3),
               ("销售经理每月至少组织一次案例分享，重点讨论丢单原因和谈判技巧。", 2),
               ("培训考试低于 80 分的，须在两周内补考。", 1),
               ("每位新人由一名资深客户经理带教三个月。", 2)],
        "en": [("New sales staff complete three courses in their first month: products, the sales process and the CRM.", 3),
               ("Sales managers run a case review every month, on lost deals and on negotiation.", 2),
               ("A training test below 80 points is retaken within two weeks.", 1),
               ("Every newcomer is coached by a senior account manager for three months.", 2)],
        "headings": (["必修课程", "带教", "案例分享", "考试与认证", "学习资源"],
                     ["Required courses", "Coaching", "Case reviews", "Tests", "Resources"]),
    },
    "communication": {
        "zh": [("销售周会每周一上午召开，时长不超过 60 分钟。", 3),
               ("跨部门问题通过工单提交，内部响应 SLA 为 1 个工作日。", 2),
               ("重要客户的反馈须在当天同步给产品和交付团队。", 2),
               ("会议纪要由销售助理整理，24 小时内发送给全体参会人员。", 2)],
        "en": [("The weekly sales meeting is on Monday morning and lasts no more than an hour.", 3),
               ("Questions for other departments go through a ticket; the internal response SLA is one working day.", 2),
               ("Feedback from key accounts is shared with product and delivery the same day.", 2),
               ("The sales assistant sends the minutes to everyone who attended within 24 hours.", 2)],
        "headings": (["例会", "内部沟通", "客户反馈", "会议纪要", "升级渠道"],
                     ["Meetings", "Working with other teams", "Customer feedback", "Minutes", "Escalation"]),
    },
    "incentives": {
        "zh": [("佣金按季度结算，以当季实际回款额为基数，按阶梯比例计提。", 3),
               ("回款额在 50 万元以内的部分按 2% 计提佣金，超出部分按 3% 计提。", 3),
               ("新客户首单的佣金比例上浮 0.5 个百分点。", 2),
               ("因退货或坏账而多发的佣金，在下期佣金中扣回。", 2),
               ("团队奖金池按区域销售目标完成率分配，完成率低于 80% 的区域不参与分配。", 2),
               ("佣金（commission）明细由销售运营每月发布，可在 CRM 中查询。", 1)],
        "en": [("Commission is settled every quarter on the payments received in that quarter, at tiered rates.", 3),
               ("The commission rate is 2% on the first 500,000 yuan collected and 3% above it.", 3),
               ("A first order from a new customer earns half a percentage point of extra commission.", 2),
               ("Commission paid on goods later returned or on bad debt is deducted from the next statement.", 2),
               ("The team bonus pool is shared by regions that reach at least 80% of their sales target.", 2),
               ("Commission statements (佣金明细) are published in the CRM by the fifth working day of each month.", 1)],
        "headings": (["佣金计算", "阶梯比例", "奖金池", "扣回规则", "结算时间"],
                     ["Calculating commission", "Commission tiers", "The bonus pool", "Deductions", "Payment dates"]),
    },
    "customers": {
        "zh": [("客户分级依据年采购额、增长潜力和合作年限，分为 A、B、C 三级。", 1),
               ("A 类客户每月至少拜访一次，B 类客户每季度至少拜访一次。", 2),
               ("客户档案须包含联系人、组织架构、采购流程和历史订单。", 3),
               ("客户分级的调整须经销售经理确认，并在 CRM 中记录原因。", 0.5),
               ("六个月未成交的客户转入公海池，由其他销售代表跟进。", 2)],
        "en": [("Customers are graded A, B or C by annual purchases, growth potential and years of business (客户分级).", 1),
               ("A customers are visited at least monthly, B customers at least quarterly.", 2),
               ("A customer record names the contacts, the organisation, the buying process and past orders.", 3),
               ("Accounts with no order for six months go back to the shared pool for other sales representatives.", 2)],
        "headings": (["客户分级", "拜访频率", "客户档案", "公海池", "客户移交"],
                     ["Customer grades", "Visit frequency", "Customer records", "The shared pool", "Handing over accounts"]),
    },
    "market": {
        "zh": [("市场部每季度发布竞品分析报告，销售人员应及时反馈一线的竞品价格信息。", 3),
               ("区域市场活动的预算由销售经理申请，活动结束后两周内提交效果评估。", 2),
               ("新产品上市前，市场部向销售团队提供产品手册、FAQ 和报价指引。", 2)],
        "en": [("Marketing publishes a competitor report every quarter; sales passes on competitors' prices seen in the field.", 3),
               ("Sales managers request the budget for regional events and report the results within two weeks.", 2),
               ("Before a product launch, marketing gives sales a product guide, an FAQ and pricing guidance.", 2)],
        "headings": (["竞品分析", "市场活动", "新品上市", "价格策略", "区域市场"],
                     ["Competitors", "Events", "Product launches", "Pricing", "Regional markets"]),
    },
    "after-sales": {
        "zh": [("售后问题按严重程度分为三级，一级问题的响应 SLA 为 2 小时，解决时限为 24 小时。", 3),
               ("销售代表是客户的第一联系人，须跟进售后工单直至客户确认关闭。", 2),
               ("客户满意度调查每半年进行一次，结果纳入客户经理考核。", 2),
               ("超出 SLA 仍未解决的工单，系统自动升级给售后经理。", 2)],
        "en": [("Severity 1 tickets have a response SLA of two hours and are resolved within a day.", 3),
               ("The sales representative stays the customer's first contact and follows each ticket until the customer closes it.", 2),
               ("Customer satisfaction is surveyed twice a year and counts in the account manager's appraisal.", 2),
               ("Tickets that miss their SLA are escalated to the after-sales manager automatically.", 2)],
        "headings": (["工单分级", "响应 SLA", "升级", "满意度调查", "回访"],
                     ["Ticket severity", "Response SLA", "Escalation", "Satisfaction surveys", "Follow-up calls"]),
    },
    "data": {
        "zh": [("销售数据看板每日更新，包括销售额、回款、商机漏斗和赢单率。", 3),
               ("数据口径以销售运营发布的指标字典为准。", 2),
               ("每月抽查 CRM 数据质量，缺失关键字段的商机不计入销售预测。", 2),
               ("销售预测（forecast）每周一更新，偏差超过 {pct}% 的须说明原因。", 2)],
        "en": [("The sales dashboard is refreshed daily: revenue, cash collected, the pipeline and the win rate.", 3),
               ("Definitions follow the metrics dictionary published by sales operations.", 2),
               ("CRM data is spot-checked every month; opportunities missing key fields are left out of the forecast.", 2),
               ("The forecast is updated every Monday; a miss of more than {pct}% needs an explanation.", 2)],
        "headings": (["数据看板", "指标口径", "数据质量", "销售预测", "复盘与改进"],
                     ["Dashboards", "Definitions", "Data quality", "Forecasting", "Reviews"]),
    },
}

MAX_BODY = 3850  # bytes, so that a chapter file stays under 4 KB with its front matter
HEADINGS = {"zh": ["适用范围", "职责", "基本要求", "时限", "记录", "例外处理"],
            "en": ["Scope", "Responsibilities", "Requirements", "Time limits", "Records", "Exceptions"]}
SUBHEADINGS = {"zh": ["例外情况", "注意事项", "常见问题", "记录与归档"],
               "en": ["Exceptions", "Things to watch", "Common questions", "Filing"]}


def weighted(rng, pairs):
    """One value of a list of (value, weight) pairs."""
    return rng.choices([value for value, _ in pairs], weights=[weight for _, weight in pairs])[0]


def sentence(rng, lang, area):
    """A filled-in sentence: two in three from the area's own templates, the rest general."""
    pool = TOPICAL[area][lang] if rng.random() < 0.65 else GENERAL[lang]
    slots = SLOTS[lang]
    return re.sub(r"\{(\w+)\}", lambda match: weighted(rng, slots[match.group(1)]), weighted(rng, pool))


def sentences(rng, lang, area, count):
    """`count` sentences, without repeating one (as far as the templates allow)."""
    chosen = []
    for _ in range(count * 4):
        text = sentence(rng, lang, area)
        if text not in chosen:
            chosen.append(text)
        if len(chosen) == count:
            break
    return chosen


def prose(rng, lang, area, count):
    """A paragraph of `count` sentences."""
    return ("" if lang == "zh" else " ").join(sentences(rng, lang, area, count))


def paragraph(rng, words=60):
    """Word salad for the policies (as before)."""
    return "".join(rng.choice(WORDS) + ("，" if rng.random() < 0.12 else "") for _ in range(words)) + "。"


class Plan:
    """What other chapters need to know of a chapter before it is written: language, size,
    number of sections (for `#sN` links) and title."""

    def __init__(self, rng, number):
        self.number = number
        self.area = AREAS[number % len(AREAS)][0]
        self.lang = "en" if rng.random() < 1 / 3 else "zh"
        self.size = int(rng.triangular(1450, 3900, 1900))
        self.sections = max(2, min(6, round(self.size / 650)))
        topic = rng.choice(TOPICAL[self.area]["headings"][0 if self.lang == "zh" else 1])
        self.title = f"第 {number} 章 {topic}" if self.lang == "zh" else f"Chapter {number}: {topic}"


def link_sentence(rng, plan, plans, policies):
    """A sentence linking to another chapter's section and, mostly, to a policy."""
    other = plans[rng.randrange(len(plans))]
    if rng.random() < 0.5:  # half the links stay in the area
        same = (other.number - other.number % len(AREAS)) + plan.number % len(AREAS)
        if same < len(plans):
            other = plans[same]
    target = f"{other.number:04d}-chapter.md#s{rng.randint(1, other.sections)}"
    policy = rng.randrange(policies)
    with_policy = rng.random() < 0.7
    if plan.lang == "zh":
        text = f"详见[{other.title}]({target})"
        return text + (f"，以及[生成的制度 {policy}](policy:GEN-POL-{policy:04d})。" if with_policy else "。")
    text = f"See [{other.title}]({target})"
    return text + (f" and [policy GEN-POL-{policy:04d}](policy:GEN-POL-{policy:04d})." if with_policy else ".")


def block(rng, plan):
    """One block of a section: a paragraph, a list, a checklist, a table or a code block."""
    lang, area = plan.lang, plan.area
    kind = rng.choices(["paragraph", "bullets", "steps", "checklist", "table", "code"],
                       weights=[10, 4, 2, 1, 1 if area in ("incentives", "targets", "appraisal") else 0.2, 0.3])[0]
    if kind == "paragraph":
        return prose(rng, lang, area, rng.randint(2, 4))
    if kind in ("bullets", "steps", "checklist"):
        marker = {"bullets": "- ", "checklist": "- [ ] "}.get(kind)
        items = sentences(rng, lang, area, rng.randint(3, 5))
        return "\n".join((marker or f"{index + 1}. ") + item for index, item in enumerate(items))
    if kind == "table":
        header = "| 回款额（元） | 佣金比例 |" if lang == "zh" else "| Cash collected (yuan) | Commission rate |"
        rows = ["| 0 – 500,000 | 2% |", "| 500,000 – 1,000,000 | 3% |", "| > 1,000,000 | 3.5% |"]
        return "\n".join([header, "| ---: | ---: |"] + rows)
    return "```text\n年度目标 1200 万 → 季度 300 万 → 月度 100 万 → 周 23 万\n```"


def chapter_body(rng, plan, plans, policies):
    """The Markdown body of a chapter, about `plan.size` bytes with its front matter."""
    lang = plan.lang
    own = TOPICAL[plan.area]["headings"][0 if lang == "zh" else 1]
    headings = rng.sample(own + [heading for heading in HEADINGS[lang] if heading not in own], plan.sections)
    links = {rng.randrange(plan.sections) for _ in range(rng.randint(1, 3))}
    parts = [prose(rng, lang, plan.area, 2)]
    for section in range(plan.sections):
        heading = headings[section]
        parts.append(f"## {section + 1}. {heading} {{#s{section + 1}}}" if lang == "en"
                     else f"## {section + 1}、{heading} {{#s{section + 1}}}")
        if section in links:
            parts.append(prose(rng, lang, plan.area, 1) + ("" if lang == "zh" else " ")
                         + link_sentence(rng, plan, plans, policies))
        subheading = rng.random() < 0.25
        goal = 100 + plan.size * (section + 1) / plan.sections
        blocks = 0
        while (used := sum(len(part.encode()) + 2 for part in parts)) < goal - 150:
            text = block(rng, plan)
            if used + len(text.encode()) > MAX_BODY:
                break
            if blocks == 1 and subheading:
                parts.append(f"### {rng.choice(SUBHEADINGS[lang])}")
            parts.append(text)
            blocks += 1
    return "\n\n".join(parts)


def hugo_body(body):
    """The body with handbook's links turned into Hugo `relref`s to the pages' places in Hugo:
    chapters in their area's section, policies in the `policies` section."""
    def chapter(match):
        number = int(match.group(1))
        area = AREAS[number % len(AREAS)][0]
        return f'({{{{< relref "/{area}/{number:04d}-chapter.md{match.group(2) or ""}" >}}}})'
    body = re.sub(r"\((\d{4})-chapter\.md(#[\w-]+)?\)", chapter, body)
    return re.sub(r"\(policy:GEN-POL-(\d{4})\)",
                  lambda match: f'({{{{< relref "/policies/gen-pol-{match.group(1)}.md" >}}}})', body)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


HEAD = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title></head>
<body>"""

# Bounded navigation: the sections (each linking to its list page), the current one marked.
BOUNDED_NAV = """<nav><ul>{{ $current := .FirstSection }}{{ range .Site.Sections.ByWeight }}<li><a href="{{ .RelPermalink }}"{{ if eq . $current }} aria-current="true"{{ end }}>{{ .Title }}</a></li>{{ end }}</ul></nav>"""

# Full navigation: every section with every chapter under it (the policies as one link).
FULL_NAV = """<nav><ul>{{ $page := . }}{{ range .Site.Sections.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ if ne .Section "policies" }}<ul>{{ range .RegularPages }}<li><a href="{{ .RelPermalink }}"{{ if eq . $page }} aria-current="page"{{ end }}>{{ .Title }}</a></li>{{ end }}</ul>{{ end }}</li>{{ end }}</ul></nav>"""

# Hugo's NextInSection is the page before this one in the section's order, PrevInSection the one after.
PREV_NEXT = """<nav>{{ with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>"""


def hugo_layouts(site, nav):
    """Write single, list and home layouts with the given navigation into `site/layouts`."""
    layouts = os.path.join(site, "layouts")
    write(os.path.join(layouts, "partials", "nav.html"), nav)
    write(os.path.join(layouts, "_default", "single.html"),
          HEAD + '{{ partial "nav.html" . }}\n<main><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</main>\n'
          + PREV_NEXT + "</body></html>\n")
    write(os.path.join(layouts, "_default", "list.html"),
          HEAD + '{{ partial "nav.html" . }}\n<main><h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}'
          '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>\n')
    write(os.path.join(layouts, "index.html"),
          HEAD + '{{ partial "nav.html" . }}\n<main><h1>{{ .Site.Title }}</h1>{{ .Content }}<ul>'
          '{{ range .Site.Sections.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> '
          '({{ len .RegularPages }})</li>{{ end }}</ul></main></body></html>\n')


def hugo_config(content_dir=None):
    config = ('baseURL = "https://example.com/"\nlanguageCode = "zh-CN"\ntitle = "生成的大型手册"\n'
              'disableKinds = ["taxonomy", "term", "RSS"]\nrefLinksErrorLevel = "WARNING"\n')
    if content_dir:
        config += f'contentDir = "{content_dir}"\n'
    return config + "[markup.goldmark.parser.attribute]\ntitle = true\n"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
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

    # Chapters use their own random stream, so that the policies stay exactly as they were.
    rng = random.Random(4242)
    plans = [Plan(rng, number) for number in range(chapters)]
    for plan in plans:
        body = chapter_body(rng, plan, plans, policies)
        title = json.dumps(plan.title, ensure_ascii=False)
        write(os.path.join(content, "chapters", f"{plan.number:04d}-chapter.md"),
              f"---\nid: chapter-{plan.number:04d}\ntitle: {title}\narea: {plan.area}\norder: {plan.number}\n---\n\n"
              f"{body}\n")
        write(os.path.join(hugo, "content", plan.area, f"{plan.number:04d}-chapter.md"),
              f"---\ntitle: {title}\nweight: {plan.number + 1}\n---\n\n{hugo_body(body)}\n")  # 0 is no weight

    for weight, (area, title) in enumerate(AREAS + [("policies", "制度")]):
        write(os.path.join(hugo, "content", area, "_index.md"), f"---\ntitle: {title}\nweight: {weight + 1}\n---\n")
    write(os.path.join(hugo, "content", "_index.md"), "---\ntitle: 生成的大型手册\n---\n")

    write(os.path.join(hugo, "config.toml"), hugo_config())
    hugo_layouts(hugo, BOUNDED_NAV + "\n")
    full = os.path.join(out, "hugo-full")
    write(os.path.join(full, "config.toml"), hugo_config("../hugo/content"))
    hugo_layouts(full, FULL_NAV + "\n")


if __name__ == "__main__":
    main()
