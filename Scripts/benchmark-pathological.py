#!/usr/bin/env python3
"""Times `handbook check` against the `cmark` CLI on pathological Markdown.

Usage: benchmark-pathological.py [REPETITIONS [CASE ...]]   (default 20000, every case)

The inputs are the kinds of cmark's test/pathological_tests.py (written anew here), each
repeated REPETITIONS times, plus the cases issue 13 measured. Each input becomes the body of a
chapter in a small handbook made by `handbook init`; the bound for a case is five times cmark's
own time on the same text plus the time of checking the clean handbook.

Environment: HANDBOOK (default .build/release/handbook), CMARK (default cmark).
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time


def cases(n):
    """Name and Markdown text of each case, for n repetitions."""
    return {
        "nested strong emphasis": "*a **a " * n + "b" + " a** a*" * n,
        "emphasis closers without openers": "a_ " * n,
        "emphasis openers without closers": "_a " * n,
        "link closers without openers": "a]" * n,
        "link openers without closers": "[a" * n,
        "mismatched openers and closers": "*a_ " * n,
        "emphasis runs, multiples of 3": "*a " * n + "_a*_ " * n,
        "openers and closers multiple of 3": "a**b" + "c* " * n,
        "link openers and emphasis closers": "[ a_" * n,
        "pattern [ (]( repeated": "[ (](" * n,
        "pattern ![[]() repeated": "![[]()" * n,
        "nested brackets": "[" * n + "a" + "]" * n,
        "nested block quotes": "> " * n + "a",
        # Deeper lists are refused by cmark's own list indentation rules; 1,000 levels as in cmark.
        "deeply nested lists": "".join("  " * level + "* a\n" for level in range(min(n, 1000))),
        "U+0000 in input": "abc\u0000de\u0000" * n,
        # Backtick runs of every length up to n/8: the text grows with the square of the run count.
        "backtick runs": "".join("e" + "`" * length for length in range(1, n // 8)),
        "unclosed links A": "[a](<b" * n,
        "unclosed links B": "[a](b" * n,
        "unclosed HTML comment": "</" + "<!--" * n,
        "empty lines in deeply nested lists": "- " * n + "x" + "\n" * n,
        "emphasis in deep block quote": ">" * n + "a*" * n,
        "nested inlines": "*" * n + "a" + "*" * n,
        "many references": "".join(f"[{i}]: u\n" for i in range(n)) + "\n" + "[0] " * n,
        "reference links": "".join(f"[x{i}]\n" for i in range(n)) + "\n" + "".join(f"[x{i}]: /u{i}\n" for i in range(n)),
        "code spans ``x": "``x " * n,
        "headings": "".join(f"## h{i % 7}\n\n" for i in range(n)),
        "images": "![a](files/none.png) " * n,
    }


def timed(command, stdin=None):
    """Wall time and peak memory (KiB) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if stdin is not None:
        process.stdin.write(stdin)
        process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    handbook = os.path.abspath(os.environ.get("HANDBOOK", ".build/release/handbook"))
    cmark = os.environ.get("CMARK", "cmark")
    work = pathlib.Path(tempfile.mkdtemp(prefix="pathological-"))
    try:
        subprocess.run([handbook, "init", str(work / "clean")], check=True, stdout=subprocess.DEVNULL)
        clean = work / "clean" / "content"
        chapter = next((clean / "chapters").glob("*.md"))
        base = min(timed([handbook, "check", "--content", str(clean)])[0] for _ in range(3))
        print(f"{n} repetitions; clean check {base:.3f} s; bound = 5 × cmark + clean check\n")
        print(f"| case | bytes | cmark | handbook check | bound | peak memory | |")
        print(f"| --- | ---: | ---: | ---: | ---: | ---: | --- |")
        failures = 0
        chosen = sys.argv[2:]
        for name, text in cases(n).items():
            if chosen and not any(part in name for part in chosen):
                continue
            folder = work / "case"
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(clean, folder)
            case_chapter = folder / "chapters" / chapter.name
            data = text.encode()
            with open(case_chapter, "ab") as file:
                file.write(b"\n\n" + data + b"\n")
            cmark_time = min(timed([cmark], stdin=data)[0] for _ in range(2))
            check_time, memory = timed([handbook, "check", "--content", str(folder)])
            bound = 5 * cmark_time + base
            verdict = "ok" if check_time <= bound else "SLOW"
            failures += verdict != "ok"
            print(f"| {name} | {len(data):,} | {cmark_time:.3f} s | {check_time:.3f} s | {bound:.3f} s "
                  f"| {memory / 1024:.0f} MiB | {verdict} |", flush=True)
        print(f"\n{failures} cases over the bound")
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
