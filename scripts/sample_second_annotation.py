"""Draw the doubly annotated subset (4 answers per JD, about 30%) and write blind batches.

The batches carry only ids and texts (job description and answer): no archetype, no register,
no first labels. Usage: python scripts/sample_second_annotation.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "alignscore" / "data" / "corpus"
OUT = ROOT / "corpus_work" / "second"
PER_JD = 4
BATCHES = 2
SEED = 11


def main() -> None:
    rng = random.Random(SEED)
    jobs = {
        j["jd_id"]: j for j in map(json.loads, (CORPUS / "jobs.jsonl").read_text().splitlines())
    }
    answers = [json.loads(line) for line in (CORPUS / "answers.jsonl").read_text().splitlines()]
    chosen = []
    for jd_id in sorted(jobs):
        pool = [a for a in answers if a["jd_id"] == jd_id]
        chosen += rng.sample(pool, PER_JD)
    OUT.mkdir(parents=True, exist_ok=True)
    jd_ids = sorted(jobs)
    for b in range(BATCHES):
        mine = set(jd_ids[b::BATCHES])
        with (OUT / f"batch_{b + 1}.jsonl").open("w", encoding="utf-8") as fh:
            for a in chosen:
                if a["jd_id"] in mine:
                    rec = {
                        "answer_id": a["answer_id"],
                        "jd_id": a["jd_id"],
                        "job_description": jobs[a["jd_id"]]["text"],
                        "answer": a["text"],
                    }
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(
        f"{len(chosen)} answers of {len(answers)} ({len(chosen) / len(answers):.0%}) in {BATCHES} batches"
    )


if __name__ == "__main__":
    main()
