#!/usr/bin/env python3
"""Opens each .xlsx with openpyxl (what pandas.read_excel uses) and reads every cell of every sheet.
Usage: open_with_openpyxl.py FILE.xlsx...   exit 0 all opened, 1 some failed. Needs python3-openpyxl."""
import sys, warnings
import openpyxl

failed = 0
for path in sys.argv[1:]:
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            wb = openpyxl.load_workbook(path)
            cells = sum(1 for ws in wb.worksheets for row in ws.iter_rows() for _ in row)
        notes = "; ".join(sorted({str(w.message) for w in caught}))
        print(f"OK   {path}: {len(wb.worksheets)} sheet(s), {cells} cell(s)" + (f"  [{notes}]" if notes else ""))
    except Exception as e:  # noqa: BLE001 - any failure to open is the finding
        failed += 1
        print(f"FAIL {path}: {type(e).__name__}: {e}")
print(f"{len(sys.argv) - 1 - failed} of {len(sys.argv) - 1} files opened with openpyxl {openpyxl.__version__}")
sys.exit(1 if failed else 0)
