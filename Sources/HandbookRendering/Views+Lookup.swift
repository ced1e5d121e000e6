internal import Mustache

// Direct look-ups for every view a template reads. For each value a template names, swift-mustache
// asks `MustacheParent.child(named:)` where the context conforms, and otherwise reflects the whole
// struct with `Mirror`, which dominated the cost of rendering.
//
// Each switch lists exactly the stored properties, which is all `Mirror` showed: add a case with
// every stored property added to a view, and never one for a computed property, or a template
// that names it would start rendering it. Optionals are returned as they are, so `nil` is no value
// and the look-up goes on up the context stack, as it did when `Mirror` unwrapped them.
// A property called `name` is `self.name`: plain `name` is the parameter, the name looked up.
// `ViewLookupTests` checks that each lists every stored property and returns what `Mirror` did.
// Strings are handed over as ``MustacheText``.

/// A string for a template. swift-mustache tries a plain value as a template, a lambda and an
/// optional before describing it, each a dynamic cast and together most of a page's rendering
/// time; a custom renderable is rendered at the second.
struct MustacheText: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let text: String

    var renderText: String { text }
    var isNull: Bool { false }
    func transform(_ name: String) -> Any? { text.transform(name) }
    /// Nothing: names inside a section of a string are looked up further up the stack, as for a `String`.
    func child(named name: String) -> Any? { nil }
}

/// The theme's UI strings as templates read them (`site.t.search`). A `[String: String]` would
/// answer too, but through a conditional conformance, which the runtime checks more slowly, and
/// with a plain `String`, which swift-mustache renders at its fourth cast; a page reads dozens.
struct UIStrings: Sendable, MustacheParent {
    let strings: [String: String]

    func child(named name: String) -> Any? { strings[name].map(MustacheText.init) }
}

/// A view as swift-mustache is handed it: its look-up, one closure in a value of two words.
///
/// swift-mustache keeps every value as `Any` and casts it to its protocols at each look-up, at
/// every level of the context stack the look-up passes. A view struct of more than three words
/// lives in a box of its own inside an `Any`, and each such cast copies it into a new box (an
/// allocation, a retain and a release of each field); a class instance is cast more slowly
/// still. This value fits inside the `Any` and its casts copy one reference.
struct MustacheView: MustacheParent, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    private let lookUp: @Sendable (String) -> Any?

    init(_ view: some MustacheParent & Sendable) {
        // swift-mustache never asks for an empty name (it splits names on dots and leaves out
        // empty parts), so the empty name answers with the view itself.
        lookUp = { name in name.isEmpty ? view : view.child(named: name) }
    }

    /// The view this value looks values up in.
    var view: Any { lookUp("")! }

    func child(named name: String) -> Any? { name.isEmpty ? nil : lookUp(name) }
    var description: String { String(describing: view) }
    var debugDescription: String { String(reflecting: view) }
}

private func value(_ text: String?) -> MustacheText? { text.map(MustacheText.init) }
private func value(_ view: (some MustacheParent & Sendable)?) -> MustacheView? { view.map(MustacheView.init) }
private func value(_ views: [some MustacheParent & Sendable]) -> [MustacheView] { views.map(MustacheView.init) }
@_disfavoredOverload private func value<Value>(_ value: Value) -> Value { value }

extension PageChrome: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": value(title)
        case "description": value(description)
        case "site": value(site)
        case "sidebar": value(sidebar)
        case "navRolesCurrent": value(navRolesCurrent)
        case "breadcrumbs": value(breadcrumbs)
        case "previous": value(previous)
        case "next": value(next)
        case "editURL": value(editURL)
        case "toc": value(toc)
        case "kind": value(kind)
        case "editions": value(editions)
        case "lastChange": value(lastChange)
        case "historyURL": value(historyURL)
        case "hasBreadcrumbs": value(hasBreadcrumbs)
        case "hasTOC": value(hasTOC)
        case "hasPager": value(hasPager)
        case "hasChecklists": value(hasChecklists)
        case "header": value(header)
        default: nil
        }
    }
}

extension SiteHeaderView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": value(site)
        case "navRolesCurrent": value(navRolesCurrent)
        case "editions": value(editions)
        default: nil
        }
    }
}

extension SiteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": value(title)
        case "description": value(description)
        case "version": value(version)
        case "storage": value(storage)
        case "language": value(language)
        case "root": value(root)
        case "assets": value(assets)
        case "t": value(t)
        case "generator": value(generator)
        default: nil
        }
    }
}

// Sidebar entries are the most rendered values of a build (every entry of the page's own area,
// on every page).
extension NavItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": value(title)
        case "url": value(url)
        case "current": value(current)
        case "code": value(code)
        case "html": value(html)
        default: nil
        }
    }
}

// MARK: The rest of Views.swift

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": value(title)
        case "url": value(url)
        case "code": value(code)
        default: nil
        }
    }
}

extension NavAreaView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": value(id)
        case "title": value(title)
        case "current": value(current)
        case "open": value(open)
        case "entries": value(entries)
        case "entriesHTML": value(entriesHTML)
        case "partial": value(partial)
        case "url": value(url)
        case "allLabel": value(allLabel)
        default: nil
        }
    }
}

extension TOCEntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": value(text)
        case "id": value(id)
        case "nested": value(nested)
        default: nil
        }
    }
}

extension RoleLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": value(self.name)
        case "url": value(url)
        default: nil
        }
    }
}

extension KPIRowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": value(self.name)
        case "weight": value(weight)
        case "target": value(target)
        case "measure": value(measure)
        default: nil
        }
    }
}

extension KPITableView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "rows": value(rows)
        case "total": value(total)
        default: nil
        }
    }
}

extension TierRowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "from": value(from)
        case "to": value(to)
        case "rate": value(rate)
        default: nil
        }
    }
}

extension TierTableView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "basis": value(basis)
        case "rows": value(rows)
        default: nil
        }
    }
}

extension RecordView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": value(title)
        case "hasFile": value(hasFile)
        case "url": value(url)
        case "file": value(file)
        default: nil
        }
    }
}

extension ChecklistItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": value(id)
        case "text": value(text)
        default: nil
        }
    }
}

extension StepView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": value(number)
        case "id": value(id)
        case "anchor": value(anchor)
        case "title": value(title)
        case "role": value(role)
        case "sla": value(sla)
        case "checklist": value(checklist)
        case "records": value(records)
        default: nil
        }
    }
}

extension ProcessView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": value(id)
        case "title": value(title)
        case "url": value(url)
        case "owner": value(owner)
        case "trigger": value(trigger)
        case "policy": value(policy)
        case "steps": value(steps)
        case "itemCount": value(itemCount)
        case "records": value(records)
        case "related": value(related)
        case "map": value(map)
        case "stepsHTML": value(stepsHTML)
        default: nil
        }
    }
}

extension PolicySummaryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": value(id)
        case "title": value(title)
        case "url": value(url)
        case "version": value(version)
        case "effective": value(effective)
        case "summary": value(summary)
        default: nil
        }
    }
}

extension PolicyView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": value(id)
        case "title": value(title)
        case "area": value(area)
        case "owner": value(owner)
        case "version": value(version)
        case "effective": value(effective)
        case "nextReview": value(nextReview)
        case "reviewOverdue": value(reviewOverdue)
        case "reviewEvery": value(reviewEvery)
        case "appliesTo": value(appliesTo)
        case "summary": value(summary)
        case "body": value(body)
        case "kpis": value(kpis)
        case "tiers": value(tiers)
        case "processes": value(processes)
        case "related": value(related)
        case "chapters": value(chapters)
        case "anchorPrefix": value(anchorPrefix)
        case "hasTasks": value(hasTasks)
        default: nil
        }
    }
}

extension ChapterView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": value(id)
        case "title": value(title)
        case "area": value(area)
        case "body": value(body)
        case "related": value(related)
        case "hasTasks": value(hasTasks)
        default: nil
        }
    }
}

extension RoleStepView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "process": value(process)
        case "step": value(step)
        case "sla": value(sla)
        default: nil
        }
    }
}

extension RoleView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": value(id)
        case "name": value(self.name)
        case "description": value(description)
        case "reportsTo": value(reportsTo)
        case "directReports": value(directReports)
        case "policies": value(policies)
        case "owned": value(owned)
        case "steps": value(steps)
        case "kpis": value(kpis)
        case "onboardingURL": value(onboardingURL)
        case "calendarURL": value(calendarURL)
        default: nil
        }
    }
}

extension KPIGroupView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "policy": value(policy)
        case "table": value(table)
        default: nil
        }
    }
}

extension AreaCardView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": value(id)
        case "title": value(title)
        case "description": value(description)
        case "url": value(url)
        case "chapters": value(chapters)
        case "policies": value(policies)
        case "more": value(more)
        default: nil
        }
    }
}

extension RoleTreeEntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": value(self.name)
        case "url": value(url)
        case "description": value(description)
        case "depth": value(depth)
        case "reportsTo": value(reportsTo)
        default: nil
        }
    }
}

extension EmbedContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": value(page)
        case "process": value(process)
        case "kpis": value(kpis)
        case "tiers": value(tiers)
        default: nil
        }
    }
}

extension EmbedContext.Chrome: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": value(site)
        default: nil
        }
    }
}

extension HomePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": value(page)
        case "areas": value(areas)
        case "recent": value(recent)
        case "roles": value(roles)
        case "chapterCount": value(chapterCount)
        case "policyCount": value(policyCount)
        case "processCount": value(processCount)
        default: nil
        }
    }
}

extension AreaPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": value(page)
        case "area": value(area)
        default: nil
        }
    }
}

extension ChapterPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": value(page)
        case "chapter": value(chapter)
        default: nil
        }
    }
}

extension PolicyPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": value(page)
        case "policy": value(policy)
        default: nil
        }
    }
}

extension ProcessPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": value(page)
        case "process": value(process)
        default: nil
        }
    }
}

extension RolePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": value(page)
        case "role": value(role)
        default: nil
        }
    }
}

extension RolesPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": value(page)
        case "roles": value(roles)
        default: nil
        }
    }
}

extension OnboardingPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": value(page)
        case "roleID": value(roleID)
        case "role": value(role)
        case "policies": value(policies)
        case "processes": value(processes)
        default: nil
        }
    }
}

extension ReviewRowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "policy": value(policy)
        case "owner": value(owner)
        case "version": value(version)
        case "effective": value(effective)
        case "nextReview": value(nextReview)
        case "overdue": value(overdue)
        case "dueSoon": value(dueSoon)
        default: nil
        }
    }
}

extension ReviewsPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": value(page)
        case "rows": value(rows)
        case "today": value(today)
        case "calendarURL": value(calendarURL)
        default: nil
        }
    }
}

extension BookletPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": value(page)
        case "processes": value(processes)
        default: nil
        }
    }
}

extension PrintChapterView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": value(anchor)
        case "title": value(title)
        case "area": value(area)
        case "body": value(body)
        default: nil
        }
    }
}

extension PrintPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": value(page)
        case "chapters": value(chapters)
        case "policies": value(policies)
        default: nil
        }
    }
}

extension PlainPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": value(page)
        default: nil
        }
    }
}

// MARK: EditionViews.swift

extension EditionLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": value(self.name)
        case "url": value(url)
        case "current": value(current)
        case "latest": value(latest)
        default: nil
        }
    }
}

extension EditionBannerView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": value(self.name)
        case "latestName": value(latestName)
        case "latestURL": value(latestURL)
        default: nil
        }
    }
}

extension EditionsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "currentName": value(currentName)
        case "list": value(list)
        case "banner": value(banner)
        case "changesURL": value(changesURL)
        default: nil
        }
    }
}

extension LastChangeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": value(date)
        case "author": value(author)
        case "subject": value(subject)
        case "commit": value(commit)
        default: nil
        }
    }
}

extension FieldChangeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": value(label)
        case "old": value(old)
        case "new": value(new)
        default: nil
        }
    }
}

extension TextChangeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": value(label)
        case "html": value(html)
        default: nil
        }
    }
}

extension ChangeItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": value(kind)
        case "kindLabel": value(kindLabel)
        case "id": value(id)
        case "title": value(title)
        case "url": value(url)
        case "fields": value(fields)
        case "texts": value(texts)
        default: nil
        }
    }
}

extension ChangeGroupView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": value(title)
        case "items": value(items)
        default: nil
        }
    }
}

extension ChangesPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": value(page)
        case "edition": value(edition)
        case "since": value(since)
        case "first": value(first)
        case "empty": value(empty)
        case "groups": value(groups)
        case "feedURL": value(feedURL)
        default: nil
        }
    }
}

extension HistoryEntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "edition": value(edition)
        case "url": value(url)
        case "version": value(version)
        case "effective": value(effective)
        case "first": value(first)
        case "change": value(change)
        default: nil
        }
    }
}

extension HistoryPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": value(page)
        case "policy": value(policy)
        case "entries": value(entries)
        default: nil
        }
    }
}
