"""Peak memory of ``alignscore score`` on a file of N rows against one of N/10 rows.

``alignscore score`` reads, scores and writes a file a chunk at a time, so its peak memory
should not grow with the file. This writes two CSV files of answer/posting pairs resampled from
the corpus (many answers per posting, as in real use), runs the command on each in a fresh
process, and reports each run's peak resident memory (the child's ``ru_maxrss``) and their
ratio. Prints a table and writes ``benchmarks/results/cli_memory_<date>.json``.

Usage: python benchmarks/bench_cli_memory.py [--rows 50000] [--chunk-size 1000] [--no-write]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from _common import run_meta, sample_pairs, write_result

CHILD = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _write_pairs(path: Path, n: int, seed: int = 0) -> None:
    rows = sample_pairs(n, seed)
    pd.DataFrame(rows, columns=["answer", "job_description"]).to_csv(path, index=False)


def peak_rss_mb(inp: Path, out: Path, chunk_size: int) -> tuple[float, float]:
    """Peak RSS (MB) and seconds of ``alignscore score inp out`` in a fresh process."""
    cmd = [sys.executable, "-m", "alignscore", "score", str(inp), str(out), "--quiet",
           "--chunk-size", str(chunk_size)]  # fmt: skip
    start = time.perf_counter()
    res = subprocess.run([sys.executable, "-c", CHILD, *cmd], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if res.returncode != 0:
        raise SystemExit(res.stderr)
    return int(res.stdout.strip().splitlines()[-1]) / 1024, seconds


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--chunk-size", type=int, default=1_000)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    report: dict = {"chunk_size": args.chunk_size, "runs": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (args.rows // 10, args.rows):
            inp, out = Path(tmp) / f"in{n}.csv", Path(tmp) / f"out{n}.csv"
            _write_pairs(inp, n)
            mb, seconds = peak_rss_mb(inp, out, args.chunk_size)
            assert sum(1 for _ in out.open(encoding="utf-8")) > n  # header + n rows (+ newlines)
            report["runs"][str(n)] = {"rows": n, "peak_rss_mb": round(mb, 1),
                                      "seconds": round(seconds, 1)}  # fmt: skip
            print(f"{n:>9,} rows: peak RSS {mb:,.1f} MB, {seconds:,.1f} s")
    small, large = (report["runs"][str(n)]["peak_rss_mb"] for n in (args.rows // 10, args.rows))
    report["memory_ratio_largest_to_smallest"] = round(large / small, 3)
    print(f"peak memory ratio {args.rows:,} / {args.rows // 10:,} rows: {large / small:.2f}")
    report["meta"] = run_meta()
    if not args.no_write:
        write_result("cli_memory", report)
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
