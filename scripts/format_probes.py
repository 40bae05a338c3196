"""Layout probes: do the scores of strong answers survive changes of layout that keep the words?

For the strong answers (gold overall 4-5) of one split, prints the share whose four scores all
stay within 0.1, the largest move and the mean move, when the answer is rewritten without
changing what it says: newlines made spaces, Windows line ends, HTML paragraphs, curly
apostrophes, bullets removed, every space doubled, the interview question echoed before it
("Q: ... A: ..."), and a thank-you around it. Surface noise that changes the words (case,
punctuation, typos) is measured by ``benchmarks/bench_accuracy.py``.

The script reads only the installed library, so it can be run against an earlier revision's
``src/`` to see what a change did (the doubled spaces and the echoed question moved many strong
answers before ``clean_text`` handled them).

Usage: python scripts/format_probes.py [--split dev]
"""

from __future__ import annotations

import argparse
import re
import sys

import numpy as np

import alignscore
from alignscore.datasets import load_corpus
from alignscore.labels import SCORES

QUESTION = "Q: How does this position align with your career goals?\nA: "
PROBES = {
    "newlines_as_spaces": lambda t: re.sub(r"\s*\n\s*", " ", t),
    "windows_line_ends": lambda t: t.replace("\n", "\r\n"),
    "html_paragraphs": lambda t: (
        "<p>" + t.replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>"
    ),
    "curly_apostrophes": lambda t: t.replace("'", "\u2019"),
    "bullets_removed": lambda t: re.sub(r"(^|\n)\s*[-*\u2022]\s*", r"\1", t),
    "doubled_spaces": lambda t: t.replace(" ", "  "),
    "echoed_question": lambda t: QUESTION + t,
    "thanks_around": lambda t: "Thanks for the question! " + t + " Thank you.",
}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    args = ap.parse_args(argv)
    corpus = load_corpus(args.split)
    strong = corpus[corpus["overall"] >= 4]
    answers, jds = list(strong["answer"]), list(strong["job_description"])
    base = list(alignscore.score_many(answers, jds))
    print(f"{len(answers)} strong {args.split} answers")
    report = {}
    for name, rewrite in PROBES.items():
        moved = list(alignscore.score_many([rewrite(a) for a in answers], jds))
        moves = np.array(
            [
                max(abs(getattr(b, t) - getattr(m, t)) for t in SCORES)
                for b, m in zip(base, moved, strict=True)
            ]
        )
        report[name] = {
            "share_within_0.1": round(float(np.mean(moves <= 0.1)), 3),
            "max_move": round(float(moves.max()), 3),
            "mean_move": round(float(moves.mean()), 3),
        }
        r = report[name]
        print(
            f"  {name:<20} within 0.1 {r['share_within_0.1']:.2f}  "
            f"largest {r['max_move']:.2f}  mean {r['mean_move']:.3f}"
        )
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
