#!/bin/sh
# Seeds the `workbook` fuzz target's corpus from the test fixtures: each input is one byte that
# picks the entry point (0 a file, 2 pasted rows, 3 CSV files separated by NUL) and the data.
set -eu
cd "$(dirname "$0")"
out=corpus/workbook
mkdir -p "$out"
for f in ../tests/fixtures/workbooks/*.xlsx ../tests/fixtures/workbooks/*.ods ../tests/fixtures/stories/*.json; do
  { printf '\000'; cat "$f"; } > "$out/file-$(basename "$f")"
done
csv=$(mktemp -d)
cargo run --quiet --locked --manifest-path ../Cargo.toml --bin story -- export \
  ../tests/fixtures/stories/two-sides.json --csv "$csv" 2>/dev/null
{ printf '\003'; for s in story sources sides issues; do cat "$csv/$s.csv"; printf '\000'; done; cat "$csv/positions.csv"; } > "$out/csv-two-sides"
{ printf '\002'; tr ',' '\t' < "$csv/positions.csv"; } > "$out/paste-two-sides"
rm -r "$csv"
