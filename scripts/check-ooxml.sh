#!/usr/bin/env bash
# Every workbook XếpLoại writes is valid OOXML and opens in openpyxl: the blank templates, the demo
# submissions, the master after a first run and after a re-run onto an existing master, and the task
# pane's models (what the Office.js adapter writes) through the file writer. See scripts/ooxml/README.md.
# Usage: scripts/check-ooxml.sh [OUT_DIR]   (default: a temporary folder, removed at the end)
# Needs python3 with lxml and openpyxl (Debian: python3-lxml python3-openpyxl).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The first Python that has lxml and openpyxl: $PYTHON, Debian's, then whatever python3 is on PATH.
python=""
for candidate in ${PYTHON:-} /usr/bin/python3 python3; do
  if "$candidate" -c 'import lxml, openpyxl' 2>/dev/null; then
    python="$candidate"
    break
  fi
done
if [[ -z "$python" ]]; then
  echo "No python3 with lxml and openpyxl: apt-get install python3-lxml python3-openpyxl (or pip install lxml openpyxl)." >&2
  exit 2
fi
if [[ $# -ge 1 ]]; then
  out="$1"
  mkdir -p "$out"
else
  out="$(mktemp -d -t xeploai-ooxml-XXXXXX)"
  trap 'rm -rf "$out"' EXIT
fi

list="$out/files.txt"
(cd "$here" && npx tsx scripts/ooxml-samples.ts "$out/samples") >"$list"
count="$(wc -l <"$list")"
if [[ "$count" -lt 50 ]]; then
  echo "FAIL  only $count workbooks generated (see $list)" >&2
  exit 1
fi

failed=0
mapfile -t files <"$list"
if ! "$python" "$here/scripts/ooxml/check.py" "${files[@]}" >"$out/schema.log" 2>&1; then
  grep -v '^OK' "$out/schema.log" >&2 || true
  failed=1
fi
tail -n 1 "$out/schema.log"
if ! "$python" "$here/scripts/ooxml/open_with_openpyxl.py" "${files[@]}" >"$out/openpyxl.log" 2>&1; then
  grep -v '^OK' "$out/openpyxl.log" >&2 || true
  failed=1
fi
tail -n 1 "$out/openpyxl.log"

if [[ $failed -ne 0 ]]; then
  if [[ $# -lt 1 ]]; then
    keep="$(mktemp -d -t xeploai-ooxml-failed-XXXXXX)"
    cp -r "$out/." "$keep/"
    echo "Some workbooks break the schema or do not open; files and logs kept in $keep" >&2
  fi
  exit 1
fi
echo "All $count workbooks are valid OOXML and open in openpyxl."
