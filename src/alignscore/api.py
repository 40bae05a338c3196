"""The public scoring API: :func:`score`, :func:`score_many`, :func:`score_frame`, :func:`load`.

Example:
    >>> import alignscore
    >>> r = alignscore.score(
    ...     "In the next two years I want to master SQL and Tableau, which this role uses daily, "
    ...     "so our team can ship reports faster. Long term I'd like to lead the analytics team.",
    ...     "Data Analyst. You will build Tableau dashboards and write SQL. Mentoring provided.",
    ... )
    >>> 0.0 <= r.overall <= 1.0 and set(r.bands) == {"alignment", "specificity", "employer_focus", "overall"}
    True
    >>> sorted(r.to_dict())[:3]
    ['alignment', 'bands', 'employer_focus']
"""

from __future__ import annotations

import contextlib
import math
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, repeat
from pathlib import Path
from typing import Any, Literal, cast

import numpy as np
import pandas as pd

from .analysis import AnalyzedPair, JobCache, analyze_pairs
from .compiled import band_of
from .errors import InvalidInputError
from .explain import explain
from .extraction import doc_spans
from .flags import FlagThresholds, settle
from .labels import SCORES
from .persistence import load_model
from .pipeline import doc_text, load_pipeline, load_pipeline_at, model_dir
from .results import ScoreResult

__all__ = ["MAX_CHARS", "Analyzer", "load", "score", "score_frame", "score_many"]

#: longest text accepted (characters); longer input is refused with InvalidInputError
MAX_CHARS = 50_000
#: batches scored in one spaCy memory zone by score_many (see Analyzer.score_texts)
ZONE_BATCHES = 8


class _Prepared:
    """A posting cache that serves only the postings it was given (processed before a zone)."""

    def __init__(self, jobs: dict[str, Any]) -> None:
        self._jobs = jobs

    def get(self, text: str) -> Any:
        return self._jobs[text]


@dataclass
class Analyzer:
    """A loaded pipeline, scorer and flag thresholds, with a cache of processed postings."""

    nlp: Any
    model: Any
    thresholds: FlagThresholds
    meta: dict[str, Any]

    def __post_init__(self) -> None:
        self.cache = JobCache(self.nlp)
        self._lock = threading.Lock()
        self._warm = False

    def score_texts(
        self, answers: list[str], jds: list[str], batch_size: int = 256
    ) -> list[ScoreResult]:
        """Score validated answer texts against their postings' texts.

        The answers go through the pipeline ``batch_size`` at a time (the model predicts once
        per batch), all inside one spaCy memory zone: the strings, lexemes and tokenizer cache
        entries their new words add are freed at the end, so a process that scores millions
        of answers keeps flat memory. The first call of an analyzer runs outside a zone, so
        the words and tokenizer entries of its answers stay (a zone caches no tokenizer
        entry; without this, the commonest chunks would be split again in every zone).
        Postings are processed (and cached) before the zone, as later calls reuse them;
        nothing that outlives the call (the :class:`ScoreResult`) refers to a Doc. Calls from
        several threads take turns (zones cannot overlap; the pipeline holds the GIL anyway).
        """
        with self._lock:
            jobs = {jd: self.cache.get(jd) for jd in dict.fromkeys(jds)}
            prepared = cast(JobCache, _Prepared(jobs))  # serves these postings only
            out: list[ScoreResult] = []
            # the first call runs outside a zone: its words stay, and with them tokenizer cache
            # entries for the chunks answers share ("team,", "I'd"), which no zone keeps
            zone = self.nlp.memory_zone() if self._warm else contextlib.nullcontext()
            self._warm = True
            with zone:
                for lo in range(0, len(answers), batch_size):
                    texts, posts = answers[lo : lo + batch_size], jds[lo : lo + batch_size]
                    pairs = list(
                        analyze_pairs(
                            texts, posts, nlp=self.nlp, batch_size=batch_size, cache=prepared
                        )
                    )
                    out.extend(self.results(pairs, texts, posts))
            return out

    def results(
        self, pairs: list[AnalyzedPair], answers: list[str], jds: list[str]
    ) -> list[ScoreResult]:
        """Score a batch of analysed pairs with one model call."""
        # a plain float matrix in the model's feature order: no DataFrame on the hot path
        names = self.model.numeric_features_
        X = np.array([[p.features[name] for name in names] for p in pairs], dtype=np.float64)
        # the text model reads the clean text (markup decoded, typos repaired), as in training
        values = self.model.predict(X, texts=[doc_text(p.answer) for p in pairs])
        # the same monotone map as predict_bands, without predicting twice
        bands_all = band_of(values)
        out = []
        for k, pair in enumerate(pairs):
            floats = {t: float(values[k, i]) for i, t in enumerate(SCORES)}
            bands = {t: int(bands_all[k, i]) for i, t in enumerate(SCORES)}
            empty = not any(ch.isalpha() for ch in answers[k])
            flags, kinds = settle(pair.features, bands, floats, self.thresholds, empty=empty)
            reasons = explain(
                pair.answer, pair.job, pair.profile, pair.features, bands, flags, pair.view, kinds
            )
            out.append(
                ScoreResult(
                    alignment=floats["alignment"],
                    specificity=floats["specificity"],
                    employer_focus=floats["employer_focus"],
                    overall=floats["overall"],
                    bands=bands,
                    flags=frozenset(name for name, on in flags.items() if on),
                    spans=doc_spans(pair.answer, answers[k]),
                    job_spans=pair.job_spans,
                    explanations=reasons,
                )
            )
        return out


def _model_path(model: str | os.PathLike[str] | None) -> Path:
    if model is None:
        model = os.environ.get("ALIGNSCORE_MODEL", "default")
    path = Path(model)
    return path if path.is_dir() or os.sep in str(model) else model_dir(str(model))


@lru_cache(maxsize=4)
def _load(path: Path) -> Analyzer:
    model, thresholds, meta = load_model(path)
    nlp = load_pipeline_at(path / "pipeline") if (path / "pipeline").is_dir() else load_pipeline()
    return Analyzer(nlp, model, thresholds, meta)


def load(model: str | os.PathLike[str] | None = None) -> Analyzer:
    """Load (once) the scorer: ``model`` argument, else ``ALIGNSCORE_MODEL``, else the packaged default.

    Raises:
        ModelError: the model directory or a file in it is missing or corrupt.
    """
    return _load(_model_path(model))


def _check_text(value: Any, what: str) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        raise InvalidInputError(f"{what} is missing (got {value!r}); pass a string, '' if empty.")
    if not isinstance(value, str):
        raise InvalidInputError(f"{what} must be a string, got {type(value).__name__}.")
    if len(value) > MAX_CHARS:
        raise InvalidInputError(
            f"{what} is {len(value):,} characters long; the limit is {MAX_CHARS:,}."
        )
    return value


def score(
    answer: str, job_description: str, *, question: str | None = None, model: str | None = None
) -> ScoreResult:
    """Score one answer against one job description.

    Args:
        answer: The candidate's answer; may be empty (it then scores as an empty answer).
        job_description: The posting; may be empty or a bare title when the posting is unknown.
        question: The question asked, if it was phrased differently (kept for the record; the
            model is trained on "How does this position align with your career goals?").
        model: A model name or directory (default: ``ALIGNSCORE_MODEL`` or the packaged model).

    Returns:
        A :class:`~alignscore.results.ScoreResult`.

    Raises:
        InvalidInputError: ``answer`` or ``job_description`` is None, not a string, or too long.
    """
    answer = _check_text(answer, "answer")
    job_description = _check_text(job_description, "job_description")
    if question is not None:
        _check_text(question, "question")
    return load(model).score_texts([answer], [job_description])[0]


def score_many(
    answers: Iterable[Any],
    job_descriptions: str | Iterable[Any],
    *,
    batch_size: int = 256,
    n_process: int = 1,
    progress: bool = False,
    on_error: Literal["raise", "none"] = "raise",
    model: str | None = None,
) -> Iterator[ScoreResult | None]:
    """Score a stream of answers, in input order, with flat memory.

    Each distinct posting is processed once (bounded cache keyed by its text); answers go through
    ``nlp.pipe`` in batches and the model predicts once per batch.

    Args:
        answers: Answer texts.
        job_descriptions: One posting for all answers, or one per answer.
        batch_size: Answers per batch.
        n_process: Processes for ``nlp.pipe``.
        progress: Show a progress bar (rows per second) when output is a terminal.
        on_error: ``"raise"``: a bad row raises :class:`InvalidInputError` naming its position;
            ``"none"``: a bad row yields ``None`` and the stream goes on.
        model: A model name or directory.

    Yields:
        One :class:`ScoreResult` (or ``None`` for a bad row with ``on_error="none"``) per answer.
    """
    if batch_size < 1:
        raise InvalidInputError(f"batch_size must be at least 1, got {batch_size}.")
    if n_process < 1:
        raise InvalidInputError(f"n_process must be at least 1, got {n_process}.")
    if on_error not in ("raise", "none"):
        raise InvalidInputError(f"on_error must be 'raise' or 'none', got {on_error!r}.")
    load(model)  # fail early, in the caller's process, on a missing model
    jd_iter = (
        repeat(job_descriptions) if isinstance(job_descriptions, str) else iter(job_descriptions)
    )
    rows = enumerate(zip(answers, jd_iter, strict=False))
    # a chunk is ZONE_BATCHES batches: scored in one memory zone, so the words the zone frees
    # are looked up again once per chunk, not once per batch
    chunk_rows = batch_size * ZONE_BATCHES
    chunks = iter(lambda: list(islice(rows, chunk_rows)), [])
    bar = _progress(progress)
    scored = (
        _score_chunks_parallel(chunks, model, n_process, batch_size)
        if n_process > 1
        else (_score_chunk(chunk, model, batch_size) for chunk in chunks)
    )
    try:
        for chunk_results in scored:
            for i, res, err in chunk_results:
                if err is not None and on_error == "raise":
                    raise InvalidInputError(f"row {i}: {err}")
                yield res
            if bar is not None:
                bar.update(len(chunk_results))
    finally:
        if bar is not None:
            bar.close()


ChunkResult = list[tuple[int, "ScoreResult | None", "str | None"]]


def _score_chunk(
    chunk: list[tuple[int, tuple[Any, Any]]], model: str | None, batch_size: int = 256
) -> ChunkResult:
    """Score one chunk: validate rows, then score the good ones (``Analyzer.score_texts``)."""
    analyzer = load(model)
    good: list[tuple[int, str, str]] = []
    errors: dict[int, str] = {}
    for i, (a, j) in chunk:
        try:
            good.append((i, _check_text(a, "answer"), _check_text(j, "job_description")))
        except InvalidInputError as err:
            errors[i] = str(err)
    results: dict[int, ScoreResult] = {}
    if good:
        texts = [a for _, a, _ in good]
        jds = [j for _, _, j in good]
        scored = analyzer.score_texts(texts, jds, batch_size)
        for (i, _, _), res in zip(good, scored, strict=True):
            results[i] = res
    return [(i, results.get(i), errors.get(i)) for i, _ in chunk]


def _init_worker(model: str | None) -> None:
    """Load the scorer in a worker; one native thread each, so workers do not oversubscribe cores."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    load(model)


def _score_chunks_parallel(
    chunks: Iterator[list[Any]], model: str | None, n_process: int, batch_size: int = 256
) -> Iterator[ChunkResult]:
    """Score batches in ``n_process`` worker processes, in input order, with a bounded window.

    Each worker loads its own pipeline, model and posting cache once. Workers are started with
    "spawn", not "fork": a forked child of a process that has used OpenMP (scikit-learn, e.g.
    after training in the same process; scoring itself runs on NumPy) can hang on its first
    OpenMP call. At most ``2 * n_process`` batches are in flight, so memory stays flat.
    """
    import multiprocessing as mp
    from collections import deque

    with mp.get_context("spawn").Pool(
        n_process, initializer=_init_worker, initargs=(model,)
    ) as pool:
        window: deque[Any] = deque()
        for chunk in chunks:
            window.append(
                pool.apply_async(_score_chunk, (_share_postings(chunk), model, batch_size))
            )
            if len(window) >= 2 * n_process:
                yield window.popleft().get()
        while window:
            yield window.popleft().get()


def _share_postings(chunk: list[tuple[int, tuple[Any, Any]]]) -> list[tuple[int, tuple[Any, Any]]]:
    """Make equal posting texts in a batch one object, so pickle sends each posting once."""
    seen: dict[str, str] = {}
    return [(i, (a, seen.setdefault(j, j) if isinstance(j, str) else j)) for i, (a, j) in chunk]


def _progress(enabled: bool) -> Any:
    import sys

    if not enabled or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(unit="rows", desc="alignscore")


def frame_schema() -> pd.DataFrame:
    """The columns and dtypes of :func:`score_frame`'s output, as an empty frame.

    Every scored frame has exactly these columns and dtypes, whatever its rows (a frame whose
    rows all failed included): the four scores as ``float64``, the bands as nullable ``Int64``,
    the flags as nullable ``boolean``, and ``error`` as ``object`` (a string, or None). This is
    what a distributed engine needs to plan before it scores (Dask's ``meta``, a Spark schema).

    >>> list(frame_schema().dtypes.astype(str))[:5]
    ['float64', 'float64', 'float64', 'float64', 'Int64']
    """
    from .labels import FLAGS

    columns: dict[str, Any] = {name: "float64" for name in SCORES}
    columns.update({f"{name}_band": "Int64" for name in SCORES})
    columns.update({f"flag_{name}": "boolean" for name in FLAGS})
    columns["error"] = "object"
    return pd.DataFrame({c: pd.Series(dtype=d) for c, d in columns.items()})


def _scored_frame(
    results: list[dict[str, Any] | None], answers: list[Any], jds: list[Any], index: pd.Index
) -> pd.DataFrame:
    """One output frame (``frame_schema()``'s columns and dtypes) from a frame's result rows.

    ``results`` holds ``ScoreResult.to_row()`` per row, or None for a row not scored.
    """
    rows: list[dict[str, Any]] = []
    for res, answer, jd in zip(results, answers, jds, strict=True):
        if res is None:
            reason = None
            for what, value in (("answer", answer), ("job_description", jd)):
                try:
                    _check_text(value, what)
                except InvalidInputError as err:
                    reason = str(err)
                    break
            rows.append({"error": reason})
        else:
            rows.append({**res, "error": None})
    schema = frame_schema()
    out = pd.DataFrame(rows, index=index, columns=list(schema.columns)).astype(schema.dtypes)
    out["error"] = pd.Series([r["error"] for r in rows], index=index, dtype=object)  # str or None
    return out


def require_columns(
    columns: Iterable[Any], answer_col: str, jd_col: str, keep: Sequence[str] = ()
) -> None:
    """Raise :class:`InvalidInputError` naming the needed columns a table lacks."""
    present = set(columns)
    missing = [c for c in (answer_col, jd_col, *keep) if c not in present]
    if missing:
        raise InvalidInputError(
            f"Missing columns {missing}; expected {answer_col!r} and {jd_col!r}"
            + (f" and {list(keep)}." if keep else ".")
        )


def score_frames(
    frames: Iterable[pd.DataFrame],
    answer_col: str = "answer",
    jd_col: str = "job_description",
    *,
    keep: Sequence[str] = (),
    **kw: Any,
) -> Iterator[pd.DataFrame]:
    """Score a stream of frames (the chunks of one large table) as one stream of answers.

    All rows go through one :func:`score_many` stream, so there is one progress bar, one pool
    of worker processes with ``n_process > 1``, and one cache of processed postings for the
    whole table, while memory holds only the chunks in flight. This is the form Spark's
    ``mapInPandas`` calls: an iterator of pandas frames in, one out (see
    :mod:`alignscore.distributed`).

    Args:
        frames: DataFrames holding ``answer_col`` and ``jd_col``.
        answer_col: The answers' column.
        jd_col: The postings' column.
        keep: Input columns to carry into each output frame, before the score columns (an id
            to join on where the index is not kept, as in Spark).
        **kw: Passed to :func:`score_many` (``batch_size``, ``n_process``, ``progress``, ``model``).

    Yields:
        Per input frame, in order, the frame :func:`score_frame` would return for it (with the
        ``keep`` columns in front).

    Raises:
        InvalidInputError: a frame is not a DataFrame, or lacks a needed column.
    """
    kw["on_error"] = "none"
    keep = list(keep)
    pending: deque[tuple[pd.DataFrame, list[Any], list[Any]]] = deque()

    def rows() -> Iterator[tuple[Any, Any]]:
        for df in frames:
            if not isinstance(df, pd.DataFrame):
                raise InvalidInputError(f"Expected pandas DataFrames, got {type(df).__name__}.")
            require_columns(df.columns, answer_col, jd_col, keep)
            answers, jds = df[answer_col].tolist(), df[jd_col].tolist()
            pending.append((df, answers, jds))
            yield from zip(answers, jds, strict=True)

    def done(results: list[dict[str, Any] | None]) -> pd.DataFrame:
        df, answers, jds = pending.popleft()
        out = _scored_frame(results, answers, jds, df.index)
        return pd.concat([df[keep], out], axis=1) if keep else out

    jd_queue: deque[Any] = deque()

    def answers() -> Iterator[Any]:
        for answer, jd in rows():
            jd_queue.append(jd)  # score_many zips each answer with the next posting at once
            yield answer

    def postings() -> Iterator[Any]:
        while True:
            yield jd_queue.popleft()

    # flat rows, not ScoreResults (spans, explanations): a chunk in flight stays small
    results: list[dict[str, Any] | None] = []

    def finished() -> Iterator[pd.DataFrame]:
        """The pending frames whose rows are all scored (empty ones as soon as they are next)."""
        nonlocal results
        while pending and len(results) >= len(pending[0][1]):
            n = len(pending[0][1])
            frame_results, results = results[:n], results[n:]
            yield done(frame_results)

    for res in score_many(answers(), postings(), **kw):
        results.append(None if res is None else res.to_row())
        yield from finished()
    yield from finished()  # empty frames at the end


def score_frame(
    df: pd.DataFrame, answer_col: str = "answer", jd_col: str = "job_description", **kw: Any
) -> pd.DataFrame:
    """Score every row of a DataFrame; return a new frame with the same index.

    Columns and dtypes are :func:`frame_schema`'s: each score, ``<score>_band``, ``flag_<name>``
    per flag, and ``error`` (None, or why the row could not be scored; such rows have missing
    scores, bands and flags). Row count in equals row count out.

    Raises:
        InvalidInputError: ``df`` is not a DataFrame or lacks one of the two columns.
    """
    if not isinstance(df, pd.DataFrame):
        raise InvalidInputError(f"df must be a pandas DataFrame, got {type(df).__name__}.")
    return next(score_frames([df], answer_col, jd_col, **kw))
