"""WARC / WARC.gz archives (Common Crawl News style): each HTTP 200 text/html response is a page.

A .warc.gz is inflated once, as it is read (``Inflating``), never ahead to check it: a truncated gzip
stream is noticed at its end. A response larger than ``max_input_bytes`` is a rejection for its record,
HTML or not (a decompression bomb says so). In an uncompressed archive, an intact record after one
whose header is corrupt is still read: reading resumes at the next "WARC/1.x" header line."""
from __future__ import annotations

import io
import logging
import re
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


INFLATE_CHUNK = 1 << 16
_RECORD_START = re.compile(rb"(?:\A|\r\n\r\n)(WARC/1\.[01]\r\n)")


class Inflating(io.RawIOBase):
    """The decompressed bytes of a (multi-member) gzip stream, read once, on demand; ``cut_off`` and
    ``corrupt`` tell, at the end, whether the stream ended early or held junk."""

    def __init__(self, data: bytes):
        self._pending = memoryview(data)
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._buffer = b""
        self.cut_off = False
        self.corrupt: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while not self._buffer and self._more():
            pass
        n = min(len(target), len(self._buffer))
        target[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return n

    def _more(self) -> bool:
        """Inflate the next piece; False at the end (of the data, or of what can be read)."""
        if self._inflater.eof:
            rest = self._inflater.unused_data + bytes(self._pending)
            if not rest:
                return False
            self._inflater, self._pending = zlib.decompressobj(16 + zlib.MAX_WBITS), memoryview(rest)
        if not self._pending and not self._inflater.unconsumed_tail:
            self.cut_off = True
            return False
        chunk = self._inflater.unconsumed_tail or bytes(self._pending[:INFLATE_CHUNK])
        if not self._inflater.unconsumed_tail:
            self._pending = self._pending[INFLATE_CHUNK:]
        try:
            self._buffer = self._inflater.decompress(chunk, INFLATE_CHUNK * 16)
        except zlib.error as exc:
            self.corrupt = str(exc)
            return False
        return True


def _stream(data: bytes) -> io.BufferedReader | io.BytesIO:
    return io.BufferedReader(Inflating(data), INFLATE_CHUNK) if data.startswith(b"\x1f\x8b") else io.BytesIO(data)


def _records(stream) -> Iterator[object]:
    """warcio's records; any error while warcio parses the next record means a corrupt archive."""
    records = ArchiveIterator(stream, arc2warc=True)
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


def _oversized(record, limit: int) -> str | None:
    """Why a record skipped as not HTML is worth a rejection: a block larger than ``limit`` (a
    decompression bomb, a video) is said, not silently inflated to the end."""
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    if declared.isdigit() and int(declared) > limit:
        kind = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or record.rec_type
        return f"a {kind} record of {int(declared) / 1e6:.1f} MB, more than {limit / 1e6:.1f} MB (max_input_bytes); skipped"
    return None


def _expected_records(data: bytes) -> int | None:
    """How many records an uncompressed WARC announces (record headers at line starts);
    None for a compressed one, checked by ``gzip_complete`` instead."""
    if data.startswith(b"\x1f\x8b"):
        return None
    return data.startswith(b"WARC/") + data.count(b"\r\n\r\nWARC/1.")


def _parses(data: bytes, at: int) -> bool:
    try:
        next(iter(ArchiveIterator(io.BytesIO(data[at:at + (1 << 20)]), arc2warc=True)))
    except Exception:  # noqa: BLE001 - warcio fails on junk with arbitrary errors
        return False
    return True


def _resume_at(data: bytes, offset: int, read: int, cut_off: bool) -> int | None:
    """Where to go on in an uncompressed archive after a bad record, ``read`` records after ``offset``:
    the next header line. A record warcio read but found cut off starts at the read-th header; one
    it could not read starts there too when that header is junk, else its first line was lost."""
    starts = [m.start(1) for m in _RECORD_START.finditer(data, offset)]
    if read < len(starts) and (cut_off or not _parses(data, starts[read])):
        read += 1
    return starts[read] if read < len(starts) and starts[read] > offset else None


def iter_warc_pages(source: Source, limit: int) -> Iterator[WarcPage | Rejection]:
    """The HTML pages of a WARC, in order; a truncated or corrupt archive ends with one Rejection
    after the complete pages read so far (an uncompressed one resumes after a corrupt header)."""
    walk = _Walk(source, limit)
    yield from walk.pages(0)
    if walk.problem is None and walk.expected is not None and walk.complete < walk.expected:
        walk.problem = f"record {walk.complete + 1} is cut off"
    if walk.problem:
        yield Rejection(source.locator, STAGE, f"truncated or corrupt WARC ({walk.problem}); the {walk.found} page(s) "
                        "before the damage were read, the rest is lost; re-download the file")


class _Walk:
    """One pass over an archive's records, counting what it met."""

    def __init__(self, source: Source, limit: int):
        self.source, self.limit = source, limit
        self.complete = self.found = 0
        self.problem: str | None = None
        self.expected = _expected_records(source.data)

    def pages(self, offset: int) -> Iterator[WarcPage | Rejection]:
        data = self.source.data
        stream = _stream(data[offset:] if offset else data)
        read = 0
        try:
            for record in _records(stream):
                yield from self._one(record)
                read += 1
        except _Corrupt as exc:
            resume = _resume_at(data, offset, read, exc.args[0] is None) if isinstance(stream, io.BytesIO) else None
            if resume is None:
                self.problem = self.problem or (f"record {self.complete + 1} is cut off" if exc.args[0] is None
                                                else f"record {self.complete + 1} is unreadable: {exc}")
                return
            exc = exc.args[0] or "its header is damaged or its block cut short"
            yield Rejection(f"{self.source.locator}#record-{self.complete + 1}", STAGE,
                            f"unreadable WARC record ({exc}); skipped, the records after it are read")
            self.complete += 1
            self.expected = None  # the count of headers no longer tells truncation apart
            yield from self.pages(resume)
            return
        inflating = getattr(stream, "raw", None)
        if isinstance(inflating, Inflating) and (inflating.cut_off or inflating.corrupt):
            self.problem = "the gzip stream is cut off" if inflating.cut_off else f"corrupt gzip data: {inflating.corrupt}"

    def _one(self, record) -> Iterator[WarcPage | Rejection]:
        locator = f"{self.source.locator}#record-{self.complete + 1}"
        try:
            page = _page(record, locator, self.limit)
        except RejectedInput as exc:
            page = Rejection(locator, STAGE, exc.reason)
        if page is None and record.rec_type is not None and (why := _oversized(record, self.limit)):
            page = Rejection(locator, STAGE, why)
        if _cut_off(record):
            raise _Corrupt(None)  # the caller resumes at the next header, if any
        self.complete += 1
        if page is not None:
            self.found += isinstance(page, WarcPage)
            yield page


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
