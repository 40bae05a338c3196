"""From texts to processed Docs and pair features, with each distinct posting processed once.

Example:
    >>> pairs = list(analyze_pairs(["I want to learn SQL."], "Data Analyst. SQL required."))
    >>> pairs[0].features["overlap_skill_count"]
    1.0
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import repeat

from spacy.language import Language
from spacy.tokens import Doc

from .extraction import doc_spans
from .features import JobView, job_view, pair_features
from .jobs import JobProfile, job_profile
from .labels import GOAL
from .pipeline import load_pipeline
from .results import Span

__all__ = ["AnalyzedPair", "JobCache", "analyze_pairs"]


@dataclass(frozen=True, slots=True)
class AnalyzedPair:
    """One processed (answer, posting) pair and its features."""

    answer: Doc
    job: Doc
    profile: JobProfile
    features: dict[str, float]
    job_spans: tuple[Span, ...]
    view: JobView | None = None


class JobCache:
    """A bounded cache of processed postings keyed by their text (least recently used evicted)."""

    def __init__(self, nlp: Language, maxsize: int = 1024) -> None:
        self.nlp = nlp
        self.maxsize = maxsize
        self._docs: OrderedDict[str, tuple[Doc, JobProfile, JobView, tuple[Span, ...]]] = OrderedDict()

    def get(self, text: str) -> tuple[Doc, JobProfile, JobView, tuple[Span, ...]]:
        """Return the processed posting, its profile, feature view and result spans.

        Everything is computed on first sight of the text and reused for every later answer.
        """
        hit = self._docs.get(text)
        if hit is not None:
            self._docs.move_to_end(text)
            return hit
        doc = self.nlp(text)
        # a posting states duties, not a candidate's goals: its GOAL spans are not reported
        spans = tuple(s for s in doc_spans(doc, text) if s.label != GOAL)
        value = (doc, job_profile(doc), job_view(doc), spans)
        self._docs[text] = value
        if len(self._docs) > self.maxsize:
            self._docs.popitem(last=False)
        return value


def analyze_pairs(
    answers: Iterable[str],
    job_descriptions: str | Iterable[str],
    *,
    nlp: Language | None = None,
    batch_size: int = 256,
    cache: JobCache | None = None,
    n_process: int = 1,
) -> Iterator[AnalyzedPair]:
    """Process answers with ``nlp.pipe`` and pair each with its (cached) posting.

    Args:
        answers: Answer texts (validated strings).
        job_descriptions: One posting for all answers, or one per answer.
        nlp: The pipeline (default: the packaged one).
        batch_size: ``nlp.pipe`` batch size.
        cache: A :class:`JobCache` to reuse across calls.
        n_process: Processes for ``nlp.pipe`` (order is kept).
    """
    nlp = nlp or load_pipeline()
    cache = cache or JobCache(nlp)
    gazetteer = nlp.get_pipe("alignscore_gazetteer")
    jds = repeat(job_descriptions) if isinstance(job_descriptions, str) else iter(job_descriptions)
    pending: deque[str] = deque()  # postings of answers sent to nlp.pipe but not yet returned

    def texts() -> Iterator[str]:
        for text in answers:
            pending.append(next(jds))
            yield text

    for doc in nlp.pipe(texts(), batch_size=batch_size, n_process=n_process):
        job, profile, view, job_spans = cache.get(pending.popleft())
        gazetteer.add_terms_from(doc, job)
        features = pair_features(doc, job, profile, view)
        yield AnalyzedPair(doc, job, profile, features, job_spans, view)
