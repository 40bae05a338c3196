"""The labelled corpus: job descriptions, answers, labels, splits and the second annotation.

The corpus ships inside the package as plain JSONL (``alignscore/data/corpus/``). Loading
validates every record against the schema and every span offset against its text; a bad record
raises :class:`~alignscore.errors.CorpusError` naming the file, the line and what is wrong.

Example:
    >>> from alignscore.datasets import load_corpus
    >>> train = load_corpus(split="train")
    >>> {"answer", "job_description", "overall", "spans"} <= set(train.columns)
    True
    >>> set(train["split"])
    {'train'}
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from .errors import CorpusError
from .labels import BUCKETS, FLAGS, LABELS, LEVELS, SCORES, bucket_for
import itertools

__all__ = [
    "CORPUS_FILES",
    "SPLITS",
    "corpus_dir",
    "format_summary",
    "label_agreement",
    "labels_frame",
    "load_adjudication",
    "load_corpus",
    "load_first_annotation",
    "load_jobs",
    "load_second_annotation",
    "read_jsonl",
    "summarize_corpus",
    "validate_answer",
    "validate_job",
]

Split = Literal["train", "dev", "test", "all"]
SPLITS: tuple[str, ...] = ("train", "dev", "test")

CORPUS_FILES = {
    "jobs": "jobs.jsonl",
    "answers": "answers.jsonl",
    "splits": "splits.json",
    "second": "annotations_second.jsonl",
    "first": "annotations_first.jsonl",
    "adjudication": "adjudication.jsonl",
}

ORG_TYPES = frozenset(
    {"startup", "corporation", "public_body", "nonprofit", "hospital", "small_business"}
)
FORMATS = frozenset(
    {"bullets", "prose", "dense_paragraph", "markdown", "html_leftovers", "two_line", "long_800"}
)
GROWTH_TAGS = frozenset(
    {
        "mentorship",
        "training",
        "certification",
        "tuition",
        "promotion_path",
        "rotation",
        "leadership_programme",
        "new_markets",
        "conference",
    }
)
REGISTERS = frozenset({"polished", "spoken", "lowercase_typos", "non_native", "bullet_notes"})
ARCHETYPES = frozenset(
    {
        "excellent",
        "good_but_thin",
        "middling",
        "generic",
        "cliche_only",
        "self_centred",
        "flight_risk",
        "unrealistic",
        "misaligned",
        "uncertain_committed",
        "career_changer",
        "negated_goal",
        "hypothetical",
        "past_time",
        "keyword_stuffing",
        "pasted_posting",
    }
)
HARD_CASES = frozenset(
    {"negated_goal", "hypothetical", "past_time", "keyword_stuffing", "pasted_posting"}
)
JOB_LABELS = frozenset({"SKILL", "TITLE"})
#: where an answer's final labels come from: the first annotator alone, both annotators in
#: agreement, or the adjudicator (the two disagreed)
LABELS_FROM = frozenset({"first", "double_agreed", "adjudicated"})


def corpus_dir() -> Path:
    """Return the directory of the packaged corpus."""
    return Path(str(resources.files("alignscore") / "data" / "corpus"))


def read_jsonl(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, record)`` for every non-blank line of a JSONL file.

    Raises:
        CorpusError: a line is not valid JSON or not a JSON object.
    """
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                raise CorpusError(f"{path}:{n}: not valid JSON ({err.msg})") from err
            if not isinstance(rec, dict):
                raise CorpusError(f"{path}:{n}: expected a JSON object, got {type(rec).__name__}")
            yield n, rec


def _require(rec: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    if key not in rec:
        raise ValueError(f"missing key {key!r}")
    value = rec[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise ValueError(f"{key!r} must be {names}, got {value!r}")
    return value


def _choice(rec: dict[str, Any], key: str, allowed: frozenset[str] | tuple[str, ...]) -> str:
    value = _require(rec, key, str)
    if value not in allowed:
        raise ValueError(f"{key!r} is {value!r}; expected one of {sorted(allowed)}")
    return value


def _validate_spans(text: str, spans: Any, labels: frozenset[str] | tuple[str, ...]) -> None:
    if not isinstance(spans, list):
        raise ValueError("'spans' must be a list")
    prev: tuple[int, int] | None = None
    lexical: list[tuple[int, int, str]] = []
    for i, span in enumerate(spans):
        if not isinstance(span, dict):
            raise ValueError(f"span {i} is not an object")
        where = f"span {i}"
        try:
            label = _choice(span, "label", labels)
            start = _require(span, "start_char", int)
            end = _require(span, "end_char", int)
            stext = _require(span, "text", str)
        except ValueError as err:
            raise ValueError(f"{where}: {err}") from None
        if not 0 <= start < end <= len(text):
            raise ValueError(
                f"{where} ({label}): offsets {start}-{end} outside the text (length {len(text)})"
            )
        if text[start:end] != stext:
            raise ValueError(
                f"{where} ({label}): text[{start}:{end}] is {text[start:end]!r}, but the span says {stext!r}"
            )
        key = (start, -end)
        if prev is not None and key < prev:
            raise ValueError(f"{where} ({label}): spans are not sorted by start (outer first)")
        prev = key
        if label == "HORIZON":
            lo, hi = span.get("years_min"), span.get("years_max")
            for name, v in (("years_min", lo), ("years_max", hi)):
                if v is not None and (
                    isinstance(v, bool) or not isinstance(v, (int, float)) or math.isnan(v)
                ):
                    raise ValueError(
                        f"{where} (HORIZON {stext!r}): {name} must be a number or null"
                    )
            bucket = _choice(span, "bucket", BUCKETS)
            if lo is not None and hi is not None and lo > hi:
                raise ValueError(f"{where} (HORIZON {stext!r}): years_min > years_max")
            if bucket != bucket_for(lo, hi):
                raise ValueError(
                    f"{where} (HORIZON {stext!r}): bucket {bucket!r} breaks the rubric rule "
                    f"for {lo}-{hi} years (expected {bucket_for(lo, hi)!r})"
                )
        if label == "GOAL":
            for attr in ("negated", "hypothetical"):
                if not isinstance(span.get(attr, False), bool):
                    raise ValueError(f"{where} (GOAL): {attr!r} must be true or false")
        if label in ("SKILL", "TITLE"):
            lexical.append((start, end, stext))
    lexical.sort()
    for (s1, e1, t1), (s2, _e2, t2) in itertools.pairwise(lexical):
        if s2 < e1:
            raise ValueError(f"SKILL/TITLE spans overlap: {t1!r} and {t2!r}")


def validate_job(rec: dict[str, Any]) -> None:
    """Check one job-description record; raise ``ValueError`` saying what is wrong."""
    _require(rec, "jd_id", str)
    _require(rec, "field", str)
    _choice(rec, "level", LEVELS)
    _choice(rec, "org_type", ORG_TYPES)
    _choice(rec, "format", FORMATS)
    _require(rec, "title", str)
    text = _require(rec, "text", str)
    if not text.strip():
        raise ValueError("'text' is empty")
    growth = _require(rec, "growth", list)
    bad = [g for g in growth if g not in GROWTH_TAGS]
    if bad:
        raise ValueError(f"unknown growth tags {bad}; expected some of {sorted(GROWTH_TAGS)}")
    _validate_spans(text, rec.get("spans"), JOB_LABELS)


def _validate_labels(rec: dict[str, Any]) -> None:
    scores = _require(rec, "scores", dict)
    for name in SCORES:
        v = scores.get(name)
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 5:
            raise ValueError(f"score {name!r} must be an integer 1-5, got {v!r}")
    extra = set(scores) - set(SCORES)
    if extra:
        raise ValueError(f"unknown scores {sorted(extra)}")
    flags = _require(rec, "flags", dict)
    for name in FLAGS:
        if not isinstance(flags.get(name), bool):
            raise ValueError(f"flag {name!r} must be true or false, got {flags.get(name)!r}")
    extra = set(flags) - set(FLAGS)
    if extra:
        raise ValueError(f"unknown flags {sorted(extra)}")


def validate_answer(rec: dict[str, Any]) -> None:
    """Check one answer record; raise ``ValueError`` saying what is wrong."""
    _require(rec, "answer_id", str)
    _require(rec, "jd_id", str)
    _choice(rec, "archetype", ARCHETYPES)
    _choice(rec, "register", REGISTERS)
    hard = rec.get("hard_case")
    if hard is not None and hard not in HARD_CASES:
        raise ValueError(f"'hard_case' is {hard!r}; expected null or one of {sorted(HARD_CASES)}")
    text = _require(rec, "text", str)
    _choice(rec, "labels_from", LABELS_FROM)
    _validate_labels(rec)
    _validate_spans(text, rec.get("spans"), LABELS)


def _load_records(path: Path, validate: Any, id_key: str) -> list[dict[str, Any]]:
    if not path.is_file():
        raise CorpusError(f"{path}: corpus file not found")
    records = []
    seen: dict[str, int] = {}
    for n, rec in read_jsonl(path):
        try:
            validate(rec)
        except ValueError as err:
            rid = rec.get(id_key, "?")
            raise CorpusError(f"{path}:{n} ({id_key} {rid}): {err}") from None
        rid = rec[id_key]
        if rid in seen:
            raise CorpusError(f"{path}:{n}: duplicate {id_key} {rid!r} (first on line {seen[rid]})")
        seen[rid] = n
        records.append(rec)
    return records


def _load_splits(path: Path, jd_ids: set[str]) -> dict[str, str]:
    if not path.is_file():
        raise CorpusError(f"{path}: splits file not found")
    try:
        splits = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise CorpusError(f"{path}: not valid JSON ({err.msg})") from err
    if not isinstance(splits, dict):
        raise CorpusError(f"{path}: expected an object mapping split name to a list of jd_id")
    assignment: dict[str, str] = {}
    for name, ids in splits.items():
        if name not in SPLITS:
            raise CorpusError(f"{path}: unknown split {name!r}; expected {list(SPLITS)}")
        for jd_id in ids:
            if jd_id in assignment:
                raise CorpusError(
                    f"{path}: {jd_id!r} is in both {assignment[jd_id]!r} and {name!r}"
                )
            assignment[jd_id] = name
    missing = jd_ids - set(assignment)
    if missing:
        raise CorpusError(f"{path}: job descriptions in no split: {sorted(missing)}")
    unknown = set(assignment) - jd_ids
    if unknown:
        raise CorpusError(f"{path}: splits name unknown job descriptions: {sorted(unknown)}")
    return assignment


def _check_split(split: str) -> None:
    if split not in (*SPLITS, "all"):
        raise CorpusError(f"split must be one of {[*SPLITS, 'all']}, got {split!r}")


def load_jobs(split: Split = "all", *, path: str | Path | None = None) -> pd.DataFrame:
    """Load the job descriptions, validated, as a DataFrame indexed by nothing in particular.

    Args:
        split: ``"train"``, ``"dev"``, ``"test"`` or ``"all"``.
        path: A corpus directory to read instead of the packaged one.

    Returns:
        One row per job description: ``jd_id``, ``split``, ``field``, ``level``, ``org_type``,
        ``format``, ``title``, ``job_description`` (the text), ``growth``, ``job_spans``.

    Raises:
        CorpusError: a file is missing or a record breaks the schema.
    """
    _check_split(split)
    root = Path(path) if path is not None else corpus_dir()
    jobs = _load_records(root / CORPUS_FILES["jobs"], validate_job, "jd_id")
    assignment = _load_splits(root / CORPUS_FILES["splits"], {j["jd_id"] for j in jobs})
    frame = pd.DataFrame(
        {
            "jd_id": [j["jd_id"] for j in jobs],
            "split": [assignment[j["jd_id"]] for j in jobs],
            "field": [j["field"] for j in jobs],
            "level": [j["level"] for j in jobs],
            "org_type": [j["org_type"] for j in jobs],
            "format": [j["format"] for j in jobs],
            "title": [j["title"] for j in jobs],
            "job_description": [j["text"] for j in jobs],
            "growth": [list(j["growth"]) for j in jobs],
            "job_spans": [j["spans"] for j in jobs],
        }
    )
    if split != "all":
        frame = frame[frame["split"] == split].reset_index(drop=True)
    return frame


def load_corpus(split: Split = "all", *, path: str | Path | None = None) -> pd.DataFrame:
    """Load the labelled answers joined with their job descriptions.

    Args:
        split: ``"train"``, ``"dev"``, ``"test"`` or ``"all"``. The test split is for final
            figures only.
        path: A corpus directory to read instead of the packaged one.

    Returns:
        One row per answer with ``answer_id``, ``jd_id``, ``split``, ``archetype``,
        ``register``, ``hard_case``, ``answer`` (the text), the four scores, one ``flag_<name>``
        column per flag, ``spans`` (list of dicts), and the job columns of :func:`load_jobs`.

    Raises:
        CorpusError: a file is missing, a record breaks the schema, a span's offsets do not match
            its text, or an answer names an unknown job description.
    """
    _check_split(split)
    root = Path(path) if path is not None else corpus_dir()
    jobs = load_jobs("all", path=root)
    answers_path = root / CORPUS_FILES["answers"]
    answers = _load_records(answers_path, validate_answer, "answer_id")
    known = set(jobs["jd_id"])
    for rec in answers:
        if rec["jd_id"] not in known:
            raise CorpusError(
                f"{answers_path} (answer_id {rec['answer_id']}): unknown jd_id {rec['jd_id']!r}"
            )
    rows = []
    for rec in answers:
        row = {
            "answer_id": rec["answer_id"],
            "jd_id": rec["jd_id"],
            "archetype": rec["archetype"],
            "register": rec["register"],
            "hard_case": rec.get("hard_case"),
            "labels_from": rec["labels_from"],
            "answer": rec["text"],
            **{name: rec["scores"][name] for name in SCORES},
            **{f"flag_{name}": rec["flags"][name] for name in FLAGS},
            "spans": rec["spans"],
        }
        rows.append(row)
    frame = pd.DataFrame(rows).merge(jobs, on="jd_id", how="left", validate="many_to_one")
    if split != "all":
        frame = frame[frame["split"] == split].reset_index(drop=True)
    return frame


def labels_frame(records: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """Score-and-flag label records (``answer_id``, ``scores``, ``flags``) as a DataFrame.

    One row per record: ``answer_id``, the four scores, one ``flag_<name>`` column per flag,
    and ``reason`` where the records give one.
    """
    return pd.DataFrame(
        [
            {
                "answer_id": r["answer_id"],
                **{s: r["scores"][s] for s in SCORES},
                **{f"flag_{f}": r["flags"][f] for f in FLAGS},
                **({"reason": r["reason"]} if "reason" in r else {}),
            }
            for r in records
        ]
    )


def label_agreement(first: pd.DataFrame, second: pd.DataFrame) -> dict[str, Any]:
    """Agreement of two label sets (:func:`labels_frame` frames) on the answers both label.

    Returns ``n`` (answers in common), the quadratic weighted kappa per score, and ``flags``:
    Cohen's kappa per flag, all rounded to 3 places.
    """
    from sklearn.metrics import cohen_kappa_score  # evaluation only: scoring needs no sklearn

    first = first.set_index("answer_id")
    second = second.set_index("answer_id")
    common = first.index.intersection(second.index)
    out: dict[str, Any] = {"n": len(common)}
    for name in SCORES:
        out[name] = round(
            float(
                cohen_kappa_score(
                    first.loc[common, name], second.loc[common, name], weights="quadratic"
                )
            ),
            3,
        )
    out["flags"] = {
        name: round(
            float(
                cohen_kappa_score(
                    first.loc[common, f"flag_{name}"], second.loc[common, f"flag_{name}"]
                )
            ),
            3,
        )
        for name in FLAGS
    }
    return out


def _load_label_file(name: str, path: str | Path | None) -> pd.DataFrame:
    root = Path(path) if path is not None else corpus_dir()
    return labels_frame(_load_records(root / CORPUS_FILES[name], _validate_labels, "answer_id"))


def load_second_annotation(*, path: str | Path | None = None) -> pd.DataFrame:
    """Load the independent second annotation (scores and flags) of a subset of answers."""
    return _load_label_file("second", path)


def load_first_annotation(*, path: str | Path | None = None) -> pd.DataFrame:
    """Load the first annotator's labels, before adjudication, for the doubly annotated subset."""
    return _load_label_file("first", path)


def load_adjudication(*, path: str | Path | None = None) -> pd.DataFrame:
    """Load the adjudicated labels for the doubly annotated answers where the two disagreed."""
    return _load_label_file("adjudication", path)


def _spearman(x: pd.Series, y: pd.Series) -> float:
    return float(x.rank().corr(y.rank()))


def summarize_corpus(*, path: str | Path | None = None) -> dict[str, Any]:
    """Summarise the corpus: counts, label histograms, length bias and inter-annotator agreement.

    Returns:
        A JSON-serialisable dict. ``length_overall_spearman`` is the rank correlation of answer
        word count with ``overall``; ``agreement`` holds, per score, the quadratic weighted kappa
        between the first (pre-adjudication) and the second annotation, and per flag Cohen's kappa.

    Example:
        >>> s = summarize_corpus()
        >>> s["answers"] >= 600 and abs(s["length_overall_spearman"]) < 0.4
        True
    """
    corpus = load_corpus("all", path=path)
    jobs = load_jobs("all", path=path)
    words = corpus["answer"].str.split().str.len()

    def counts(frame: pd.DataFrame, col: str) -> dict[str, int]:
        return {str(k): int(v) for k, v in frame[col].value_counts().sort_index().items()}

    span_counts: dict[str, int] = {}
    for spans in corpus["spans"]:
        for s in spans:
            span_counts[s["label"]] = span_counts.get(s["label"], 0) + 1
    job_span_counts: dict[str, int] = {}
    for spans in jobs["job_spans"]:
        for s in spans:
            job_span_counts[s["label"]] = job_span_counts.get(s["label"], 0) + 1
    summary: dict[str, Any] = {
        "jobs": len(jobs),
        "answers": len(corpus),
        "fields": len(set(jobs["field"])),
        "jobs_by_field": counts(jobs, "field"),
        "jobs_by_level": counts(jobs, "level"),
        "jobs_by_org_type": counts(jobs, "org_type"),
        "jobs_by_format": counts(jobs, "format"),
        "jobs_by_split": counts(jobs, "split"),
        "answers_by_split": counts(corpus, "split"),
        "answers_by_archetype": counts(corpus, "archetype"),
        "answers_by_register": counts(corpus, "register"),
        "answers_by_level": counts(corpus, "level"),
        "score_histograms": {
            name: {str(b): int((corpus[name] == b).sum()) for b in range(1, 6)} for name in SCORES
        },
        "flag_rates": {name: round(float(corpus[f"flag_{name}"].mean()), 3) for name in FLAGS},
        "answer_spans": dict(sorted(span_counts.items())),
        "job_spans": dict(sorted(job_span_counts.items())),
        "answer_words": {
            "min": int(words.min()),
            "median": float(words.median()),
            "max": int(words.max()),
        },
        "length_overall_spearman": round(_spearman(words, corpus["overall"]), 3),
    }
    root = Path(path) if path is not None else corpus_dir()
    if (root / CORPUS_FILES["second"]).is_file() and (root / CORPUS_FILES["first"]).is_file():
        pair = label_agreement(load_first_annotation(path=path), load_second_annotation(path=path))
        n = pair.pop("n")
        agreement = {"n": n, "share_of_answers": round(n / len(corpus), 3), **pair}
        summary["agreement"] = agreement
    return summary


def format_summary(summary: dict[str, Any]) -> str:
    """Render :func:`summarize_corpus` output as readable text."""
    lines = [
        f"alignscore corpus: {summary['jobs']} job descriptions over {summary['fields']} fields, "
        f"{summary['answers']} answers",
        "",
    ]
    for key in (
        "jobs_by_field",
        "jobs_by_level",
        "jobs_by_org_type",
        "jobs_by_format",
        "jobs_by_split",
        "answers_by_split",
        "answers_by_archetype",
        "answers_by_register",
        "answers_by_level",
    ):
        body = ", ".join(f"{k} {v}" for k, v in summary[key].items())
        lines.append(f"{key.replace('_', ' ')}: {body}")
    lines.append("")
    lines.append("score histograms (bands 1..5):")
    for name, hist in summary["score_histograms"].items():
        lines.append(f"  {name:<15}" + " ".join(f"{hist[str(b)]:>4}" for b in range(1, 6)))
    lines.append(
        "flag rates: " + ", ".join(f"{k} {v:.2f}" for k, v in summary["flag_rates"].items())
    )
    lines.append(
        "answer spans: " + ", ".join(f"{k} {v}" for k, v in summary["answer_spans"].items())
    )
    lines.append("job spans: " + ", ".join(f"{k} {v}" for k, v in summary["job_spans"].items()))
    w = summary["answer_words"]
    lines.append(f"answer words: min {w['min']}, median {w['median']:.0f}, max {w['max']}")
    lines.append(
        f"Spearman rank correlation of word count with overall: {summary['length_overall_spearman']:+.3f}"
    )
    if "agreement" in summary:
        a = summary["agreement"]
        lines.append("")
        lines.append(
            f"inter-annotator agreement on {a['n']} doubly annotated answers "
            f"({a['share_of_answers']:.0%}), quadratic weighted kappa:"
        )
        lines.append("  " + ", ".join(f"{s} {a[s]:.3f}" for s in SCORES))
        lines.append(
            "  flags (Cohen's kappa): " + ", ".join(f"{k} {v:.3f}" for k, v in a["flags"].items())
        )
    return "\n".join(lines)
