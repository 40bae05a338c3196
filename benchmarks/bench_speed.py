"""Speed and memory of batch scoring, as ratios measured in one run.

Resamples answer/posting pairs from the corpus (many answers per posting, as in real use) and
measures, in this process:

- answers/s and words/s of ``alignscore.score_many`` (one process), and the ratio of its words/s
  to ``spacy.blank("en")`` tokenising the same answers (the floor of any spaCy pipeline);
- the speed-up of ``n_process=2`` over one process on the same pairs, worker start-up included
  (and the start-up alone: a pool scoring two pairs);
- the naive alternative a user would write (a TF-IDF vectoriser fitted per pair, cosine of answer
  and posting) on the same pairs, and our speed as a multiple of it: the one-process run and the
  naive one alternate in rounds over the same pairs, so a slow spell of the machine weighs on
  both (each round's ratio is reported too);
- model and pipeline load time (the median of several fresh processes, with the range) and the
  first score after it, and peak memory (max RSS)
  streaming 10,000 and 100,000 answers, each in a fresh subprocess; each streamed answer
  carries strings no earlier one had (a reference number, a made-up name), so the test fails if
  new words accumulate.

Writes ``benchmarks/results/speed_<date>.json``.

Usage: python benchmarks/bench_speed.py [--pairs 20000] [--stream 10000 100000] [--quick]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

from _common import run_meta, sample_pairs, write_result

STREAM_CHILD = """
import random, resource, sys, time
import alignscore
from alignscore.datasets import load_corpus
n = int(sys.argv[1])
c = load_corpus("all")
pairs = list(zip(c["answer"], c["job_description"]))
rng = random.Random(0)
def stream():
    for i in range(n):
        a, j = rng.choice(pairs)
        # strings no earlier answer had (a reference, a name), as real answers bring: memory
        # must stay flat although the vocabulary keeps growing
        yield f"{a} Ref {i}-{rng.randrange(10**6)}, ask for Zq{i:x}x.", j
alignscore.load()
t = time.perf_counter()
answers = (a for a, _ in stream())
count = 0
rng2 = random.Random(0)
jds = (rng2.choice(pairs)[1] for _ in range(n))
for _ in alignscore.score_many(answers, jds, batch_size=256):
    count += 1
elapsed = time.perf_counter() - t
print(count, elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

LOAD_CHILD = """
import time
t0 = time.perf_counter()
import alignscore
t1 = time.perf_counter()
alignscore.load()
t2 = time.perf_counter()
# the first score reads what loading left for later (tables read on first use)
alignscore.score("I want to lead the night shift within two years.", "Shift Supervisor. Lean.")
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def naive_tfidf(pairs: list[tuple[str, str]]) -> float:
    """Seconds for the naive per-pair TF-IDF cosine on ``pairs``."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    t = time.perf_counter()
    for answer, jd in pairs:
        m = TfidfVectorizer().fit_transform([answer or "empty", jd or "empty"])
        cosine_similarity(m[0], m[1])
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=20000)
    ap.add_argument("--stream", type=int, nargs="*", default=[10000, 100000])
    ap.add_argument("--naive-pairs", type=int, default=4000)
    ap.add_argument("--rounds", type=int, default=4, help="alternating rounds of ours and naive")
    ap.add_argument("--load-runs", type=int, default=5, help="fresh processes timing the load")
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    if args.quick:
        args.pairs, args.stream, args.naive_pairs, args.load_runs = 1000, [1000, 3000], 200, 2

    import spacy

    import alignscore

    pairs = sample_pairs(args.pairs)
    answers = [a for a, _ in pairs]
    jds = [j for _, j in pairs]
    words = sum(len(a.split()) for a in answers)
    alignscore.load()
    list(alignscore.score_many(answers[:200], jds[:200]))  # warm-up

    blank = spacy.blank("en")

    # the tokenizer, ours and the naive alternative in alternating rounds over the same pairs, so
    # that a slow spell of a noisy machine weighs on all three alike; ratios come from the
    # summed times
    t_tok = t_ours = t_naive = 0.0
    n_naive = 0
    round_ratios = []
    size = -(-len(pairs) // args.rounds)
    naive_size = -(-args.naive_pairs // args.rounds)
    for lo in range(0, len(pairs), size):
        chunk_answers, chunk_jds = answers[lo : lo + size], jds[lo : lo + size]
        t = time.perf_counter()
        for _ in blank.pipe(chunk_answers, batch_size=256):
            pass
        t_tok += time.perf_counter() - t
        t = time.perf_counter()
        for _ in alignscore.score_many(chunk_answers, chunk_jds, batch_size=256):
            pass
        ours_round = time.perf_counter() - t
        naive = pairs[lo : lo + min(size, naive_size)]
        naive_round = naive_tfidf(naive)
        t_ours += ours_round
        t_naive += naive_round
        n_naive += len(naive)
        round_ratios.append((naive_round / len(naive)) / (ours_round / len(chunk_answers)))
    # n_process=2 on the same pairs as the one-process run above, worker start-up included
    t = time.perf_counter()
    for _ in alignscore.score_many(answers, jds, batch_size=256, n_process=2):
        pass
    t_two = time.perf_counter() - t
    t = time.perf_counter()
    list(alignscore.score_many(answers[:2], jds[:2], batch_size=1, n_process=2))
    t_startup = time.perf_counter() - t

    ours_per_pair = t_ours / len(pairs)
    naive_per_pair = t_naive / n_naive

    # load time in fresh processes, several times: one run on this kind of machine swings by
    # a third, so the median is reported with the range
    loads = [
        [
            float(v)
            for v in subprocess.run(
                [sys.executable, "-c", LOAD_CHILD], capture_output=True, text=True, check=True
            ).stdout.split()
        ]
        for _ in range(args.load_runs)
    ]
    load_out = [statistics.median(run[k] for run in loads) for k in range(3)]
    memory = {}
    for n in args.stream:
        out = subprocess.run(
            [sys.executable, "-c", STREAM_CHILD, str(n)], capture_output=True, text=True, check=True
        ).stdout.split()
        memory[str(n)] = {
            "answers": int(out[0]),
            "seconds": round(float(out[1]), 1),
            "max_rss_mb": round(int(out[2]) / 1024, 1),
        }

    report = {
        "pairs": len(pairs),
        "distinct_postings": len(set(jds)),
        "words": words,
        "answers_per_s": round(len(pairs) / t_ours, 1),
        "words_per_s": round(words / t_ours),
        "tokenizer_words_per_s": round(words / t_tok),
        "ratio_to_tokenizer": round(t_tok / t_ours, 4),
        "n_process_2_speedup": round(t_ours / t_two, 2),
        "n_process_2_startup_seconds": round(t_startup, 2),
        "naive_tfidf_answers_per_s": round(1 / naive_per_pair, 1),
        "speed_vs_naive_tfidf": round(naive_per_pair / ours_per_pair, 2),
        "speed_vs_naive_tfidf_per_round": [round(r, 2) for r in round_ratios],
        "naive_tfidf_pairs": n_naive,
        "import_seconds": round(load_out[0], 3),
        "load_seconds": round(load_out[1], 3),
        "load_seconds_range": [
            round(min(r[1] for r in loads), 3),
            round(max(r[1] for r in loads), 3),
        ],
        "load_runs": len(loads),
        "first_score_seconds": round(load_out[2], 3),
        "stream_memory": memory,
    }
    if len(args.stream) >= 2:
        lo, hi = memory[str(args.stream[0])], memory[str(args.stream[-1])]
        report["memory_ratio_largest_to_smallest"] = round(hi["max_rss_mb"] / lo["max_rss_mb"], 3)
    report["meta"] = run_meta()
    print(json.dumps(report, indent=1))
    if not args.no_write and not args.quick:
        write_result("speed", report)
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
