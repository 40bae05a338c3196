"""GoalHorizonLinker: attach each GOAL to the HORIZON that governs it.

A goal's horizon is the nearest HORIZON in the same sentence (or on the same bullet line),
preferring one right before the goal's cue or right after the goal; the link is stored as token
offsets in ``span._.alignscore_horizon_at``.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import HORIZON_AT, register_extensions
from ..labels import CUES_KEY, GOAL, HORIZON, SPANS_KEY
from ._spans import BatchedPipe, Marks, clause_bounds, clause_marks
from .goals import GOAL_CUE, NEG_GOAL_CUE

__all__ = ["GoalHorizonLinker", "make_goal_horizon_linker"]


_OPENING_CUES = frozenset({GOAL_CUE, NEG_GOAL_CUE})
_CONTRASTS = frozenset({"but", "though", "although", "however"})
_SUBJECTS = frozenset({"i", "we", "my", "our"})


def contrast_breaks(doc: Doc) -> list[int]:
    """Tokens opening a contrasting clause with a subject of its own ("but I", "though we")."""
    strings = doc.vocab.strings
    lows = [strings[h] for h in doc.to_array(LOWER).tolist()]
    return [k for k in range(len(lows) - 1) if lows[k] in _CONTRASTS and lows[k + 1] in _SUBJECTS]


class GoalHorizonLinker(BatchedPipe):
    """Set ``span._.alignscore_horizon_at`` on every GOAL that has a governing HORIZON."""

    def __init__(
        self, nlp: Language, name: str = "alignscore_linker", *, spans_key: str = SPANS_KEY
    ) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key

    def link(
        self,
        doc: Doc,
        goal: Span,
        horizons: list[Span],
        marks: Marks | None = None,
        goal_starts: list[int] | None = None,
        breaks: list[int] | None = None,
        opening: int | None = None,
    ) -> Span | None:
        """Return the HORIZON governing ``goal``, or None (``marks``: ``clause_marks(doc)``).

        A horizon after the goal that stands closer to the next goal belongs to that one: in
        "learn the floor first - and within five years run a store", "within five years" dates
        running a store only. A horizon never crosses a contrasting clause with its own subject
        ("..., but I want to ..."). ``goal_starts``: the start tokens of the doc's goals;
        ``breaks``: :func:`contrast_breaks` of ``doc`` (computed here when omitted);
        ``opening``: where the goal's clause opens (its cue), from which a horizon before it is
        counted ("In the longer term, I see myself as ...": the horizon touches the clause).
        """
        start, end = clause_bounds(doc, goal, marks)
        best, best_key = None, None
        if breaks is None:
            breaks = contrast_breaks(doc)
        for h in horizons:
            if h.start < start or h.end > end:
                continue
            lo, hi = min(h.end, goal.end), max(h.start, goal.start)
            if any(lo <= k < hi for k in breaks):
                continue  # "not sure where I'll be in five years, but I want to learn SQL"
            if h.end <= goal.start:
                start_at = goal.start if opening is None else min(goal.start, opening)
                gap, side = max(start_at - h.end, 0), 0
            elif h.start >= goal.end:
                gap, side = h.start - goal.end, 1
                if any(h.end <= g < end and g - h.end <= gap for g in goal_starts or ()):
                    continue
            else:
                gap, side = 0, 0
            key = (gap, side)
            if best_key is None or key < best_key:
                best, best_key = h, key
        return best

    def __call__(self, doc: Doc) -> Doc:
        """Link goals to horizons in place."""
        group = doc.spans.get(self.spans_key, [])
        horizons = [s for s in group if s.label_ == HORIZON]
        if horizons:
            marks = clause_marks(doc)
            goals = [s for s in group if s.label_ == GOAL]
            # where each goal's clause opens: at its cue when one ends right before it, or before
            # the words a goal leaves out ("i could see myself as a data engineer" opens at "i")
            cue_at = {
                c.end: c.start for c in doc.spans.get(CUES_KEY, []) if c.label_ in _OPENING_CUES
            }
            starts = [
                next((cue_at[k] for k in range(g.start, g.start - 3, -1) if k in cue_at), g.start)
                for g in goals
            ]
            breaks = contrast_breaks(doc)
            for goal, opening in zip(goals, starts, strict=True):
                h = self.link(doc, goal, horizons, marks, starts, breaks, opening)
                if h is not None:
                    goal._.set(HORIZON_AT, [h.start, h.end])
        return doc


@Language.factory(
    "alignscore_linker",
    requires=["doc.spans"],
    assigns=["span._.alignscore_horizon_at"],
    default_config={"spans_key": SPANS_KEY},
)
def make_goal_horizon_linker(nlp: Language, name: str, spans_key: str) -> GoalHorizonLinker:
    """Create the GOAL-HORIZON linker; assigns ``span._.alignscore_horizon_at`` on GOAL spans."""
    return GoalHorizonLinker(nlp, name, spans_key=spans_key)
