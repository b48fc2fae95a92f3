"""`veille articles`, `veille show` and `veille stats`: read the store, print it."""
from __future__ import annotations

import argparse
import json

from veille.cli.common import (
    add_command,
    add_db_argument,
    db_label,
    non_negative_int,
    open_store_for_read,
    positive_int,
)
from veille.cli.render import print_analysis, print_record, print_stats
from veille.errors import RejectedInput

TITLE_WIDTH = 72


def register(subparsers) -> None:
    articles = add_command(subparsers, "articles", help="list stored articles, or search them",
                           example='veille articles --search "junte Russie" --limit 10')
    articles.add_argument("--search", metavar="TEXT",
                          help="words that must all occur (accents and case ignored; word* for a prefix)")
    articles.add_argument("--limit", type=positive_int, default=20, metavar="N", help="at most N rows (default 20)")
    articles.add_argument("--offset", type=non_negative_int, default=0, metavar="N", help="skip the first N rows")
    add_db_argument(articles)
    articles.set_defaults(run=run_articles)

    show = add_command(subparsers, "show", help="one article: metadata, text, entities, events, quotes, time",
                       example="veille show seed-000")
    show.add_argument("doc_id", metavar="DOC_ID")
    show.add_argument("--no-text", action="store_true", help="leave the body text out")
    add_db_argument(show)
    show.set_defaults(run=run_show)

    stats = add_command(subparsers, "stats", help="counts: articles, languages, duplicates, events, rejections",
                        example="veille stats --db veille.db")
    stats.add_argument("--json", action="store_true", help="print the counts as one JSON object")
    add_db_argument(stats)
    stats.set_defaults(run=run_stats)


def run_articles(args: argparse.Namespace) -> int:
    with open_store_for_read(args) as store:
        records = list(store.iter_articles(args.search, limit=args.limit, offset=args.offset))
    if not records:
        what = f"no article matches {args.search!r}" if args.search else "no article stored"
        print(f"{what} in {db_label(args)}")
        return 0
    width = max(len("doc_id"), *(len(r.article.doc_id) for r in records))
    print(f"{'doc_id':{width}}  {'date':10}  {'lang':4}  title")
    for record in records:
        article = record.article
        title = _shorten(article.title, TITLE_WIDTH)
        if record.duplicate_of:
            title += f"  [{record.duplicate_kind} copy of {record.duplicate_of}]"
        published = article.published.isoformat() if article.published else "-"
        print(f"{article.doc_id:{width}}  {published:10}  {article.language or '?':4}  {title}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    with open_store_for_read(args) as store:
        record = store.get_record(args.doc_id)
        if record is None:
            raise RejectedInput(f"no article {args.doc_id!r} in {db_label(args)}; "
                                f"list the stored ones with `veille articles --db {db_label(args)}`")
        analysis = store.load_analysis(args.doc_id)
    print_record(record, with_text=not args.no_text)
    print_analysis(record, analysis)
    return 0


def run_stats(args: argparse.Namespace) -> int:
    with open_store_for_read(args) as store:
        stats = store.stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False))
    else:
        print_stats(db_label(args), stats)
    return 0


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
