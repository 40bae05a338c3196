"""Draw the writing plan for the labelled corpus (one file per writer).

The plan fixes, before any text is written, which job descriptions exist (field, level,
organisation type, posting format) and, for every answer slot, its intended archetype,
register and target length. Lengths are drawn independently of archetype, so that answer
quality cannot be read off answer length.

Usage: python scripts/corpus_plan.py OUT_DIR
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 20261127

WRITERS: dict[int, list[tuple[str, int]]] = {
    1: [("software", 3), ("data", 3), ("retail", 1)],
    2: [("healthcare", 3), ("education", 3), ("customer_service", 1)],
    3: [("skilled_trades", 3), ("sales", 3), ("retail", 1)],
    4: [("finance", 3), ("nonprofit", 3), ("customer_service", 1)],
    5: [("design", 3), ("hospitality", 3)],
    6: [("public_sector", 3), ("manufacturing", 3)],
    7: [("logistics", 3), ("legal", 3)],
    8: [("marketing", 3), ("research", 3)],
}

ORG_TYPES: dict[str, list[str]] = {
    "software": ["startup", "corporation", "nonprofit"],
    "data": ["corporation", "startup", "public_body"],
    "healthcare": ["hospital", "hospital", "nonprofit"],
    "education": ["public_body", "nonprofit", "startup"],
    "skilled_trades": ["small_business", "corporation", "public_body"],
    "sales": ["startup", "corporation", "small_business"],
    "finance": ["corporation", "public_body", "startup"],
    "nonprofit": ["nonprofit", "nonprofit", "nonprofit"],
    "design": ["startup", "corporation", "nonprofit"],
    "hospitality": ["corporation", "small_business", "corporation"],
    "public_sector": ["public_body", "public_body", "public_body"],
    "manufacturing": ["corporation", "small_business", "corporation"],
    "logistics": ["corporation", "startup", "public_body"],
    "legal": ["corporation", "nonprofit", "public_body"],
    "marketing": ["startup", "corporation", "nonprofit"],
    "research": ["public_body", "hospital", "corporation"],
    "retail": ["corporation"],
    "customer_service": ["startup"],
}

FORMATS = ["bullets", "prose", "dense_paragraph", "markdown", "html_leftovers"]

# Every JD gets one slot of each of these ...
CORE_ARCHETYPES = [
    "excellent",
    "good_but_thin",
    "middling",
    "middling",
    "generic",
    "cliche_only",
    "self_centred",
    "flight_risk",
    "unrealistic",
    "misaligned",
    "uncertain_committed",
    "career_changer",
]
# ... plus one hard case, rotating over the corpus.
HARD_CASES = [
    "negated_goal",
    "hypothetical",
    "past_time",
    "keyword_stuffing",
    "pasted_posting",
]
REGISTERS = ["polished", "spoken", "lowercase_typos", "non_native", "bullet_notes"]

# Target word-count bands. Every archetype may take every band it can physically fill.
BANDS = {
    "very_short": (5, 25),
    "short": (25, 60),
    "medium": (60, 130),
    "long": (130, 220),
    "very_long": (220, 350),
}
NOT_VERY_SHORT = {"excellent", "career_changer", "good_but_thin", "pasted_posting"}


def _band_for(archetype: str, rng: random.Random) -> str:
    bands = list(BANDS)
    if archetype in NOT_VERY_SHORT:
        bands.remove("very_short")
    if archetype == "pasted_posting":
        bands = ["medium", "long", "very_long"]
    return rng.choice(bands)


def answer_slots(jd_id: str, hard_case: str, rng: random.Random) -> list[dict]:
    """The 13 answer slots of one posting, shuffled: each core archetype and one hard case.

    Registers are spread evenly and shuffled; each slot's target length is drawn from a band
    its archetype can fill, independently of the archetype otherwise.
    """
    archetypes = [*CORE_ARCHETYPES, hard_case]
    registers = [REGISTERS[i % len(REGISTERS)] for i in range(len(archetypes))]
    rng.shuffle(registers)
    slots = []
    for i, arch in enumerate(archetypes):
        lo, hi = BANDS[_band_for(arch, rng)]
        slots.append(
            {
                "answer_id": f"{jd_id}-a{i + 1:02d}",
                "archetype": arch,
                "register": registers[i],
                "target_words": rng.randint(lo, hi),
            }
        )
    rng.shuffle(slots)
    return slots


def build_plan() -> dict[int, list[dict]]:
    """Return the writing plan: writer number -> list of JD plans with answer slots."""
    rng = random.Random(SEED)
    levels = ["entry", "mid", "senior"]
    plan: dict[int, list[dict]] = {}
    hard_i = 0
    fmt_i = 0
    special_formats = ["two_line", "long_800"]
    jd_counter = 0
    per_field: dict[str, int] = {}
    for writer, fields in WRITERS.items():
        jds = []
        for field, n in fields:
            field_levels = levels if n == 3 else [rng.choice(levels)]
            for k, level in enumerate(field_levels):
                jd_counter += 1
                if jd_counter % 8 == 3:
                    fmt = special_formats[(jd_counter // 8) % 2]
                else:
                    fmt = FORMATS[fmt_i % len(FORMATS)]
                    fmt_i += 1
                per_field[field] = per_field.get(field, 0) + 1
                jd_id = f"{field.replace('_', '-')}-{per_field[field]:02d}"
                slots = answer_slots(jd_id, HARD_CASES[hard_i % len(HARD_CASES)], rng)
                hard_i += 1
                jds.append(
                    {
                        "jd_id": jd_id,
                        "field": field,
                        "level": level,
                        "org_type": ORG_TYPES[field][k % len(ORG_TYPES[field])],
                        "format": fmt,
                        "answers": slots,
                    }
                )
        plan[writer] = jds
    return plan


def main(out_dir: str) -> None:
    """Write one plan file per writer into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for writer, jds in build_plan().items():
        (out / f"writer_{writer}.json").write_text(json.dumps(jds, indent=1) + "\n")
        n = sum(len(j["answers"]) for j in jds)
        print(f"writer {writer}: {len(jds)} JDs, {n} answers")


if __name__ == "__main__":
    main(sys.argv[1])
