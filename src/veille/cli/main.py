"""The `veille` command: assembles the subcommands of the cli/ modules.

To add a command group, write ``veille/cli/<name>.py`` with a
``register(subparsers)`` that adds its parsers and sets ``run=<function(args) -> int>``,
then add its name to ``COMMAND_MODULES``.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from veille import __version__
from veille.cli.common import HelpFormatter
from veille.errors import RejectedInput

COMMAND_MODULES = (
    "ingest",     # ingest, analyze
    "articles",   # articles, show, stats
    "export",     # export
    "eval",       # eval
    "load",       # load (the Parquet parts of `veille ingest --engine dask`)
    "query",      # actors, events, dyad
    "serve",      # serve
)

EPILOG = """\
examples:
  veille ingest article.html data/corpus/ --db veille.db
  veille articles --search Russie
  veille show seed-000
  veille export --format jsonl --out export.jsonl

The store is ./veille.db unless --db PATH or $VEILLE_DB says otherwise.
Every command has --help with an example."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="veille", formatter_class=HelpFormatter, epilog=EPILOG,
        description="Reads French news and turns it into evidence: PLOVER events with status, "
                    "attribution, quotes and time.")
    parser.add_argument("--version", action="version", version=f"veille {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"veille.cli.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status (0 ok, 1 an error to act on, 2 bad usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors: argparse already printed
        return exc.code if isinstance(exc.code, int) else 2
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.run(args)
    except RejectedInput as exc:
        print(f"veille: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("veille: interrupted; the store is consistent, run the same command again to finish",
              file=sys.stderr)
        return 130
    except BrokenPipeError:  # `veille export | head`: the reader went away, not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
