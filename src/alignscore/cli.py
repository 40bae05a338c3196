"""The ``alignscore`` command line: thin wrappers over tested functions that return data."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .errors import AlignScoreError

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


def _cmd_evaluate_extraction(args: argparse.Namespace) -> int:
    from .evaluation import evaluate_extraction

    for split in args.splits:
        res = evaluate_extraction(split)
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
    p = sub.add_parser("build-pipeline", help="rebuild the spaCy pipeline from its config and patterns")
    p.add_argument("--model", default="default", help="model name (directory under models/)")
    p.set_defaults(func=_cmd_build_pipeline)
    p = sub.add_parser(
        "evaluate-extraction", help="span precision/recall/F1 per label on corpus splits (relaxed = overlap)"
    )
    p.add_argument("--splits", nargs="+", default=["dev"], choices=["train", "dev", "test"])
    p.set_defaults(func=_cmd_evaluate_extraction)
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
