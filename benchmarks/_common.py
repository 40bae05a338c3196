"""Shared helpers of the benchmark scripts."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def git_revision() -> str:
    """The checked-out commit, or "unknown" outside a git checkout."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def write_result(kind: str, report: dict) -> Path:
    """Write ``report`` to ``benchmarks/results/<kind>_<date>.json`` and say where."""
    out = ROOT / "benchmarks" / "results" / f"{kind}_{report['meta']['date']}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")
    return out


def run_meta() -> dict[str, str]:
    """Versions, date and git revision recorded with every benchmark result."""
    import datetime as dt
    import os
    import platform

    import spacy

    import alignscore

    return {
        "date": dt.date.today().isoformat(),
        "git_revision": git_revision(),
        "alignscore": alignscore.__version__,
        "spacy": spacy.__version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cores": str(os.cpu_count()),
    }


def sample_pairs(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` (answer, posting) pairs drawn with replacement from the whole corpus.

    Many answers share a posting, as in real use.
    """
    import random

    from alignscore.datasets import load_corpus

    corpus = load_corpus("all")
    pairs = list(zip(corpus["answer"], corpus["job_description"], strict=True))
    rng = random.Random(seed)
    return [rng.choice(pairs) for _ in range(n)]


def strip_punctuation(text: str) -> tuple[str, list[int]]:
    """``text`` without punctuation, and for each kept character its offset in ``text``.

    Letters, digits and white space are kept.
    """
    from alignscore.noise import keeps

    keep = [i for i, c in enumerate(text) if keeps(c)]
    return "".join(text[i] for i in keep), keep


def _perturbations() -> dict:
    """The noise kinds training augments with (``alignscore.noise.NOISES``), and capitals."""
    from alignscore.noise import NOISES

    return {
        "lowercase": NOISES["lowercase"],
        "capitals": lambda text, seed: text.upper(),
        **{kind: NOISES[kind] for kind in ("no_punctuation", "swapped_letters", "transcript")},
    }


#: the surface noise the robustness figures apply to strong answers, each a function of
#: (text, seed); the seed is the answer's position among those perturbed
PERTURBATIONS = _perturbations()
