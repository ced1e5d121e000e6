#!/usr/bin/env bash
# Makes a git repository whose history holds two earlier editions of the example handbook
# (tags v2025.2 and v2026.1, from Tests/HandbookTests/Fixtures/example-editions) and the
# current content/ on top, so that a build shows real "what changed" pages.
#
# Usage: Scripts/example-editions.sh OUTPUT_DIR
#        then: handbook build --content OUTPUT_DIR/content --output OUTPUT_DIR/public
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: example-editions.sh OUTPUT_DIR}"
editions="$root/Tests/HandbookTests/Fixtures/example-editions"

rm -rf "$out"
mkdir -p "$out"
cd "$out"
git init -q
git config user.email "sales-director@example.com"
git config user.name "销售总监"
for edition in v2025.2 v2026.1; do
    rm -rf content
    cp -r "$root/content" content
    cp -r "$editions/$edition/." content/
    git add -A
    git commit -qm "销售部管理手册 $edition"
    git tag -a "$edition" -m "销售部管理手册 $edition"
done
rm -rf content
cp -r "$root/content" content
git add -A
git commit -qm "销售部管理手册：现行版本"
