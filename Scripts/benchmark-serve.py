#!/usr/bin/env python3
"""Edit to served: how long `handbook serve` takes to show an edit, at any size.

Usage: Scripts/benchmark-serve.py [--handbook BIN] [--theme DIR] [--edits N] CONTENT_DIR...

For each content folder (a copy is edited, never the folder given), starts `handbook serve` on a
free port, waits for the first build, then for each kind of edit, N times:

  text   appends a paragraph with a fresh marker to a chapter in the middle of the handbook;
  title  puts a fresh marker into that chapter's title (navigation, links and search change);

and polls the chapter's page over HTTP until the marker shows. "edit to served" is from the
file's write to the first response that has the marker; the server's own line for that rebuild
gives when it had the edited page ready and how long the whole rebuild took (the pages that only
name the chapter, the print version and the search index come after the edited page). A full `handbook build` of the same folder (median of 3
rebuilds over its previous output) is the reference for the targets of issue 11: a text edit in at most 5 % of a
full build, a title edit in at most 20 %.

Prints a Markdown table. Not a test: the figures depend on the machine.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chapters(content):
    found = []
    for folder, _, files in os.walk(os.path.join(content, "chapters")):
        found += [os.path.join(folder, f) for f in files if f.endswith(".md")]
    return sorted(found)


def page_of(chapter_text, chapter_path, content):
    """The chapter's page: `chapters/<slug>.html`, from its id in the front matter."""
    match = re.search(r"^id:\s*(\S+)", chapter_text, re.M)
    slug = match.group(1) if match else os.path.splitext(os.path.basename(chapter_path))[0]
    return f"chapters/{slug}.html"


class Server:
    def __init__(self, handbook, content, theme):
        self.port = free_port()
        self.lines = []
        self.process = subprocess.Popen(
            [handbook, "serve", "--content", content, "--theme", theme, "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append((time.monotonic(), line.rstrip("\n")))

    def get(self, path):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
                return response.read().decode("utf-8", "replace")
        except Exception:
            return ""

    def wait_ready(self, timeout=600):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any("serving the handbook" in line for _, line in self.lines) and self.get("index.html"):
                return
            time.sleep(0.05)
        raise SystemExit("the server did not start:\n" + "\n".join(line for _, line in self.lines))

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def rebuild_seconds(line):
    """The whole rebuild's seconds from the server's line (after the edited page's own time)."""
    match = re.search(r"files changed, in ([0-9.]+) s", line)
    return float(match.group(1)) if match else None


def first_page_seconds(line):
    """When the server had the edited page ready, from its line ("edited page served in …")."""
    match = re.search(r"edited page served in ([0-9.]+) s", line)
    return float(match.group(1)) if match else None


def measure(server, chapter, page, edit, marker):
    with open(chapter, encoding="utf-8") as f:
        original = f.read()
    if edit == "text":
        changed = original + f"\n\nA paragraph with {marker} in it.\n"
    else:
        def retitle(match):
            title = match.group(1).strip()
            if len(title) > 1 and title[0] == title[-1] and title[0] in "\"'":
                return f"title: {title[:-1]} {marker}{title[-1]}"
            return f"title: {title} {marker}"
        changed = re.sub(r"^title:\s*(.*)$", retitle, original, count=1, flags=re.M)
    seen = len(server.lines)
    start = time.monotonic()
    with open(chapter, "w", encoding="utf-8") as f:
        f.write(changed)
    while marker not in server.get(page):
        if time.monotonic() - start > 120:
            tail = "\n".join(text for _, text in server.lines[seen:])
            raise SystemExit(f"{marker} never showed on {page}; the server said:\n{tail}")
        time.sleep(0.005)
    served = time.monotonic() - start
    # The server's line for this rebuild comes just before or after the page shows it.
    deadline = time.monotonic() + 5
    line = ""
    while time.monotonic() < deadline:
        rebuilt = [text for _, text in server.lines[seen:] if "files changed" in text]
        if rebuilt:
            line = rebuilt[-1]
            break
        time.sleep(0.01)
    return served, line


def full_build(handbook, content, theme):
    """Median of 3 rebuilds over a previous output, as Scripts/benchmark-build.sh times them
    (a build into a new folder also pays for creating every file, which on a virtual machine's
    disk can take longer than the build)."""
    output = tempfile.mkdtemp(prefix="handbook-serve-bench-")
    shutil.rmtree(output)
    command = [handbook, "build", "--content", content, "--theme", theme, "--output", output]
    try:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times = []
        for _ in range(3):
            start = time.monotonic()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.monotonic() - start)
        return statistics.median(times)
    finally:
        shutil.rmtree(output, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("content", nargs="+")
    parser.add_argument("--handbook", default=os.path.join(ROOT, ".build/release/handbook"))
    parser.add_argument("--theme", default=os.path.join(ROOT, "themes/default"))
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()

    rows = []
    for given in args.content:
        work = tempfile.mkdtemp(prefix="handbook-serve-bench-")
        content = os.path.join(work, "content")
        shutil.copytree(given, content)
        try:
            full = full_build(args.handbook, content, args.theme)
            files = chapters(content)
            chapter = files[len(files) // 2]
            with open(chapter, encoding="utf-8") as f:
                page = page_of(f.read(), chapter, content)
            server = Server(args.handbook, content, args.theme)
            try:
                server.wait_ready()
                for edit in ("text", "title"):
                    results = [measure(server, chapter, page, edit, f"zqx{edit}{n}{int(time.time())}")
                               for n in range(args.edits)]
                    served = [s for s, _ in results]
                    rebuilt = [r for r in (rebuild_seconds(line) for _, line in results) if r is not None]
                    first = [r for r in (first_page_seconds(line) for _, line in results) if r is not None]
                    rows.append((given, len(files), edit, served, first, rebuilt, full, results[-1][1]))
            finally:
                server.stop()
        finally:
            shutil.rmtree(work, ignore_errors=True)

    print("| content | chapters | edit | edit to served (median, min–max) | edited page ready (server) "
          "| whole rebuild (server) | full build | share |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for given, count, edit, served, first, rebuilt, full, _ in rows:
        median = statistics.median(served)
        ready = f"{statistics.median(first):.2f} s" if first else "—"
        rebuild = f"{statistics.median(rebuilt):.2f} s" if rebuilt else "—"
        print(f"| {given} | {count:,} | {edit} | {median * 1000:.0f} ms ({min(served) * 1000:.0f}–"
              f"{max(served) * 1000:.0f}) | {ready} | {rebuild} | {full:.2f} s | {median / full * 100:.1f} % |")
    print()
    for given, _, edit, _, _, _, _, line in rows:
        print(f"- {given}, {edit}: `{line}`")


if __name__ == "__main__":
    main()
