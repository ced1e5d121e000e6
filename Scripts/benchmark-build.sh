#!/usr/bin/env bash
# Times `handbook build` against Hugo on the same generated chapters (a benchmark, not a test).
#
# Usage: Scripts/benchmark-build.sh [CHAPTERS...]   (default: 1000 2000 5000)
#
# Builds handbook once in release mode, times the example handbook (content/), then for each
# size generates a corpus (Scripts/generate-handbook.py) and measures rebuilds over the previous
# output:
#   - handbook against Hugo with a bounded navigation (OUT/hugo), paired and alternating in one
#     hyperfine session: one warm-up run each, then 5 rounds of handbook, Hugo;
#   - Hugo with every chapter on every page (OUT/hugo-full), apart: 1 warm-up, 3 runs;
#   - peak memory of one more rebuild of each (/usr/bin/time -v), output bytes (du -sb) and
#     files, HTML pages, and the bytes and files of handbook's search index (public/search).
# It prints a Markdown table per size and a summary, writes the figures to a CSV and draws the
# rebuild time against chapters as an SVG chart (Scripts/benchmark-report.py).
#
# Environment:
#   HANDBOOK=path       time this binary instead of building .build/release/handbook
#   BENCHMARK_WORK=dir  keep corpora and outputs in dir (default: a temporary folder, removed)
#   BENCHMARK_CSV=file  the CSV (default: /tmp/benchmark-build.csv, replaced by each run)
#   BENCHMARK_SVG=file  the chart (default: docs/benchmark-build.svg)
#   BENCHMARK_FULL_LIST_CSV=file
#                       take the Hugo full-list rows from an earlier run's CSV instead of timing
#                       that layout again (it takes minutes at 5,000 chapters and does not change
#                       with handbook)
# Needs hyperfine, hugo and GNU time: apt-get install -y hyperfine hugo time
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
report="$root/Scripts/benchmark-report.py"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 2000 5000)
csv="${BENCHMARK_CSV:-/tmp/benchmark-build.csv}"
svg="${BENCHMARK_SVG:-$root/docs/benchmark-build.svg}"
today=2026-06-01

for tool in hyperfine hugo /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y hyperfine hugo time" >&2; exit 1; }
done
if [ -n "${BENCHMARK_WORK:-}" ]; then
    work="$BENCHMARK_WORK"
    mkdir -p "$work"
else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi
if [ -n "${HANDBOOK:-}" ]; then
    handbook="$HANDBOOK"
else
    # swift build prints compiler errors on stdout: show them only when the build fails.
    swift build -c release --package-path "$root" >"$work/swift-build.log" 2>&1 || { cat "$work/swift-build.log" >&2; exit 1; }
    handbook="$root/.build/release/handbook"
fi
theme="$root/themes/default"
: >"$csv"

# Peak resident memory in KiB of one run of the command.
peak_kib() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'
}

# Appends the CSV row of one tool at size $chapters: its times from the hyperfine JSON (the runs
# whose command contains MATCH), then one more rebuild for the peak memory, and the output's size.
# Extra options for benchmark-report.py record are taken from the array $extra.
record() {  # TOOL OUTPUT_DIR HYPERFINE_JSON MATCH COMMAND...
    local tool="$1" out="$2" json="$3" match="$4"
    shift 4
    python3 "$report" record "$csv" --chapters "$chapters" --tool "$tool" --hyperfine "$json" --match "$match" \
        --rss-kib "$(peak_kib "$@")" --output-bytes "$(du -sb "$out" | cut -f1)" \
        --output-files "$(find "$out" -type f | wc -l)" --pages "$(find "$out" -name '*.html' | wc -l)" \
        "${extra[@]}"
}

echo "== example handbook (content/)"
hyperfine -N -w 2 -r 10 --style basic --export-json "$work/example.json" \
    "$handbook build --content $root/content --theme $theme --output $work/example-public"

for chapters in "${sizes[@]}"; do
    dir="$work/$chapters"
    rm -rf "$dir"
    python3 "$root/Scripts/generate-handbook.py" "$chapters" "$dir"
    ours="$handbook build --content $dir/content --theme $theme --output $dir/public --today $today"
    bounded="hugo --quiet -s $dir/hugo -d $dir/hugo-public"
    full="hugo --quiet -s $dir/hugo-full -d $dir/hugo-full-public"

    echo "== $chapters chapters: warm-up (the first build of each)"
    $ours >/dev/null
    $bounded
    echo "== $chapters chapters: handbook and Hugo (bounded navigation), 5 alternating rebuilds each"
    # hyperfine runs the parameter's values in order, both commands for each: handbook, Hugo,
    # handbook, Hugo, … (env only carries the round number into the command line).
    hyperfine -N -r 1 -L round 1,2,3,4,5 --style basic --export-json "$dir/paired.json" \
        "env BENCHMARK_ROUND={round} $ours" "env BENCHMARK_ROUND={round} $bounded" >"$dir/paired.log"
    if [ -z "${BENCHMARK_FULL_LIST_CSV:-}" ]; then
        echo "== $chapters chapters: Hugo with every chapter on every page"
        hyperfine -N -w 1 -r 3 --style basic --export-json "$dir/full.json" "$full" >"$dir/full.log"
    fi

    extra=(--search-bytes "$(du -sb "$dir/public/search" | cut -f1)"
           --search-files "$(find "$dir/public/search" -type f | wc -l)" --pair "hugo --quiet")
    # shellcheck disable=SC2086  # the commands are split into words on purpose
    record handbook "$dir/public" "$dir/paired.json" "build --content" $ours
    extra=()
    # shellcheck disable=SC2086
    record hugo-bounded "$dir/hugo-public" "$dir/paired.json" "hugo --quiet" $bounded
    if [ -z "${BENCHMARK_FULL_LIST_CSV:-}" ]; then
        # shellcheck disable=SC2086
        record hugo-full "$dir/hugo-full-public" "$dir/full.json" "" $full
    else
        grep "^$chapters,hugo-full," "$BENCHMARK_FULL_LIST_CSV" >>"$csv" || true
    fi
    python3 "$report" table "$csv" "$chapters"
done

echo
python3 - "$work/example.json" <<'EOF'
import json, sys
result = json.load(open(sys.argv[1]))["results"][0]
print(f"Example handbook (content/): {result['mean']:.3f} s ± {result['stddev']:.3f} s ({len(result['times'])} runs)")
EOF
python3 "$report" summary "$csv"
python3 "$report" chart "$csv" "$svg"
echo
echo "figures: $csv"
echo "chart: $svg"
