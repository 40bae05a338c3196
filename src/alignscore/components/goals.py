"""GoalExtractor: from GOAL cues to GOAL clause spans, with negation and hypotheticals.

No parser is shipped, so clauses are found with token rules: a goal starts right after its cue
("I want to" | "my goal is to" | "Long term:"), runs to the end of the clause (sentence end, a
semicolon, a subordinating word such as "because" or "so that", another cue, or a trailing time
expression), and splits where a second aim is coordinated ("..., and lead the team").
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from spacy.attrs import LOWER
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import HYPOTHETICAL, NEGATED, register_extensions
from ..labels import CUES_KEY, GOAL, HORIZON, SPANS_KEY
from ..resources import read_lexicon
from ._spans import BatchedPipe, clause_marks
from .sentences import EMBEDDING_WORDS, PLURAL_VERBS, RUN_ON_TOKENS, STANCE_WORDS

__all__ = ["GoalExtractor", "make_goal_extractor"]

GOAL_CUE = "GOAL_CUE"
NEG_GOAL_CUE = "NEG_GOAL_CUE"
HYPOTHETICAL_CUE = "HYPOTHETICAL_CUE"
# "I want open ...": an aim with "to" left out, after these verbs
BARE_AIM_CUES = frozenset({"want", "wish", "hope"})
# goal verbs that are as often nouns after "I want" ("I want work that matters", "help", "support")
NOUN_LIKE_VERBS = frozenset(
    {
        "work", "help", "support", "progress", "research", "design", "study", "focus",
        "transition", "end", "level", "head", "round", "set", "step", "land", "use", "cover",
        "close", "present", "drive", "coach", "mentor", "train", "eventually", "see", "try", "do",
        "go", "start", "launch", "finish",
    }
)
# plain verbs after "maybe I" that more often tell than aim ("maybe I get bored")
LIGHT_HEDGED_VERBS = frozenset({"get", "make", "keep", "find", "take", "be", "stay"})
# what follows a label when the speaker has no goal there: "long term: not sure yet"
UNSURE_OPENINGS = (
    "not sure", "no idea", "unsure", "undecided", "tbd", "dunno", "no clue", "unclear",
    "not decided", "do nt know", "not certain",
    "still figuring", "still deciding", "who knows",
)
LABEL_MARKS = frozenset({":", "-", "->", "–", "—", "=>", "=", "→"})
# arrows in notes, tokenised in parts: "->" may come as "-" and ">"
ARROW_PARTS = LABEL_MARKS | {">"}
MAX_GOAL_TOKENS = 30
# in a run-on sentence (RUN_ON_TOKENS or more without a mark) nothing but words ends a goal; the
# longest 5% of the annotated goals on train run past 16 words
RUN_ON_GOAL_TOKENS = 16
# hedges and sequencers before a second aim: "..., maybe a senior accountant role"
IDIOM_ADVERBS = frozenset(
    {"completely", "totally", "fully", "perfectly", "very", "really", "brutally", "absolutely"}
)
IDIOM_WORD = re.compile(r"[\w'’-]+")
MODAL_WORDS = frozenset({"can", "could", "will", "would", "'ll", "'d", "’ll", "’d"})
# verbs and adjectives of belief or certainty: "I think / know / am confident (that) I can ..."
BELIEF_WORDS = frozenset(
    {"think", "know", "believe", "confident", "sure", "certain", "reckon", "guess", "convinced"}
)
AIM_WORDS = frozenset(
    {"like", "love", "want", "hope", "prefer", "aim", "plan", "see", "imagine", "picture", "wish"}
)
# after a modal cue ("I'd", "I'll", "I would") a verb of aiming before "to" is part of the cue
MODAL_AIM_WORDS = frozenset({"aim", "hope", "plan", "expect", "intend", "wish", "try"})
STRANDED_PREPOSITIONS = frozenset({"on", "into", "in", "to", "for", "with", "about", "at", "of"})
WH_WORDS = frozenset({"why", "what", "how", "where", "who", "when", "which"})
# a clause opening with one of these gives a reason or a condition, not an aim
SUBORDINATORS = frozenset({"because", "cause", "since", "if", "unless", "although", "though"})
HEDGES = frozenset({"maybe", "perhaps", "then", "possibly"})
# words that open an object, so that a noun-like word before them is a verb: "finish my ASA"
VERB_OBJECT_OPENERS = frozenset({"my", "the", "your", "our", "all", "this", "these", "those"})
# a cue after one of these states a condition, not an aim: "when I will have enough experience"
CONDITION_LEADS = frozenset({"when", "once", "whenever"})
# cue words that carry their own first-person subject ("I want to", "id like to")
FIRST_PERSON = frozenset({"i", "we", "id", "im", "ill", "ive"})
# subjects whose wants are not the candidate's: "not what you want to hear"
OTHER_SUBJECTS = frozenset({"you", "they", "he", "she", "people", "everyone", "everybody"})
# after "and" these open a noun phrase that may be the subject of a new clause ("..., and a lot
# of my classmates are ..."); a finite "be" or "have" within a few words shows that it is
SUBJECT_OPENERS = frozenset(
    {
        "a",
        "the",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "some",
        "most",
        "many",
        "lots",
        "all",
        "this",
        "that",
        "these",
        "those",
    }
)
FINITE_BE_HAVE = frozenset({"is", "are", "was", "were", "'s", "’s", "has", "have", "had"})
# a pronoun after ", and" opens a new clause when a finite verb follows ("..., and everyone i
# talked to said ...", "and they told me ..."); not "help everyone in the kitchen"
PRONOUN_SUBJECTS = frozenset(
    {"everyone", "everybody", "someone", "somebody", "nobody", "they", "he", "she", "people"}
)
FINITE_VERBS = FINITE_BE_HAVE | frozenset(
    {"said", "says", "told", "tells", "think", "thinks", "thought", "know", "knows", "knew",
     "want", "wants", "wanted", "need", "needs", "needed", "do", "does", "did", "can", "could",
     "will", "would", "'ll", "'d", "seem", "seems", "say", "tell", "recommend", "recommended"}
)
# a goal noun said to be plain ("my goal is quite clear") names no goal
INTENSIFIERS = frozenset({"quite", "very", "pretty", "really", "fairly", "rather", "super", "so"})
PLAIN_ADJECTIVES = frozenset({"clear", "simple", "straightforward", "easy", "obvious", "clear-cut"})
SUBJECT_SCAN = 6
# verbs whose object can be a span of time: "do two years here", "give it a year", "put in"
DURATION_VERBS = frozenset({"do", "spend", "stay", "give", "put", "it", "in"})
# ... and, as the last verb before the span with words between, only in these forms: "aim to
# spend six months", not a participle ("get the Black Belt done within 18 months")
DURATION_VERB_FORMS = frozenset({"do", "doing", "spend", "spending", "stay", "staying", "give"})
# approximations between such a verb and its span: "spend maybe 18 months here"
DURATION_FILLERS = frozenset({"maybe", "perhaps", "probably", "about", "around", "roughly", "like"})
# words before a role named on its own as an aim: "then Area Manager", "maybe director one day"
TITLE_GOAL_LEADS = frozenset({"then", "eventually", "ultimately", "maybe", "perhaps"})
# spoken fillers between a time and the title it names: "eventually, like, Maintenance Lead"
TITLE_FILLERS = frozenset({"like", "um", "uh", "er", "hopefully", "probably"})
BULLET_MARKS = frozenset({"-", "*", "•", "–", "·", "+"})
SPELLING_OUT_MARKS = frozenset({":", "—", "–"})  # and a dash spaced on both sides
# words that open the items of a spoken or written list of aims: "First, master SQL."
SEQUENCE_OPENERS = frozenset(
    {
        "first",
        "firstly",
        "second",
        "secondly",
        "third",
        "thirdly",
        "then",
        "next",
        "finally",
        "lastly",
    }
)


_PICTOGRAPH_CATEGORIES = frozenset({"So", "Sk", "Cf", "Cs", "Co"})


def _symbol_only(text: str) -> bool:
    """Whether a token is only pictographs (an emoji, "✨", "™") and their joiners.

    Maths and currency signs ("+", "→", "$") are not: they sit inside goals ("SQL + Python").
    """
    return bool(text) and all(unicodedata.category(c) in _PICTOGRAPH_CATEGORIES for c in text)


def _item_number(doc: Doc, start: int, end: int) -> int:
    """Where a numbered list item's text starts ("1. get", "2) run", "(3) keep"), or 0."""
    k = start + 1 if doc[start].text == "(" else start
    if (
        k + 2 < end
        and doc[k].is_digit
        and len(doc[k].text) <= 2
        and doc[k + 1].text in (".", ")")
        and doc[k + 1].whitespace_ != ""
    ):
        return k + 2
    return 0


def _label_colon(doc: Doc, k: int) -> int | None:
    """The offset of a colon that ends a label of one to three words opening at ``k``."""
    for j in range(k + 1, min(k + 4, len(doc))):
        if doc[j].text == ":":
            return j
        if doc[j].is_space or doc[j].is_punct:
            return None
    return None


def _longest(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    taken: set[int] = set()
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not taken.intersection(range(s.start, s.end)):
            kept.append(s)
            taken.update(range(s.start, s.end))
    return sorted(kept, key=lambda s: s.start)


class GoalExtractor(BatchedPipe):
    """Expand GOAL cues into GOAL spans in ``doc.spans[spans_key]``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "alignscore_goals",
        *,
        spans_key: str = SPANS_KEY,
        cues_key: str = CUES_KEY,
        lexicon: str = "goal_lexicon",
    ) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.cues_key = cues_key
        lex: dict[str, Any] = read_lexicon(lexicon)
        self.boundaries = frozenset(w for w in lex["boundary_words"] if " " not in w)
        self.boundary_pairs = frozenset(tuple(w.split()) for w in lex["boundary_words"] if " " in w)
        self.comma_boundaries = frozenset(w for w in lex["comma_boundary_words"] if " " not in w)
        self.hard_stops = frozenset(lex["hard_stops"])
        self.goal_verbs = frozenset(lex["goal_verbs"])
        self.trim_leading = frozenset(lex["trim_leading"])
        self.trim_trailing = frozenset(lex["trim_trailing"])
        self.light_verbs = frozenset(lex["light_verbs"])
        self.not_goal_verbs = frozenset(lex["not_goal_verbs"])
        self.not_goals = frozenset(lex["not_goals"])
        self.heading_words = frozenset(lex.get("bullet_heading_words", ()))

    def _is_stop(self, tok: Any) -> bool:
        if tok.text == "-" and tok.whitespace_ and tok.i > 0 and tok.doc[tok.i - 1].whitespace_:
            return True  # a dash spaced on both sides, as in "... well - I want to ..."
        return tok.text in self.hard_stops or (tok.is_space and "\n" in tok.text)

    @staticmethod
    def _takes_duration(doc: Doc, begin: int, k: int) -> bool:
        """Whether the goal words ``begin:k`` end in a verb taking the time span at ``k``.

        "do two years here", "give it two years", "spend maybe 18 months here", "aim to spend
        six months in this role": the span is the goal's object, not a time ending it.
        """
        if all(t.lemma_ in DURATION_VERBS for t in doc[begin:k]):
            return True
        j = k - 1
        while j > begin and doc[j].lower_ in DURATION_FILLERS:
            j -= 1
        return doc[j].lower_ in DURATION_VERB_FORMS  # not "get the Black Belt done within ..."

    @staticmethod
    def _after_connectives(doc: Doc, j: int, horizons: dict[int, int]) -> int:
        """Skip commas, "and", adverbs and horizons that sit between two coordinated aims."""
        while j < len(doc) and (
            doc[j].lower_ in ("and", "or", "also", "then", "later", "to", "maybe", "hopefully", ",")
            or j in horizons
        ):
            j = horizons.get(j, j + 1)
        return j

    @staticmethod
    def _new_subject(doc: Doc, j: int) -> bool:
        """Whether a noun phrase at ``j`` is the subject of a new clause ("the team is great").

        It opens with a determiner or quantifier and a finite "be" / "have" follows within
        ``SUBJECT_SCAN`` words, before any punctuation; or it is a pronoun ("everyone", "they")
        with a finite verb among the next ``SUBJECT_SCAN`` words.
        """
        if j < len(doc) and doc[j].lower_ in PRONOUN_SUBJECTS:
            after = doc[j + 1 : j + 1 + SUBJECT_SCAN]
            return any(t.lower_ in FINITE_VERBS for t in after if not t.is_punct)
        if j >= len(doc) or doc[j].lower_ not in SUBJECT_OPENERS:
            return False
        for tok in doc[j + 1 : j + 1 + SUBJECT_SCAN]:
            if tok.is_punct or tok.lower_ in ("that", "which", "who", "where"):
                return False  # a relative clause: "and the projects that are running"
            if tok.lower_ in FINITE_BE_HAVE:
                return True
        return False

    @staticmethod
    def _comma_splice(doc: Doc, j: int) -> bool:
        """Whether ", it" at ``j`` opens a clause of its own: ", it connects both my worlds"."""
        if j + 1 >= len(doc) or doc[j].lower_ != "it":
            return False
        verb = doc[j + 1]
        low = verb.lower_
        return low in FINITE_VERBS or (
            verb.is_alpha and low.endswith("s") and not low.endswith("ss") and verb.lemma_ != low
        )

    def _opens_aim(self, doc: Doc, j: int, titles: frozenset[int], hedged: bool) -> bool:
        """Whether a second aim starts at token ``j``.

        A verb of aiming ("and then apply for ..."), or after a hedge ("maybe", "perhaps",
        "then") a role named as the aim ("..., maybe a senior accountant role").
        """
        if j >= len(doc):
            return False
        if doc[j].lemma_ in self.goal_verbs and doc[j].lower_ != "be":
            return True
        if doc[j].lower_ == "be":  # "and in three years be category buyer"
            k = j + 1
            if k < len(doc) and doc[k].lower_ in ("a", "an", "the"):
                k += 1
            return k in titles
        if hedged:
            if doc[j].lower_ in ("a", "an", "the") and j + 1 < len(doc):
                j += 1
            return j in titles
        return False

    def _clauses(
        self,
        doc: Doc,
        start: int,
        cue_starts: set[int],
        horizons: dict[int, int],
        titles: frozenset[int] = frozenset(),
        max_tokens: int = MAX_GOAL_TOKENS,
    ) -> list[tuple[int, int]]:
        """Return the (start, end) token ranges of the goals opened at ``start``.

        ``max_tokens`` bounds each goal (shorter in a run-on sentence, where no mark ends it).
        """
        n = len(doc)
        k = start
        # skip leading filler, commas and a horizon placed before the goal
        while k < n:
            if k in horizons:
                k = horizons[k]
            elif doc[k].lower_ in self.trim_leading or doc[k].text in (",",):
                k += 1
            elif doc[k].lower_ == "i" and k + 1 < n and doc[k + 1].lower_ in ("mean", "guess"):
                k += 2  # a spoken filler: "I'd want to, I mean in the first year, get ..."
            else:
                break
        goals: list[tuple[int, int]] = []
        begin = k
        limit = min(n, begin + max_tokens)
        while k < limit:
            tok = doc[k]
            low = "," if _symbol_only(tok.text) else tok.lower_  # an emoji parts clauses
            if (
                k > begin
                and (tok.text in SPELLING_OUT_MARKS or tok.text == "-")
                and self._is_stop(tok)
                and k + 1 < n
                and self._aim_verb(doc[k + 1])
            ):
                # "grow with Northwind: master SQL ...", "grow here - master SQL": the aims
                # that spell the goal out
                goals.append((begin, k))
                begin = k = k + 1
                limit = min(n, begin + max_tokens)
                continue
            if self._is_stop(tok) or (k > begin and tok.is_sent_start):
                break
            if k > begin and k in cue_starts:
                break
            if k > begin and low == "i" and self._new_clause(doc, k):
                break  # run-on text: "... barely checks them i also noticed ..."
            if k > begin and k in horizons and self._takes_duration(doc, begin, k):
                k = horizons[k]  # the span a light verb takes: "do two years here to ..."
                continue
            if k > begin and k in horizons:
                # a trailing horizon ends this goal; a coordinated aim may follow it
                j = self._after_connectives(doc, horizons[k], horizons)
                if j < n and doc[j].lemma_ in self.goal_verbs and doc[j].lower_ != "be":
                    goals.append((begin, k))
                    begin = k = j
                    limit = min(n, begin + max_tokens)
                    continue
                break
            nxt = doc[k + 1].lower_ if k + 1 < n else ""
            if k > begin and (
                low in ("then", "later") or (low == "and" and nxt in ("then", "later"))
            ):
                # "..., and then (maybe) move into product", "and later CFO": a second aim in
                # sequence (annotators split there too)
                j = self._after_connectives(doc, k, horizons)
                if self._opens_aim(doc, j, titles, hedged=True):
                    goals.append((begin, k))
                    begin = k = j
                    limit = min(n, begin + max_tokens)
                    continue
            if k > begin and (low, nxt) in self.boundary_pairs:
                break
            if (
                k > begin
                and low in self.boundaries
                and not (
                    low == "as"
                    and (nxt in ("a", "an", "well") or self._title_after(doc, k + 1, titles))
                )
            ):
                break
            if low in (",", "and", "or") and k > begin:
                j = self._after_connectives(doc, k + 1, horizons)
                hedged = any(t.lower_ in HEDGES for t in doc[k + 1 : j])
                if self._opens_aim(doc, j, titles, hedged):
                    goals.append((begin, k))
                    begin = j
                    k = j
                    limit = min(n, begin + max_tokens)
                    continue
                if (j > k + 1 or low == "and") and self._new_subject(
                    doc, j if low == "," else k + 1
                ):
                    break  # "..., and a lot of my classmates are ...": another clause
                if low == "," and self._comma_splice(doc, k + 1):
                    break
                if (
                    low == ","
                    and j < n
                    and (doc[j].lower_ in self.boundaries or doc[j].lower_ in self.comma_boundaries)
                ):
                    break
            k += 1
        goals.append((begin, k))
        out = []
        for s, e in goals:
            while s < e and (
                doc[s].lower_ in self.trim_leading
                or doc[s].is_punct
                or doc[s].is_space
                or _symbol_only(doc[s].text)
            ):
                s += 1
            while e > s and (
                doc[e - 1].text in self.trim_trailing  # case-sensitive: "Class A" keeps its "A"
                or doc[e - 1].is_punct
                or doc[e - 1].is_space
                or _symbol_only(doc[e - 1].text)
            ):
                if doc[e - 1].text == "%" and e - 2 >= s and doc[e - 2].like_num:
                    break  # a target keeps its unit: "keep shrink under 1.5%"
                e -= 1
            if (e - s == 1 and doc[s].lemma_ in self.light_verbs) or (
                e - s == 1 and not doc[s].is_alpha
            ):
                continue
            if e > s:
                out.append((s, e))
        return out

    @staticmethod
    def _gapped(doc: Doc, s: int, e: int) -> bool:
        """Whether a short clause ends in a stranded preposition.

        Such a clause is the rest of a relative clause whose aim stands before the cue: "the
        project I want to cut my teeth on", "what I want to grow into".
        """
        return e - s <= 4 and doc[e - 1].lower_ in STRANDED_PREPOSITIONS

    @staticmethod
    def _not_an_aim_opening(doc: Doc, s: int, e: int) -> bool:
        """Whether a span opens as a question, heading, reason or note to self, not as an aim.

        "why this role", "what you get", "because the pay is better" (after "as soon as I
        can"), "don't mention the other offers".
        """
        first = doc[s].lower_
        if first in WH_WORDS or first in SUBORDINATORS:
            return True
        opening = " ".join(t.lower_ for t in doc[s : min(e, s + 3)])
        if opening.startswith(UNSURE_OPENINGS):
            return True  # "long term: not sure yet", "- long term: no idea"
        k = s
        while k < e - 1 and doc[k].lower_ in INTENSIFIERS:
            k += 1
        if doc[k].lower_ in PLAIN_ADJECTIVES and e - k <= 2:
            return True  # "the career goal is quite clear"
        alone = s + 1 == e and (e == len(doc) or doc[e].is_punct)
        if (
            alone or (first == "be" and (doc[s + 1].lower_ in ("in", "at") or doc[s + 1].is_punct))
        ) and any(t.lower_ == "where" for t in doc[max(0, s - 5) : s]):
            return True  # "I don't know where I'll be in five years", "where I'd start."
        if e - s == 1 and doc[s].lower_ in ("i", "we", "you"):
            return True  # a pronoun left alone between a label and its cue
        negated = first == "do" and s + 1 < e and doc[s + 1].lower_ in ("n't", "not")
        return first == "dont" or negated

    def _bare_verb_openers(self, doc: Doc) -> list[int]:
        """Aims after "I want" / "I wish" / "I hope" with "to" left out (non-native English).

        "I want open all new Texas stores", "I wish become team leader". Only verbs that are
        rarely nouns follow ("I want work that matters" wants a thing).
        """
        out = []
        lowers = doc.to_array(LOWER).tolist()  # no Token objects for the common case
        cues = {doc.vocab.strings.add(w) for w in BARE_AIM_CUES}
        i_id = doc.vocab.strings.add("i")
        for i in range(1, len(doc) - 1):
            if lowers[i] not in cues or i_id not in (lowers[i - 1], lowers[i - 2] if i > 1 else 0):
                continue
            nxt = doc[i + 1]
            if nxt.lower_ in self.goal_verbs and (
                nxt.lower_ not in NOUN_LIKE_VERBS
                or (i + 2 < len(doc) and doc[i + 2].lower_ in VERB_OBJECT_OPENERS)
            ):
                out.append(i + 1)  # "I want finish my ASA": a noun-like verb before its object
        return out

    @staticmethod
    def _belief_modal(doc: Doc, cue: Span) -> bool:
        """Whether a modal cue sits under a verb of belief: a claim, not an aim.

        "I think I can translate between ...", "I'm confident I would ...", "I know that I
        will ...".
        """
        if not any(t.lower_ in MODAL_WORDS for t in cue) or any(t.lemma_ in AIM_WORDS for t in cue):
            return False  # "I think I'd like to ..." still states an aim
        k = cue.start - 1
        if k >= 0 and doc[k].lower_ == "that":
            k -= 1
        return k >= 0 and doc[k].lower_ in BELIEF_WORDS

    def _bare_id(self, doc: Doc, cue: Span) -> bool:
        """Whether a cue reads "id" ("I'd" without its apostrophe) before a word that is no verb.

        "my staff id card" is no cue, "id give this everything" is.
        """
        bare = any(
            t.lower_ == "d"
            and t.i > 0
            and doc[t.i - 1].lower_ in ("i", "we")
            and not doc[t.i - 1].whitespace_
            for t in cue
        )
        if not bare or any(t.lemma_ in AIM_WORDS for t in cue) or cue.end >= len(doc):
            return False
        nxt = doc[cue.end].lemma_
        return nxt not in self.goal_verbs and nxt not in self.light_verbs

    @staticmethod
    def _past_perfect(doc: Doc, cue: Span) -> bool:
        """Whether an "I'd" cue is "I had" before a past participle: "I'd been helping ..."."""
        if cue.end >= len(doc) or cue[-1].lower_ not in ("'d", "’d", "d"):
            return False
        nxt = doc[cue.end]
        return nxt.lower_ == "been" or (nxt.lower_.endswith("ed") and nxt.lemma_ != nxt.lower_)

    def _contrast_without_action(self, doc: Doc, cue: Span) -> bool:
        """Whether "rather than" / "instead of" precedes no action: "rather than eighteen"."""
        if cue.label_ != NEG_GOAL_CUE or cue[0].lower_ not in ("rather", "instead"):
            return False
        if cue.end >= len(doc):
            return True
        nxt = doc[cue.end]
        return not (
            nxt.lower_.endswith("ing")
            or nxt.lemma_ in self.goal_verbs
            or nxt.lemma_ in self.light_verbs
        ) or nxt.lower_ in ("one", "a", "an", "the")

    def _hedged_openers(self, doc: Doc, horizon_ends: set[int]) -> list[int]:
        """Token offsets of verbs of aiming right after a clause-opening "maybe" / "perhaps"."""
        out: list[int] = []
        lowers = doc.to_array(LOWER).tolist()  # no Token objects for the common case
        hedges = {doc.vocab.strings.add("maybe"), doc.vocab.strings.add("perhaps")}
        for k in (k for k, h in enumerate(lowers[:-1]) if h in hedges):
            tok = doc[k]
            prev = doc[k - 1] if k > 0 else None
            if not (
                prev is None
                or tok.is_sent_start
                or prev.is_punct
                or (prev.is_space and "\n" in prev.text)
                or prev.lower_ in ("and", "or", "then", "later", "afterwards", "eventually")
                or k in horizon_ends  # "in a few years maybe move up to ..."
            ):
                continue
            nxt = doc[k + 1]
            if nxt.lemma_ in self.goal_verbs and nxt.lower_ != "be" and nxt.is_lower:
                out.append(k + 1)
            elif nxt.lower_ == "i" and k + 2 < len(doc):
                verb = doc[k + 2]  # "maybe I become supervisor" (a plain verb, no modal)
                if (
                    verb.lower_ in self.goal_verbs
                    and verb.lower_ not in NOUN_LIKE_VERBS
                    and verb.lower_ not in LIGHT_HEDGED_VERBS
                ):
                    out.append(k + 2)
        return out

    def _sequence_openers(self, doc: Doc, horizons: dict[int, int]) -> list[int]:
        """Offsets of verbs of aiming after a sentence-opening "First,", "Second,", "Then,"."""
        out: list[int] = []
        n = len(doc)
        for sent in doc.sents:
            k = sent.start
            if doc[k].lower_ not in SEQUENCE_OPENERS or k + 1 >= n or doc[k + 1].text != ",":
                continue
            j = k + 2
            while j < n and (j in horizons or doc[j].text == ","):
                j = horizons.get(j, j + 1)  # "Then, eventually, run a crew"
            if j < n and self._aim_verb(doc[j]):
                out.append(j)
        return out

    @staticmethod
    def _new_clause(doc: Doc, k: int) -> bool:
        """Whether the "I" at ``k`` opens a new clause rather than one inside the goal.

        After "and" / "but" / "or" it does ("... and I think this is it"), unless it is part of
        a plural subject ("my partner and I are ..."). After any other word it does only before
        a verb of stance ("... check them i also noticed", "... on my own I know ..."): a
        relative clause ("the things I design", "the work I do") stays in the goal.
        """
        prev = doc[k - 1].lower_
        nxt = doc[k + 1].lower_ if k + 1 < len(doc) else ""
        if prev in ("and", "but", "or"):
            return nxt not in PLURAL_VERBS
        if doc[k - 1].is_punct or prev in EMBEDDING_WORDS:
            return False
        return nxt in STANCE_WORDS

    @staticmethod
    def _in_run_on(doc: Doc, k: int, memo: dict[int, bool]) -> bool:
        """Whether token ``k`` is in a run-on sentence (``RUN_ON_TOKENS`` or more, no mark)."""
        if k >= len(doc) or not doc.has_annotation("SENT_START"):
            return False
        sent = doc[k].sent
        if sent.start not in memo:
            memo[sent.start] = len(sent) >= RUN_ON_TOKENS and not any(t.is_punct for t in sent)
        return memo[sent.start]

    @staticmethod
    def _asked_alone(doc: Doc, h: Span) -> bool:
        """Whether a time is a question on its own, answered by what follows: "Long term? ..."."""
        if not (h.end + 1 < len(doc) and doc[h.end].text == "?"):
            return False
        k = h.start
        while k > 0 and (doc[k - 1].text in BULLET_MARKS or doc[k - 1].lower_ in ("and", "so")):
            k -= 1
        return k == 0 or doc[k].is_sent_start or (doc[k - 1].is_space and "\n" in doc[k - 1].text)

    @staticmethod
    def _labels_line(doc: Doc, h: Span) -> bool:
        """Whether a horizon opens a line of notes as its label, the colon lost.

        The text has three lines or more, the horizon starts its line (after a bullet mark, if
        any) and a content word follows it: "yr 1 Opera Cloud live", "first 2 yrs O-licence
        compliance solid". A line of prose ("Next year the team will ...") goes on with a
        function word and is left alone.
        """
        k = h.start
        if k > 0 and doc[k - 1].text in BULLET_MARKS:
            k -= 1
        if k > 0 and not (doc[k - 1].is_space and "\n" in doc[k - 1].text):
            return False
        if h.end >= len(doc):
            return False
        nxt = doc[h.end]
        if not (nxt.is_alpha or nxt.like_num) or nxt.lower_ in STOP_WORDS:
            return False
        return doc.text.count("\n") >= 2  # (doc.text joins every token: checked last)

    def _aim_verb(self, tok: Any) -> bool:
        """A verb of aiming in its base form ("own", "get"; not "owning", "be")."""
        return tok.lemma_ in self.goal_verbs and tok.lower_ == tok.lemma_ and tok.lower_ != "be"

    def _verb_after_label(self, doc: Doc, k: int) -> int | None:
        """The offset of a verb of aiming right after a time label whose colon is missing.

        The label may end in a comma or one heading word: "next 2 yrs own the claims journey",
        "year 1 goals get placement running", "By year two, run the pastry section".
        """
        n = len(doc)
        if k < n and doc[k].text == ",":
            k += 1
        if k < n and doc[k].lemma_ in self.heading_words and doc[k].lower_ != "next":
            k += 1
        return k if k < n and self._aim_verb(doc[k]) else None

    def _is_idiom(self, text: str) -> bool:
        """True for answer-framing idioms ("be honest with you ...", "give you the picture")."""
        if text in self.not_goals:
            return True
        words = IDIOM_WORD.findall(text)  # "be honest, what draws me": the comma is no word
        if len(words) > 2 and words[1] in IDIOM_ADVERBS:
            del words[1]  # "be completely transparent", "be perfectly frank"
        return any(" ".join(words[:n]) in self.not_goals for n in range(1, min(4, len(words)) + 1))

    def _bullet_openers(self, doc: Doc, horizons: list[Span], cues: list[Span]) -> list[int]:
        """Token offsets where a bullet item opens a goal without a first-person cue.

        An item is a goal when it starts with a verb of aiming in its base form ("- get the
        licence", "- lead the team"), or when the heading line above its list names a time or a
        goal ("Year 2-3", "Longer term:", "Goals"), whatever the item's shape ("- VP of
        Operations"). Items that open with a cue or a time label are left to those rules. In a
        text of several lines, a line without a bullet mark that opens with a verb of aiming and
        its object counts as an item too (notes whose marks were lost).
        """
        # lines end at the newline tokens clause_marks finds (no Token objects)
        n = len(doc)
        items: list[tuple[int, int]] = []  # (line start, first token after the bullet mark)
        unmarked: list[int] = []  # first tokens of lines without a bullet mark
        line_start = 0
        for k in [*clause_marks(doc)[1], n]:  # each line ends at a newline token
            if line_start < k and doc[line_start].text in BULLET_MARKS:
                items.append((line_start, line_start + 1))
            elif line_start < k and (number_end := _item_number(doc, line_start, k)):
                items.append((line_start, number_end))  # "1. get ...", "2) run ...", "(3) ..."
            elif line_start < k:
                unmarked.append(line_start)
            line_start = k + 1
        horizon_at = {h.start: h.end for h in horizons}
        labelled = set(horizon_at) | {c.start for c in cues}
        out = []
        if len(unmarked) + len(items) > 1:
            # notes whose bullet marks were lost (pasted, transcribed): "get CPACC\n..."
            # (a verb with its object: not a heading such as "Study" or "Work-life balance")
            out += [
                k
                for k in unmarked
                if k + 1 < n
                and k not in labelled
                and self._aim_verb(doc[k])
                and (doc[k + 1].is_alpha or doc[k + 1].like_num)
                and _label_colon(doc, k) is None  # "Lead Tech: my goals" is a heading
            ]
        if not items:
            return out
        for line_start, first in items:
            if first >= n or first in labelled or doc[first].is_space:
                continue
            colon = _label_colon(doc, first)
            if colon is not None:
                # "- Goal: get the certificate", "- Phase one: get the CDL" name a goal; "- Now:
                # charge tech", "- Background: ..." the candidate's present
                if colon + 1 < n and (
                    any(t.lemma_ in self.heading_words for t in doc[first:colon])
                    or (
                        self._aim_verb(doc[colon + 1])
                        and colon + 2 < n
                        and (doc[colon + 2].is_alpha or doc[colon + 2].like_num)
                    )
                ):
                    out.append(colon + 1)
                continue
            tok = doc[first]
            if tok.lemma_ in self.goal_verbs and tok.lower_ == tok.lemma_:
                out.append(first)
                continue
            if self._heading_names_goals(doc, line_start, horizons):
                out.append(first)
        return out

    def _heading_names_goals(self, doc: Doc, line_start: int, horizons: list[Span]) -> bool:
        """True when the heading line over a bullet list names a time or a goal."""
        end = line_start - 1  # the newline token before the item
        while end > 0:
            start = end
            while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
                start -= 1
            line = doc[start:end]
            if len(line) and not (line[0].text in BULLET_MARKS and line[-1].text != ":"):
                if len(line) > 12:
                    return False
                if any(h.start >= start and h.end <= end for h in horizons):
                    return True
                return any(t.lemma_ in self.heading_words for t in line)
            end = start - 1
        return False

    @staticmethod
    def _title_after(doc: Doc, k: int, titles: frozenset[int]) -> bool:
        """Whether a title starts at ``k``, or after a determiner: "take over as (the) Chief"."""
        if k < len(doc) and doc[k].lower_ in ("the", "your", "our", "their", "its"):
            k += 1
        return k in titles

    def find(self, doc: Doc) -> list[Span]:
        """Return GOAL spans with ``negated`` and ``hypothetical`` set."""
        cues_group = doc.spans.get(self.cues_key, [])
        group = doc.spans.get(self.spans_key, [])
        cues = _longest([c for c in cues_group if c.label_ in (GOAL_CUE, NEG_GOAL_CUE)])
        hypos = [c for c in cues_group if c.label_ == HYPOTHETICAL_CUE]
        horizon_spans = [s for s in group if s.label_ == HORIZON]
        horizons = {s.start: s.end for s in horizon_spans}
        horizon_ends = {s.end for s in horizon_spans}
        openers: list[tuple[int, bool]] = [
            (c.end, c.label_ == NEG_GOAL_CUE)
            for c in cues
            if not self._belief_modal(doc, c)
            and not self._bare_id(doc, c)
            and not self._past_perfect(doc, c)
            and not self._contrast_without_action(doc, c)
            and not (c.start > 0 and doc[c.start - 1].lower_ in CONDITION_LEADS)
            and not (
                c.start > 0
                and doc[c.start - 1].lower_ in OTHER_SUBJECTS
                and c[0].lower_ not in FIRST_PERSON
            )
            and not (
                c[-1].text == ":"  # "My plan is simple: learn ..."; not "My plan changed: the"
                and not (c.end < len(doc) and (self._aim_verb(doc[c.end]) or c.end in horizons))
            )
        ]
        # bullet-note labels: "Long term: lead the analytics team"
        for h in horizon_spans:
            if h.end < len(doc) and doc[h.end].text in LABEL_MARKS:
                openers.append((h.end + 1, False))
            elif self._asked_alone(doc, h):
                openers.append((h.end + 1, False))  # "Long term? Being the person who ..."
            elif (k := self._verb_after_label(doc, h.end)) is not None:
                openers.append((k, False))  # "next 2 yrs own the ...", "By year two, run ..."
            elif self._labels_line(doc, h):
                openers.append((h.end, False))  # "yr 1 Opera Cloud live" in notes
        # bullet notes: "Goals\n- get the ServSafe certificate", "Year 2-3\n- VP of Operations"
        openers += [(k, False) for k in self._bullet_openers(doc, horizon_spans, cues)]
        # a hedged aim opening a clause: "not sure yet, maybe manage people", "- maybe teach"
        openers += [(k, False) for k in self._hedged_openers(doc, horizon_ends)]
        # "to" left out: "I want open all new stores", "I wish become team leader"
        openers += [(k, False) for k in self._bare_verb_openers(doc)]
        # a list of aims: "First, master SQL. Second, lead ..."
        if doc.has_annotation("SENT_START"):
            openers += [(k, False) for k in self._sequence_openers(doc, horizons)]
        # "I'd say", "I'll be honest": a modal cue opens a goal only before a verb of aiming
        openers = [
            (start, neg)
            for start, neg in openers
            if not (start < len(doc) and doc[start].lemma_ in self.not_goal_verbs)
        ]
        cue_starts = {c.start for c in cues}
        titles = frozenset(s.start for s in group if s.label_ == "TITLE")
        goals: list[Span] = []
        seen: set[tuple[int, int]] = set()
        run_ons: dict[int, bool] = {}
        for start, negated in sorted(openers):
            longest = (
                RUN_ON_GOAL_TOKENS if self._in_run_on(doc, start, run_ons) else MAX_GOAL_TOKENS
            )
            for s, e in self._clauses(doc, start, cue_starts, horizons, titles, longest):
                if doc[s].lower_ in ("want", "wanna") and e - s > 2:
                    s += 2 if doc[s + 1].lower_ == "to" else 1  # "I'd want to grow that"
                elif doc[s].lower_ in MODAL_AIM_WORDS and e - s > 2 and doc[s + 1].lower_ == "to":
                    s += 2  # "I'd aim to have the CRME", "I'd hope to be ready"
                while s < e - 1 and doc[s].text in ARROW_PARTS:
                    s += 1  # "next 12 months -> own the flows": the arrow is no part of it
                if self._not_an_aim_opening(doc, s, e) or self._gapped(doc, s, e):
                    continue
                if (s, e) in seen or any(g.start <= s < g.end for g in goals):
                    continue
                if self._is_idiom(doc[s:e].text.lower()):
                    continue
                seen.add((s, e))
                span = Span(doc, s, e, label=GOAL)
                sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
                span._.set(NEGATED, negated)
                span._.set(
                    HYPOTHETICAL,
                    any(h.start >= sent.start and h.end <= sent.end for h in hypos),
                )
                goals.append(span)
        for title in (s for s in group if s.label_ == "TITLE"):
            if any(g.start <= title.start < g.end for g in goals):
                continue
            k = title.start
            while k > 0 and (
                doc[k - 1].is_punct
                or doc[k - 1].is_space
                or doc[k - 1].lower_ in ("as", "a", "an", "the")
                or doc[k - 1].lower_ in TITLE_FILLERS
            ):
                k -= 1  # "yr 3: CFO", "then, as Head of Sales", "eventually, like, Shop Lead"
            if k in horizon_ends or (k > 0 and doc[k - 1].lower_ in TITLE_GOAL_LEADS):
                span = Span(doc, title.start, title.end, label=GOAL)
                span._.set(NEGATED, False)
                span._.set(HYPOTHETICAL, False)
                goals.append(span)
        return goals

    def __call__(self, doc: Doc) -> Doc:
        """Add GOAL spans to ``doc.spans[spans_key]``."""
        group = list(doc.spans.get(self.spans_key, []))
        group = [s for s in group if s.label_ != GOAL]
        doc.spans[self.spans_key] = sorted(
            [*group, *self.find(doc)], key=lambda s: (s.start, -s.end)
        )
        return doc


@Language.factory(
    "alignscore_goals",
    requires=["doc.spans"],
    assigns=["doc.spans", "span._.alignscore_negated", "span._.alignscore_hypothetical"],
    default_config={"spans_key": SPANS_KEY, "cues_key": CUES_KEY, "lexicon": "goal_lexicon"},
)
def make_goal_extractor(
    nlp: Language, name: str, spans_key: str, cues_key: str, lexicon: str
) -> GoalExtractor:
    """Create the GOAL extractor.

    Assigns GOAL spans to ``doc.spans[spans_key]`` and sets ``span._.alignscore_negated`` and
    ``span._.alignscore_hypothetical`` on each.
    """
    return GoalExtractor(nlp, name, spans_key=spans_key, cues_key=cues_key, lexicon=lexicon)
