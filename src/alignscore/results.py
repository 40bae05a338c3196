"""Result types: frozen, slotted dataclasses with JSON-ready ``to_dict`` views."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .labels import Bucket, Label

__all__ = ["ScoreResult", "Span"]


@dataclass(frozen=True, slots=True)
class Span:
    """One extracted span, with offsets into the caller's original string.

    ``answer[span.start_char:span.end_char] == span.text`` always holds.
    ``years_min``/``years_max``/``bucket`` are set on HORIZON spans only (None = open bound);
    ``id`` is the canonical id of a SKILL or TITLE; ``negated``/``hypothetical`` qualify GOALs;
    ``horizon`` is the index, in the same tuple, of a GOAL's governing HORIZON.
    """

    label: Label
    text: str
    start_char: int
    end_char: int
    years_min: float | None = None
    years_max: float | None = None
    bucket: Bucket | None = None
    id: str | None = None
    negated: bool = False
    hypothetical: bool = False
    horizon: int | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict of the span."""
        out: dict[str, Any] = {
            "label": self.label,
            "text": self.text,
            "start_char": self.start_char,
            "end_char": self.end_char,
        }
        if self.label == "HORIZON":
            out.update(years_min=self.years_min, years_max=self.years_max, bucket=self.bucket)
        if self.id is not None:
            out["id"] = self.id
        if self.label == "GOAL":
            out.update(negated=self.negated, hypothetical=self.hypothetical, horizon=self.horizon)
        return out


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """The judgement of one answer against one job description (see API.md).

    Scores are floats in [0, 1] (higher is better), ``bands`` the same four on the rubric's 1-5
    scale, ``flags`` the raised rubric flags, ``spans`` / ``job_spans`` what was extracted, and
    ``explanations`` short sentences a coach could read out, strongest first.
    """

    alignment: float
    specificity: float
    employer_focus: float
    overall: float
    bands: dict[str, int]
    flags: frozenset[str]
    spans: tuple[Span, ...]
    job_spans: tuple[Span, ...]
    explanations: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict of everything in the result."""
        return {
            "alignment": self.alignment,
            "specificity": self.specificity,
            "employer_focus": self.employer_focus,
            "overall": self.overall,
            "bands": dict(self.bands),
            "flags": sorted(self.flags),
            "spans": [s.to_dict() for s in self.spans],
            "job_spans": [s.to_dict() for s in self.job_spans],
            "explanations": list(self.explanations),
        }

    def to_row(self) -> dict[str, Any]:
        """Return a flat row: each score, each band (``<score>_band``), each flag (``flag_<name>``)."""
        from .labels import FLAGS, SCORES

        row: dict[str, Any] = {name: getattr(self, name) for name in SCORES}
        row.update({f"{name}_band": self.bands[name] for name in SCORES})
        row.update({f"flag_{name}": name in self.flags for name in FLAGS})
        return row
