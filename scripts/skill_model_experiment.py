"""Does a trained span model beat, or usefully add to, the rules for SKILL (and TITLE)?

Trains a spaCy ``ner`` or ``spancat`` (inline HashEmbedCNN tok2vec, no pretrained vectors) on the
train split's gold SKILL and TITLE spans (answers and postings), optionally with the rules' own
spans (GOAL, HORIZON, SKILL, TITLE begin/inside indicators) as extra token features, and compares:

- ``rules``: the default pipeline;
- ``model``: the rules' SKILL/TITLE spans replaced by the model's;
- ``union``: the rules' spans plus the model's spans that overlap no rule SKILL/TITLE span
  (spancat: only spans scored at least ``min_score``).

Step 1 (``--cv``) chooses the variant, the number of epochs, the combination and the threshold by
5-fold cross-validation on train, grouped by job description. Step 2 (``--dev``) trains one
variant on all of train (seed 0) and scores it once on dev with
:func:`alignscore.evaluation.evaluate_extraction`, then measures words/s of the default pipeline
and of the union pipeline on the same texts in this process (train and dev answers x3) and the
sizes on disk. The test split is never loaded.

Usage:
    python scripts/skill_model_experiment.py --cv --variants ner-plain ner-rules --epochs 10 20 30
    python scripts/skill_model_experiment.py --dev --variants spancat-rules --epochs 30 \
        --min-score 0.8
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch, registry
from thinc.api import Maxout, Model, chain, concatenate, with_array

from alignscore.datasets import load_corpus, load_jobs
from alignscore.evaluation import score_spans
from alignscore.extraction import doc_spans
from alignscore.labels import GOAL, HORIZON, SKILL, SPANS_KEY, TITLE
from alignscore.pipeline import model_dir

LABELS = (SKILL, TITLE)
SEED = 0


# --------------------------------------------------------------------------- model pieces


def _rule_features_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list, Any]:
    key = model.attrs["spans_key"]
    index = {lab: i for i, lab in enumerate(model.attrs["labels"])}
    n_out = model.get_dim("nO")
    out = []
    for doc in docs:
        arr = numpy.zeros((len(doc), n_out), dtype="f")
        for s in doc.spans.get(key, []):
            j = index.get(s.label_)
            if j is not None:
                arr[s.start, 2 * j] = 1.0
                arr[s.start + 1 : s.end, 2 * j + 1] = 1.0
        out.append(model.ops.asarray2f(arr))
    return out, lambda d_out: []


@registry.layers("alignscore.RuleSpanFeatures.v1")
def rule_span_features(spans_key: str, labels: list[str]) -> Model:
    """Per token, begin/inside indicators of the rules' spans of each label (no parameters)."""
    return Model(
        "rule_span_features",
        _rule_features_forward,
        attrs={"spans_key": spans_key, "labels": list(labels)},
        dims={"nO": 2 * len(labels)},
    )


@registry.architectures("alignscore.RuleFeatureTok2Vec.v1")
def rule_feature_tok2vec(
    width: int,
    depth: int,
    embed_size: int,
    window_size: int,
    maxout_pieces: int,
    spans_key: str,
    labels: list[str],
) -> Model:
    """HashEmbedCNN whose embedding also sees the rules' spans (begin/inside per label)."""
    from spacy.ml.models.tok2vec import MaxoutWindowEncoder, MultiHashEmbed, build_Tok2Vec_model

    half = embed_size // 2
    embed = MultiHashEmbed(
        width=width,
        attrs=["NORM", "PREFIX", "SUFFIX", "SHAPE"],
        rows=[embed_size, half, half, half],
        include_static_vectors=False,
    )
    feats = rule_span_features(spans_key, labels)
    mixed = chain(
        concatenate(embed, feats),
        with_array(Maxout(width, width + 2 * len(labels), nP=3, normalize=True, dropout=0.0)),
    )
    encode = MaxoutWindowEncoder(
        width=width, window_size=window_size, maxout_pieces=maxout_pieces, depth=depth
    )
    return build_Tok2Vec_model(mixed, encode)


VARIANTS: dict[str, dict[str, Any]] = {
    # kind: ner (BILUO tagger, no scores) or spancat (scored n-grams of 1-5 tokens)
    # features: plain HashEmbedCNN, or with the rules' spans as extra token features
    "ner-plain": {"kind": "ner", "features": "plain", "dropout": 0.2, "embed_size": 2000},
    "ner-rules": {"kind": "ner", "features": "rules", "dropout": 0.2, "embed_size": 2000},
    "ner-rules-d50": {"kind": "ner", "features": "rules", "dropout": 0.5, "embed_size": 1000},
    "spancat-plain": {"kind": "spancat", "features": "plain", "dropout": 0.2, "embed_size": 2000},
    "spancat-rules": {"kind": "spancat", "features": "rules", "dropout": 0.2, "embed_size": 2000},
}
MODEL_KEY = "skill_model"  # span group the spancat writes to


def _tok2vec_config(section: str, features: str, embed_size: int) -> str:
    if features == "plain":
        return f"""
[{section}]
@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = 96
depth = 4
embed_size = {embed_size}
window_size = 1
maxout_pieces = 3
subword_features = true
"""
    return f"""
[{section}]
@architectures = "alignscore.RuleFeatureTok2Vec.v1"
width = 96
depth = 4
embed_size = {embed_size}
window_size = 1
maxout_pieces = 3
spans_key = "{SPANS_KEY}"
labels = {json.dumps([GOAL, HORIZON, SKILL, TITLE])}
"""


def trainer_config(variant: str) -> str:
    """A one-component pipeline (``ner`` or ``spancat``, inline tok2vec) on our tokenizer."""
    v = VARIANTS[variant]
    head = """
[nlp]
lang = "en"
pipeline = ["{kind}"]

[nlp.tokenizer]
@tokenizers = "alignscore.tokenizer.v1"

[components]
""".format(kind=v["kind"])
    if v["kind"] == "ner":
        body = """
[components.ner]
factory = "ner"
incorrect_spans_key = null
moves = null
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null
"""
    else:
        body = f"""
[components.spancat]
factory = "spancat"
spans_key = "{MODEL_KEY}"
threshold = 0.2
max_positive = 1

[components.spancat.model]
@architectures = "spacy.SpanCategorizer.v1"

[components.spancat.model.reducer]
@layers = "spacy.mean_max_reducer.v1"
hidden_size = 128

[components.spancat.model.scorer]
@layers = "spacy.LinearLogistic.v1"
nO = null
nI = null

[components.spancat.suggester]
@misc = "spacy.ngram_suggester.v1"
sizes = [1, 2, 3, 4, 5]
"""
    section = f"components.{v['kind']}.model.tok2vec"
    return head + body + _tok2vec_config(section, v["features"], v["embed_size"])


# --------------------------------------------------------------------------- merging


@Language.factory(
    "alignscore_span_merger",
    requires=["doc.spans"],
    assigns=["doc.spans"],
    default_config={
        "spans_key": SPANS_KEY,
        "source": "ents",
        "labels": list(LABELS),
        "mode": "union",
        "min_score": 0.5,
    },
)
def make_span_merger(
    nlp: Language,
    name: str,
    spans_key: str,
    source: str,
    labels: list[str],
    mode: str,
    min_score: float,
) -> SpanMerger:
    """Move the trained model's spans (``doc.ents`` or a scored span group) into ``spans_key``."""
    return SpanMerger(
        spans_key=spans_key, source=source, labels=labels, mode=mode, min_score=min_score
    )


class SpanMerger:
    """Merge model spans of ``labels`` into the rules' span group.

    ``union``: add the model spans that overlap no rule span of ``labels``; ``replace``: drop the
    rules' spans of ``labels`` and use the model's. Scored spans (spancat) below ``min_score``
    are ignored, and overlapping ones resolved greedily by score.
    """

    def __init__(
        self, *, spans_key: str, source: str, labels: list[str], mode: str, min_score: float
    ) -> None:
        self.spans_key, self.source, self.labels = spans_key, source, set(labels)
        self.mode, self.min_score = mode, min_score

    def model_spans(self, doc: Doc) -> list[Span]:
        """The model's spans of ``labels`` at or above ``min_score``, without overlaps."""
        if self.source == "ents":
            return [e for e in doc.ents if e.label_ in self.labels]
        group = doc.spans.get(self.source)
        if group is None:
            return []
        scores = group.attrs.get("scores")
        scored = [
            (float(scores[i].max()) if scores is not None else 1.0, s)
            for i, s in enumerate(group)
            if s.label_ in self.labels
        ]
        taken = numpy.zeros(len(doc), dtype=bool)
        out = []
        for score, s in sorted(scored, key=lambda x: (-x[0], x[1].start)):
            if score >= self.min_score and not taken[s.start : s.end].any():
                out.append(s)
                taken[s.start : s.end] = True
        return out

    def __call__(self, doc: Doc) -> Doc:
        """Merge the model's spans into ``doc.spans[spans_key]``."""
        group = list(doc.spans.get(self.spans_key, []))
        model = self.model_spans(doc)
        if self.mode == "replace":
            kept, new = [s for s in group if s.label_ not in self.labels], model
        else:
            kept = group
            taken = numpy.zeros(len(doc), dtype=bool)
            for s in group:
                if s.label_ in self.labels:
                    taken[s.start : s.end] = True
            new = [e for e in model if not taken[e.start : e.end].any()]
        doc.spans[self.spans_key] = sorted(
            [*kept, *(Span(doc, e.start, e.end, label=e.label_) for e in new)],
            key=lambda s: (s.start, -s.end),
        )
        return doc


# --------------------------------------------------------------------------- data


def _clean_offsets(doc: Doc, start: int, end: int) -> tuple[int, int]:
    offsets = doc._.get("alignscore_offsets")
    if offsets is None:
        return start, end
    starts, ends = offsets
    i = next(k for k, s in enumerate(starts) if s >= start)
    j = max(k for k, e in enumerate(ends) if e <= end)
    return i, j + 1


def make_examples(
    rules: Language, texts: list[str], golds: list[list[dict]], annotate: bool
) -> tuple[list[Example], int]:
    """Examples with gold SKILL/TITLE as entities and as the ``skill_model`` span group.

    ``annotate`` runs the rules on the inputs (for the rule-feature tok2vec).
    """
    docs = list(rules.pipe(texts)) if annotate else [rules.make_doc(t) for t in texts]
    out, misaligned = [], 0
    for doc, gold in zip(docs, golds, strict=True):
        ref = rules.make_doc(doc.text)
        ents = []
        for g in gold:
            if g["label"] not in LABELS:
                continue
            i, j = _clean_offsets(doc, g["start_char"], g["end_char"])
            span = ref.char_span(i, j, label=g["label"], alignment_mode="expand")
            if span is None or span.text != doc.text[i:j]:
                misaligned += 1
            if span is not None:
                ents.append(span)
        ref.ents = spacy.util.filter_spans(ents)
        ref.spans[MODEL_KEY] = list(ref.ents)
        out.append(Example(doc, ref))
    return out, misaligned


def train_model(
    examples: list[Example],
    variant: str,
    epochs: int,
    seed: int = SEED,
    log: bool = False,
    checkpoints: tuple[int, ...] = (),
) -> Any:
    """Train the variant's pipeline for ``epochs`` passes with a fixed seed.

    Yields ``(epoch, nlp)`` at each epoch in ``checkpoints`` and returns the final pipeline when
    ``checkpoints`` is empty.
    """
    fix_random_seed(seed)
    config = spacy.util.load_config_from_str(trainer_config(variant))
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    data = list(examples)
    drop = VARIANTS[variant]["dropout"]
    for epoch in range(1, epochs + 1):
        rng.shuffle(data)
        losses: dict[str, float] = {}
        for batch in minibatch(data, size=16):
            nlp.update(batch, drop=drop, sgd=optimizer, losses=losses)
        if log:
            print(f"    epoch {epoch}: loss {sum(losses.values()):.1f}", file=sys.stderr)
        if epoch in checkpoints:
            yield epoch, nlp
    if not checkpoints:
        yield epochs, nlp


def trained_model(examples: list[Example], variant: str, epochs: int, **kw: Any) -> Language:
    """Train and return the final pipeline."""
    return next(iter(train_model(examples, variant, epochs, **kw)))[1]


def merger_config(
    variant: str, mode: str, min_score: float = 0.5, labels: tuple[str, ...] = LABELS
) -> dict[str, Any]:
    kind = VARIANTS[variant]["kind"]
    return {
        "source": "ents" if kind == "ner" else MODEL_KEY,
        "mode": mode,
        "min_score": min_score,
        "labels": list(labels),
    }


def combined(trained: Language | None, variant: str = "", mode: str = "", **kw: Any) -> Language:
    """A fresh copy of the default pipeline with the trained component (and a merger) appended."""
    nlp = spacy.load(model_dir() / "pipeline")
    if trained is not None:
        kind = VARIANTS[variant]["kind"]
        nlp.add_pipe(kind, name=f"skill_{kind}", source=trained)
        if mode:
            nlp.add_pipe("alignscore_span_merger", config=merger_config(variant, mode, **kw))
    return nlp


# --------------------------------------------------------------------------- CV on train

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def _spans(docs: list[Doc], texts: list[str]) -> list[list[dict]]:
    return [[s.to_dict() for s in doc_spans(d, t)] for d, t in zip(docs, texts, strict=True)]


def _merged_predictions(variant: str, docs: list[Doc], texts: list[str]) -> dict[str, list]:
    """Predictions of every combination (mode, threshold) from docs the model has annotated."""
    kind = VARIANTS[variant]["kind"]
    settings = (
        [(m, 0.5) for m in ("replace", "union")]
        if kind == "ner"
        else [(m, t) for m in ("replace", "union") for t in THRESHOLDS]
    )
    out = {}
    for mode, t in settings:
        cfg = merger_config(variant, mode, t)
        merger = SpanMerger(spans_key=SPANS_KEY, **cfg)
        name = mode if kind == "ner" else f"{mode}@{t}"
        out[name] = _spans([merger(d.copy()) for d in docs], texts)
    return out


def _scores(gold: list, pred: list) -> dict[str, Any]:
    return score_spans(gold, pred, labels=LABELS)


def cross_validate(variants: list[str], epochs: list[int], folds: int = 5) -> dict[str, Any]:
    """Grouped k-fold on train: rules vs model vs union, per variant, epochs and threshold."""
    corpus = load_corpus("train")
    jobs = load_jobs("train")
    rules = spacy.load(model_dir() / "pipeline")
    jd_ids = sorted(jobs["jd_id"])
    random.Random(SEED).shuffle(jd_ids)
    fold_of = {jd: k % folds for k, jd in enumerate(jd_ids)}
    records = [
        ("answers", t, g, fold_of[j])
        for t, g, j in zip(corpus["answer"], corpus["spans"], corpus["jd_id"], strict=True)
    ] + [
        ("jobs", t, g, fold_of[j])
        for t, g, j in zip(jobs["job_description"], jobs["job_spans"], jobs["jd_id"], strict=True)
    ]
    texts = [r[1] for r in records]
    results: dict[str, Any] = {}
    rule_docs = list(rules.pipe(texts))
    rule_pred = _spans(rule_docs, texts)
    for variant in variants:
        examples, bad = make_examples(
            rules, texts, [r[2] for r in records], annotate=VARIANTS[variant]["features"] != "plain"
        )
        print(f"{variant}: {len(examples)} examples, {bad} misaligned gold spans", file=sys.stderr)
        preds: dict[str, list] = {}
        for k in range(folds):
            train_ex = [e for e, r in zip(examples, records, strict=True) if r[3] != k]
            held = [i for i, r in enumerate(records) if r[3] == k]
            t0 = time.perf_counter()
            for epoch, nlp in train_model(
                train_ex, variant, max(epochs), checkpoints=tuple(epochs)
            ):
                proc = nlp.pipeline[0][1]
                docs = list(proc.pipe([rule_docs[i].copy() for i in held]))
                for name, p in _merged_predictions(variant, docs, [texts[i] for i in held]).items():
                    slot = preds.setdefault(f"{variant}/{name}/{epoch}", [None] * len(records))
                    for i, pi in zip(held, p, strict=True):
                        slot[i] = pi
            print(
                f"  fold {k}: {len(train_ex)} train docs, {time.perf_counter() - t0:.0f} s",
                file=sys.stderr,
            )
        for part in ("answers", "jobs"):
            idx = [i for i, r in enumerate(records) if r[0] == part]
            gold = [records[i][2] for i in idx]
            results.setdefault(("rules", part), _scores(gold, [rule_pred[i] for i in idx]))
            for name, p in preds.items():
                results[(name, part)] = _scores(gold, [p[i] for i in idx])
    return results


def print_table(results: dict[tuple[str, str], Any], title: str) -> None:
    print(f"\n{title}")
    print(
        f"{'system':<32}{'part':<18}{'label':<7}{'strict P':>9}{'R':>7}{'F1':>7}"
        f"{'relaxed P':>11}{'R':>7}{'F1':>7}{'pred':>6}{'gold':>6}"
    )
    for (system, part), res in results.items():
        for lab in LABELS:
            s, x = res[lab]["strict"], res[lab]["relaxed"]
            print(
                f"{system:<32}{part:<18}{lab:<7}{s['precision']:>9.3f}{s['recall']:>7.3f}"
                f"{s['f1']:>7.3f}{x['precision']:>11.3f}{x['recall']:>7.3f}{x['f1']:>7.3f}"
                f"{x['n_pred']:>6}{x['n_gold']:>6}"
            )


def _dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def words_per_second(pipelines: dict[str, Language], texts: list[str], rounds: int = 3) -> dict:
    """Words/s of each pipeline on ``texts``, interleaved rounds in this process (best round)."""
    n_words = sum(len(t.split()) for t in texts)
    for nlp in pipelines.values():  # warm-up
        for _ in nlp.pipe(texts[:200]):
            pass
    best: dict[str, float] = {}
    for _ in range(rounds):
        for name, nlp in pipelines.items():
            t0 = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=256):
                pass
            best[name] = max(best.get(name, 0.0), n_words / (time.perf_counter() - t0))
    return {"n_texts": len(texts), "n_words": n_words, "words_per_s": best}


def _train_on_train(variant: str, epochs: int) -> tuple[Any, Language, Any, float]:
    """The train answers, the default pipeline, ``variant`` trained on all of train, seconds."""
    corpus = load_corpus("train")
    jobs = load_jobs("train")
    rules = spacy.load(model_dir() / "pipeline")
    examples, _ = make_examples(
        rules,
        [*corpus["answer"], *jobs["job_description"]],
        [*corpus["spans"], *jobs["job_spans"]],
        annotate=VARIANTS[variant]["features"] != "plain",
    )
    t0 = time.perf_counter()
    trained = trained_model(examples, variant, epochs)
    return corpus, rules, trained, time.perf_counter() - t0


def dev_run(variant: str, epochs: int, min_score: float) -> dict[str, Any]:
    """Train on all of train, score rules / model / union once on dev, measure speed and size."""
    from alignscore.evaluation import evaluate_extraction

    corpus, rules, trained, train_s = _train_on_train(variant, epochs)
    # CV on train: the model never helped TITLE, so the chosen union merges SKILL only
    systems = {
        "rules": rules,
        "model": combined(trained, variant, "replace", min_score=min_score),
        "union": combined(trained, variant, "union", min_score=min_score, labels=(SKILL,)),
        "union_skill_title": combined(trained, variant, "union", min_score=min_score),
    }
    results = {}
    for name, nlp in systems.items():
        res = evaluate_extraction("dev", nlp=nlp)
        for part in ("answers", "answers_with_job", "jobs"):
            results[(f"{variant}/{name}", part)] = res[part]
    with tempfile.TemporaryDirectory() as tmp:
        trained.to_disk(Path(tmp) / "model")
        systems["union"].to_disk(Path(tmp) / "union")
        size = {
            "model_only": _dir_size(Path(tmp) / "model"),
            "union_pipeline": _dir_size(Path(tmp) / "union"),
            "rules_pipeline": _dir_size(model_dir() / "pipeline"),
        }
    dev = load_corpus("dev")
    texts = [*corpus["answer"], *dev["answer"]] * 3
    speed = words_per_second({"rules": rules, "union": systems["union"]}, texts)
    return {"results": results, "size_bytes": size, "speed": speed, "train_seconds": train_s}


def speed_run(variant: str, epochs: int) -> dict[str, Any]:
    """Words/s of the default pipeline and of the union pipeline of ``variant`` (no scores)."""
    corpus, rules, trained, _ = _train_on_train(variant, epochs)
    union = combined(trained, variant, "union", labels=(SKILL,))
    texts = [*corpus["answer"], *load_corpus("dev")["answer"]] * 3
    return words_per_second({"rules": rules, "union": union}, texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true")
    parser.add_argument(
        "--variants", nargs="+", default=["ner-plain", "ner-rules"], choices=sorted(VARIANTS)
    )
    parser.add_argument("--dev", action="store_true")
    parser.add_argument("--speed", action="store_true", help="words/s only, no scores")
    parser.add_argument("--epochs", nargs="+", type=int, default=[10, 20, 30])
    parser.add_argument("--min-score", type=float, default=0.5, help="spancat: --dev threshold")
    args = parser.parse_args(argv)
    if args.dev:
        for variant in args.variants:
            out = dev_run(variant, args.epochs[0], args.min_score)
            print_table(out["results"], f"dev, {variant}, trained {out['train_seconds']:.0f} s")
            print(json.dumps({k: out[k] for k in ("size_bytes", "speed")}, indent=1))
    if args.speed:
        for variant in args.variants:
            print(variant, json.dumps(speed_run(variant, args.epochs[0]), indent=1))
    if args.cv:
        res = cross_validate(args.variants, args.epochs)
        print_table(res, "5-fold grouped CV on train")
    return 0


if __name__ == "__main__":
    sys.exit(main())
