"""`veille ingest` and `veille analyze`: run the pipeline, print what it did."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from veille.cli.common import add_command, add_db_argument, db_label, positive_int, settings_from
from veille.cli.progress import make_progress
from veille.config import Settings

NOTHING_READ = 2
WARNINGS_SHOWN = 20
WORKERS_HELP = ("analyse in N processes sharing one loaded model "
                "(default: $VEILLE_WORKERS, else the number of cores)")

INGEST_DESCRIPTION = """\
Read articles from files, directories, globs, '-' (stdin), http(s) URLs, feeds,
WARC, JSONL or CSV; store them (exact and near duplicates are linked to their
original, articles not in French are stored but not analysed) and analyse the
new French ones.

Running the same command again adds nothing new; after an interruption it
finishes the job. Items that cannot be read are listed with their reason.

exit status: 0 when the run completed, even if some items were rejected;
             2 when no article at all could be read from the sources given;
             1 when the store cannot be used."""


REANALYZE_DESCRIPTION = """\
Every analysis records the versions of veille, the spaCy model, the knowledge base and
the lexicon that made it. This command redoes the analyses whose versions differ from
the current ones (after an upgrade or an edit of the knowledge files), or with
--since-version, only those made by one old version. Up-to-date analyses are left alone."""


def register(subparsers) -> None:
    ingest = add_command(subparsers, "ingest", help="read sources into the store and analyse them",
                         description=INGEST_DESCRIPTION,
                         example="veille ingest article.html data/corpus/ feed.xml --db veille.db")
    ingest.add_argument("sources", nargs="+", metavar="SOURCE", help="file, directory, glob, URL or -")
    add_db_argument(ingest)
    ingest.add_argument("--no-analyze", action="store_true", help="store only; analyse later with `veille analyze`")
    ingest.add_argument("--batch-size", type=positive_int, metavar="N", help="articles per transaction (default 64)")
    ingest.add_argument("--workers", type=positive_int, metavar="N",
                        help=WORKERS_HELP + "; with --engine dask, the local cluster's workers (default: the cores)")
    ingest.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local: this process (default); dask: Dask workers, results as Parquet, then loaded")
    ingest.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask: a running Dask scheduler (tcp://host:8786); default a local cluster")
    ingest.add_argument("--parquet-dir", metavar="DIR", type=Path,
                        help="with --engine dask: where the workers write Parquet parts (default: <db>.parquet/)")
    ingest.add_argument("--allow-private-urls", action="store_true",
                        help="also fetch from loopback, private and link-local addresses (a server on this "
                             "machine or network; default: refused, also for feed links; "
                             "or set VEILLE_ALLOW_PRIVATE_URLS=1)")
    ingest.set_defaults(run=run_ingest_command)

    analyze = add_command(subparsers, "analyze", help="analyse the stored articles not analysed yet",
                          example="veille analyze --db veille.db")
    add_db_argument(analyze)
    analyze.add_argument("--batch-size", type=positive_int, metavar="N", help="articles per batch (default 64)")
    analyze.add_argument("--workers", type=positive_int, metavar="N", help=WORKERS_HELP)
    analyze.add_argument("--retry-failed", action="store_true",
                         help="also retry the articles the analyser rejected before")
    analyze.set_defaults(run=run_analyze_command)

    re = add_command(subparsers, "reanalyze", help="redo the analyses an upgrade made out of date",
                     description=REANALYZE_DESCRIPTION, example="veille reanalyze --db veille.db")
    add_db_argument(re)
    re.add_argument("--since-version", metavar="VERSION",
                    help="redo only the analyses made by this version of any component (see `veille show`)")
    re.add_argument("--batch-size", type=positive_int, metavar="N", help="articles per batch (default 64)")
    re.add_argument("--workers", type=positive_int, metavar="N", help=WORKERS_HELP)
    re.set_defaults(run=run_reanalyze_command)


@contextmanager
def analyzer_for(settings: Settings, workers: int) -> Iterator:
    """The analyser to hand the pipeline: in this process, or a pool of ``workers`` processes.

    Either loads the model only when the first batch needs it; with a pool, this process does not
    even import the NLP stack (the fork server holds it)."""
    if workers <= 1:
        from veille.extract.analyze import make_analyzer

        yield make_analyzer(settings)
        return
    from veille.parallel import PoolAnalyzer

    with PoolAnalyzer(settings, workers) as pool:
        yield pool


def run_ingest_command(args: argparse.Namespace) -> int:
    from veille.pipeline import run_ingest

    if args.engine == "dask" or args.scheduler or args.parquet_dir:
        from veille.cli.load import run_dask_ingest

        return run_dask_ingest(args)
    settings = settings_from(args, batch_size=args.batch_size, workers=args.workers,
                             analyze=False if args.no_analyze else None)
    if args.allow_private_urls:
        settings = settings.model_copy(update={"fetch": settings.fetch.model_copy(update={"allow_private_urls": True})})
    stdin = sys.stdin.buffer if "-" in args.sources else None
    with analyzer_for(settings, settings.workers) if settings.analyze else nullcontext() as analyzer:
        summary = run_ingest(args.sources, settings, analyzer=analyzer, progress=make_progress(sys.stderr),
                             stdin=stdin)
    print_summary(summary, db_label(args), analysing=analyzer is not None)
    if summary.ingested + summary.already_stored == 0:
        print("nothing could be read from the sources given (see the reasons above)", file=sys.stderr)
        return NOTHING_READ
    return 0


def run_reanalyze_command(args: argparse.Namespace) -> int:
    from veille.extract.analyze import current_versions
    from veille.pipeline import run_reanalyze
    from veille.store import Store

    settings = settings_from(args, batch_size=args.batch_size, workers=args.workers)
    Store.open(settings.db_path, create=False).close()
    versions = current_versions()
    with analyzer_for(settings, settings.workers) as analyzer:
        summary = run_reanalyze(settings, analyzer, versions, since=args.since_version,
                                progress=make_progress(sys.stderr))
    print(f"current versions: {', '.join(f'{k} {v}' for k, v in versions.items())}")
    print_analyze_summary(summary, db_label(args))
    return 0


def run_analyze_command(args: argparse.Namespace) -> int:
    from veille.pipeline import run_analyze
    from veille.store import Store

    settings = settings_from(args, batch_size=args.batch_size, workers=args.workers)
    Store.open(settings.db_path, create=False).close()  # a missing store is the first thing to say
    with analyzer_for(settings, settings.workers) as analyzer:
        summary = run_analyze(settings, analyzer, progress=make_progress(sys.stderr),
                              retry_failed=args.retry_failed)
    print_analyze_summary(summary, db_label(args))
    return 0


def print_summary(summary, db: str, *, analysing: bool) -> None:
    """The end-of-ingest report: counts, then every rejection with its locator and reason."""
    print(f"{db}: {summary.ingested} new articles stored in {summary.seconds:.1f} s")
    rows = [
        ("exact duplicates", summary.duplicates_exact, "stored, linked to their original"),
        ("near duplicates", summary.duplicates_near, "stored, linked to their original"),
        ("already stored", summary.already_stored, "skipped"),
        ("not in French", summary.non_french, "stored, not analysed"),
        ("analysed", summary.analysed, "" if analysing else "analysis off"),
    ]
    for label, count, note in rows:
        suffix = f"   ({note})" if note and (count or label == "analysed") else ""
        print(f"  {label + ':':18}{count:>7}{suffix}")
    _print_tail(summary)


def print_analyze_summary(summary, db: str) -> None:
    print(f"{db}: {summary.analysed} articles analysed in {summary.seconds:.1f} s")
    _print_tail(summary)


def _print_tail(summary) -> None:
    print(f"  {'rejected:':18}{len(summary.rejected):>7}")
    for rejection in summary.rejected:
        print(f"    {rejection.locator}: {rejection.reason} [{rejection.stage}]")
    warnings = getattr(summary, "warnings", ())
    if warnings:
        print(f"  {'warnings:':18}{len(warnings):>7}   (read, but check these)")
        for warning in warnings[:WARNINGS_SHOWN]:
            print(f"    {warning}")
        if len(warnings) > WARNINGS_SHOWN:
            print(f"    … and {len(warnings) - WARNINGS_SHOWN} more (the first 200 are kept with the run in the store)")
    if summary.slowest_stage:
        seconds = dict(summary.stage_seconds)[summary.slowest_stage]
        print(f"  slowest stage: {summary.slowest_stage} ({seconds:.1f} s)")
