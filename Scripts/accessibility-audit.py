#!/usr/bin/env python3
"""Audits every page of a built site with axe-core in headless Chromium.

Usage: accessibility-audit.py [--skip PREFIX ...] SITE_DIR [AXE_JS]

--skip leaves out the pages whose path starts with PREFIX (such as `v/`, older editions, which
share the latest edition's templates).

AXE_JS defaults to the axe.min.js that PyPI's axe-playwright-python ships
(`pip install --no-deps axe-playwright-python`). The site is served over HTTP on the loopback
interface; each page is checked against axe's WCAG 2.0 and 2.1 A and AA rules and its best
practices. Prints one
line per violation of minor impact or worse and a JSON summary on the last line; exits with 1
when a violation of moderate, serious or critical impact is found.
"""
import functools
import http.server
import importlib.util
import json
import os
import pathlib
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import Browser  # noqa: E402

FAILING = {"moderate", "serious", "critical"}
# axe's WCAG 2.0 and 2.1 A and AA rules and its best practices (landmarks, empty table headers …).
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def default_axe():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("axe-core not found: pip install --no-deps axe-playwright-python, or pass AXE_JS")
    return os.path.join(spec.submodule_search_locations[0], "axe.min.js")


def main():
    arguments, skipped = sys.argv[1:], []
    while len(arguments) >= 2 and arguments[0] == "--skip":
        skipped.append(arguments[1])
        arguments = arguments[2:]
    if len(arguments) not in (1, 2):
        sys.exit(__doc__)
    site = pathlib.Path(arguments[0]).resolve()
    axe = pathlib.Path(arguments[1] if len(arguments) == 2 else default_axe()).read_text(encoding="utf-8")
    # The browser first: it takes file descriptors 3 and 4 for its pipe.
    browser = Browser()
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    pages = sorted(
        page for page in (str(path.relative_to(site)) for path in site.rglob("*.html"))
        if not any(page.startswith(prefix) for prefix in skipped))
    failures = 0
    counts = {}
    try:
        for page in pages:
            browser.run({"goto": base + page})
            browser.evaluate(axe + "\n;void 0")
            result = browser.evaluate(
                "axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})"
                ".then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                " nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).slice(0, 3)}))))" % json.dumps(RULES))
            for violation in json.loads(result):
                counts[violation["impact"]] = counts.get(violation["impact"], 0) + 1
                failures += violation["impact"] in FAILING
                print(f"{page}: {violation['impact']}: {violation['id']}: {violation['help']} "
                      f"({', '.join(violation['nodes'])})")
    finally:
        browser.close()
        server.shutdown()
    print(json.dumps({"pages": len(pages), "violations": counts}))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
