"""How far two annotators agree on spans, next to how far the pipeline agrees with the corpus.

Reads ``corpus_work/span_agreement/batch.jsonl`` (answers and postings sampled from train and
dev) and ``spans.jsonl`` (a blind annotator's spans, quoted as text), locates the quoted spans,
and prints strict and relaxed F1 per label of (a) the blind annotator against the corpus's
spans and (b) the packaged pipeline against the corpus's spans on the same texts. F1 is
symmetric, so (a) is the agreement of the two annotators; it bounds what extraction can be
expected to score against either.

Writes the figures to ``benchmarks/results/span_agreement_<date>.json``.

Usage: python scripts/span_agreement.py [--dir corpus_work/span_agreement] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from corpus_tool import locate

from alignscore import extract
from alignscore.datasets import load_corpus, load_jobs
from alignscore.evaluation import score_spans

ROOT = Path(__file__).resolve().parents[1]


def _offsets(text: str, spans: list[dict]) -> list[dict]:
    out = []
    for s in spans:
        where = locate(text, s)
        if isinstance(where, str):
            raise SystemExit(f"{where} in {text[:60]!r}")
        out.append({**s, "start_char": where[0], "end_char": where[1]})
    return out


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", default=str(ROOT / "corpus_work" / "span_agreement"))
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    root = Path(args.dir)
    batch = [json.loads(x) for x in (root / "batch.jsonl").read_text("utf-8").splitlines()]
    blind = {
        r["id"]: r["spans"]
        for r in map(json.loads, (root / "spans.jsonl").read_text("utf-8").splitlines())
    }
    answers = load_corpus("all").set_index("answer_id")
    jobs = load_jobs("all").set_index("jd_id")
    report: dict = {}
    for kind, labels in (
        ("answer", ("GOAL", "HORIZON", "SKILL", "TITLE")),
        ("job_description", ("SKILL", "TITLE")),
    ):
        recs = [r for r in batch if r["kind"] == kind]
        gold = [
            answers.loc[r["id"], "spans"] if kind == "answer" else jobs.loc[r["id"], "job_spans"]
            for r in recs
        ]
        second = [_offsets(r["text"], blind[r["id"]]) for r in recs]
        ours = [[s.to_dict() for s in extract(r["text"])] for r in recs]
        report[kind] = {
            "n": len(recs),
            "annotators": score_spans(gold, second, labels),
            "pipeline": score_spans(gold, ours, labels),
        }
        print(f"{kind}s ({len(recs)}): F1 strict / relaxed")
        print(f"  {'label':<9}{'annotator vs corpus':>22}{'pipeline vs corpus':>22}")
        for lab in labels:
            a, p = report[kind]["annotators"][lab], report[kind]["pipeline"][lab]
            print(
                f"  {lab:<9}{a['strict']['f1']:>11.3f} / {a['relaxed']['f1']:.3f}"
                f"{p['strict']['f1']:>11.3f} / {p['relaxed']['f1']:.3f}"
            )
    if not args.no_write:
        out = ROOT / "benchmarks" / "results" / f"span_agreement_{datetime.date.today()}.json"
        out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
