"""Draw the writing plan for the wider training set: new fields, new writers.

The corpus's 18 fields were written by eight writers. To train on more kinds of postings and
more hands, five further writers each write two postings in fields that neither the corpus nor
the external check set covers, with the corpus's slot design: every posting gets one answer of
each core archetype plus one hard case, registers spread evenly, lengths drawn independently of
archetype (``corpus_plan.answer_slots``, as for the corpus).

A second wave (W6 ... W10, ``--wave 2``) adds five more writers and ten more fields with its
own seed, so the first wave's plan stays as it was; a third (W11 ... W15, ``--wave 3``) does the
same for the third external check set.

Usage: python scripts/wider_plan.py OUT_DIR [--wave 1|2|3]
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from corpus_plan import FORMATS, HARD_CASES, answer_slots

SEEDS = {1: 20261128, 2: 20261129, 3: 20261130}

WAVES: dict[int, dict[str, list[tuple[str, str, str]]]] = {  # writer -> (field, level, org type)
    1: {
        "W1": [("insurance", "entry", "corporation"), ("pharmacy", "senior", "hospital")],
        "W2": [("human_resources", "mid", "startup"), ("social_work", "entry", "public_body")],
        "W3": [
            ("telecommunications", "senior", "corporation"),
            ("environmental", "mid", "nonprofit"),
        ],
        "W4": [("arts_culture", "mid", "nonprofit"), ("sports_fitness", "entry", "small_business")],
        "W5": [("construction", "senior", "small_business"), ("maritime", "mid", "public_body")],
    },
    2: {
        "W6": [("cybersecurity", "mid", "corporation"), ("dental", "entry", "small_business")],
        "W7": [
            ("architecture", "senior", "small_business"),
            ("public_safety", "entry", "public_body"),
        ],
        "W8": [("event_management", "entry", "startup"), ("mining", "senior", "corporation")],
        "W9": [("translation", "mid", "nonprofit"), ("rail_transport", "mid", "public_body")],
        "W10": [
            ("beauty_wellness", "senior", "small_business"),
            ("libraries", "entry", "public_body"),
        ],
    },
    3: {
        "W11": [("game_development", "mid", "startup"), ("physiotherapy", "entry", "hospital")],
        "W12": [("urban_planning", "senior", "public_body"), ("fashion", "entry", "corporation")],
        "W13": [("biotech", "mid", "corporation"), ("funeral_services", "entry", "small_business")],
        "W14": [
            ("automotive_engineering", "senior", "corporation"),
            ("speech_therapy", "mid", "nonprofit"),
        ],
        "W15": [
            ("film_production", "entry", "small_business"),
            ("actuarial", "mid", "corporation"),
        ],
    },
}


def build_plan(wave: int = 1) -> dict[str, list[dict]]:
    """Return writer -> list of posting plans with answer slots, for one wave of writers."""
    rng = random.Random(SEEDS[wave])
    plan: dict[str, list[dict]] = {}
    k = 10 * (wave - 1)  # each wave carries on the rotation of hard cases and formats
    for writer, postings in WAVES[wave].items():
        jds = []
        for field, level, org_type in postings:
            jd_id = f"w-{field.replace('_', '-')}-01"
            slots = answer_slots(jd_id, HARD_CASES[k % len(HARD_CASES)], rng)
            jds.append(
                {
                    "jd_id": jd_id,
                    "field": field,
                    "level": level,
                    "org_type": org_type,
                    "format": FORMATS[k % len(FORMATS)],
                    "answers": slots,
                }
            )
            k += 1
        plan[writer] = jds
    return plan


def main(out_dir: str, wave: int = 1) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for writer, jds in build_plan(wave).items():
        (out / f"writer_{writer}.json").write_text(json.dumps(jds, indent=1) + "\n")
        print(writer, [j["jd_id"] for j in jds])


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[3]) if sys.argv[2:3] == ["--wave"] else 1)
