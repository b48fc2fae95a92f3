"""What every command module shares: the --db option, opening the store, settings."""
from __future__ import annotations

import argparse
import os

from veille.config import DEFAULT_DB, Settings
from veille.store import Store

DB_HELP = f"the store file (default: $VEILLE_DB, else ./{DEFAULT_DB})"


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the line breaks of descriptions and example epilogs."""


def add_command(subparsers, name: str, *, help: str, example: str, description: str | None = None):
    """A subcommand parser with an example in its --help epilog."""
    return subparsers.add_parser(name, help=help, description=description or help,
                                 epilog=f"example:\n  {example}", formatter_class=HelpFormatter)


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", default=None, help=DB_HELP)


def settings_from(args: argparse.Namespace, **overrides) -> Settings:
    """Settings for this invocation: --db, else $VEILLE_DB, else ./veille.db."""
    return Settings.from_env(db=args.db, **{k: v for k, v in overrides.items() if v is not None})


def open_store_for_read(args: argparse.Namespace) -> Store:
    """The existing store; a missing file is an error a person can act on (RejectedInput)."""
    settings = settings_from(args)
    return Store.open(settings.db_path, create=False, near_threshold=settings.near_duplicate_threshold)


def db_label(args: argparse.Namespace) -> str:
    return str(args.db or os.environ.get("VEILLE_DB") or DEFAULT_DB)


def _whole_number(text: str, minimum: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"{value} is too small: give {minimum} or more")
    return value


def positive_int(text: str) -> int:
    return _whole_number(text, 1)


def non_negative_int(text: str) -> int:
    return _whole_number(text, 0)
