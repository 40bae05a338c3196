"""Write the common-word list that the typo repair corrects towards.

Source: spacy-lookups-data (MIT licence), table ``en_lexeme_prob`` (natural-log word
probabilities estimated by spaCy from a large English web corpus). Kept: lowercase ASCII
alphabetic words with a log probability of at least -13 (about 11,000 words), rounded to one
decimal. Also listed: every word of four or more letters in the packaged SKILL and TITLE
gazetteers (``src/alignscore/patterns/``), which the repair must never change ("wset", "lsat"),
so run this after ``build_gazetteers.py``.
Output: ``src/alignscore/data/words/en_common_words.json``
(``{"common": {word: log probability}, "taxonomy": [word, ...]}``).

Usage: python scripts/build_common_words.py
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import spacy_lookups_data

MIN_LOG_PROB = -13.0
ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    src = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(src) as fh:
        probs = json.loads(fh.read())
    words = {
        w: round(p, 1)
        for w, p in sorted(probs.items(), key=lambda kv: -kv[1])
        if p >= MIN_LOG_PROB and w.isascii() and w.isalpha() and w.islower()
    }
    taxonomy: set[str] = set()
    for name in ("skills.jsonl", "titles.jsonl"):
        for line in (ROOT / "src" / "alignscore" / "patterns" / name).open(encoding="utf-8"):
            pattern = json.loads(line)["pattern"]
            text = pattern if isinstance(pattern, str) else " ".join(t["ORTH"] for t in pattern)
            taxonomy.update(w.lower() for w in re.findall(r"[A-Za-z]{4,}", text))
    out = ROOT / "src" / "alignscore" / "data" / "words" / "en_common_words.json"
    data = {"common": words, "taxonomy": sorted(taxonomy)}
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"wrote {len(words)} common and {len(taxonomy)} taxonomy words to {out.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
