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
