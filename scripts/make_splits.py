"""Assign every job description to train / dev / test (fixed, by JD, stratified by field and level).

Run once when the set of job descriptions changes; the result is committed as
``src/alignscore/data/corpus/splits.json``. Test takes about 20% of the JDs, dev about 15%, each
from distinct fields where possible and with the three levels balanced, so that no field is
evaluated only on JDs it was trained on.

Usage: python scripts/make_splits.py [CORPUS_DIR]
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

SEED = 7
TEST_SHARE = 0.20
DEV_SHARE = 0.15


def assign(jobs: list[dict]) -> dict[str, list[str]]:
    rng = random.Random(SEED)
    jobs = sorted(jobs, key=lambda j: j["jd_id"])
    n_test = round(len(jobs) * TEST_SHARE)
    n_dev = round(len(jobs) * DEV_SHARE)
    pool = jobs[:]
    rng.shuffle(pool)
    out: dict[str, list[str]] = {"test": [], "dev": [], "train": []}
    for name, n in (("test", n_test), ("dev", n_dev)):
        fields: set[str] = set()
        levels: Counter[str] = Counter()
        chosen: list[dict] = []
        while len(chosen) < n:
            # next pick: an unused field first, then the level least represented so far
            cands = [j for j in pool if j not in chosen and j["field"] not in fields] or [
                j for j in pool if j not in chosen
            ]
            cands.sort(key=lambda j: (levels[j["level"]], rng.random()))
            pick = cands[0]
            chosen.append(pick)
            fields.add(pick["field"])
            levels[pick["level"]] += 1
        out[name] = sorted(j["jd_id"] for j in chosen)
        pool = [j for j in pool if j not in chosen]
    out["train"] = sorted(j["jd_id"] for j in pool)
    return out


def main(corpus: str) -> None:
    path = Path(corpus)
    jobs = [json.loads(line) for line in (path / "jobs.jsonl").read_text().splitlines() if line]
    splits = assign(jobs)
    (path / "splits.json").write_text(json.dumps(splits, indent=1) + "\n")
    for name, ids in splits.items():
        print(name, len(ids))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/alignscore/data/corpus")
