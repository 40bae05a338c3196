"""Turn writers' raw corpus files (spans quoted as text) into the stored corpus (character offsets).

Writers quote each span's exact text, with ``occurrence`` (1-based) when the same text appears
more than once; this tool finds the offsets, checks every field against the schema, and either
reports problems (``check``) or writes the merged corpus (``build``).

``append`` adds a further batch of writers' files to an existing corpus directory, all its
postings in one split (labels are the writers' own: ``labels_from`` is ``first``); name the
writers to take only their files.

Usage:
    python scripts/corpus_tool.py check corpus_work/raw/jobs_1.jsonl corpus_work/raw/answers_1.jsonl
    python scripts/corpus_tool.py build corpus_work/raw OUT_DIR
    python scripts/corpus_tool.py append corpus_work/wider src/alignscore/data/corpus train [W6 W7]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from alignscore.datasets import GROWTH_TAGS as GROWTH
from alignscore.datasets import ORG_TYPES
from alignscore.labels import BUCKETS, FLAGS, LEVELS, SCORES
from alignscore.labels import bucket_for as _bucket

ANSWER_LABELS = {"GOAL", "HORIZON", "SKILL", "TITLE"}
JD_LABELS = {"SKILL", "TITLE"}


def locate(text: str, span: dict) -> tuple[int, int] | str:
    """Return (start, end) of the span's quoted text, or an error message."""
    needle = span.get("text")
    if not isinstance(needle, str) or not needle or needle != needle.strip():
        return f"span text must be a non-empty string without outer spaces: {needle!r}"
    occ = span.get("occurrence", 1)
    pos = -1
    for _ in range(occ):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return f"span text {needle!r} (occurrence {occ}) not found in text"
    return pos, pos + len(needle)


def _check_spans(rec: dict, labels: set[str], where: str) -> list[str]:
    errors = []
    out = []
    for i, span in enumerate(rec.get("spans", [])):
        w = f"{where} span {i} ({span.get('label')} {span.get('text')!r})"
        if span.get("label") not in labels:
            errors.append(f"{w}: label must be one of {sorted(labels)}")
            continue
        found = locate(rec["text"], span)
        if isinstance(found, str):
            errors.append(f"{w}: {found}")
            continue
        if span["label"] == "HORIZON":
            lo, hi, b = span.get("years_min"), span.get("years_max"), span.get("bucket")
            for v in (lo, hi):
                if v is not None and not isinstance(v, (int, float)):
                    errors.append(f"{w}: years_min/years_max must be numbers or null")
            if b not in BUCKETS:
                errors.append(f"{w}: bucket must be one of {sorted(BUCKETS)}")
            elif all(v is None or isinstance(v, (int, float)) for v in (lo, hi)):
                if lo is not None and hi is not None and lo > hi:
                    errors.append(f"{w}: years_min > years_max")
                if _bucket(lo, hi) != b:
                    errors.append(
                        f"{w}: bucket {b!r} breaks the rubric rule (expected {_bucket(lo, hi)!r})"
                    )
        out.append((found, span))
    # SKILL and TITLE must not overlap each other
    st = sorted((f, s) for f, s in out if s["label"] in ("SKILL", "TITLE"))
    for (a, sa), (b, sb) in zip(st, st[1:], strict=False):
        if b[0] < a[1]:
            errors.append(f"{where}: SKILL/TITLE spans overlap: {sa['text']!r} and {sb['text']!r}")
    return errors


def check_jobs(recs: list[dict], src: str) -> list[str]:
    errors = []
    for n, rec in enumerate(recs, 1):
        where = f"{src}:{n} ({rec.get('jd_id')})"
        for key in (
            "jd_id",
            "field",
            "level",
            "org_type",
            "format",
            "title",
            "text",
            "growth",
            "spans",
        ):
            if key not in rec:
                errors.append(f"{where}: missing key {key!r}")
        if errors:
            continue
        if rec["level"] not in LEVELS:
            errors.append(f"{where}: level {rec['level']!r}")
        if rec["org_type"] not in ORG_TYPES:
            errors.append(f"{where}: org_type {rec['org_type']!r}")
        bad = set(rec["growth"]) - GROWTH
        if bad:
            errors.append(f"{where}: unknown growth tags {sorted(bad)}; allowed {sorted(GROWTH)}")
        errors += _check_spans(rec, JD_LABELS, where)
    return errors


def check_answers(recs: list[dict], src: str, jd_ids: set[str] | None = None) -> list[str]:
    errors = []
    for n, rec in enumerate(recs, 1):
        where = f"{src}:{n} ({rec.get('answer_id')})"
        missing = [
            k
            for k in (
                "answer_id",
                "jd_id",
                "archetype",
                "register",
                "text",
                "scores",
                "flags",
                "spans",
            )
            if k not in rec
        ]
        if missing:
            errors.append(f"{where}: missing keys {missing}")
            continue
        if jd_ids is not None and rec["jd_id"] not in jd_ids:
            errors.append(f"{where}: unknown jd_id {rec['jd_id']!r}")
        for s in SCORES:
            v = rec["scores"].get(s)
            if not isinstance(v, int) or not 1 <= v <= 5:
                errors.append(f"{where}: score {s} must be an int 1-5, got {v!r}")
        for f in FLAGS:
            if not isinstance(rec["flags"].get(f), bool):
                errors.append(f"{where}: flag {f} must be true/false")
        extra = set(rec["flags"]) - set(FLAGS)
        if extra:
            errors.append(f"{where}: unknown flags {sorted(extra)}")
        errors += _check_spans(rec, ANSWER_LABELS, where)
    return errors


def _read(path: Path) -> list[dict]:
    recs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            recs.append(json.loads(line))
        except json.JSONDecodeError as err:
            raise SystemExit(f"{path}:{n}: not valid JSON: {err}") from err
    return recs


# The first writing plan numbered JDs per writer, so two writers both wrote a "retail-01" and a
# "customer-service-01"; the second of each is renumbered here (the committed plan has the final ids).
RENAMES = {
    "3": {"retail-01": "retail-02"},
    "4": {"customer-service-01": "customer-service-02"},
}


def _write(path: Path, records: list[dict]) -> None:
    """Write records as JSON lines (UTF-8, characters as they are)."""
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def _rename(rec: dict, path: Path) -> dict:
    writer = path.stem.split("_")[-1]
    for old, new in RENAMES.get(writer, {}).items():
        if rec["jd_id"] == old:
            rec["jd_id"] = new
            if "answer_id" in rec:
                rec["answer_id"] = new + rec["answer_id"][len(old) :]
    return rec


def to_final(rec: dict) -> dict:
    """Replace quoted spans by offset spans, sorted by start (outer first on ties)."""
    spans = []
    for span in rec["spans"]:
        start, end = locate(rec["text"], span)
        out = {"label": span["label"], "start_char": start, "end_char": end, "text": span["text"]}
        if span["label"] == "HORIZON":
            out.update(
                years_min=span.get("years_min"),
                years_max=span.get("years_max"),
                bucket=span["bucket"],
            )
        if span["label"] == "GOAL":
            out.update(
                negated=bool(span.get("negated", False)),
                hypothetical=bool(span.get("hypothetical", False)),
            )
        spans.append(out)
    spans.sort(key=lambda s: (s["start_char"], -s["end_char"], s["label"]))
    rec = {k: v for k, v in rec.items() if k != "spans"}
    rec["spans"] = spans
    return rec


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        errors = []
        jd_ids = None
        for p in map(Path, argv[1:]):
            recs = _read(p)
            if p.name.startswith("jobs"):
                errors += check_jobs(recs, str(p))
                jd_ids = (jd_ids or set()) | {r.get("jd_id") for r in recs}
            else:
                errors += check_answers(recs, str(p), jd_ids)
            print(f"{p}: {len(recs)} records")
        for e in errors:
            print("ERROR", e)
        print(f"{len(errors)} errors")
        return 1 if errors else 0
    if argv[:1] == ["build"]:
        raw, out = Path(argv[1]), Path(argv[2])
        jobs = [_rename(r, p) for p in sorted(raw.glob("jobs_*.jsonl")) for r in _read(p)]
        answers = [_rename(r, p) for p in sorted(raw.glob("answers_*.jsonl")) for r in _read(p)]
        errors = check_jobs(jobs, "jobs") + check_answers(
            answers, "answers", {j["jd_id"] for j in jobs}
        )
        if errors:
            print("\n".join(errors))
            return 1
        out.mkdir(parents=True, exist_ok=True)
        _write(out / "jobs.jsonl", sorted(map(to_final, jobs), key=lambda r: r["jd_id"]))
        _write(out / "answers.jsonl", sorted(map(to_final, answers), key=lambda r: r["answer_id"]))
        print(f"wrote {len(jobs)} jobs and {len(answers)} answers to {out}")
        return 0
    if argv[:1] == ["append"] and len(argv) >= 4:
        return append(Path(argv[1]), Path(argv[2]), argv[3], argv[4:])
    print(__doc__)
    return 2


def append(raw: Path, corpus: Path, split: str, writers: list[str] | None = None) -> int:
    """Append the writers' files under ``raw`` (all, or those of ``writers``) to the corpus."""

    def files(kind: str) -> list[Path]:
        if writers:
            return [raw / f"{kind}_{w}.jsonl" for w in writers]
        return sorted(raw.glob(f"{kind}_*.jsonl"))

    jobs = [r for p in files("jobs") for r in _read(p)]
    answers = [r for p in files("answers") for r in _read(p)]
    jd_ids = {j["jd_id"] for j in jobs}
    errors = check_jobs(jobs, "jobs") + check_answers(answers, "answers", jd_ids)
    old_jobs = _read(corpus / "jobs.jsonl")
    old_answers = _read(corpus / "answers.jsonl")
    splits = json.loads((corpus / "splits.json").read_text(encoding="utf-8"))
    clash = jd_ids & {j["jd_id"] for j in old_jobs}
    clash |= {a["answer_id"] for a in answers} & {a["answer_id"] for a in old_answers}
    if clash:
        errors.append(f"already in the corpus: {sorted(clash)}")
    if split not in splits:
        errors.append(f"unknown split {split!r}; the corpus has {sorted(splits)}")
    if errors:
        print("\n".join(errors))
        return 1
    for rec in answers:
        rec.setdefault("labels_from", "first")
    new_jobs = sorted([*old_jobs, *map(to_final, jobs)], key=lambda r: r["jd_id"])
    new_answers = sorted([*old_answers, *map(to_final, answers)], key=lambda r: r["answer_id"])
    _write(corpus / "jobs.jsonl", new_jobs)
    _write(corpus / "answers.jsonl", new_answers)
    splits[split] = sorted([*splits[split], *(j["jd_id"] for j in jobs)])
    (corpus / "splits.json").write_text(json.dumps(splits, indent=1) + "\n", encoding="utf-8")
    print(f"appended {len(jobs)} jobs and {len(answers)} answers to {corpus} ({split})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
