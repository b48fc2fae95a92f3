"""Ingestion: files, directories, globs, stdin and URLs in; Articles (or Rejections) out.

    for item in iter_articles(["data/sample"], settings):
        ...  # an Article, or a Rejection with locator, stage "ingest" and a reason

One module per input kind (text, html, feeds, warc, tabular), each with a pure parse function;
``detect`` tells the kind by content, ``sources`` expands the specs lazily.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import BinaryIO

from lxml import etree

from veille.config import Settings
from veille.errors import RejectedInput, unexpected
from veille.ingest.detect import detect_kind, gunzip, is_gzip, is_warc_gzip
from veille.ingest.feeds import iter_feed
from veille.ingest.fetch import Fetcher
from veille.ingest.html import parse_html
from veille.ingest.sources import RawInput, expand
from veille.ingest.tabular import iter_csv, iter_json
from veille.ingest.text import parse_text
from veille.ingest.warc import iter_warc
from veille.model import Article, Rejection, Source, SourceKind

__all__ = ["STAGE", "iter_articles", "parse_source"]

STAGE = "ingest"
_PARSER_ERRORS = (etree.LxmlError, UnicodeError)  # third-party parsers failing on malformed input
log = logging.getLogger(__name__)


def _unpacked(source: Source, settings: Settings) -> tuple[Source, SourceKind]:
    """The source (decompressed when it is a plain .gz) and its kind."""
    if not source.data.strip():
        raise RejectedInput("empty: there is nothing to read")
    if source.kind_hint is not None:
        return source, source.kind_hint
    if is_gzip(source.data) and not is_warc_gzip(source.data):
        source = replace(source, data=gunzip(source.data, settings.max_input_bytes))
        if not source.data.strip():
            raise RejectedInput("empty: the gzip file holds nothing")
    return source, detect_kind(source.data, source.locator.removesuffix(".gz"))


def _parse(source: Source, settings: Settings, fetcher: Fetcher | None,
           charset: str | None = None) -> Iterator[Article | Rejection]:
    source, kind = _unpacked(source, settings)
    if kind is SourceKind.TEXT:
        yield parse_text(source, settings)
    elif kind is SourceKind.HTML:
        yield parse_html(source, settings, charset=charset)
    elif kind is SourceKind.FEED:
        yield from iter_feed(source, settings, fetcher)
    elif kind is SourceKind.WARC:
        yield from iter_warc(source, settings)
    elif kind is SourceKind.JSONL:
        yield from iter_json(source, settings)
    elif kind is SourceKind.CSV:
        yield from iter_csv(source, settings)


def _results(raw: RawInput, settings: Settings, fetcher: Fetcher | None) -> Iterator[Article | Rejection]:
    """Everything one raw input gives; its failure is one Rejection after what it gave so far, and an
    input that gives nothing at all (a CSV header without rows, an empty JSON array) is one too."""
    given = 0
    try:
        for item in _parse(raw.source, settings, fetcher, raw.charset):
            given += 1
            yield item
        if not given:
            yield Rejection(raw.source.locator, STAGE, "no article found: it holds no record, item or page")
    except RejectedInput as exc:
        yield Rejection(exc.locator or raw.source.locator, STAGE, exc.reason)
    except _PARSER_ERRORS as exc:
        yield Rejection(raw.source.locator, STAGE, f"unreadable input ({type(exc).__name__}: {exc}); check the file")
    except Exception as exc:  # noqa: BLE001 - one input's bug costs that input, recorded with its type
        log.debug("unexpected error reading %s", raw.source.locator, exc_info=True)
        yield Rejection(raw.source.locator, STAGE, unexpected(exc))


def iter_articles(specs: Iterable[str], settings: Settings, *,
                  stdin: BinaryIO | None = None) -> Iterator[Article | Rejection]:
    """Articles and Rejections from every input named by ``specs`` (files, directories, globs,
    "-" for stdin, http(s) URLs), lazily, one input at a time, in order. Never raises for bad input."""
    with Fetcher(settings.fetch) as fetcher:
        for spec in specs:
            yield from _spec_results(str(spec), settings, stdin, fetcher)


def _spec_results(spec: str, settings: Settings, stdin: BinaryIO | None,
                  fetcher: Fetcher) -> Iterator[Article | Rejection]:
    """Everything one spec gives; a failure listing its files ends that spec with one Rejection."""
    try:
        for raw in expand([spec], settings, stdin=stdin, fetcher=fetcher):
            if isinstance(raw, Rejection):
                yield raw
            else:
                yield from _results(raw, settings, fetcher)
    except Exception as exc:  # noqa: BLE001 - the other specs still run
        log.debug("unexpected error listing %s", spec, exc_info=True)
        yield Rejection(spec, "read", unexpected(exc))


def parse_source(source: Source, settings: Settings) -> list[Article]:
    """The articles of one raw input. Raise RejectedInput when it gives none; bad records of a
    container that does give articles are dropped (``iter_articles`` reports them one by one)."""
    with Fetcher(settings.fetch) as fetcher:
        results = list(_results(RawInput(source), settings, fetcher))
    articles = [r for r in results if isinstance(r, Article)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    if not articles and rejections:
        more = f" (and {len(rejections) - 1} more)" if len(rejections) > 1 else ""
        raise RejectedInput(rejections[0].reason + more, locator=rejections[0].locator, stage=STAGE)
    if not articles:
        raise RejectedInput("no article found", locator=source.locator, stage=STAGE)
    return articles
