"""`veille load` (Parquet parts into the store) and the body of `veille ingest --engine dask`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from veille.cli.common import add_command, add_db_argument, db_label, settings_from
from veille.cli.progress import make_progress
from veille.errors import RejectedInput

LOAD_DESCRIPTION = """\
Load the Parquet parts a cluster run wrote (`veille ingest SOURCES --engine dask
--parquet-dir DIR`) into the store: articles, their analyses and the rejections.
Duplicates are decided here, by the store, exactly as in a single-machine ingest.

Loading the same folder again adds nothing; articles loaded without an analysis
wait for `veille analyze`.

exit status: 0 when the load completed; 1 when the folder or the store cannot be used."""


def register(subparsers) -> None:
    load = add_command(subparsers, "load", help="load the Parquet parts of a cluster run into the store",
                       description=LOAD_DESCRIPTION, example="veille load veille.db.parquet --db veille.db")
    load.add_argument("directory", metavar="DIR", type=Path, help="the folder of part-*.parquet files")
    add_db_argument(load)
    load.set_defaults(run=run_load_command)


def run_load_command(args: argparse.Namespace) -> int:
    from veille.cli.ingest import print_summary
    from veille.cluster import run_load

    settings = settings_from(args)
    summary = run_load(args.directory, settings, progress=make_progress(sys.stderr))
    print_summary(summary, db_label(args), analysing=True)
    return 0


def run_dask_ingest(args: argparse.Namespace) -> int:
    """`veille ingest --engine dask`: units on Dask workers, parts to --parquet-dir, then the load."""
    from veille.cli.ingest import NOTHING_READ, print_summary
    from veille.cluster import default_parquet_dir, run_cluster_ingest

    if args.engine != "dask":
        raise RejectedInput("--scheduler and --parquet-dir need --engine dask")
    analyze = not args.no_analyze
    settings = settings_from(args, batch_size=args.batch_size, workers=args.workers, analyze=analyze)
    parquet_dir = args.parquet_dir or default_parquet_dir(settings.db_path)
    stdin = sys.stdin.buffer if "-" in args.sources else None
    run = run_cluster_ingest(args.sources, settings, parquet_dir=parquet_dir, scheduler=args.scheduler,
                             workers=args.workers, progress=make_progress(sys.stderr), stdin=stdin)
    where = args.scheduler or "a local cluster"
    print(f"dask: {len(run.units)} units on {run.workers} workers ({where}); parts in {parquet_dir}")
    print_summary(run.summary, db_label(args), analysing=analyze)
    if run.summary.ingested + run.summary.already_stored == 0:
        print("nothing could be read from the sources given (see the reasons above)", file=sys.stderr)
        return NOTHING_READ
    return 0
