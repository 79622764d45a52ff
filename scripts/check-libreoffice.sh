#!/usr/bin/env bash
# Generates every template with the xeploai CLI and converts each to PDF with LibreOffice
# (headless). Fails when a conversion fails or yields no PDF; prints the page count of each PDF.
# Usage: scripts/check-libreoffice.sh [OUT_DIR]   (default: a temporary folder, removed at the end;
# XEPLOAI_KEEP_OUTPUT=1 keeps it for inspection)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ $# -ge 1 ]]; then
  out="$1"
else
  out="$(mktemp -d -t xeploai-lo-XXXXXX)"
  if [[ "${XEPLOAI_KEEP_OUTPUT:-0}" != "1" ]]; then
    trap 'rm -rf "$out"' EXIT
  fi
fi
soffice_bin="$(command -v soffice || command -v libreoffice || true)"
if [[ -z "$soffice_bin" ]]; then
  echo "LibreOffice (soffice) not found; install it (apt-get install libreoffice-calc) to run this check." >&2
  exit 2
fi

mkdir -p "$out/xlsx" "$out/pdf" "$out/profile"
node "$here/bin/xeploai.cjs" templates --out "$out/xlsx" --period 2019 >/dev/null

failed=0
for xlsx in "$out"/xlsx/*.xlsx; do
  name="$(basename "$xlsx" .xlsx)"
  # A private profile keeps parallel or earlier LibreOffice instances from interfering.
  if ! timeout 180 "$soffice_bin" -env:UserInstallation="file://$out/profile" --headless --norestore \
      --convert-to pdf --outdir "$out/pdf" "$xlsx" >"$out/pdf/$name.log" 2>&1; then
    echo "FAIL  $name: soffice exited with an error (see $out/pdf/$name.log)"
    failed=1
    continue
  fi
  pdf="$out/pdf/$name.pdf"
  if [[ ! -s "$pdf" ]]; then
    echo "FAIL  $name: no PDF produced (see $out/pdf/$name.log)"
    failed=1
    continue
  fi
  pages="?"
  if command -v pdfinfo >/dev/null; then pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"; fi
  echo "OK    $name: $pages page(s)  $pdf"
done

# Formulas: fill the templates, let LibreOffice recalculate, compare with the core's computation.
if ! (cd "$here" && XEPLOAI_LIBREOFFICE=1 npx jest test/adapters/xlsx/libreoffice-formulas >"$out/formulas.log" 2>&1); then
  echo "FAIL  formulas: LibreOffice results differ from the core (see $out/formulas.log)"
  failed=1
else
  echo "OK    formulas: LibreOffice recalculation agrees with the core"
fi

# Files re-saved by LibreOffice still read the same; .ods/.csv renamed .xlsx are refused.
if ! (cd "$here" && XEPLOAI_LIBREOFFICE=1 npx jest test/interop/libreoffice-resave >"$out/resave.log" 2>&1); then
  echo "FAIL  re-save: a file re-saved by LibreOffice reads differently (see $out/resave.log)"
  failed=1
else
  echo "OK    re-save: files re-saved by LibreOffice read the same"
fi

# The master's live quota: a decision typed in Excel changes the counts once LibreOffice recalculates.
if ! (cd "$here" && XEPLOAI_LIBREOFFICE=1 npx jest test/unit/master/live >"$out/live-quota.log" 2>&1); then
  echo "FAIL  live quota: LibreOffice recalculation differs from the core (see $out/live-quota.log)"
  failed=1
else
  echo "OK    live quota: the summary follows decisions typed in the master"
fi

# The printed documents (Báo cáo, Phụ lục 1, 2) through `xeploai print`, read back from the PDF:
# text ≥ 11 pt on paper, tables within the page width, HD 36 header, DỰ THẢO and no signature while
# undecided, the signature once every decision is typed, nothing internal on paper.
if ! (cd "$here" && npx jest test/cli/print-pdf >"$out/print-pdf.log" 2>&1); then
  echo "FAIL  printed documents: see $out/print-pdf.log"
  failed=1
elif grep -q "skipped" "$out/print-pdf.log"; then
  echo "FAIL  printed documents: the check was skipped (pdftotext missing?), see $out/print-pdf.log"
  failed=1
else
  echo "OK    printed documents: readable size, page width, header, draft and signature, no internal text"
fi

# The master: header block, header row repeated on every printed page, signature block at the end.
if ! (cd "$here" && npx tsx scripts/check-master-print.ts "$out/master-print"); then
  echo "FAIL  master print: see the lines above"
  failed=1
fi

if [[ $failed -ne 0 ]]; then
  # The logs of what failed, before the temporary folder goes.
  for log in "$out"/*.log "$out"/pdf/*.log; do
    [[ -s "$log" ]] && { echo "--- $log" >&2; tail -n 40 "$log" >&2; }
  done
  echo "Some checks failed (XEPLOAI_KEEP_OUTPUT=1 keeps the output for inspection)." >&2
  exit 1
fi
echo "All templates converted."
