#!/usr/bin/env bash
# Fuzzes the checker and the Markdown renderer with libFuzzer and AddressSanitizer.
#
# Usage: Scripts/fuzz.sh [SECONDS] [LIBFUZZER OPTIONS ...]   (default 600 seconds)
#
# The corpus grows in .build/fuzz-corpus (seeded with the example handbook's sources and the
# cmark pathological inputs); crashes, leaks and timeouts are written to .build/fuzz-findings.
# Replay a finding without libFuzzer: swift run HandbookFuzz .build/fuzz-findings/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
scratch=.build/fuzz
# Every target is instrumented for libFuzzer's coverage and for AddressSanitizer; libFuzzer's
# driver comes without its main (-sanitize=fuzzer would give the build's tools one too), and
# HandbookFuzz calls it.
runtime=$(dirname "$(readlink -f "$(command -v swift)")")/../lib/clang
fuzzer=$(find "$runtime" -name 'libclang_rt.fuzzer_no_main-*.a' | head -1)
swift build --scratch-path "$scratch" --product HandbookFuzz -c debug \
    -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
    -Xswiftc -DFUZZING -Xlinker "$fuzzer" -Xlinker -lstdc++ >&2
corpus=.build/fuzz-corpus
findings=.build/fuzz-findings
mkdir -p "$corpus" "$findings"
if [ -z "$(ls -A "$corpus")" ]; then
    # Seeds: each source of the example handbook, prefixed with the byte that selects its kind.
    n=0
    for file in content/chapters/*.md; do
        { printf '\x01'; cat "$file"; } >"$corpus/chapter-$((n++))"
        { printf '\x00'; sed '1,/^---$/d' "$file" | sed '1,/^---$/d'; } >"$corpus/body-$((n++))"
    done
    for file in content/policies/*/*.yaml; do { printf '\x02'; cat "$file"; } >"$corpus/policy-$((n++))"; done
    { printf '\x03'; cat content/handbook.yaml; } >"$corpus/handbook"
    { printf '\x04'; cat content/roles.yaml; } >"$corpus/roles"
fi
exec "$scratch/debug/HandbookFuzz" "$corpus" -artifact_prefix="$findings/" -max_total_time="$seconds" \
    -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 "$@"
