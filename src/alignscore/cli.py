"""The ``alignscore`` command line: thin wrappers over tested functions that return data."""

from __future__ import annotations

import argparse
import json
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from .errors import AlignScoreError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["main"]


def _cmd_corpus(args: argparse.Namespace) -> int:
    from .datasets import format_summary, summarize_corpus

    summary = summarize_corpus(path=args.path)
    print(json.dumps(summary, indent=1) if args.json else format_summary(summary))
    return 0


def _cmd_build_pipeline(args: argparse.Namespace) -> int:
    from .pipeline import build_pipeline, save_pipeline

    path = save_pipeline(build_pipeline(), args.model)
    print(f"saved the pipeline to {path}")
    return 0


_DATA_HELP = (
    "directory of a labelled set in the corpus's schema (jobs.jsonl, answers.jsonl, splits.json);"
    " default: the packaged corpus"
)


def _cmd_evaluate_extraction(args: argparse.Namespace) -> int:
    from .evaluation import evaluate_extraction

    for split in args.splits:
        res = evaluate_extraction(split, path=args.data)
        print(f"{split}: {res['n_answers']} answers, {res['n_jobs']} job descriptions")
        print(f"  {'':<20}{'label':<9}{'strict F1':>10}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}")
        for part in ("answers", "answers_with_job", "jobs"):
            for label, r in res[part].items():
                if not isinstance(r, dict):
                    continue
                x = r["relaxed"]
                print(
                    f"  {part:<20}{label:<9}{r['strict']['f1']:>10.3f}{x['precision']:>8.3f}"
                    f"{x['recall']:>8.3f}{x['f1']:>8.3f}{x['n_gold']:>7}"
                )
        print(f"  HORIZON bucket accuracy {res['answers']['horizon_bucket_accuracy']:.3f}")
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from .training import train

    path = train(args.model, random_state=args.seed)
    print(f"trained and saved the scorer to {path}")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .training import evaluate, format_report

    report = evaluate(args.split, args.model, path=args.data)
    print(json.dumps(report, indent=1) if args.json else format_report(report))
    return 0


def _read_text_arg(value: str) -> str:
    if value.startswith("@"):
        from pathlib import Path

        return Path(value[1:]).read_text(encoding="utf-8")
    return value


def _cmd_explain(args: argparse.Namespace) -> int:
    from .api import score

    answer, jd = _read_text_arg(args.answer), _read_text_arg(args.job_description)
    result = score(answer, jd, model=args.model)
    if args.json:
        print(json.dumps(result.to_dict(), indent=1))
        return 0
    print(format_explanation(answer, result))
    return 0


def format_explanation(answer: str, result: object) -> str:
    """Render one result: scores and bands, flags, the answer with spans marked, the reasons."""
    from .labels import SCORES

    lines = ["scores (0-1, band 1-5):"]
    for name in SCORES:
        lines.append(f"  {name:<15} {getattr(result, name):.2f}  band {result.bands[name]}")  # type: ignore[attr-defined]
    flags = sorted(result.flags)  # type: ignore[attr-defined]
    lines.append("flags: " + (", ".join(flags) if flags else "none"))
    marked = answer
    for span in sorted(result.spans, key=lambda s: -s.start_char):  # type: ignore[attr-defined]
        if span.label in ("SKILL", "TITLE", "HORIZON"):
            marked = (
                marked[: span.start_char]
                + f"[{span.text}]{{{span.label}}}"
                + marked[span.end_char :]
            )
    lines += ["", "answer with spans marked:", "  " + marked.replace("\n", "\n  "), ""]
    goals = [s for s in result.spans if s.label == "GOAL"]  # type: ignore[attr-defined]
    if goals:
        lines.append("goals:")
        for g in goals:
            extra = " (negated)" if g.negated else " (hypothetical)" if g.hypothetical else ""
            when = f" [{result.spans[g.horizon].text}]" if g.horizon is not None else ""  # type: ignore[attr-defined]
            lines.append(f"  - {g.text}{when}{extra}")
    lines.append("why:")
    lines += [f"  - {e}" for e in result.explanations]  # type: ignore[attr-defined]
    return "\n".join(lines)


def _with_input_columns(
    chunk: pd.DataFrame, scored: pd.DataFrame, args: argparse.Namespace, jd_col: str
) -> pd.DataFrame:
    """The scored rows beside the input's columns: ids and metadata always, texts on request.

    The answer and posting columns are left out unless ``--keep-columns`` is given; an input
    column named like an output column ("overall", "error") gives way to the output's.
    """
    carry = chunk
    if not args.keep_columns:
        texts = [c for c in (args.answer_column, jd_col) if c in chunk.columns]
        carry = chunk.drop(columns=texts)
    carry = carry.drop(columns=[c for c in carry.columns if c in scored.columns])
    return carry.join(scored)


def _cmd_score(args: argparse.Namespace) -> int:
    from .api import score_frames
    from .io import ChunkWriter, read_chunks

    posting = None
    if args.job_description_file:
        from pathlib import Path

        posting = Path(args.job_description_file).read_text(encoding="utf-8")
    jd_col = args.jd_column
    n_rows = n_err = 0
    chunks = read_chunks(args.input, args.chunk_size)
    if posting is not None:
        chunks = (c.assign(**{jd_col: posting}) for c in chunks)
    # the input is read, scored and written a chunk at a time (one score_many stream for the
    # whole file: one progress bar, one process pool, one posting cache), so memory stays flat
    inputs: deque[pd.DataFrame] = deque()

    def remember(stream: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for chunk in stream:
            inputs.append(chunk)
            yield chunk

    scored_chunks = score_frames(
        remember(chunks),
        answer_col=args.answer_column,
        jd_col=jd_col,
        batch_size=args.batch_size,
        n_process=args.n_process,
        progress=not args.quiet,
    )
    with ChunkWriter(args.output) as writer:
        for scored in scored_chunks:
            chunk = inputs.popleft()
            writer.write(_with_input_columns(chunk, scored, args, jd_col))
            n_rows += len(scored)
            n_err += int(scored["error"].notna().sum())
    print(
        f"scored {n_rows - n_err} of {n_rows} rows into {args.output}"
        + (f"; {n_err} rows have an error" if n_err else ""),
        file=sys.stderr,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``alignscore`` command."""
    from .about import __version__

    parser = argparse.ArgumentParser(
        prog="alignscore",
        description="Score answers to 'How does this position align with your career goals?'.",
    )
    parser.add_argument("--version", action="version", version=f"alignscore {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("corpus", help="print the labelled corpus summary")
    p.add_argument("--path", default=None, help="corpus directory (default: the packaged corpus)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=_cmd_corpus)
    p = sub.add_parser(
        "build-pipeline", help="rebuild the spaCy pipeline from its config and patterns"
    )
    p.add_argument("--model", default="default", help="model name (directory under models/)")
    p.set_defaults(func=_cmd_build_pipeline)
    p = sub.add_parser(
        "evaluate-extraction",
        help="span precision/recall/F1 per label on corpus splits (relaxed = overlap)",
    )
    p.add_argument("--splits", nargs="+", default=["dev"], choices=["train", "dev", "test", "all"])
    p.add_argument("--data", default=None, help=_DATA_HELP)
    p.set_defaults(func=_cmd_evaluate_extraction)
    p = sub.add_parser(
        "train", help="train the scorer on the corpus train split into models/<model>/"
    )
    p.add_argument("--model", default="default")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=_cmd_train)
    p = sub.add_parser(
        "evaluate", help="print the model card's metric table (model vs baselines, flags)"
    )
    p.add_argument("--split", default="test", choices=["train", "dev", "test", "all"])
    p.add_argument("--model", default=None)
    p.add_argument("--data", default=None, help=_DATA_HELP)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_evaluate)
    p = sub.add_parser("explain", help="score one answer and show scores, flags, spans and reasons")
    p.add_argument("answer", help="the answer text, or @FILE")
    p.add_argument("job_description", help="the job description text, or @FILE")
    p.add_argument("--model", default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_explain)
    p = sub.add_parser("score", help="score a CSV, JSONL or Parquet file of answers")
    p.add_argument("input", help="input file (.csv, .jsonl, .parquet)")
    p.add_argument("output", help="output file (.csv, .jsonl, .parquet)")
    p.add_argument("--answer-column", default="answer")
    p.add_argument("--jd-column", default="job_description")
    p.add_argument("--job-description-file", default=None, help="one posting for every row")
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--n-process", type=int, default=1)
    p.add_argument(
        "--chunk-size",
        type=int,
        default=1_000,
        help="rows read, scored and written at a time (memory stays flat for any file size)",
    )
    p.add_argument(
        "--keep-columns",
        action="store_true",
        help="also keep the answer and job-description text columns (other input columns, "
        "such as ids, are always kept)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_score)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except AlignScoreError as err:
        print(f"Error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
