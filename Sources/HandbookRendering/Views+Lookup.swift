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

extension PageChrome: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "site": site
        case "sidebar": sidebar
        case "navRolesCurrent": navRolesCurrent
        case "breadcrumbs": breadcrumbs
        case "previous": previous
        case "next": next
        case "editURL": editURL
        case "toc": toc
        case "kind": kind
        case "editions": editions
        case "lastChange": lastChange
        case "historyURL": historyURL
        case "hasBreadcrumbs": hasBreadcrumbs
        case "hasTOC": hasTOC
        case "hasPager": hasPager
        default: nil
        }
    }
}

extension SiteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "version": version
        case "storage": storage
        case "language": language
        case "root": root
        case "assets": assets
        case "t": t
        default: nil
        }
    }
}

// Sidebar entries are the most rendered values of a build (every entry of the page's own area,
// on every page).
extension NavItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "current": current
        case "code": code
        default: nil
        }
    }
}

// MARK: The rest of Views.swift

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "code": code
        default: nil
        }
    }
}

extension NavAreaView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "current": current
        case "open": open
        case "entries": entries
        case "partial": partial
        case "url": url
        case "allLabel": allLabel
        default: nil
        }
    }
}

extension TOCEntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "id": id
        case "nested": nested
        default: nil
        }
    }
}

extension RoleLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        default: nil
        }
    }
}

extension KPIRowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "weight": weight
        case "target": target
        case "measure": measure
        default: nil
        }
    }
}

extension KPITableView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "rows": rows
        case "total": total
        default: nil
        }
    }
}

extension TierRowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "from": from
        case "to": to
        case "rate": rate
        default: nil
        }
    }
}

extension TierTableView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "basis": basis
        case "rows": rows
        default: nil
        }
    }
}

extension ChecklistItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "text": text
        default: nil
        }
    }
}

extension StepView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "id": id
        case "anchor": anchor
        case "title": title
        case "role": role
        case "sla": sla
        case "checklist": checklist
        case "records": records
        default: nil
        }
    }
}

extension ProcessView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "url": url
        case "owner": owner
        case "trigger": trigger
        case "policy": policy
        case "steps": steps
        case "itemCount": itemCount
        case "records": records
        case "related": related
        default: nil
        }
    }
}

extension PolicySummaryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "url": url
        case "version": version
        case "effective": effective
        case "summary": summary
        default: nil
        }
    }
}

extension PolicyView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "area": area
        case "owner": owner
        case "version": version
        case "effective": effective
        case "nextReview": nextReview
        case "reviewOverdue": reviewOverdue
        case "reviewEvery": reviewEvery
        case "appliesTo": appliesTo
        case "summary": summary
        case "body": body
        case "kpis": kpis
        case "tiers": tiers
        case "processes": processes
        case "related": related
        case "chapters": chapters
        case "anchorPrefix": anchorPrefix
        case "hasTasks": hasTasks
        default: nil
        }
    }
}

extension ChapterView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "area": area
        case "body": body
        case "related": related
        case "hasTasks": hasTasks
        default: nil
        }
    }
}

extension RoleStepView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "process": process
        case "step": step
        case "sla": sla
        default: nil
        }
    }
}

extension RoleView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "description": description
        case "reportsTo": reportsTo
        case "directReports": directReports
        case "policies": policies
        case "owned": owned
        case "steps": steps
        case "kpis": kpis
        case "onboardingURL": onboardingURL
        default: nil
        }
    }
}

extension KPIGroupView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "policy": policy
        case "table": table
        default: nil
        }
    }
}

extension AreaCardView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "description": description
        case "url": url
        case "chapters": chapters
        case "policies": policies
        case "more": more
        default: nil
        }
    }
}

extension RoleTreeEntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        case "description": description
        case "depth": depth
        case "reportsTo": reportsTo
        default: nil
        }
    }
}

extension EmbedContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "process": process
        case "kpis": kpis
        case "tiers": tiers
        default: nil
        }
    }
}

extension EmbedContext.Chrome: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        default: nil
        }
    }
}

extension HomePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "areas": areas
        case "recent": recent
        case "roles": roles
        case "chapterCount": chapterCount
        case "policyCount": policyCount
        case "processCount": processCount
        default: nil
        }
    }
}

extension AreaPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "area": area
        default: nil
        }
    }
}

extension ChapterPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "chapter": chapter
        default: nil
        }
    }
}

extension PolicyPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "policy": policy
        default: nil
        }
    }
}

extension ProcessPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "process": process
        default: nil
        }
    }
}

extension RolePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "role": role
        default: nil
        }
    }
}

extension RolesPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "roles": roles
        default: nil
        }
    }
}

extension OnboardingPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "roleID": roleID
        case "role": role
        case "policies": policies
        case "processes": processes
        default: nil
        }
    }
}

extension BookletPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "processes": processes
        default: nil
        }
    }
}

extension PrintChapterView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": anchor
        case "title": title
        case "area": area
        case "body": body
        default: nil
        }
    }
}

extension PrintPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "chapters": chapters
        case "policies": policies
        default: nil
        }
    }
}

extension PlainPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        default: nil
        }
    }
}

// MARK: EditionViews.swift

extension EditionLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        case "current": current
        case "latest": latest
        default: nil
        }
    }
}

extension EditionBannerView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "latestName": latestName
        case "latestURL": latestURL
        default: nil
        }
    }
}

extension EditionsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "currentName": currentName
        case "list": list
        case "banner": banner
        case "changesURL": changesURL
        default: nil
        }
    }
}

extension LastChangeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": date
        case "author": author
        case "subject": subject
        case "commit": commit
        default: nil
        }
    }
}

extension FieldChangeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "old": old
        case "new": new
        default: nil
        }
    }
}

extension TextChangeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "html": html
        default: nil
        }
    }
}

extension ChangeItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "kindLabel": kindLabel
        case "id": id
        case "title": title
        case "url": url
        case "fields": fields
        case "texts": texts
        default: nil
        }
    }
}

extension ChangeGroupView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "items": items
        default: nil
        }
    }
}

extension ChangesPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "edition": edition
        case "since": since
        case "first": first
        case "empty": empty
        case "groups": groups
        case "feedURL": feedURL
        default: nil
        }
    }
}

extension HistoryEntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "edition": edition
        case "url": url
        case "version": version
        case "effective": effective
        case "first": first
        case "change": change
        default: nil
        }
    }
}

extension HistoryPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "policy": policy
        case "entries": entries
        default: nil
        }
    }
}
