#!/usr/bin/env python3
"""Measure handbook's search index against Pagefind on the same built site (a benchmark, not a test).

Usage: Scripts/benchmark-search.py [CHAPTERS]   (default 1000)

For the example handbook and a generated handbook of CHAPTERS chapters it reports, for both
handbook's index and Pagefind's (PyPI's pagefind-bin-extended, the build that segments Chinese, run over the same public/ folder with
`--root-selector main` so it indexes the same content, not the navigation):
  - index build time: handbook's "search index" stage (from `build --timings`); Pagefind's run;
  - total index bytes on disk;
  - bytes fetched by a real headless Chromium for typical two-word queries, showing the first
    10 results with their snippets, counted by a loopback HTTP server.
Needs: swift, python3 with pagefind-bin-extended, chromium.
"""
import functools
import json
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HANDBOOK = os.path.join(ROOT, ".build", "release", "handbook")
QUERIES = ["客户 投诉", "销售 目标"]

PAGEFIND_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>pagefind query</title></head>
<body><ol id="results"></ol>
<script type="module">
const pagefind = await import("./_pagefind/pagefind.js");
await pagefind.init();
const query = new URLSearchParams(location.search).get("q");
const search = await pagefind.search(query);
const data = await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
for (const item of data) {
  const li = document.createElement("li");
  li.textContent = item.url + " " + item.excerpt;
  document.getElementById("results").appendChild(li);
}
document.body.dataset.done = String(search.results.length);
</script></body></html>
"""


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files and records the bytes of each response body."""

    log = []

    def send_head(self):
        handle = super().send_head()
        if handle is not None and hasattr(handle, "fileno"):
            CountingHandler.log.append((urllib.parse.unquote(self.path.split("?")[0]), os.fstat(handle.fileno()).st_size))
        return handle

    def log_message(self, *args):
        pass


def folder_bytes(folder, suffixes=None):
    total = 0
    for directory, _, files in os.walk(folder):
        for name in files:
            if suffixes is None or name.endswith(suffixes):
                total += os.path.getsize(os.path.join(directory, name))
    return total


def fetched_bytes(site, page, prefix, done, count):
    """Bytes of files under `prefix` that a fresh Chromium fetches to show `page`, waiting until
    the JavaScript expression `done` holds; also the value of `count`, the results shown."""
    CountingHandler.log = []
    handler = functools.partial(CountingHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{page}"
        steps = [{"goto": url}, {"wait": done, "timeout": 30000}, {"eval": count}]
        output = subprocess.run([sys.executable, os.path.join(ROOT, "Scripts/browser.py"), json.dumps(steps)],
                                capture_output=True, text=True, timeout=120).stdout
        parsed = json.loads(output)
        results = parsed[-1] if isinstance(parsed, list) else f"failed: {parsed.get('error')}"
    finally:
        server.shutdown()
    files = [(path, size) for path, size in CountingHandler.log if path.startswith(prefix)]
    return sum(size for _, size in files), len(files), results


def measure(name, content, work):
    site = os.path.join(work, "public")
    build = subprocess.run(
        [HANDBOOK, "build", "--content", content, "--theme", os.path.join(ROOT, "themes/default"),
         "--output", site, "--today", "2026-11-30", "--timings"], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"built (\d+) pages", build).group(1))
    ours_time = float(re.search(r"search index: ([\d.]+) s", build).group(1))
    ours_json = folder_bytes(os.path.join(site, "search"), (".json",))
    ours_all = folder_bytes(os.path.join(site, "search"))

    start = time.monotonic()
    # The pages handbook's index covers: chapters, policies, processes and roles (not the print
    # version, booklet or onboarding packs, which repeat them).
    subprocess.run([sys.executable, "-m", "pagefind_bin_extended", "--site", site, "--root-selector", "main",
                    "--glob", "{chapters,policies,processes,roles}/*.html",
                    "--output-subdir", "_pagefind", "--quiet"], check=True, capture_output=True)
    pagefind_time = time.monotonic() - start
    pagefind_bytes = folder_bytes(os.path.join(site, "_pagefind"))
    with open(os.path.join(site, "_pagefind_query.html"), "w", encoding="utf-8") as handle:
        handle.write(PAGEFIND_PAGE)

    rows = []
    for query in QUERIES:
        encoded = urllib.parse.quote(query)
        ours, ours_files, ours_results = fetched_bytes(
            site, f"search.html?q={encoded}", "/search/",
            "document.querySelector('[data-search-page-list]').getAttribute('aria-busy') === 'false'",
            "document.querySelectorAll('.search-page-results .search-result').length")
        theirs, their_files, their_results = fetched_bytes(
            site, f"_pagefind_query.html?q={encoded}", "/_pagefind/",
            "document.body.dataset.done !== undefined", "document.querySelectorAll('#results li').length")
        rows.append((query, ours, ours_files, ours_results, theirs, their_files, their_results))

    print(f"\n### {name} ({pages} pages)\n")
    print("| | handbook | Pagefind 1.5.2 |")
    print("| --- | ---: | ---: |")
    print(f"| index build time | {ours_time:.3f} s | {pagefind_time:.3f} s |")
    print(f"| index bytes on disk | {ours_json:,} (JSON) + {ours_all - ours_json:,} (script copies for file://) | {pagefind_bytes:,} |")
    for query, ours, ours_files, ours_results, theirs, their_files, their_results in rows:
        print(f"| bytes fetched for “{query}” | {ours:,} in {ours_files} files ({ours_results} results shown) | "
              f"{theirs:,} in {their_files} files ({their_results} results shown) |")


def main():
    chapters = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT], check=True, capture_output=True)
    with tempfile.TemporaryDirectory() as work:
        example = os.path.join(work, "example")
        os.makedirs(example)
        measure("Example handbook (content/)", os.path.join(ROOT, "content"), example)
        generated = os.path.join(work, "generated")
        subprocess.run([sys.executable, os.path.join(ROOT, "Scripts/generate-handbook.py"), str(chapters), generated], check=True)
        measure(f"Generated handbook, {chapters} chapters", os.path.join(generated, "content"), generated)


if __name__ == "__main__":
    main()
