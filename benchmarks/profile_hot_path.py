"""Sample the batch scoring path with py-spy and print where the time goes.

Runs ``alignscore.score_many`` over resampled corpus pairs in a child process under
``py-spy record`` (raw, collapsed stacks), then prints two tables: the functions holding the
most samples themselves (self time), and alignscore's own functions by inclusive time. Only the
scoring loop counts: samples taken while importing or loading are dropped.

Needs py-spy (``pip install py-spy``); prints a note and exits 0 when it is missing.

Usage: python benchmarks/profile_hot_path.py [--pairs 4000] [--top 15]
"""

from __future__ import annotations

import argparse
import collections
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import random, sys
import alignscore
from alignscore.datasets import load_corpus
c = load_corpus("all")
pairs = list(zip(c["answer"], c["job_description"]))
rng = random.Random(0)
sample = [rng.choice(pairs) for _ in range(int(sys.argv[1]))]
alignscore.load()
def scoring_loop():
    for _ in alignscore.score_many([a for a, _ in sample], [j for _, j in sample]):
        pass
scoring_loop()
"""


def _frame_name(frame: str) -> str:
    """'pair_features (alignscore/features.py:135)' -> 'alignscore/features.py:pair_features'."""
    name, _, where = frame.rpartition(" (")
    path = where.rstrip(")").rsplit(":", 1)[0]
    return f"{path}:{name}"


def summarise(raw: str, top: int) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """Self-time and inclusive alignscore shares from py-spy's raw collapsed stacks."""
    own: collections.Counter[str] = collections.Counter()
    inclusive: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if "scoring_loop" not in stack:
            continue  # importing, loading, corpus reading
        n = int(count)
        frames = [_frame_name(f) for f in stack.split(";")]
        total += n
        own[frames[-1]] += n
        for name in set(frames):
            if name.startswith("alignscore/"):
                inclusive[name] += n
    if not total:
        return [], []
    return (
        [(k, v / total) for k, v in own.most_common(top)],
        [(k, v / total) for k, v in inclusive.most_common(top)],
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=4000)
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args(argv)
    if shutil.which("py-spy") is None:
        print("py-spy is not installed (pip install py-spy); nothing profiled.")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        script, out = Path(tmp) / "child.py", Path(tmp) / "stacks.txt"
        script.write_text(CHILD)
        subprocess.run(
            ["py-spy", "record", "-r", "200", "-f", "raw", "-o", str(out), "--",
             sys.executable, str(script), str(args.pairs)],
            check=True, capture_output=True,
        )  # fmt: skip
        own, inclusive = summarise(out.read_text(), args.top)
    print(f"score_many over {args.pairs} pairs, share of samples in the scoring loop\n")
    print("self time:")
    for name, share in own:
        print(f"  {share:6.1%}  {name}")
    print("\nalignscore functions, inclusive:")
    for name, share in inclusive:
        print(f"  {share:6.1%}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
