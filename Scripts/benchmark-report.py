#!/usr/bin/env python3
"""Figures of Scripts/benchmark-build.sh: a CSV row per tool and size, Markdown tables, an SVG chart.

Usage:
  benchmark-report.py record CSV --chapters N --tool NAME --hyperfine JSON [--match TEXT]
                             [--rss-kib K] [--output-bytes B] [--output-files F] [--pages P]
                             [--search-bytes B] [--search-files F]
        append one row: the wall times of the hyperfine runs whose command contains TEXT
        (default: all of the file), with the other measurements as given;
  benchmark-report.py table CSV N     print the Markdown table of one size;
  benchmark-report.py summary CSV     print one table over all sizes, and the growth in time;
  benchmark-report.py chart CSV SVG   draw build time against chapters, one line per tool.
Standard library only; the SVG is written by hand.
"""
import argparse
import csv
import json
import math
import os
import statistics

FIELDS = ["chapters", "tool", "runs", "mean_s", "stddev_s", "min_s", "max_s", "peak_rss_kib",
          "output_bytes", "output_files", "html_pages", "search_bytes", "search_files",
          "paired_ratio_median", "paired_ratio_min", "paired_ratio_max"]
TOOLS = [("handbook", "handbook", "#1f6fb4"), ("hugo-bounded", "Hugo, bounded navigation", "#2b9a3e"),
         ("hugo-full", "Hugo, every chapter on every page", "#d0452f")]
LABELS = {tool: label for tool, label, _ in TOOLS}


def paired_ratios(results, match, other):
    """Per round of a `-L round …` hyperfine run, the time of the command containing `match`
    divided by that of the command containing `other`."""
    rounds = {}
    for result in results:
        for text, slot in ((match, 0), (other, 1)):
            if text in result["command"]:
                rounds.setdefault(result["parameters"]["round"], [None, None])[slot] = result["times"][0]
    return [ours / theirs for ours, theirs in rounds.values() if ours and theirs]


def record(args):
    """Append one row to the CSV (writing the header first if the file is new)."""
    with open(args.hyperfine, encoding="utf-8") as handle:
        results = json.load(handle)["results"]
    times = [time for result in results if args.match in result["command"] for time in result["times"]]
    ratios = paired_ratios(results, args.match, args.pair) if args.pair else []
    row = {"chapters": args.chapters, "tool": args.tool, "runs": len(times),
           "mean_s": f"{statistics.mean(times):.4f}",
           "stddev_s": f"{statistics.stdev(times):.4f}" if len(times) > 1 else "",
           "min_s": f"{min(times):.4f}", "max_s": f"{max(times):.4f}",
           "peak_rss_kib": args.rss_kib, "output_bytes": args.output_bytes, "output_files": args.output_files,
           "html_pages": args.pages, "search_bytes": args.search_bytes, "search_files": args.search_files,
           "paired_ratio_median": f"{statistics.median(ratios):.3f}" if ratios else "",
           "paired_ratio_min": f"{min(ratios):.3f}" if ratios else "",
           "paired_ratio_max": f"{max(ratios):.3f}" if ratios else ""}
    new = not os.path.exists(args.csv) or os.path.getsize(args.csv) == 0
    with open(args.csv, "a", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, FIELDS)
        if new:
            writer.writeheader()
        writer.writerow(row)


def read(path):
    """The CSV's rows as {(chapters, tool): row}, numbers converted, the last row of a pair winning."""
    rows = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for key in FIELDS[2:]:
                row[key] = float(row[key]) if row[key] not in ("", None) else None
            rows[(int(row["chapters"]), row["tool"])] = row
    return rows


def seconds(row):
    if row is None:
        return "—"
    spread = f" ± {row['stddev_s']:.2f}" if row["stddev_s"] is not None else ""
    return f"{row['mean_s']:.2f} s{spread}"


def ratio(row, base):
    """row / base as "1.23× ± 0.05", the error propagated from both standard deviations."""
    if row is None or base is None:
        return "—"
    value = row["mean_s"] / base["mean_s"]
    relative = [(r["stddev_s"] or 0) / r["mean_s"] for r in (row, base)]
    return f"{value:.2f}× ± {value * math.hypot(*relative):.2f}"


def mib(kib):
    return "—" if kib is None else f"{kib / 1024:,.0f} MiB"


def mb(count):
    return "—" if count is None else f"{count / 1e6:,.1f} MB"


def whole(count):
    return "—" if count is None else f"{count:,.0f}"


def table(args):
    """The Markdown table of one corpus size."""
    rows = read(args.csv)
    chapters = args.chapters
    ours, bounded, full = (rows.get((chapters, tool)) for tool, _, _ in TOOLS)

    def line(name, show):
        print(f"| {name} | " + " | ".join(show(row) if row else "—" for row in (ours, bounded, full)) + " |")

    print(f"\n### {chapters:,} chapters, {max(1, chapters // 10):,} policies: rebuild over the previous output\n")
    print("| | handbook | Hugo, bounded navigation | Hugo, full list |")
    print("| --- | ---: | ---: | ---: |")
    line("wall time", lambda row: f"{seconds(row)} ({row['runs']:.0f} runs)")
    print(f"| relative to Hugo, bounded | {ratio(ours, bounded)} | 1 | {ratio(full, bounded)} |")
    if ours and ours["paired_ratio_median"] is not None:
        print(f"| handbook / Hugo bounded, per paired round | median {ours['paired_ratio_median']:.2f}× "
              f"(range {ours['paired_ratio_min']:.2f}–{ours['paired_ratio_max']:.2f}) | | |")
    line("peak memory", lambda row: mib(row["peak_rss_kib"]))
    line("output", lambda row: f"{mb(row['output_bytes'])} in {whole(row['output_files'])} files")
    line("HTML pages", lambda row: whole(row["html_pages"]))
    line("search index", lambda row: "—" if row["search_bytes"] is None
         else f"{mb(row['search_bytes'])} in {whole(row['search_files'])} files")


def summary(args):
    """One table over all sizes, then how time grew from the smallest size to each larger one."""
    rows = read(args.csv)
    sizes = sorted({chapters for chapters, _ in rows})
    print("\n### Summary: rebuild over the previous output\n")
    print("| chapters | handbook | Hugo, bounded | Hugo, full list | handbook / Hugo bounded "
          "| peak memory (handbook / bounded / full) | output (handbook / bounded / full) | search index |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for chapters in sizes:
        ours, bounded, full = (rows.get((chapters, tool)) for tool, _, _ in TOOLS)
        memory = " / ".join(mib(row and row["peak_rss_kib"]) for row in (ours, bounded, full))
        output = " / ".join(mb(row and row["output_bytes"]) for row in (ours, bounded, full))
        paired = (f" (paired rounds: median {ours['paired_ratio_median']:.2f}×)"
                  if ours and ours["paired_ratio_median"] is not None else "")
        print(f"| {chapters:,} | {seconds(ours)} | {seconds(bounded)} | {seconds(full)} | {ratio(ours, bounded)}{paired} "
              f"| {memory} | {output} | {mb(ours and ours['search_bytes'])} |")
    if len(sizes) > 1:
        print()
        for chapters in sizes[1:]:
            growth = []
            for tool, label, _ in TOOLS:
                first, last = rows.get((sizes[0], tool)), rows.get((chapters, tool))
                if first and last:
                    growth.append(f"{label} {last['mean_s'] / first['mean_s']:.1f}×")
            print(f"Growth in time from {sizes[0]:,} to {chapters:,} chapters "
                  f"({chapters / sizes[0]:.1f}× the chapters): {', '.join(growth)}.")


def nice_step(largest, ticks=5):
    """A round tick step (1, 2 or 5 times a power of ten) giving about `ticks` ticks up to `largest`."""
    raw = largest / ticks if largest > 0 else 1
    power = 10 ** math.floor(math.log10(raw))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= raw)


def label(value):
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def chart(args):
    """Draw build time (mean, with ± one standard deviation) against chapters, one line per tool."""
    rows = read(args.csv)
    series = []
    for tool, name, colour in TOOLS:
        points = sorted((chapters, row["mean_s"], row["stddev_s"] or 0)
                        for (chapters, which), row in rows.items() if which == tool)
        if points:
            series.append((name, colour, points))
    width, height = 720, 440
    left, right, top, bottom = 70, 24, 48, 60
    x_max = max(chapters for _, _, points in series for chapters, _, _ in points)
    x_step = nice_step(x_max)
    x_top = math.ceil(x_max / x_step) * x_step
    x = lambda value: left + value / x_top * (width - left - right)
    # Seconds on a logarithmic scale, so that tools a hundred times apart both stay readable.
    y_low = min(mean - spread if mean > spread else mean for _, _, points in series for _, mean, spread in points)
    y_high = max(mean + spread for _, _, points in series for _, mean, spread in points)
    y_bottom = 10 ** math.floor(math.log10(y_low))
    y_top = 10 ** math.ceil(math.log10(y_high))
    y = lambda value: height - bottom - (math.log10(max(value, y_bottom)) - math.log10(y_bottom)) / (
        math.log10(y_top) - math.log10(y_bottom)) * (height - top - bottom)
    ticks = [step * 10 ** power for power in range(round(math.log10(y_bottom)), round(math.log10(y_top)) + 1)
             for step in (1, 2, 5) if y_bottom <= step * 10 ** power <= y_top]

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{width / 2}" y="24" text-anchor="middle" font-size="15">'
           'Rebuild time against chapters (mean ± standard deviation; logarithmic time axis)</text>']
    for value in ticks:
        out.append(f'<line x1="{left}" y1="{y(value):.1f}" x2="{width - right}" y2="{y(value):.1f}" '
                   f'stroke="#ddd"/>')
        out.append(f'<text x="{left - 8}" y="{y(value) + 4:.1f}" text-anchor="end">{label(value)}</text>')
    for index in range(int(round(x_top / x_step)) + 1):
        value = index * x_step
        out.append(f'<line x1="{x(value):.1f}" y1="{height - bottom}" x2="{x(value):.1f}" '
                   f'y2="{height - bottom + 5}" stroke="#333"/>')
        out.append(f'<text x="{x(value):.1f}" y="{height - bottom + 19}" text-anchor="middle">{label(value)}</text>')
    out.append(f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="#333"/>')
    out.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="#333"/>')
    out.append(f'<text x="{(left + width - right) / 2}" y="{height - 16}" text-anchor="middle">chapters</text>')
    out.append(f'<text transform="translate(20 {(top + height - bottom) / 2}) rotate(-90)" '
               'text-anchor="middle">seconds</text>')
    for name, colour, points in series:
        path = " ".join(f"{x(chapters):.1f},{y(mean):.1f}" for chapters, mean, _ in points)
        dash = ' stroke-dasharray="6 4"' if name == LABELS["hugo-full"] else ""
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        for chapters, mean, spread in points:
            if spread:
                out.append(f'<line x1="{x(chapters):.1f}" y1="{y(mean - spread):.1f}" x2="{x(chapters):.1f}" '
                           f'y2="{y(mean + spread):.1f}" stroke="{colour}"/>')
            out.append(f'<circle cx="{x(chapters):.1f}" cy="{y(mean):.1f}" r="3.5" fill="{colour}">'
                       f'<title>{name}: {chapters:,} chapters, {mean:.2f} s</title></circle>')
    for index, (name, colour, _) in enumerate(series):
        line_y = top + 10 + index * 20
        dash = ' stroke-dasharray="6 4"' if name == LABELS["hugo-full"] else ""
        out.append(f'<line x1="{left + 16}" y1="{line_y}" x2="{left + 40}" y2="{line_y}" stroke="{colour}" '
                   f'stroke-width="2"{dash}/>')
        out.append(f'<circle cx="{left + 28}" cy="{line_y}" r="3.5" fill="{colour}"/>')
        out.append(f'<text x="{left + 48}" y="{line_y + 4}">{name}</text>')
    out.append("</svg>")
    with open(args.svg, "w", encoding="utf-8") as handle:
        handle.write("\n".join(out) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("record")
    add.add_argument("csv")
    add.add_argument("--chapters", type=int, required=True)
    add.add_argument("--tool", choices=[tool for tool, _, _ in TOOLS], required=True)
    add.add_argument("--hyperfine", required=True)
    add.add_argument("--match", default="")
    add.add_argument("--pair", help="with a paired run: the other command, to compute per-round ratios")
    for option in ("rss-kib", "output-bytes", "output-files", "pages", "search-bytes", "search-files"):
        add.add_argument(f"--{option}", default="")
    one = commands.add_parser("table")
    one.add_argument("csv")
    one.add_argument("chapters", type=int)
    commands.add_parser("summary").add_argument("csv")
    draw = commands.add_parser("chart")
    draw.add_argument("csv")
    draw.add_argument("svg")
    args = parser.parse_args()
    {"record": record, "table": table, "summary": summary, "chart": chart}[args.command](args)


if __name__ == "__main__":
    main()
