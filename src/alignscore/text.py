"""Text cleaning that keeps a map back to the caller's original string.

Job postings arrive with HTML leftovers (``&amp;``, ``&nbsp;``, ``<br>``, ``<li>``) and answers
with odd Unicode spaces, tabs and runs of spaces (two after a full stop, text pasted from a
form). :func:`clean_text` turns them into plain text for tokenising and keeps, for every
character of the clean text, where it came from in the original, so that every span the
pipeline reports indexes the caller's string exactly.

Example:
    >>> c = clean_text("R&amp;D <b>lead</b>")
    >>> c.text
    'R&D lead '
    >>> start, end = c.to_original(0, 3)
    >>> "R&amp;D <b>lead</b>"[start:end]
    'R&amp;D'
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

__all__ = ["CleanText", "clean_text", "unshout"]

#: a text counts as typed in capitals with at least this many capitals, making up this share of
#: its cased letters (a few lowercase words, such as a pasted "iPhone", do not undo it)
SHOUT_MIN_CAPITALS = 20
SHOUT_SHARE = 0.9
_ASCII_UPPER = re.compile("[A-Z]")
_ASCII_LOWER = re.compile("[a-z]")

# tags, comments, and character references (named, decimal, hex)
_MARKUP = re.compile(
    r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
    re.DOTALL,
)
_BLOCK_TAGS = re.compile(r"</?(?:br|p|div|li|ul|ol|h[1-6]|tr|td|table)\b", re.IGNORECASE)
# odd spaces, control characters (a NUL from a bad export, an escape code) and lone surrogates (half
# an emoji cut by a byte limit, which no encoder accepts) all read as one plain space
_ODD_SPACES = str.maketrans(
    {
        c: " "
        for c in (
            "\t\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000"
            + "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]))
            + "".join(map(chr, range(0x7F, 0xA0)))
            + "".join(map(chr, range(0xD800, 0xE000)))
        )
    }
)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff\u00ad]")
# the interview question echoed at the start of an answer, as transcripts and forms give it
# ("Q: How does this position align with your career goals? A: ..."): its first sentence, asking
# how something aligns with or fits goals, with the speaker labels around it
_ECHOED_QUESTION = re.compile(
    r"\s*(?:(?:q|question|interviewer)\s*[:.)\-]\s*)?"
    r"[^?.!\n]{0,160}?\b(?:align|fit|match|relate)\w*\b[^?.!\n]{0,160}?"
    r"\b(?:careers?|goals?|ambitions?|plans?)\b[^?.!\n]{0,80}\?"
    r"\s*(?:(?:a|answer|candidate|me|response)\s*[:.)\-]\s*)?",
    re.IGNORECASE,
)

# pleasantries at the start or end of an answer ("Thanks for the question!", "Great question.",
# "Thank you for your time."): a closed set of phrases, each ending at a mark of its own, so
# that thanks which say something ("Thank you for this chance to move into QA") stay
_THANKS = (
    r"(?:thanks|thank\s+you|many\s+thanks)(?:\s+(?:so|very)\s+much)?(?:\s+again)?"
    r"(?:\s+for\s+(?:(?:the|this|that|a|your)\s+)?"
    r"(?:(?:great|good|interesting|important|lovely|excellent|wonderful)\s+)?"
    r"(?:question|asking|having\s+me|your\s+time|listening|opportunity))?"
)
_PRAISE = (
    r"(?:(?:that['\u2019]?s|that\s+is|what)\s+)?(?:(?:a|such\s+a)\s+)?(?:really\s+)?"
    r"(?:great|good|interesting|excellent|fair|lovely)\s+question"
)
# the tags of a form's paragraphs ("<p>Thank you.</p>") go with the thanks
_SPACE_OR_TAGS = r"(?:\s|<[^<>]{0,200}>)*"
_LEADING_PLEASANTRY = re.compile(
    rf"{_SPACE_OR_TAGS}(?:{_THANKS}|{_PRAISE})\s*[.!,;:\-]+{_SPACE_OR_TAGS}", re.IGNORECASE
)
_TRAILING_PLEASANTRY = re.compile(
    rf"(?<=[.!?\n>]){_SPACE_OR_TAGS}(?:{_THANKS}|cheers)\s*[.!]*{_SPACE_OR_TAGS}$",
    re.IGNORECASE,
)
_TRAILING_REACH = 120
_WORD = re.compile(r"\w")


def _answer_bounds(text: str) -> tuple[int, int]:
    """Where the candidate's own words start and end in ``text``.

    An echoed question before them and pleasantries around them are left out (the pleasantries
    are kept when nothing would be left without them).
    """
    echo = _ECHOED_QUESTION.match(text)
    start = echo.end() if echo is not None else 0
    pos = start
    for _ in range(3):
        lead = _LEADING_PLEASANTRY.match(text, pos)
        if lead is None:
            break
        pos = lead.end()
    # a closing thank-you is short: look at the last characters only (the lookbehind still sees
    # the mark before them)
    trail = _TRAILING_PLEASANTRY.search(text, max(pos, len(text) - _TRAILING_REACH))
    stop = trail.start() if trail is not None else len(text)
    if _WORD.search(text, pos, stop) is None:
        return start, len(text)
    return pos, stop


@dataclass(frozen=True, slots=True)
class CleanText:
    """Clean text plus, per clean character, its start and end in the original string."""

    text: str
    original: str
    starts: tuple[int, ...] | None = None  # None: identical to the original
    ends: tuple[int, ...] | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean ``[start, end)`` character range back to the original string."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def clean_text(text: str) -> CleanText:
    """Replace markup and entities by plain characters, keeping an offset map.

    Tags become a space (a newline for block tags such as ``<br>`` and ``<li>``), character
    references become their character, tabs and odd Unicode spaces a plain space, a run of
    spaces one space (spaCy would make the extra spaces a token of their own, which splits
    the phrases the rules look for: "in  two years"), and zero-width characters disappear.
    Newlines stay, since they end bullet lines. An interview question echoed at the very start
    ("Q: How does this position align with your career goals? A: ...") is dropped with its
    speaker labels, and so are pleasantries before or after the answer ("Thanks for the
    question!", "Great question.", "Thank you for your time."): they are not the candidate's
    account of their goals, and "thank you" would read as addressing the employer. Thanks that
    say more ("Thank you for this chance to move into QA") stay, as does an answer that is
    nothing but thanks. Text without any of these is returned as
    is, with no map (a lone tab or odd space becomes a space in place, also with no map).

    Args:
        text: The caller's string.

    Returns:
        A :class:`CleanText` whose ``to_original`` maps clean offsets to original offsets.
    """
    has_markup = "<" in text or "&" in text
    has_odd = _ZERO_WIDTH.search(text) is not None
    translated = text.translate(_ODD_SPACES)
    first, stop = _answer_bounds(translated)
    trimmed = first > 0 or stop < len(translated)
    if not has_markup and not has_odd and "  " not in translated and not trimmed:
        return CleanText(translated, text)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def add(ch: str, start: int, end: int) -> None:
        if ch == " " and pieces and pieces[-1] == " ":
            return  # a run of spaces reads as one
        pieces.append(ch)
        starts.append(start)
        ends.append(end)

    def keep(segment: str, offset: int) -> None:
        for i, ch in enumerate(segment):
            if not _ZERO_WIDTH.match(ch):
                add(ch, offset + i, offset + i + 1)

    pos = first
    for m in _MARKUP.finditer(translated, pos, stop) if has_markup else ():
        keep(translated[pos : m.start()], pos)
        token = m.group(0)
        if token.startswith("&"):
            repl = html.unescape(token).translate(_ODD_SPACES)
            if repl == token:  # unknown entity: leave it as text
                keep(token, m.start())
                pos = m.end()
                continue
        else:
            repl = "\n" if _BLOCK_TAGS.match(token) else " "
        for ch in repl:
            add(ch, m.start(), m.end())
        pos = m.end()
    keep(translated[pos:stop], pos)
    return CleanText("".join(pieces), text, tuple(starts), tuple(ends))


def unshout(text: str) -> str:
    """Lowercase text typed in capitals, keeping every character's position.

    A text whose cased letters are nearly all capitals ("I WANT TO LEARN SQL") carries no
    information in its case, and capitals would make every word look like an acronym or a
    name. Such text is lowercased character by character (a character whose lowercase form is
    longer stays as it is), so offsets into the result are offsets into ``text``. Any other text,
    and any text whose first 200 characters hold more lowercase than capital letters, is
    returned unchanged.

    Example:
        >>> unshout("IN TWO YEARS I WANT TO LEAD THE TEAM")
        'in two years i want to lead the team'
        >>> unshout("I want to learn SQL and AWS.")
        'I want to learn SQL and AWS.'
    """
    head = text[:200]
    if len(_ASCII_LOWER.findall(head)) > len(_ASCII_UPPER.findall(head)):
        return text  # the common case, decided on the opening words at C speed
    upper = sum(1 for c in text if c.isupper())
    if upper < SHOUT_MIN_CAPITALS:
        return text
    lower = sum(1 for c in text if c.islower())
    if upper < SHOUT_SHARE * (upper + lower):
        return text
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
