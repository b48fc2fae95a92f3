"""WARC / WARC.gz archives (Common Crawl News style): each HTTP 200 text/html response is a page."""
from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace

from warcio.archiveiterator import ArchiveIterator

from veille.config import Settings
from veille.errors import RejectedInput, unexpected
from veille.ingest.dates import parse_date_value
from veille.ingest.decode import charset_from_content_type
from veille.ingest.html import parse_html
from veille.model import Article, Rejection, Source, SourceKind

STAGE = "ingest"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WarcPage:
    """An HTML response found in a WARC, ready for the HTML parser."""

    source: Source
    charset: str | None


def _page(record, locator: str, limit: int) -> WarcPage | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith(_HTML_TYPES):
        return None
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        raise RejectedInput(f"response larger than {limit / 1e6:.1f} MB (max_input_bytes); skipped")
    headers = record.rec_headers
    source = Source(
        locator=locator,
        data=data,
        url=headers.get_header("WARC-Target-URI"),
        kind_hint=SourceKind.HTML,
        published_hint=parse_date_value(headers.get_header("WARC-Date")),
    )
    return WarcPage(source, charset_from_content_type(content_type))


def gzip_complete(data: bytes) -> bool:
    """True when every gzip member of ``data`` ends properly (the output is discarded)."""
    rest = data
    while rest:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while rest and not inflater.eof:
                inflater.decompress(rest[:1 << 20], 1 << 22)
                rest = inflater.unconsumed_tail + rest[1 << 20 :]
        except zlib.error:
            return False
        if not inflater.eof:
            return False
        rest = inflater.unused_data + rest
    return True


def _records(source: Source) -> Iterator[object]:
    """warcio's records; any error while warcio parses the next record means a corrupt archive."""
    records = ArchiveIterator(io.BytesIO(source.data), arc2warc=True)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - warcio fails on junk with arbitrary errors
            raise _Corrupt(f"{type(exc).__name__}: {exc}") from None
        yield record


class _Corrupt(Exception):
    pass


def _cut_off(record) -> bool:
    """A record whose headers stop before Content-Length, or whose block is shorter than it says
    (what is left of the block is read to find out)."""
    if record.rec_type is None or not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
        return True
    while record.raw_stream.read(1 << 16):
        pass
    return getattr(record.raw_stream, "limit", 0) > 0


def _expected_records(data: bytes) -> int | None:
    """How many records an uncompressed WARC announces (record headers at line starts);
    None for a compressed one, checked by ``gzip_complete`` instead."""
    if data.startswith(b"\x1f\x8b"):
        return None
    return data.startswith(b"WARC/") + data.count(b"\r\n\r\nWARC/1.")


def iter_warc_pages(source: Source, limit: int) -> Iterator[WarcPage | Rejection]:
    """The HTML pages of a WARC, in order; a truncated or corrupt archive ends with one Rejection
    after the complete pages read so far."""
    complete, pages, problem = 0, 0, None
    expected = _expected_records(source.data)
    if expected is None and not gzip_complete(source.data):
        problem = "the gzip stream is cut off"
    try:
        for record in _records(source):
            locator = f"{source.locator}#record-{complete + 1}"
            try:
                page = _page(record, locator, limit)
            except RejectedInput as exc:
                page = Rejection(locator, STAGE, exc.reason)
            if _cut_off(record):
                problem = f"record {complete + 1} is cut off"
                break
            complete += 1
            if page is not None:
                pages += isinstance(page, WarcPage)
                yield page
    except _Corrupt as exc:
        problem = problem or f"record {complete + 1} is unreadable: {exc}"
    if problem is None and expected is not None and complete < expected:
        problem = f"record {complete + 1} is cut off"
    if problem:
        yield Rejection(source.locator, STAGE, f"truncated or corrupt WARC ({problem}); the {pages} page(s) "
                        "before the damage were read, the rest is lost; re-download the file")


def iter_warc(source: Source, settings: Settings) -> Iterator[Article | Rejection]:
    """Articles of a WARC file; a page with no article text is a Rejection for its record."""
    for item in iter_warc_pages(source, settings.max_input_bytes):
        if isinstance(item, Rejection):
            yield item
            continue
        try:
            article = replace(parse_html(item.source, settings, charset=item.charset), source_kind=SourceKind.WARC)
        except RejectedInput as exc:
            yield Rejection(item.source.locator, STAGE, exc.reason)
        except Exception as exc:  # noqa: BLE001 - one page's bug costs that page only
            log.debug("unexpected error on %s", item.source.locator, exc_info=True)
            yield Rejection(item.source.locator, STAGE, unexpected(exc))
        else:
            yield article
