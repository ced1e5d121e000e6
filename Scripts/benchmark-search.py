#!/usr/bin/env python3
"""Measure handbook's search against Pagefind on the same built site (a benchmark, not a test).

Usage: Scripts/benchmark-search.py [CHAPTERS...]   (default: 1000 2000 5000)

For the example handbook and a generated handbook of each size (Scripts/generate-handbook.py)
it builds the site with handbook, runs Pagefind over the same public/ folder (PyPI's
pagefind-bin-extended, the build that segments Chinese, with `--root-selector main` so that it
indexes the content and not the navigation, and only the pages handbook indexes), and reports:
  - index build time: handbook's "search index" stage (`build --timings`); Pagefind's whole run;
  - index on disk: bytes and files of handbook's search/ folder and of Pagefind's _pagefind/;
  - for each query (佣金, 客户分级, SLA, commission, 销售), the bytes a fresh headless Chromium
    fetches from a loopback HTTP server after the page itself to show the first 10 results with
    their snippets: for handbook, every request of `search.html?q=…` but the HTML document
    (split into scripts and styles, and index files under search/); for Pagefind, every request
    of a query page calling its JavaScript API (`search()`, then `data()` of the first 10
    results), split into script (pagefind.js and WebAssembly) and index (entry, index chunks,
    fragments, metadata); and the median of the five queries.
Bytes are response bodies (file sizes), not headers.

Environment: HANDBOOK=path uses that binary instead of building .build/release/handbook.
Needs: swift, chromium, python3 with pagefind-bin-extended
(pip install --break-system-packages pagefind-bin-extended).
"""
import functools
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUERIES = ["佣金", "客户分级", "SLA", "commission", "销售"]
TODAY = "2026-06-01"
# When handbook's results page has shown its results, and how many it shows.
HANDBOOK_DONE = "document.querySelector('[data-search-page-list]')?.getAttribute('aria-busy') === 'false'"
HANDBOOK_SHOWN = "document.querySelectorAll('.search-page-results .search-result').length"

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
    """Serves files and records the path and body bytes of each file served."""

    log = []

    def send_head(self):
        handle = super().send_head()
        if handle is not None and hasattr(handle, "fileno"):
            path = urllib.parse.unquote(self.path.split("?")[0])
            CountingHandler.log.append((path, os.fstat(handle.fileno()).st_size))
        return handle

    def log_message(self, *args):
        pass


def folder_size(folder):
    """Total bytes and number of files below `folder`."""
    total = files = 0
    for directory, _, names in os.walk(folder):
        for name in names:
            total += os.path.getsize(os.path.join(directory, name))
            files += 1
    return total, files


def fetched(site, page, done, count):
    """Every file a fresh Chromium fetches to show `page` (a path with query), until the
    JavaScript expression `done` holds: a list of (path, bytes) without the page's own
    document, and the value of `count` (the results shown, or why it failed)."""
    CountingHandler.log = []
    handler = functools.partial(CountingHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{page}"
        steps = [{"goto": url}, {"wait": done, "timeout": 60000}, {"eval": count}]
        output = subprocess.run([sys.executable, os.path.join(ROOT, "Scripts/browser.py"), json.dumps(steps)],
                                capture_output=True, text=True, timeout=180).stdout
        try:
            parsed = json.loads(output)
            shown = parsed[-1] if isinstance(parsed, list) else f"failed: {parsed.get('error')}"
        except json.JSONDecodeError:
            shown = f"failed: {output.strip()[:80] or 'no output'}"
    finally:
        server.shutdown()
        server.server_close()
    document = "/" + page.split("?")[0]
    return [(path, size) for path, size in CountingHandler.log if path != document], shown


def handbook_query(site, query):
    """Bytes handbook's results page fetches after its HTML: (scripts and styles, index, files,
    shown, the scripts and styles as (path, bytes))."""
    files, shown = fetched(site, f"search.html?q={urllib.parse.quote(query)}", HANDBOOK_DONE, HANDBOOK_SHOWN)
    index = sum(size for path, size in files if path.startswith("/search/"))
    assets = [(path, size) for path, size in files if not path.startswith("/search/")]
    return sum(size for _, size in assets), index, len(files), shown, assets


def pagefind_query(site, query):
    """Bytes Pagefind's query page fetches after its HTML: (script and WebAssembly, index, files, shown)."""
    files, shown = fetched(site, f"_pagefind_query.html?q={urllib.parse.quote(query)}",
                           "document.body.dataset.done !== undefined", "document.querySelectorAll('#results li').length")
    script = sum(size for path, size in files
                 if path.endswith(".js") or os.path.basename(path).startswith("wasm."))
    return script, sum(size for _, size in files) - script, len(files), shown


def pagefind_version():
    result = subprocess.run([sys.executable, "-m", "pagefind_bin_extended", "--version"],
                            capture_output=True, text=True)
    return result.stdout.strip().replace("pagefind ", "") or "?"


def measure(name, content, work, handbook, version):
    """Build, index and query one handbook; print its tables."""
    site = os.path.join(work, "public")
    build = subprocess.run(
        [handbook, "build", "--content", content, "--theme", os.path.join(ROOT, "themes/default"),
         "--output", site, "--today", TODAY, "--timings"], capture_output=True, text=True)
    if build.returncode != 0:
        sys.exit(f"handbook build failed:\n{build.stdout}{build.stderr}")
    pages = re.search(r"built (\d+) pages", build.stdout)
    stage = re.search(r"search index: ([\d.]+) s", build.stdout)
    ours_disk = folder_size(os.path.join(site, "search"))

    start = time.monotonic()
    # The pages handbook's index covers: chapters, policies, processes and roles (not the print
    # version, booklet or onboarding packs, which repeat them).
    subprocess.run([sys.executable, "-m", "pagefind_bin_extended", "--site", site, "--root-selector", "main",
                    "--glob", "{chapters,policies,processes,roles}/*.html",
                    "--output-subdir", "_pagefind", "--quiet"], check=True, capture_output=True)
    pagefind_time = time.monotonic() - start
    their_disk = folder_size(os.path.join(site, "_pagefind"))
    with open(os.path.join(site, "_pagefind_query.html"), "w", encoding="utf-8") as handle:
        handle.write(PAGEFIND_PAGE)

    rows = [(query, handbook_query(site, query), pagefind_query(site, query)) for query in QUERIES]
    ours_median = statistics.median(sum(ours[:2]) for _, ours, _ in rows)
    their_median = statistics.median(sum(theirs[:2]) for _, _, theirs in rows)

    print(f"\n### {name} ({pages.group(1) if pages else '?'} pages)\n")
    print(f"| | handbook | Pagefind {version} |")
    print("| --- | ---: | ---: |")
    print(f"| index build time | {stage.group(1) + ' s' if stage else '?'} | {pagefind_time:.3f} s |")
    print(f"| index on disk | {ours_disk[0]:,} B in {ours_disk[1]:,} files | {their_disk[0]:,} B in {their_disk[1]:,} files |")
    print(f"| bytes fetched per query, median of the five | {ours_median:,.0f} B | {their_median:,.0f} B |")
    print("\nBytes fetched after the page itself (handbook: scripts and styles + index under search/; "
          "Pagefind: script and WebAssembly + index):\n")
    print(f"| query | handbook | scripts, styles | index | files | results shown "
          f"| Pagefind | script, wasm | index | files | results shown |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for query, (assets, index, files, shown, _), (script, their_index, their_files, their_shown) in rows:
        print(f"| {query} | {assets + index:,} | {assets:,} | {index:,} | {files} | {shown} "
              f"| {script + their_index:,} | {script:,} | {their_index:,} | {their_files} | {their_shown} |")
    listed = ", ".join(f"{path.lstrip('/')} {size:,}" for path, size in sorted(set(rows[0][1][4])))
    print(f"\nhandbook's scripts and styles (bytes): {listed}.")
    sys.stdout.flush()


def main():
    sizes = [int(argument) for argument in sys.argv[1:]] or [1000, 2000, 5000]
    handbook = os.environ.get("HANDBOOK")
    if not handbook:
        build = subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT], capture_output=True, text=True)
        if build.returncode != 0:
            sys.exit(f"swift build failed:\n{build.stdout}{build.stderr}")
        handbook = os.path.join(ROOT, ".build", "release", "handbook")
    version = pagefind_version()
    with tempfile.TemporaryDirectory() as work:
        example = os.path.join(work, "example")
        os.makedirs(example)
        measure("Example handbook (content/)", os.path.join(ROOT, "content"), example, handbook, version)
        for chapters in sizes:
            generated = os.path.join(work, str(chapters))
            subprocess.run([sys.executable, os.path.join(ROOT, "Scripts/generate-handbook.py"), str(chapters),
                            generated], check=True)
            measure(f"Generated handbook, {chapters:,} chapters", os.path.join(generated, "content"), generated,
                    handbook, version)
            shutil.rmtree(generated)  # keeps the temporary folder small between sizes


if __name__ == "__main__":
    main()
