"""Derive alignscore's SKILL and TITLE gazetteers from O*NET 29.2, ESCO and our curated lists.

Reads the raw taxonomy tables (not shipped) and writes trimmed, normalised pattern files into the
package:

- ``src/alignscore/patterns/skills.jsonl``  SpanRuler phrase patterns, label SKILL, id = canonical id
- ``src/alignscore/patterns/titles.jsonl``  SpanRuler phrase patterns, label TITLE
- ``src/alignscore/patterns/title_info.json``  canonical title id -> O*NET-SOC code, job zone
- ``src/alignscore/patterns/role_nouns.json``  bare role nouns ("nurse"), matched only in context

Precision filters (each is a rule, not a list of corpus strings):
- titles must end in a role head noun seen as the head of at least five taxonomy titles, and have
  two to six words (single words are bare role nouns, handled in context by the pipeline);
- skills that are one everyday English word (top of a word-frequency list) are dropped, unless
  they are brands listed in ``gazetteer_sources/cased_skills.txt``, which then match case-sensitively;
- single characters and two-letter names that are not all capitals are dropped ("C", "R", "Go");
- soft skills and whole sectors (``gazetteer_sources/not_skills.txt``) are dropped;
- titles that are also skills (and vice versa) are resolved in favour of the curated list.

Build-time needs: the shared taxonomy folder and spacy-lookups-data (word frequencies, lemmas).

Usage: python scripts/build_gazetteers.py [TAXONOMY_DIR]
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "gazetteer_sources"
OUT = ROOT / "src" / "alignscore" / "patterns"

MIN_HEAD_COUNT = 5
COMMON_WORDS = 20000
COMMON_WORDS_WIDE = 60000  # stricter test for aliases made by stripping a vendor name
NOT_HEADS = {
    "man",
    "person",
    "hand",
    "girl",
    "computer",
    "member",
    "employee",
    "professional",
    "resident",
    "fellow",
    "partner",
    "walker",
    "caller",
    "shopper",
    "recorder",
    "matcher",
    "marker",
    "logger",
    "locator",
    "printer",
    "washer",
    "layer",
    "filler",
    "roller",
    "sewer",
    "stripper",
    "tender",
    "feeder",
    "runner",
    "carrier",
    "setter",
    "starter",
    "pitcher",
    "player",
    "host",
    "guide",
    "reader",
    "anchor",
    "monitor",
    "expert",
    "chief",
    "hunter",
    "chaser",
    "superior",
    "rater",
    "closer",
    "sealer",
    "selector",
    "scorer",
    "ringer",
    "sander",
    "turner",
    "rider",
    "caster",
    "presser",
    "puller",
    "winder",
    "checker",
    "helper",
    "keeper",
    "maker",
    "cutter",
    "mixer",
    "loader",
    "picker",
    "packer",
    "sorter",
    "grader",
    "trimmer",
    "finisher",
    "builder",
    "cleaner",
    "vendor",
    "up",
    "out",
    "off",
    "in",
    "down",
    "on",
}
# A seniority or status word before a bare role noun makes a title in any context: "senior
# engineer", "junior designers", "deputy head", "qualified solicitor". "lead" is also a verb
# ("lead engineers"), so "lead" + role noun is added singular only, with its exact case forms.
ROLE_PREFIXES = (
    "senior",
    "junior",
    "principal",
    "chief",
    "deputy",
    "assistant",
    "associate",
    "trainee",
    "apprentice",
    "graduate",
    "staff",
    "qualified",
    "registered",
    "certified",
    "licensed",
    "head",
)
CASED_ROLE_PREFIXES = ("lead", "master")
# "master" is a verb too ("master technician-level diagnostics"): "Master Technician" only
TITLE_CASE_ONLY_PREFIXES = ("master",)
ROLE_PREFIX_SKIP = {"ceo", "cfo", "coo", "cto", "cio", "cmo", "cpo", "cso", "gm", "vp", "senco",
                    "hlta", "head", "principal", "president", "partner", "founder", "apprentice",
                    "journeyman", "entrepreneur"}
# one-word O*NET titles with a specialist's suffix ("Arborist", "Stenographer", "Millwright") are
# bare role nouns too; a few name a pastime or a cause rather than a job
ROLE_NOUN_SUFFIXES = ("ist", "ician", "grapher", "wright", "smith")
NOT_ROLE_NOUNS = {"cyclist", "bicyclist", "motorcyclist", "activist", "environmentalist",
                  "conservationist", "preservationist", "naturalist", "evangelist", "spiritualist",
                  "salvationist", "palmist", "numerologist", "phrenologist", "mesmerist",
                  "humorist", "parachutist", "pugilist", "balloonist", "philatelist"}
PAREN = re.compile(r"\s*\([^)]*\)\s*")
SPACE = re.compile(r"\s+")


def _lookups() -> tuple[dict[str, str], set[str], set[str]]:
    import spacy_lookups_data

    data = Path(spacy_lookups_data.__file__).parent / "data"
    lemmas = json.load(gzip.open(data / "en_lemma_lookup.json.gz"))
    probs = json.load(gzip.open(data / "en_lexeme_prob.json.gz"))
    words = [w for w, _ in sorted(probs.items(), key=lambda kv: -kv[1]) if w.isalpha()]
    ranked: list[str] = []
    seen: set[str] = set()
    for w in words:
        if w.lower() not in seen:
            seen.add(w.lower())
            ranked.append(w.lower())
    return lemmas, set(ranked[:COMMON_WORDS]), set(ranked[:COMMON_WORDS_WIDE])


def _english_lexicon() -> frozenset[str]:
    """Lowercase English dictionary words: the WordNet lemma index shipped with spaCy's lookups."""
    import spacy_lookups_data

    data = Path(spacy_lookups_data.__file__).parent / "data"
    with gzip.open(data / "en_lemma_index.json.gz") as fh:
        index = json.load(fh)
    return frozenset(w.lower() for words in index.values() for w in words)


def _brand_word(name: str, lexicon: frozenset[str], lemmas: dict[str, str]) -> bool:
    """Whether a name is a capitalised product name but no English word ("Photoshop").

    A plural-looking name ("Analytics") counts only with an inner capital letter.
    """
    low = name.lower()
    return (
        len(name) >= 4
        and name[0].isupper()
        and not name.isupper()
        and name.isalpha()
        and (not low.endswith("s") or not name[1:].islower())
        and not {low, lemmas.get(low, low)} & lexicon
    )


def _clean(name: str) -> str:
    name = name.replace("\u2019", "'").replace("\u00a0", " ")
    return SPACE.sub(" ", name).strip(" .,;:-")


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9+#]+", "_", name.lower()).strip("_")


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _read_list(name: str) -> list[str]:
    lines = (SOURCES / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


# --------------------------------------------------------------------------- titles


def build_titles(onet: Path, lemmas: dict[str, str]) -> tuple[list[dict], dict, list[str]]:
    zones = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in _read_tsv(onet / "Job Zones.txt")}

    def zone(soc: str) -> int | None:
        if soc in zones:
            return zones[soc]
        base = [z for s, z in zones.items() if s[:7] == soc[:7]]
        return round(sum(base) / len(base)) if base else None

    candidates: dict[str, Counter[str]] = defaultdict(Counter)
    surface: dict[str, str] = {}

    def add(title: str, soc: str, weight: int = 1) -> None:
        title = _clean(title)
        if not title or any(ch in title for ch in '/&,;"') or any(ch.isdigit() for ch in title):
            return
        key = title.lower()
        candidates[key][soc] += weight
        surface.setdefault(key, title)

    for r in _read_tsv(onet / "Occupation Data.txt"):
        title = r["Title"]
        if "," in title or " and " in title or " or " in title:
            continue
        words = title.split()
        last = words[-1]
        singular = lemmas.get(last.lower(), last.lower())
        add(" ".join([*words[:-1], singular]), r["O*NET-SOC Code"], 3)
    for r in _read_tsv(onet / "Alternate Titles.txt"):
        for t in (r["Alternate Title"], r["Short Title"]):
            if t and t != "n/a":
                add(PAREN.sub(" ", t), r["O*NET-SOC Code"])
    for r in _read_tsv(onet / "Sample of Reported Titles.txt"):
        t = r["Reported Job Title"]
        add(PAREN.sub(" ", t), r["O*NET-SOC Code"], 2)
        for inner in re.findall(r"\(([^)]*)\)", t):
            add(inner, r["O*NET-SOC Code"], 2)
    for line in _read_list("titles_extra.tsv"):
        title, soc = (line.split("\t") + [""])[:2]
        add(title, soc or "", 5)

    heads = Counter(k.split()[-1] for k in candidates if len(k.split()) >= 2)
    role_heads = {h for h, c in heads.items() if c >= MIN_HEAD_COUNT and h.isalpha()} - NOT_HEADS
    role_heads |= set(_read_list("role_heads_extra.txt"))

    patterns, info = [], {}
    role_nouns = set(_read_list("role_nouns.txt"))  # bare nouns, matched in context only
    role_nouns |= {
        key
        for key in candidates
        if key.isalpha()
        and len(key) >= 6
        and key.endswith(ROLE_NOUN_SUFFIXES)
        and key not in NOT_ROLE_NOUNS
    }
    for key, socs in sorted(candidates.items()):
        words = key.split()
        if len(words) == 1:
            continue
        if not 2 <= len(words) <= 6 or words[-1] not in role_heads:
            continue
        soc, _ = socs.most_common(1)[0]
        tid = _key(key)
        info[tid] = {
            "title": surface[key],
            "soc": soc or None,
            "job_zone": zone(soc) if soc else None,
        }
        patterns.append({"label": "TITLE", "pattern": key, "id": tid})
    known = {p["pattern"] for p in patterns}
    for noun in sorted(role_nouns - ROLE_PREFIX_SKIP):
        for prefix in ROLE_PREFIXES:
            key = f"{prefix} {noun}"
            if key in known or prefix == noun:
                continue
            tid = _key(key)
            info.setdefault(tid, {"title": key.title(), "soc": None, "job_zone": None})
            patterns.append({"label": "TITLE", "pattern": key, "id": tid})
        for prefix in CASED_ROLE_PREFIXES:
            key = f"{prefix} {noun}"
            if key in known:
                continue
            tid = _key(key)
            info.setdefault(tid, {"title": key.title(), "soc": None, "job_zone": None})
            forms = (key.title(),) if prefix in TITLE_CASE_ONLY_PREFIXES else (key, key.title())
            for form in forms:
                patterns.append(
                    {"label": "TITLE", "pattern": [{"ORTH": t} for t in form.split()], "id": tid}
                )
    return patterns, info, sorted(role_nouns)


# --------------------------------------------------------------------------- skills

ACRONYM_TAIL = re.compile(r"^(?P<name>.+?)\s+(?P<acr>[A-Z][A-Z0-9/+#&-]{1,9})$")


def build_skills(
    onet: Path,
    esco: Path,
    common: set[str],
    common_wide: set[str],
    lemmas: dict[str, str],
    lexicon: frozenset[str] = frozenset(),
) -> list[dict]:
    """SKILL patterns from the curated list, O*NET technology examples and ESCO.

    ``lexicon`` is the set of English dictionary words (WordNet lemmas): a vendor product's short
    name that is frequent in text but is no dictionary word ("Photoshop") is kept as a cased alias.
    """
    not_skills = {s.lower() for s in _read_list("not_skills.txt")}
    cased = set(_read_list("cased_skills.txt"))
    vendors = set(_read_list("vendors.txt"))
    entries: dict[str, set[str]] = defaultdict(set)  # canonical id -> surface names
    display: dict[str, str] = {}

    def add(cid: str, name: str, canonical: str) -> None:
        name = _clean(name)
        if name:
            entries[cid].add(name)
            display.setdefault(cid, canonical)

    # curated: canonical<TAB>alias|alias
    for line in _read_list("skills_curated.tsv"):
        canonical, _, aliases = line.partition("\t")
        cid = _key(canonical)
        add(cid, canonical, canonical)
        for a in filter(None, aliases.split("|")):
            add(cid, a, canonical)
    curated_ids = set(entries)

    vendor_cased: list[tuple[str, str, str]] = []
    cased_spelling = {c.lower(): c for c in cased}
    tech = _read_tsv(onet / "Technology Skills.txt")
    for r in tech:
        name = _clean(r["Example"])
        cid = _key(name)
        m = ACRONYM_TAIL.match(name)
        if m and len(m["name"].split()) >= 2:
            cid = _key(m["acr"])
            add(cid, m["name"], name)
            add(cid, m["acr"], name)
        else:
            add(cid, name, name)
        words = name.split()
        for k in (1, 2):
            rest = words[k:]
            if len(words) > k and " ".join(words[:k]) in vendors and rest:
                if len(rest) == 1 and rest[0].lower() in cased_spelling:
                    # a listed brand ("Apache Kafka" -> "Kafka", "Atlassian JIRA" -> "Jira")
                    add(cid, cased_spelling[rest[0].lower()], name)
                    if rest[0].isupper():
                        add(cid, rest[0], name)  # "JIRA" too
                elif len(rest) > 1 or rest[0].lower() not in common_wide:
                    add(cid, " ".join(rest), name)
                elif _brand_word(rest[0], lexicon, lemmas):
                    # frequent but no English word ("Photoshop", "SharePoint"): kept, cased
                    vendor_cased.append((cid, rest[0], name))
        commodity = _clean(r["Commodity Title"])
        m = re.match(
            r"^(?P<name>.+?) (?P<acr>[A-Z]{2,5})(?: (?P<rest>software|system|equipment software))?$",
            commodity,
        )
        if m:
            cid2 = _key(m["acr"])
            add(cid2, m["name"], m["name"])
            add(cid2, m["acr"], m["name"])
            if m["rest"]:
                add(cid2, f"{m['acr']} {m['rest']}", m["name"])

    known = {n.lower() for names in entries.values() for n in names}
    vendor_aliases = {alias for _, alias, _ in vendor_cased}
    for cid, alias, name in vendor_cased:
        if alias.lower() not in known:  # a name listed elsewhere keeps its own matching
            add(cid, alias, name)
    records = json.load(gzip.open(esco / "esco_skills_subset.json.gz"))
    verbs = Counter(r["altLabel"].split()[0].lower() for r in records if r["skillType"] == "skill")
    for r in records:
        label, alt = _clean(r["label"]), _clean(r["altLabel"])
        first = alt.split()[0].lower() if alt else ""
        if r["skillType"] == "skill" and (
            verbs[first] >= 3 or (first.endswith("ing") and len(alt.split()) > 2)
        ):
            continue
        cid = "esco_" + r["uri"].rsplit("/", 1)[-1][:8]
        add(cid, alt, label)

    patterns = []
    seen: set[str] = set()
    seen_cased: set[str] = set()

    def priority(cid: str) -> tuple[int, str]:
        return (0 if cid in curated_ids else 2 if cid.startswith("esco_") else 1, cid)

    for cid in sorted(entries, key=priority):
        for name in sorted(entries[cid]):
            low = name.lower()
            words = low.split()
            if low in not_skills or name in seen_cased or (low in seen and name not in cased):
                continue
            if len(low) < 2 or (len(low) == 2 and not name.isupper()):
                continue
            if len(words) > 6:
                continue
            is_canonical = display.get(cid, "").lower() == low
            singular = lemmas.get(low, low) if low.endswith("s") else low
            everyday = len(words) == 1 and (low in common or singular in common)
            product = cid in curated_ids or name in vendor_aliases  # a tool, not a company
            if (
                everyday
                and product
                and name not in cased
                and not (cid in curated_ids and is_canonical)
                and _brand_word(name, lexicon, lemmas)
            ):
                cased.add(name)  # "Photoshop", "SharePoint": frequent, but no English word
            if everyday and name not in cased:
                # an everyday word: only a curated canonical name survives ("welding", "payroll")
                if not (cid in curated_ids and is_canonical):
                    continue
            if name in cased or (
                name.isupper() and (len(name) <= 2 or (len(name) <= 4 and cid not in curated_ids))
            ):
                seen.add(low)
                seen_cased.add(name)  # a listed brand spelling may follow: "JIRA" and "Jira"
                patterns.append(
                    {"label": "SKILL", "pattern": [{"ORTH": t} for t in name.split()], "id": cid}
                )
                continue
            seen.add(low)
            patterns.append({"label": "SKILL", "pattern": low, "id": cid})
    return patterns


def main(taxonomy: str) -> None:
    tax = Path(taxonomy)
    lemmas, common, common_wide = _lookups()
    titles, info, role_nouns = build_titles(tax / "onet-29.2", lemmas)
    skills = build_skills(
        tax / "onet-29.2", tax / "esco", common, common_wide, lemmas, _english_lexicon()
    )
    title_keys = {p["pattern"] for p in titles if isinstance(p["pattern"], str)}
    curated = {_key(ln.partition("\t")[0]) for ln in _read_list("skills_curated.tsv")}
    # a name that is both: the curated side wins; otherwise it stays a title
    skill_keys = {
        p["pattern"] for p in skills if isinstance(p["pattern"], str) and p["id"] in curated
    }
    titles = [
        p for p in titles if not (isinstance(p["pattern"], str) and p["pattern"] in skill_keys)
    ]
    skills = [
        p
        for p in skills
        if not (
            isinstance(p["pattern"], str) and p["pattern"] in title_keys and p["id"] not in curated
        )
    ]
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "skills.jsonl").open("w", encoding="utf-8") as fh:
        for p in skills:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    with (OUT / "titles.jsonl").open("w", encoding="utf-8") as fh:
        for p in titles:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    (OUT / "title_info.json").write_text(json.dumps(title_info_columns(info)) + "\n")
    (OUT / "role_nouns.json").write_text(json.dumps(role_nouns, indent=0) + "\n")
    print(
        f"{len(skills)} skill patterns, {len(titles)} title patterns, {len(role_nouns)} role nouns"
    )


def title_info_columns(info: dict[str, dict]) -> dict:
    """The title table in columns, for a fast first read.

    Sorted ids, and per id an index into the distinct O*NET-SOC codes (-1 for none) and the job
    zone (null for none): a third of the size of one object per id, and read about five times
    faster (it is read before the first answer is scored).
    """
    ids = sorted(info)
    codes = sorted({info[i]["soc"] for i in ids if info[i].get("soc")})
    at = {code: k for k, code in enumerate(codes)}
    return {
        "_doc": "Title id -> O*NET-SOC code and job zone, in columns (see build_gazetteers.py).",
        "soc_codes": codes,
        "ids": ids,
        "soc": [at.get(info[i].get("soc"), -1) for i in ids],
        "job_zone": [info[i].get("job_zone") for i in ids],
    }


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "taxonomy"))
