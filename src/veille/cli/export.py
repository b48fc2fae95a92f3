"""`veille export`: the JSON Lines export (../shared/spec/export-format.md) to stdout or a file,
flat Parquet tables for analytics (store/parquet_tables.py) to a folder, or one event per line
in the formats of the field (store/formats: polecat, gdelt, acled, csv; docs/exports.md)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from veille.cli.common import add_command, add_db_argument, open_store_for_read
from veille.errors import RejectedInput
from veille.store.export import export_jsonl
from veille.store.formats import EVENT_FORMATS, export_events

FORMATS = ("jsonl", "parquet") + EVENT_FORMATS


def register(subparsers) -> None:
    export = add_command(subparsers, "export", help="write every stored article with its analysis",
                         description="Write one JSON object per stored article and its analysis (the format "
                                     "the evaluator reads). Written to stdout unless --out is given; with "
                                     "--out the file appears complete or not at all.",
                         example="veille export --format jsonl --out export.jsonl --db veille.db\n"
                                 "  veille export --format parquet --out tables/ --db veille.db\n"
                                 "  veille export --format gdelt --out events.tsv    (also polecat, acled, csv: "
                                 "one event per line; docs/exports.md)")
    export.add_argument("--format", choices=FORMATS, default="jsonl",
                        help="output format (default jsonl): jsonl and parquet hold whole articles; polecat "
                             "(PLOVER JSON), gdelt (GDELT 2.0 events, tab-separated), acled (ACLED columns, CSV) "
                             "and csv (flat) one event per line")
    export.add_argument("--header", action="store_true",
                        help="with --format gdelt, start with a line of column names (GDELT's files have none)")
    export.add_argument("--out", metavar="FILE", type=Path,
                        help="write to FILE instead of stdout; with --format parquet, the folder (required) "
                             "for the tables articles, events, quotes, timexes, entities by month")
    export.add_argument("doc_ids", nargs="*", metavar="DOC_ID", help="only these articles (default: all)")
    add_db_argument(export)
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    if args.format == "parquet":
        return _export_parquet(args)
    if args.format in EVENT_FORMATS:
        return _export_events(args)
    doc_ids = args.doc_ids or None
    with open_store_for_read(args) as store:
        unknown = [d for d in doc_ids or () if store.get_record(d) is None]
        if unknown:
            raise RejectedInput(f"no article {', '.join(map(repr, unknown))} in the store; "
                                "list the stored ones with `veille articles`")
        if args.out is None:
            count = export_jsonl(store, sys.stdout, doc_ids)
            sys.stdout.flush()
        else:
            count = _export_to_file(store, args.out, doc_ids)
    where = f" to {args.out}" if args.out else ""
    print(f"exported {count} articles{where}", file=sys.stderr)
    return 0


def _export_events(args: argparse.Namespace) -> int:
    doc_ids = args.doc_ids or None

    def write(store, out) -> int:
        return export_events(store, args.format, out, doc_ids, header=args.header)

    with open_store_for_read(args) as store:
        _check_known(store, doc_ids)
        if args.out is None:
            count = write(store, sys.stdout)
            sys.stdout.flush()
        else:
            count = _export_to_file(store, args.out, doc_ids, write=write)
    where = f" to {args.out}" if args.out else ""
    print(f"exported {count} events ({args.format}){where}", file=sys.stderr)
    return 0


def _check_known(store, doc_ids) -> None:
    unknown = [d for d in doc_ids or () if store.get_record(d) is None]
    if unknown:
        raise RejectedInput(f"no article {', '.join(map(repr, unknown))} in the store; "
                            "list the stored ones with `veille articles`")


def _export_to_file(store, out: Path, doc_ids, write=None) -> int:
    if not out.parent.is_dir():
        raise RejectedInput(f"cannot write {out}: folder {out.parent} does not exist")
    partial = out.with_name(out.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="\n") as fh:
            count = write(store, fh) if write else export_jsonl(store, fh, doc_ids)
        os.replace(partial, out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count


def _export_parquet(args: argparse.Namespace) -> int:
    from veille.store.parquet_tables import export_parquet

    if args.out is None or args.doc_ids:
        raise RejectedInput("--format parquet writes every article to a folder: give --out DIR and no DOC_ID")
    with open_store_for_read(args) as store:
        counts = export_parquet(store, args.out)
    tables = ", ".join(f"{count} {name}" for name, count in counts.items())
    print(f"exported {tables} to {args.out}/ (partitioned by month)", file=sys.stderr)
    return 0
