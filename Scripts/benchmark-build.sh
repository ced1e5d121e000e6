#!/usr/bin/env bash
# Times `handbook build` against Hugo on the same generated corpus (not a test).
#
# Usage: Scripts/benchmark-build.sh [CHAPTERS]   (default 1000; needs hyperfine and hugo from Debian)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
chapters="${1:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --package-path "$root" >/dev/null
handbook="$root/.build/release/handbook"
python3 "$root/Scripts/generate-handbook.py" "$chapters" "$work"

echo "== example handbook (content/)"
hyperfine -w 2 -r 10 -N \
    "$handbook build --content $root/content --theme $root/themes/default --output $work/example-public"

echo "== generated handbook: $chapters chapters, $((chapters / 10)) policies: clean build into a new folder"
mkdir -p "$work/clean"
hyperfine -w 1 -r 5 --prepare "sync" \
    "sh -c '$handbook build --content $work/content --theme $root/themes/default --output \$(mktemp -d -p $work/clean) --today 2026-06-01'" \
    "sh -c 'hugo --quiet -s $work/hugo -d \$(mktemp -d -p $work/clean)'"

echo "== the same, clean build after deleting the previous output"
hyperfine -w 1 -r 5 \
    --prepare "rm -rf $work/clean $work/public $work/hugo-public; sync" \
    "$handbook build --content $work/content --theme $root/themes/default --output $work/public --today 2026-06-01" \
    "hugo --quiet -s $work/hugo -d $work/hugo-public"

echo "== the same, rebuilding over the previous output"
hyperfine -w 1 -r 5 --prepare "sync" \
    "$handbook build --content $work/content --theme $root/themes/default --output $work/public --today 2026-06-01" \
    "hugo --quiet -s $work/hugo -d $work/hugo-public"
echo "pages: handbook $(find "$work/public" -name '*.html' | wc -l), hugo $(find "$work/hugo-public" -name '*.html' | wc -l)"
