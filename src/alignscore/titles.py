"""Title knowledge: O*NET-SOC code, job zone and seniority rank of a job title.

Example:
    >>> title_rank("Senior Data Analyst"), title_rank("data analyst"), title_rank("VP of Sales")
    (3, 2, 6)
    >>> info = title_info("Registered Nurse", "registered_nurse")
    >>> info["soc"], info["job_zone"]
    ('29-1141.00', 4)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache
from typing import Any

from .resources import lemma_table, read_lexicon

__all__ = ["title_info", "title_rank"]

_WORD = re.compile(r"[a-z][a-z-]*")


# a first word that makes any title an entry post
ENTRY_PREFIXES = frozenset({"trainee", "apprentice", "intern", "junior", "jr", "graduate", "cadet"})


@cache
def _qualifiers(head: str) -> frozenset[str]:
    """Lemmas of the words that keep a qualified head's own rank ("managing" partner)."""
    lemmas = lemma_table()
    words = read_lexicon("title_levels")["qualified_heads"][head]["qualifiers"]
    return frozenset(lemmas.get(w, w) for w in words) | frozenset(words)


@lru_cache(maxsize=4096)
def title_rank(title: str, ignore: frozenset[str] = frozenset()) -> int:
    """Return the seniority rank 1-6 of a title (1 entry ... 6 executive), from its words.

    Words whose lemma is in ``ignore`` do not count ("Store Managers" without "manager" ranks as
    "Store").
    """
    levels = read_lexicon("title_levels")
    ranks: dict[str, int] = levels["ranks"]
    lemmas = lemma_table()
    words = [lemmas.get(w, w) for w in _WORD.findall(title.lower())]
    words = [w for w in words if w not in ignore]
    if words and words[0] in ENTRY_PREFIXES:
        return 1  # "Trainee Air Traffic Controller", "Graduate Engineer": an entry post
    best = 0
    covered: set[int] = set()
    for i in range(len(words) - 1):  # a two-word name ranks as a whole ("traffic controller")
        rank = ranks.get(f"{words[i]} {words[i + 1]}", 0)
        if rank:
            best = max(best, rank)
            covered.update((i, i + 1))
    qualified = levels["qualified_heads"]
    for i, word in enumerate(words):
        if i in covered:
            continue
        head = qualified.get(word)
        if head is not None and i > 0 and words[i - 1] not in _qualifiers(word):
            best = max(best, head["rank"])  # "radar controller", "people partner": mid-level
        else:
            best = max(best, ranks.get(word, 0))
    return best or int(levels["default"])


def title_info(text: str, title_id: str = "") -> dict[str, Any]:
    """Return ``{"soc", "job_zone", "rank"}`` for a title; code and zone are None when unknown."""
    table = read_lexicon("title_info")  # columns, ids sorted (scripts/build_gazetteers.py)
    ids = table["ids"]
    k = bisect_left(ids, title_id)
    if not title_id or k == len(ids) or ids[k] != title_id:
        return {"soc": None, "job_zone": None, "rank": title_rank(text)}
    code = table["soc"][k]
    soc = table["soc_codes"][code] if code >= 0 else None
    return {"soc": soc, "job_zone": table["job_zone"][k], "rank": title_rank(text)}
