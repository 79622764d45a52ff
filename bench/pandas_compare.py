"""The quick script XếpLoại should make unnecessary (issue #11): read every returned workbook with
pandas (openpyxl), concatenate, write one .xlsx. Prints wall and CPU time as JSON for the bench.
Usage: python3 bench/pandas_compare.py DIR OUT.xlsx"""
import json
import os
import resource
import sys
import time

t0 = time.perf_counter()
import pandas as pd  # noqa: E402  (the import is part of what the script costs)

directory, out = sys.argv[1], sys.argv[2]
frames = []
for name in sorted(os.listdir(directory)):
    if name.endswith(".xlsx"):
        frames.append(pd.read_excel(os.path.join(directory, name), sheet_name=0, header=None))
merged = pd.concat(frames, ignore_index=True)
merged.to_excel(out, index=False)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(
    json.dumps(
        {
            "ms": round((time.perf_counter() - t0) * 1000),
            "cpuMs": round((usage.ru_utime + usage.ru_stime) * 1000),
            "files": len(frames),
            "rows": int(merged.shape[0]),
            "peakRssMb": round(usage.ru_maxrss / 1024),
            "pandas": pd.__version__,
        }
    )
)
