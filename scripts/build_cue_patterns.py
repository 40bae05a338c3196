"""Write ``src/alignscore/patterns/cues.jsonl``: SpanRuler token patterns for the cue labels.

GOAL_CUE / NEG_GOAL_CUE open a goal clause ("I want to", "my goal is to", "I don't want to");
HYPOTHETICAL_CUE marks conditional aims ("if the opportunity arises"). The other cue labels
(BRIDGE_CUE, EMPLOYER_CUE, FLIGHT_CUE, SELF_GAIN_CUE, CLICHE, HEDGE, GROWTH_OFFER, PAST_CUE) feed
the scorer's features and flags. Token attributes are LEMMA (lowercase lemma), so "wanted",
"wants" and "Want" all match "want".

Usage: python scripts/build_cue_patterns.py
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "alignscore" / "patterns" / "cues.jsonl"

SUBJ = {"LEMMA": {"IN": ["i", "we", "me"]}}
# "id", "im", "ive" ("I'd", "I'm", "I've" typed without an apostrophe) are split by the
# tokenizer into "i" + "d" / "m" / "ve"; the "like to" / "looking to" cues accept the bare second
# part after the subject (only there: an optional token in every cue slows the matcher down)
GSUBJ = "GSUBJ"
CONTRACTED = {"LOWER": {"IN": ["d", "m", "ve"]}, "OP": "?"}


def _expand_subject(pattern: list) -> list[dict]:
    """Replace the GSUBJ marker by the subject and an optional apostrophe-less contraction."""
    out: list[dict] = []
    for tok in pattern:
        out += [SUBJ, CONTRACTED] if tok == GSUBJ else [tok]
    return out


MODALS = ["would", "'d", "’d", "will", "'ll", "’ll", "could", "can", "should"]
AUX = {
    "LEMMA": {
        "IN": [
            "would",
            "'d",
            "’d",
            "will",
            "'ll",
            "’ll",
            "really",
            "also",
            "definitely",
            "do",
            "be",
            "'m",
            "’m",
            "am",
            "eventually",
            "ultimately",
            "then",
            "still",
            "just",
            "honestly",
            "personally",
            "certainly",
            "absolutely",
            "genuinely",
            "truly",
            "first",
            "mainly",
            "mostly",
            "especially",
            "very",
            "most",
            "actually",
            "kind",
            "of",
            "sort",
            "always",
            "definately",
            "ideally",
            "hopefully",
            "probably",
        ]
    },
    "OP": "*",
}
TO = {"LEMMA": {"IN": ["to", "2"]}}
STRONG_VERBS = [
    "want",
    "hope",
    "plan",
    "aim",
    "intend",
    "wish",
    "aspire",
    "strive",
    "expect",
    "endeavour",
    "endeavor",
    "seek",
    "mean",
    "try",
    "dream",
    "wanna",
]
WEAK_VERBS = ["like", "love", "need", "prefer", "be", "get"]  # only after "I" + aux
ADJ_CUES = [
    "keen",
    "eager",
    "excited",
    "determined",
    "hoping",
    "looking",
    "look",  # the lemma of "looking": "I'm looking to"
    "motivated",
    "committed",
    "ready",
    "set",
    "focused",
    "focussed",
    "happy",
    "interested",
]
GOAL_NOUNS = [
    "goal",
    "aim",
    "plan",
    "ambition",
    "objective",
    "target",
    "focus",
    "priority",
    "hope",
    "dream",
    "aspiration",
    "intention",
    "vision",
    "mission",
    "step",
    "next step",
    "idea",
    "wish",
    "purpose",
    "agenda",
    "intent",
]
NOUN_MODS = {
    "LEMMA": {
        "IN": [
            "short",
            "long",
            "medium",
            "mid",
            "near",
            "immediate",
            "main",
            "big",
            "biggest",
            "ultimate",
            "first",
            "next",
            "primary",
            "real",
            "career",
            "personal",
            "own",
            "-",
            "term",
            "long-term",
            "short-term",
            "mid-term",
            "medium-term",
            "key",
            "overall",
            "number",
            "one",
            "professional",
            "top",
            "bigger",
            "final",
            "second",
            "concrete",
            "current",
            "specific",
            "5",
            "five",
            "year",
            "-year",
        ]
    },
    "OP": "*",
}
# adverbs between "is" and "to" after a goal noun: "my goal is really to"
GOAL_ADVERBS = [
    "really", "definitely", "definately", "simply", "just", "basically", "honestly", "mainly",
    "mostly", "primarily", "actually", "clearly", "always", "ultimately", "essentially",
]
BE = {
    "LEMMA": {
        "IN": [
            "be",
            "'s",
            "’s",
            "would",
            "will",
            "is",
            "right",
            "now",
            "here",
            "simple",
            "simply",
            "really",
            "basically",
            "then",
            "honestly",
            "pretty",
            "much",
            "clear",
        ]
    },
    "OP": "+",
}


def goal_cues() -> list[dict]:
    pats: list[list[dict]] = []
    pats.append(
        [{"LEMMA": {"IN": STRONG_VERBS}}, TO]
    )  # the goal starts after the cue: no need to match what precedes
    pats.append([GSUBJ, AUX, {"LEMMA": {"IN": WEAK_VERBS}}, TO])
    pats.append(
        [
            SUBJ,
            AUX,
            {"LEMMA": {"IN": ["like", "love"]}},
            {"LEMMA": "the"},
            {"LEMMA": {"IN": ["chance", "opportunity"]}},
            TO,
        ]
    )
    pats.append([GSUBJ, AUX, {"LEMMA": {"IN": ADJ_CUES}}, TO])
    pats.append([SUBJ, AUX, {"LEMMA": "look"}, {"LEMMA": "forward"}, {"LEMMA": "to"}])
    pats.append(
        [
            SUBJ,
            AUX,
            {
                "LEMMA": {
                    "IN": [
                        "work",
                        "working",
                        "build",
                        "building",
                        "head",
                        "heading",
                        "aim",
                        "aiming",
                        "push",
                        "pushing",
                    ]
                }
            },
            {"LEMMA": {"IN": ["towards", "toward", "for"]}},
        ]
    )
    pats.append(
        [
            SUBJ,
            AUX,
            {"LEMMA": {"IN": ["can", "could"]}, "OP": "?"},
            {"LEMMA": {"IN": ["see", "picture", "imagine", "envision", "envisage"]}},
            {"LEMMA": "myself"},
        ]
    )
    # "I'm set on ...". Not "interested in" / "focused on" (lemmas "interest", "focus"): the
    # corpus reads what follows as an aim in 4 of 22 train + dev answers (a noun phrase there is
    # an interest, "I'm interested in the sabbatical")
    pats.append([SUBJ, AUX, {"LEMMA": "set"}, {"LEMMA": "on"}])
    pats.append(
        [
            {"LEMMA": {"IN": ["my", "the", "our", "one"]}},
            NOUN_MODS,
            {"LEMMA": {"IN": GOAL_NOUNS}},
            BE,
            TO,
        ]
    )
    pats.append(
        [
            {"LEMMA": {"IN": ["my", "the", "our", "one"]}},
            NOUN_MODS,
            {"LEMMA": {"IN": GOAL_NOUNS}},
            BE,
            {"LEMMA": {"IN": ["on", "that", "that's"]}, "OP": "?"},
        ]
    )
    # "my goal over the next two years is to", "my plan for the long term is to": a short
    # time or scope phrase between the goal noun and "is to"
    pats.append(
        [
            {"LEMMA": {"IN": ["my", "the", "our", "one"]}},
            NOUN_MODS,
            {"LEMMA": {"IN": GOAL_NOUNS}},
            {"LOWER": {"IN": ["for", "over", "in", "within", "during", "across", "by"]}},
            {"IS_PUNCT": False, "LOWER": {"NOT_IN": ["to", "and", "but", "i"]}, "OP": "{1,5}"},
            {"LEMMA": "be"},
            TO,
        ]
    )
    # ... the phrase set off by commas, and an adverb before "to": "my goal, for the first couple
    # of years, is really to", "the next step for me is definately to"
    pats.append(
        [
            {"LEMMA": {"IN": ["my", "the", "our", "one"]}},
            NOUN_MODS,
            {"LEMMA": {"IN": GOAL_NOUNS}},
            {"ORTH": ",", "OP": "?"},
            {"LOWER": {"IN": ["for", "over", "in", "within", "during", "across", "by"]}, "OP": "?"},
            {"IS_PUNCT": False, "LOWER": {"NOT_IN": ["to", "and", "but", "i"]}, "OP": "{0,5}"},
            {"ORTH": ",", "OP": "?"},
            {"LEMMA": "be"},
            {"LOWER": {"IN": GOAL_ADVERBS}},
            TO,
        ]
    )
    pats.append(
        [
            {"LEMMA": {"IN": ["my", "the", "our", "one"]}},
            NOUN_MODS,
            {"LEMMA": {"IN": GOAL_NOUNS}},
            {"ORTH": ","},
            {"LOWER": {"IN": ["for", "over", "in", "within", "during", "across", "by"]}},
            {"IS_PUNCT": False, "LOWER": {"NOT_IN": ["to", "and", "but", "i"]}, "OP": "{1,5}"},
            {"ORTH": ","},
            {"LEMMA": "be"},
            TO,
        ]
    )
    # "what I'd rather be is ...", "what I'd rather do is ..."
    pats.append(
        [
            {"LOWER": "what"},
            SUBJ,
            {"LOWER": {"IN": ["'d", "’d", "d", "would"]}},
            {"LOWER": "rather"},
            {"LEMMA": {"IN": ["be", "do"]}},
            {"LOWER": {"IN": ["is", "'s", "’s"]}},
            {"LOWER": "to", "OP": "?"},
        ]
    )
    # "what i want over the next couple years is to ..."
    pats.append(
        [
            {"LOWER": "what"},
            SUBJ,
            {"LEMMA": {"IN": ["want", "hope", "aim", "plan"]}},
            {"LOWER": {"IN": ["for", "over", "in", "within", "during", "by"]}},
            {"IS_PUNCT": False, "LOWER": {"NOT_IN": ["to", "and", "but", "i"]}, "OP": "{1,5}"},
            {"LEMMA": "be"},
            {"LOWER": {"IN": GOAL_ADVERBS}, "OP": "?"},
            TO,
        ]
    )
    # "what I want most in the coming years is to ...", "What I do want, um, ... is to ..."
    pats.append(
        [
            {"LOWER": "what"},
            SUBJ,
            {"LOWER": {"IN": ["do", "really"]}, "OP": "?"},
            {"LEMMA": {"IN": ["want", "hope", "aim", "plan"]}},
            {"LOWER": {"IN": ["most", "more"]}, "OP": "?"},
            {
                "LOWER": {"NOT_IN": ["to", "and", "but", "i", ".", "?", "!", "is", "'s"]},
                "OP": "{0,10}",
            },
            {"LOWER": {"IN": ["is", "'s", "’s"]}},
            {"LOWER": {"IN": GOAL_ADVERBS}, "OP": "?"},
            TO,
        ]
    )
    # a goal noun opening a sentence without its possessive: "goal is to finish my ASA"
    pats.append([{"IS_SENT_START": True, "LEMMA": {"IN": GOAL_NOUNS}}, {"LEMMA": "be"}, TO])
    # subject dropped in notes: "- would love to co-author ..."
    pats.append([{"LOWER": {"IN": ["would", "'d", "’d"]}}, {"LEMMA": {"IN": ["like", "love"]}}, TO])
    # the role as the means: "this role would let me develop ...", "it will help me to ..."
    pats.append(
        [
            {"LOWER": {"IN": MODALS}},
            {"LOWER": {"IN": ["also", "really", "definitely", "eventually"]}, "OP": "*"},
            {"LEMMA": {"IN": ["let", "help", "allow", "enable"]}},
            {"LOWER": "me"},
            {"LOWER": "to", "OP": "?"},
        ]
    )
    # a heading: "Goal: ...", "Next step -> ..."; a dash only with a space on one side, so that
    # "step-down unit" is no heading
    heading = [{"LEMMA": {"IN": ["my", "the"]}, "OP": "?"}, NOUN_MODS]
    pats.append([*heading, {"LEMMA": {"IN": GOAL_NOUNS}}, {"ORTH": {"IN": [":", "->", "=", "=>"]}}])
    dashes = {"ORTH": {"IN": ["-", "–"]}}
    pats.append([*heading, {"LEMMA": {"IN": GOAL_NOUNS}, "SPACY": True}, dashes])
    pats.append([*heading, {"LEMMA": {"IN": GOAL_NOUNS}}, {**dashes, "SPACY": True}])
    pats.append(
        [
            {"LEMMA": "where"},
            SUBJ,
            {"LEMMA": {"IN": ["want", "would", "'d", "’d", "hope", "see"]}},
            {"LEMMA": {"IN": ["to", "like", "love"]}, "OP": "*"},
            {"LEMMA": "be"},
            BE,
        ]
    )
    pats.append(
        [
            SUBJ,
            AUX,
            {"LEMMA": {"IN": ["want", "would", "'d", "’d", "hope"]}},
            {"LEMMA": {"IN": ["like", "love"]}, "OP": "?"},
            {"LEMMA": "my"},
            {"LEMMA": {"IN": ["next", "career"]}},
            {"LEMMA": {"IN": ["step", "move", "role"]}},
            TO,
            {"LEMMA": "be"},
        ]
    )
    pats.append([{"LEMMA": "the"}, {"LEMMA": "idea"}, {"LEMMA": "be"}, TO])
    pats.append([SUBJ, AUX, {"LEMMA": "gonna"}])
    # "wanna" is "want to": "I wanna get sharp on PLCs", "I just wanna grow" ("wanna to" is
    # the first pattern's)
    pats.append([SUBJ, AUX, {"LOWER": "wanna"}])
    pats = [_expand_subject(p) for p in pats]
    out = [{"label": "GOAL_CUE", "pattern": p, "id": f"goal_{i}"} for i, p in enumerate(pats)]
    modal = [
        [
            SUBJ,
            {
                "LOWER": {
                    "IN": [
                        "'ll",
                        "’ll",
                        "will",
                        "'d",
                        "’d",
                        "d",  # "id" ("I'd" without its apostrophe) is "i" + "d"
                        "would",
                        "could",
                        "can",
                        "should",
                        "shall",
                    ]
                }
            },
            {
                "LOWER": {
                    "IN": [
                        "really",
                        "also",
                        "then",
                        "eventually",
                        "ultimately",
                        "definitely",
                        "probably",
                        "hopefully",
                        "ideally",
                        "love",
                        "like",
                    ]
                },
                "OP": "*",
            },
        ],
        [
            SUBJ,
            {"LEMMA": {"IN": ["be", "m"]}, "OP": "?"},  # "im going to": "i" + "m"
            {"LOWER": {"IN": ["going", "gonna"]}},
            {"LOWER": "to", "OP": "?"},
        ],
        [SUBJ, {"LEMMA": {"IN": ["need", "have"]}}, TO],
        [
            {"LOWER": "the"},
            {"LOWER": "next"},
            {"LOWER": {"IN": ["step", "move"]}},
            {"LEMMA": "be"},
            TO,
        ],
        [
            SUBJ,
            AUX,
            {"LEMMA": {"IN": ["want", "hope"]}},
            {"LOWER": {"IN": ["a", "an", "the", "my"]}},
        ],
        # "like" / "love" + a noun phrase is an aim only under a conditional ("I'd love a team
        # of my own"); in the present it is a preference ("I like the idea of ...")
        [
            SUBJ,
            {"LOWER": {"IN": ["would", "'d", "’d", "d"]}},
            {
                "LOWER": {"IN": ["really", "also", "definitely", "eventually", "ultimately"]},
                "OP": "*",
            },
            {"LEMMA": {"IN": ["love", "like"]}},
            {"LOWER": {"IN": ["a", "an", "the", "my"]}},
        ],
    ]
    modal = [_expand_subject(p) for p in modal]
    out += [{"label": "GOAL_CUE", "pattern": p, "id": f"modal_{i}"} for i, p in enumerate(modal)]
    fragments = [
        # "To deepen my analytics skills." / "Mostly to get good at Klaviyo flows."
        [{"IS_SENT_START": True, "LOWER": "to"}],
        [
            {
                "IS_SENT_START": True,
                "LOWER": {
                    "IN": [
                        "mostly",
                        "mainly",
                        "basically",
                        "just",
                        "simply",
                        "primarily",
                        "honestly",
                        "ideally",
                    ]
                },
            },
            {"LOWER": "to"},
        ],
        # "what I want (first) is to ..."
        [
            {"LOWER": "what"},
            SUBJ,
            {
                "LOWER": {"IN": ["'d", "’d", "d", "would", "really", "most", "do", "actually"]},
                "OP": "*",
            },
            {"LEMMA": {"IN": ["want", "need", "hope", "like", "love", "aim"]}},
            {
                "LOWER": {"IN": ["first", "most", "next", "now", "to", "do", "long", "term", "-"]},
                "OP": "*",
            },
            # "what I want for my career / from this role is to"
            {"LOWER": {"IN": ["for", "from", "in", "out", "of"]}, "OP": "{0,2}"},  # "out of"
            {"LOWER": {"IN": ["my", "this", "the", "it"]}, "OP": "?"},
            {"LOWER": {"IN": ["career", "role", "job", "future", "life", "position"]}, "OP": "?"},
            {"LEMMA": "be"},
            {"LOWER": "to", "OP": "?"},
        ],
        # "the role I want is the person the business phones", "the job I'd love is ..."
        [
            {"LOWER": "the"},
            {"LOWER": {"IN": ["role", "job", "position", "title", "post"]}},
            SUBJ,
            {"LOWER": {"IN": ["'d", "’d", "d", "would", "really"]}, "OP": "*"},
            {"LOWER": {"IN": ["want", "like", "love", "aim"]}},  # not "the job I loved was"
            {"LOWER": {"IN": ["long", "term", "-", "most", "eventually"]}, "OP": "*"},
            {"LOWER": {"IN": ["is", "'s", "’s"]}},
            {"LOWER": "to", "OP": "?"},
        ],
    ]
    # "My plan is simple: learn ...", "My goals for the role: get ...": the aims follow the colon
    # (the goal extractor opens a goal there only before a verb of aiming or a time)
    fragments.append(
        [
            {"LOWER": {"IN": ["my", "our"]}},
            {"LEMMA": {"IN": GOAL_NOUNS}},
            {"IS_PUNCT": False, "OP": "{0,4}"},
            {"ORTH": ":"},
        ]
    )
    fragments = [_expand_subject(p) for p in fragments]
    out += [
        {"label": "GOAL_CUE", "pattern": p, "id": f"fragment_{i}"} for i, p in enumerate(fragments)
    ]
    neg = {"LEMMA": {"IN": ["not", "n't", "never", "no"]}}
    negs = [
        [
            SUBJ,
            AUX,
            neg,
            AUX,
            {
                "LEMMA": {
                    "IN": [
                        *STRONG_VERBS,
                        "like",
                        "love",
                        "need",
                        "see",
                        "look",
                        "interested",
                        "keen",
                        "planning",
                        "looking",
                    ]
                }
            },
            {"LEMMA": {"IN": ["to", "myself", "in", "on"]}},
        ],
        [
            {"LEMMA": {"IN": ["my", "the"]}},
            {"LEMMA": {"IN": GOAL_NOUNS}},
            {"LEMMA": {"IN": ["be", "'s", "’s"]}},
            neg,
            TO,
        ],
        [
            SUBJ,
            AUX,
            {"LEMMA": "have"},
            {"LEMMA": {"IN": ["no", "zero", "little"]}},
            {
                "LEMMA": {
                    "IN": ["interest", "desire", "plan", "plans", "intention", "wish", "ambition"]
                }
            },
            {"LEMMA": {"IN": ["in", "to", "of"]}},
        ],
        [{"LEMMA": {"IN": ["not", "never"]}}, {"LEMMA": "looking"}, TO],
        # the subject left out after "and" / "but": "... and don't want to commute daily"
        [
            {"LOWER": {"IN": ["and", "but", "yet"]}},
            {"LEMMA": {"IN": ["do", "would", "will", "'d", "’d", "really", "also"]}, "OP": "*"},
            neg,
            {"LEMMA": {"IN": ["really", "ever", "particularly"]}, "OP": "?"},
            {"LEMMA": {"IN": ["want", "wish", "plan", "intend", "like", "need"]}},
            TO,
        ],
        [{"LEMMA": "rather"}, {"LEMMA": "than"}],
        [{"LEMMA": "instead"}, {"LEMMA": "of"}],
    ]
    negs = [_expand_subject(p) for p in negs]
    out += [
        {"label": "NEG_GOAL_CUE", "pattern": p, "id": f"neg_goal_{i}"} for i, p in enumerate(negs)
    ]
    return out


# organisations one leaves for: "one of the big streaming companies", "... the big OEMs"
EMPLOYER_NOUNS = [
    "company",
    "firm",
    "agency",
    "provider",
    "employer",
    "brand",
    "bank",
    "studio",
    "consultancy",
    "player",
    "charity",
    "operator",
    "oem",
    "retailer",
    "chain",
    "network",
    "hospital",
    "lab",
    "house",
    "publisher",
    "platform",
    "port",
    "carrier",
    "contractor",
    "integrator",
    "tech",
    "manufacturer",
    "producer",
    "maker",
    "insurer",
    "supplier",
    "vendor",
    "outfit",
]
# "(see) myself as a", "become a", "be": before a way of working for oneself
OWN_WORK_LEAD = [
    {"LOWER": {"IN": ["myself", "become", "becoming", "be"]}},
    {"LOWER": "as", "OP": "?"},
    {"LOWER": {"IN": ["a", "an"]}, "OP": "?"},
]
# words that point at this employer or this job
HERE_WORDS = ["your", "you", "this", "our", "here"]
# ventures founded without "my own" ("found a consulting practice"): the nouns that name a
# business rather than a place of work (a "clinic" or a "store" may be the employer's new site)
FOUNDED_NOUNS = ["consultancy", "consulting", "startup", "business", "company", "firm", "agency"]
# ventures of one's own
VENTURE_NOUNS = [
    "business",
    "company",
    "firm",
    "practice",
    "consultancy",
    "agency",
    "studio",
    "nursery",
    "brand",
    "salon",
    "clinic",
    "restaurant",
    "bakery",
    "cafe",
    "café",
    "guesthouse",
    "franchise",
    "gym",
    "label",
    "startup",
    "venture",
    "workshop",
    "garage",
    "farm",
    "shop",
    "bar",
    "pub",
    "bistro",
    "deli",
    "boutique",
    "gallery",
    "brewery",
    "winery",
    "kennel",
]


def _with_plurals(nouns: list[str]) -> list[str]:
    """The nouns and their plurals (matched on LOWER: the lemma table misses "OEMs")."""
    plurals = [
        n[:-1] + "ies" if n.endswith("y") and n[-2] not in "aeiou" else n + "s" for n in nouns
    ]
    return nouns + plurals


def phrase(label: str, ident: str, *phrases: str) -> list[dict]:
    """Phrase patterns, matched on LEMMA by the SpanRuler's PhraseMatcher (cheap at run time)."""
    return [{"label": label, "pattern": ph, "id": f"{ident}_{k}"} for k, ph in enumerate(phrases)]


def other_cues() -> list[dict]:
    out: list[dict] = []
    out += phrase(
        "HYPOTHETICAL_CUE",
        "hypo",
        "if the opportunity arise",
        "if the opportunity come up",
        "if the opportunity be there",
        "if an opportunity arise",
        "if an opportunity come up",
        "if the chance arise",
        "if the chance come up",
        "if i get the chance",
        "if i get the opportunity",
        "if i be give the chance",
        "if i be give the opportunity",
        "give the chance",
        "give the opportunity",
        "should the opportunity arise",
        "should the chance arise",
        "if possible",
        "if it make sense",
        "if there be room",
        "if there be an opening",
        "if there be a need",
        "if the company need",
        "if the team need",
        "if the business need",
        "if that be an option",
        "if it be an option",
        "if that be possible",
        "if it work out",
        "if thing go well",
        "if all go well",
        "if it come up",
        "if the role grow",
        "if there be opportunity",
        "if there be opportunities",
        "if the door open",
        "who know",
        "maybe one day",
        "if the position allow",
        "if the role allow",
        "if you would have me",
        "if you'd have me",
        "depend on how thing go",
        "if i be lucky",
        "if that path open up",
        "if such a role",
        "if a position open",
        "if a role open",
        "were the opportunity",
        "in case the opportunity",
    )
    out += phrase(
        "BRIDGE_CUE",
        "bridge",
        "this role",
        "this position",
        "this job",
        "this opportunity",
        "the role",
        "the position",
        "this post",
        "a role like this",
        "a position like this",
        "which this role",
        # how the work here carries into the goal: "makes you a better pilot", "carries over"
        "make me a better",
        "make you a better",
        "translate well",
        "translate really well",
        "translate directly",
        "carry over",
        "apply here",
        "applied here",
        "which is why",
        "that be why",
        "that be exactly",
        "exactly what",
        "give me the foundation",
        "give me the experience",
        "give me exposure",
        "give me the chance",
        "let me build",
        "allow me to",
        "enable me to",
        "help me",
        "prepare me",
        "the foundation",
        "stepping stone to",
        "a natural next step",
        "the next logical step",
        "the logical next step",
        "logical step",
        "natural fit",
        "the bridge",
        "bridge between",
        "connect",
        "build on",
        "build toward",
        "build towards",
        "line up with",
        "align with",
        "fit with",
        "fit into",
        "the perfect place",
        "the right place",
        "exactly the",
        "direct path",
        "path to",
        "pathway to",
        "ladder to",
        "in this role",
        "in this position",
        "through this role",
        "here i can",
        "here i would",
        "here i'd",
        "you offer",
        "you provide",
        "your programme",
        "your program",
        "your mentorship",
        "your training",
        "the mentorship",
        "the mentoring",
        "the training",
        "the rotation",
        "the certification",
        "the academy",
        # the posting's own name for the job
        "this apprenticeship",
        "this residency",
        "this traineeship",
        "this internship",
        "this fellowship",
        "this placement",
        "this programme",
        "this program",
        "like this one",
        "way to get there",
        "route to",
    )
    out += phrase(
        "EMPLOYER_CUE",
        "employer",
        "we",
        "our",
        "us",
        "your team",
        "your company",
        "your customer",
        "your client",
        "your patient",
        "your student",
        "your organisation",
        "your organization",
        "your mission",
        "the team",
        "the company",
        "the organisation",
        "the organization",
        "the business",
        "the department",
        "the clinic",
        "the hospital",
        "the school",
        "the firm",
        "the store",
        "the site",
        "the plant",
        "customer",
        "client",
        "patient",
        "student",
        "so that",
        "so the team",
        "which help",
        "to help the",
        "benefit",
        "contribute",
        "add value",
        "support the",
        "for the team",
        "for your",
        "serve",
        "mission",
        "your growth",
        "company's",
        "the company's",
        "your expansion",
        "your goal",
        "your plan",
        "the organisation's",
        "the organization's",
        "give back",
    )
    out += phrase(
        "FLIGHT_CUE",
        "flight",
        "stepping stone",
        "stepping-stone",
        "start my own",
        "open my own",
        "launch my own",
        "my own business",
        "my own company",
        "my own firm",
        "my own practice",
        "my own shop",
        "my own agency",
        "my own startup",
        "my own start-up",
        "my own restaurant",
        "my own studio",
        "own business",
        "be my own boss",
        "a year or two here",
        "a couple of year here",
        "then move on",
        "then leave",
        "move on to",
        "move on after",
        "before move on",
        "before i move",
        "switch career",
        "switch industry",
        "change career",
        "change industry",
        "a different industry",
        "another industry",
        "a different field",
        "another field",
        "get out of",
        "leave for",
        "go back to school",
        "law school",
        "med school",
        "medical school",
        "full-time study",
        "travel the world",
        "move abroad",
        "until i find",
        "until something better",
        "until something else",
        "until something come along",
        "for now",
        "in the meantime",
        "fill the gap",
        "pay the bill",
        "temporary",
        "short stint",
        "pivot into",
        "pivot to",
        "transition out",
        "move into a different",
        "eventually leave",
        "not long term",
        "not long-term",
        "not forever",
        "not a long-term",
        "pay for my",
        "while i study",
        "while i finish",
        "while i save",
        "found my own",
        "founding my own",
        "set up my own",
        "setting up my own",
        "own shop",
        "own consultancy",
        "own practice",
        "here , then",
        "here then",
        "and then leave",
        "then move",
        "move over to",
        "then go",
        "then switch",
        "then move into",
        "before moving on",
        "before i leave",
        # a stint before the real plan: another employer, an own practice, study, moving away
        "not the final",
        "not my final",
        "independent consultant",
        "practice of my own",
        "business of my own",
        "company of my own",
        "consultancy of my own",
        "firm of my own",
        "start a company",
        "start a business",
        "set up as",
        "go independent",
        "go freelance",
        "gap year",
        "nursing school",
        "grad school",
        "graduate school",
        "move back to",
        "move back home",
        "go back home",
        "relocate to",
        # leaving for a practice of one's own or another employer, said as a jump
        "open a private practice",
        "start a private practice",
        "set up a private practice",
        "launch a private practice",
        "go into private practice",
        "make the jump",
        "make the leap",
        "jump ship",
        "springboard",
        "training ground",  # "I see this role as the best possible training ground"
        "launchpad",
        "launch pad",
        "jumping-off point",
        "jumping off point",
        "wherever the best",
        # going it alone, or to a bigger name, once this job has taught the trade
        "go out on my own",
        "strike out on my own",
        "branch out on my own",
        "set out on my own",
        "own my own",
        "before i apply",
        # said without a venture noun, or spelt as it is often typed
        "something of my own",
        "something of our own",
        "make that jump",
        "make that leap",
        "go independant",
        "independant consultant",
    )
    # "... then (I'll) leave", "apply for jobs at the big agencies": leaving after a stint
    out += [
        {
            # "a PM role at a larger fintech", not "at a larger scale"
            "label": "FLIGHT_CUE",
            "pattern": [
                {"LOWER": "at"},
                {"LOWER": {"IN": ["a", "the", "one"]}},
                {"LOWER": {"IN": ["larger", "bigger"]}},
                {"LOWER": {"NOT_IN": ["scale", "level", "volume", "size", "scope", "picture"]}},
            ],
            "id": "flight_bigger_employer",
        },
        {
            # "with one of the big streaming companies", not "at one of the big conferences"
            "label": "FLIGHT_CUE",
            "pattern": [
                {"LOWER": {"IN": ["at", "for", "with", "to", "join", "into"]}},
                {"LOWER": "one"},
                {"LOWER": "of"},
                {"LOWER": "the"},
                {"LOWER": {"IN": ["big", "bigger", "biggest", "large", "larger", "largest"]}},
                {"IS_ALPHA": True, "OP": "{0,2}"},
                {"LOWER": {"IN": _with_plurals(EMPLOYER_NOUNS)}},
            ],
            "id": "flight_one_of_the_big",
        },
        {
            # a venture of one's own with words between: "my own public adjusting company",
            # "my own nursery", "our own small wine bar" (a venture with a partner); not "my own
            # store" in the chain, "my own clients", "our own reporting templates"
            "label": "FLIGHT_CUE",
            "pattern": [
                {"LOWER": {"IN": ["my", "our"]}},
                {"LOWER": "own"},
                {"IS_ALPHA": True, "OP": "{0,2}"},
                {"LOWER": {"IN": VENTURE_NOUNS}},
            ],
            "id": "flight_own_venture",
        },
        {
            "label": "FLIGHT_CUE",
            "pattern": [
                {"LOWER": {"IN": ["then", "afterwards"]}},
                {"IS_PUNCT": False, "OP": "{0,5}"},
                {"LEMMA": {"IN": ["leave", "quit", "resign"]}},
            ],
            "id": "flight_then_leave",
        },
        {
            "label": "FLIGHT_CUE",
            "pattern": [
                {"LEMMA": "apply"},
                {"LOWER": {"IN": ["to", "for"]}},
                # not "apply to your company", "this job": applying here
                {"IS_PUNCT": False, "LOWER": {"NOT_IN": HERE_WORDS}, "OP": "{0,3}"},
                # jobs, schemes, schools, or any kind of employer ("the offshore outfits")
                {
                    "LEMMA": {
                        "IN": ["job", "bar", "school", "university", "scheme", *EMPLOYER_NOUNS]
                    }
                },
            ],
            "id": "flight_apply_elsewhere",
        },
        # founding a venture without "my own": "found a small consulting practice", "build an
        # independent process engineering consultancy", "launch a recruitment agency";
        # features.py drops "a business case", "a company-wide ...", "help you build a business"
        # and ventures told as career history ("I built a consulting firm")
        *(
            {
                "label": "FLIGHT_CUE",
                "pattern": [
                    *verb,
                    {"LOWER": {"IN": ["a", "an"]}},
                    {"IS_ALPHA": True, "OP": "{0,3}"},
                    {"LOWER": {"IN": FOUNDED_NOUNS}},
                ],
                "id": "flight_found_venture",
            }
            for verb in (
                [{"LEMMA": {"IN": ["start", "launch", "establish", "build"]}}],
                [{"LEMMA": "set"}, {"LOWER": "up"}],  # not "set a business goal"
                # "found" is also the past of "find", and the lemma table reads it so
                [{"LOWER": {"IN": ["found", "founding"]}}],
            )
        ),
        {
            # the family business waiting at the end: "return to the family business", "take
            # over the family farm"; not "grew up around the family business"
            "label": "FLIGHT_CUE",
            "pattern": [
                {"LEMMA": {"IN": ["return", "join", "take", "go", "run", "inherit"]}},
                {"LOWER": {"IN": ["over", "back", "to", "into", "on"]}, "OP": "{0,2}"},
                {"LOWER": {"IN": ["the", "our", "my"]}},
                {"LOWER": "family"},
                {"LOWER": {"IN": ["business", "firm", "company", "farm", "shop", "nursery"]}},
            ],
            "id": "flight_family_business",
        },
        # working for oneself as the aim: "see myself as a freelance FOH engineer", "become
        # self-employed", "be a sole trader"; not "I worked as a freelance designer" (the past)
        # nor "be self-sufficient"
        *(
            {
                "label": "FLIGHT_CUE",
                "pattern": [*OWN_WORK_LEAD, *rest],
                "id": "flight_work_for_oneself",
            }
            for rest in (
                [{"LOWER": {"IN": ["freelance", "freelancer", "self-employed"]}}],
                [
                    {"LOWER": {"IN": ["self", "sole"]}},
                    {"ORTH": "-", "OP": "?"},
                    {"LOWER": {"IN": ["employed", "trader", "proprietor"]}},
                ],
            )
        ),
    ]
    # a short stint measured out: "stay a couple of years ..., then", "12-18 months here",
    # "spend six months or so in this role and then"; long stays ("for many years") do not match
    few = [
        "a",
        "an",
        "one",
        "two",
        "three",
        "couple",
        "few",
        "of",
        "or",
        "and",
        "so",
        "six",
        "eighteen",
        "nine",
        "twelve",
        "half",
        "1",
        "2",
        "3",
        "6",
        "9",
        "12",
        "18",
        "-",
        "–",
        "to",
    ]
    span_units = ["year", "years", "yr", "yrs", "month", "months", "season", "seasons"]
    stint_adjectives = ["good", "strong", "solid", "full", "hard", "great", "focused", "busy"]
    out += [
        {
            "label": "FLIGHT_CUE",
            "pattern": [
                {"LOWER": {"IN": ["stay", "spend", "give", "do"]}},  # not "spent two years"
                {"LOWER": {"IN": ["it", "you", "them", "this"]}, "OP": "?"},
                {"LOWER": "for", "OP": "?"},
                {"LOWER": {"IN": few}, "OP": "{1,5}"},
                {"LOWER": {"IN": stint_adjectives}, "OP": "?"},  # "give you two strong years"
                {"LOWER": {"IN": span_units}},
                {"IS_SENT_START": False, "OP": "{0,12}"},
                {"LOWER": {"IN": ["then", "afterwards", "after", "before"]}},
            ],
            "id": "flight_stint_then",
        },
        {
            "label": "FLIGHT_CUE",
            "pattern": [
                {"LOWER": {"IN": few}, "OP": "{1,5}"},
                {"LOWER": {"IN": span_units}},
                {"LOWER": {"IN": ["here", "max", "tops"]}},
            ],
            "id": "flight_stint_here",
        },
        {
            # a stay measured out: "I'd be here for two or three years", "be here about a year"
            "label": "FLIGHT_CUE",
            "pattern": [
                {"LOWER": "be"},  # not "been here for two years"
                {"LOWER": "here"},
                {
                    "LOWER": {"IN": ["for", "about", "around", "roughly", "maybe", "probably"]},
                    "OP": "{0,2}",
                },
                {"LOWER": {"IN": few}, "OP": "{1,5}"},
                {"LOWER": {"IN": stint_adjectives}, "OP": "?"},
                {"LOWER": {"IN": span_units}},
            ],
            "id": "flight_stint_be_here",
        },
        {
            # the end of the stay in view: "I'd work hard while I'm here", "while im here"
            "label": "FLIGHT_CUE",
            "pattern": [
                {"LOWER": "while"},
                {"LOWER": "i"},
                {"LOWER": {"IN": ["'m", "’m", "m", "am"]}},
                {"LOWER": "here"},
            ],
            "id": "flight_while_here",
        },
        {
            # the stay measured out as what the employer gets: "two very strong years out of me"
            "label": "FLIGHT_CUE",
            "pattern": [
                {"LOWER": {"IN": few}, "OP": "{1,5}"},
                {"LOWER": {"IN": ["very", "really"]}, "OP": "?"},
                {"LOWER": {"IN": stint_adjectives}, "OP": "?"},
                {"LOWER": {"IN": span_units}},
                {"LOWER": "out"},
                {"LOWER": "of"},
                {"LOWER": "me"},
            ],
            "id": "flight_stint_out_of_me",
        },
        {
            # the job seen as a measured-out stint: "I see this job as a focused year or two"
            "label": "FLIGHT_CUE",
            "pattern": [
                {"LOWER": "as"},
                {"LOWER": {"IN": ["a", "an"]}},
                {"LOWER": {"IN": stint_adjectives}, "OP": "?"},
                {"LOWER": {"IN": few}, "OP": "{0,4}"},
                {"LOWER": {"IN": span_units}},
            ],
            "id": "flight_stint_as",
        },
    ]
    out += phrase(
        "SELF_GAIN_CUE",
        "self",
        "salary",
        "pay",
        "money",
        "raise",
        "bonus",
        "perk",
        "benefit package",
        "paid",
        "compensation",
        "earn more",
        "make more",
        "six figure",
        "financial",
        "financially",
        "my mba",
        "an mba",
        "a degree",
        "my degree",
        "my master",
        "tuition",
        "save up",
        "saving",
        "my startup",
        "my own",
        "for myself",
        "for me",
        "my resume",
        "my cv",
        "my linkedin",
        "look good on",
        "title",
        "prestige",
        "status",
        "work from home",
        "remote",
        "flexible hour",
        "time off",
        "vacation",
        "holiday",
        "pension",
        "retire",
        "early retirement",
        "stock option",
        "equity",
        "commission",
        "overtime",
        # security for oneself (7 of 10 train+dev answers naming it were read as self-centred);
        # bare "stability" only where it is something the job gives or the candidate needs, not
        # the stability of a system ("platform stability", "phase stability")
        "job security",
        "job stability",
        "stable job",
        "stable income",
        "stable position",
        "stable role",
        "steady income",
        "steady job",
        "steady paycheck",
        "good benefit",
        "great benefit",
        "decent benefit",
        "give stability",
        "offer stability",
        "provide stability",
        "want stability",
        "need stability",
        "some stability",
        "more stability",
        "about stability",
        "be stability",
        "stability matter",
        # what the job gives the candidate alone: a visa, hours, a shorter commute, a day rate
        "work visa",
        "my visa",
        "a visa",
        "visa sponsorship",
        "sponsor my",
        "staff discount",
        "employee discount",
        "childcare discount",
        "set hour",
        "fixed hour",
        "commute",
        "day rate",
        "% discount",
        "percent discount",
        "weekend off",
        "day off",
        "h-1b",
        "h1b",
        "green card",
        "higher-paying",
        "higher paying",
        "better-paid",
        "better paid",
        "better-paying",
        "better paying",
        # a purchase or a debt of one's own ("make enough to buy a house")
        "buy a house",
        "my mortgage",
        "student loan",
        "better hour",
    )
    out += phrase(
        "CLICHE",
        "cliche",
        "grow professionally",
        "grow personally",
        "professional growth",
        "personal growth",
        "grow as a person",
        "grow as a professional",
        "learn new thing",
        "learn and grow",
        "grow and learn",
        "make an impact",
        "make a difference",
        "be the best",
        "best version of myself",
        "reach my full potential",
        "my full potential",
        "reach my potential",
        "challenge myself",
        "step out of my comfort zone",
        "comfort zone",
        "go above and beyond",
        "hit the ground running",
        "think outside the box",
        "passionate",
        "passion",
        "dynamic environment",
        "fast-paced environment",
        "team player",
        "hard worker",
        "hard-working",
        "hardworking",
        "self-starter",
        "people person",
        "perfectionist",
        "be successful",
        "be success",
        "success",
        "climb the ladder",
        "climb the corporate ladder",
        "add value",
        "make my mark",
        "leave my mark",
        "take it to the next level",
        "next level",
        "give 110",
        "110 %",
        "thrive",
        "excel",
        "synergy",
        "grow with the company",
        "grow within the company",
        "learn as much as i can",
        "learn as much as possible",
        "new challenge",
        "new challenges",
        "continuous learning",
        "lifelong learner",
        "develop my skill",
        "develop myself",
        "improve myself",
        "better myself",
        "broaden my horizon",
        "expand my horizon",
        "gain experience",
        "get experience",
        "more experience",
        "where i can grow",
        "opportunity to grow",
        "room to grow",
        "room for growth",
        "grow my career",
        "advance my career",
        "further my career",
        "take my career",
        "career growth",
    )
    out += phrase(
        "HEDGE",
        "hedge",
        "maybe",
        "perhaps",
        "i guess",
        "i suppose",
        "not sure",
        "i'm not sure",
        "kind of",
        "sort of",
        "probably",
        "possibly",
        "i think",
        "hopefully",
        "somehow",
        "or something",
        "whatever",
        "idk",
        "i don't know",
        "who know",
        "we'll see",
        "we will see",
        "see what happen",
        "see where it go",
        "see where thing go",
        "go with the flow",
        "open to anything",
        "anything really",
        "not really sure",
        "haven't decided",
        "have not decided",
        "still figure",
        "still figuring",
    )
    out += phrase(
        "GROWTH_OFFER",
        "growth",
        "mentor",
        "mentorship",
        "mentoring",
        "coach",
        "coaching",
        "training",
        "train",
        "certification",
        "certificate",
        "certified",
        "tuition",
        "tuition reimbursement",
        "education assistance",
        "professional development",
        "career development",
        "development programme",
        "development program",
        "learning budget",
        "training budget",
        "promotion",
        "career path",
        "career progression",
        "progression",
        "path to",
        "clear path",
        "promotion track",
        "promote from within",
        "rotation",
        "rotational",
        "rotate",
        "leadership programme",
        "leadership program",
        "leadership track",
        "management track",
        "academy",
        "apprenticeship",
        "new market",
        "expand into",
        "expansion",
        "launch",
        "conference",
        "conferences",
        "internal mobility",
        "grow into",
        "advance",
        "pay for",
        "sponsor",
        "sponsorship",
        "study leave",
        "cpd",
        "learning stipend",
        "training stipend",
        "education stipend",
        "learning allowance",
        "career ladder",
        "engineering ladder",
        "promotion ladder",
        "career framework",
        "progression framework",
        "promote to",
    )
    out += phrase(
        "PAST_CUE",
        "past",
        "ago",
        "last year",
        "previously",
        "in the past",
        "for the past",
        "for the last",
        "i have been",
        "i've been",
        "i have work",
        "i've work",
        "i work as",
        "i spend",
        "i spent",
        "i start",
        "i started",
        "i use to",
        "i used to",
        "back when",
        "when i was",
        "my last job",
        "my previous",
        "my current",
        "currently",
    )
    return out


def main() -> None:
    pats = goal_cues() + other_cues()
    with OUT.open("w", encoding="utf-8") as fh:
        for p in pats:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(f"wrote {len(pats)} patterns to {OUT}")


if __name__ == "__main__":
    main()
