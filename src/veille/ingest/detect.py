"""What kind of input a byte string is, judged by its content (the file name is only a tie-breaker)."""
from __future__ import annotations

import json
import re
import zlib

from veille.errors import RejectedInput
from veille.ingest.decode import SNIFF_BYTES, bom_encoding, utf16_without_bom
from veille.model import SourceKind

GZIP_MAGIC = b"\x1f\x8b"
_BINARY_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"SQLite format 3", "an SQLite database"),
)
_FIRST_TAG = re.compile(r"<\s*([A-Za-z][\w:.-]*)")
_PROLOG = re.compile(r"^(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.DOTALL | re.IGNORECASE)
_FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf"}
_HTML_ROOTS = {"html", "head", "body", "meta", "title", "p", "div", "article", "section", "main", "h1", "h2",
               "header", "table", "ul", "span", "a", "link", "script", "style", "br"}
_HTML_TAG = re.compile(r"<(?:p|div|article|br|span|a|b|i|em|strong|h[1-6]|ul|ol|li|img|table)\b[^>]*>", re.IGNORECASE)
_JSON_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz")
_CSV_DELIMITERS = (",", ";", "\t", "|")
_CSV_TEXT_COLUMNS = {"text", "title", "body", "content", "texte", "titre"}


def _binary_reason(data: bytes) -> str | None:
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            return f"binary file ({what}), not a news article; convert it to text or HTML first"
    if b"\x00" in data[:SNIFF_BYTES] and bom_encoding(data) not in ("utf-16", "utf-32") \
            and utf16_without_bom(data) is None:
        return "binary file, not a news article (it contains NUL bytes); give a text, HTML, feed, WARC, JSONL or CSV file"
    return None


def gunzip_head(data: bytes, size: int = 64) -> bytes:
    """The first decompressed bytes of a gzip stream (b"" when it cannot even start)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:SNIFF_BYTES * 4], size)
    except zlib.error:
        return b""


def _head_text(data: bytes) -> str:
    head = data[:SNIFF_BYTES]
    encoding = bom_encoding(head) or utf16_without_bom(head)
    if encoding:
        return head.decode(encoding, errors="ignore").lstrip("\ufeff")
    return head.decode("utf-8", errors="ignore")


def _markup_kind(head: str) -> SourceKind:
    """Feed or HTML for a document that starts with markup; RejectedInput for other XML."""
    body = head[_PROLOG.match(head).end():]
    if re.match(r"\s*<!doctype\s+html", head, re.IGNORECASE) or re.match(r"\s*<html", body, re.IGNORECASE):
        return SourceKind.HTML
    match = _FIRST_TAG.match(body.lstrip())
    tag = match.group(1).lower() if match else ""
    if tag in _FEED_ROOTS:
        return SourceKind.FEED
    if tag in _HTML_ROOTS or (not head.lstrip().startswith("<?xml") and _HTML_TAG.search(head)):
        return SourceKind.HTML
    root = match.group(1) if match else "?"
    raise RejectedInput(f"an XML document (root element <{root}>) that is neither a feed nor a web page; "
                        "convert it to text or HTML first")


def _is_json(data: bytes, head: str, name: str | None) -> bool:
    """JSON Lines when the first non-blank line parses as a JSON object (or a file named .jsonl
    starts like one: its bad lines are then reported one by one); a JSON array of objects too."""
    stripped = head.lstrip()
    if stripped.startswith("["):
        return stripped[1:].lstrip().startswith("{")
    if not stripped.startswith("{"):
        return False
    if name and name.lower().endswith(_JSON_SUFFIXES):
        return True
    start = len(data) - len(data.lstrip())
    end = data.find(b"\n", start)
    try:
        return isinstance(json.loads(data[start : end if end >= 0 else len(data)]), dict)
    except ValueError:
        return False
    except RecursionError:  # an object nested too deeply: JSON Lines, its reader says what is wrong
        return True


def _is_csv_header(head: str) -> bool:
    first_line = head.lstrip().split("\n", 1)[0].strip()
    for delimiter in _CSV_DELIMITERS:
        fields = [f.strip().strip('"').strip().lower() for f in first_line.split(delimiter)]
        if len(fields) >= 2 and all(0 < len(f) <= 40 and " " not in f for f in fields):
            if _CSV_TEXT_COLUMNS & set(fields):
                return True
    return False


def detect_kind(data: bytes, name: str | None = None) -> SourceKind:
    """The kind of ``data``; raise RejectedInput for binary junk. A gzip stream that does not
    hold a WARC must be decompressed (``gunzip``) before calling this."""
    if data.startswith(GZIP_MAGIC):
        if is_warc_gzip(data):
            return SourceKind.WARC
        raise RejectedInput("gzip file that is not a WARC: decompress it first")
    if data.startswith(b"WARC/"):
        return SourceKind.WARC
    reason = _binary_reason(data)
    if reason:
        raise RejectedInput(reason)
    head = _head_text(data)
    if head.lstrip().startswith("<"):
        return _markup_kind(head)
    if _is_json(data, head, name):
        return SourceKind.JSONL
    if _is_csv_header(head) or (name and name.lower().endswith((".csv", ".tsv")) and "," in head.split("\n", 1)[0]):
        return SourceKind.CSV
    if _HTML_TAG.search(head) and re.search(r"</p>|<br", head, re.IGNORECASE):
        return SourceKind.HTML  # text with paragraphs in markup
    return SourceKind.TEXT


def is_gzip(data: bytes) -> bool:
    return data.startswith(GZIP_MAGIC)


def is_warc_gzip(data: bytes) -> bool:
    return is_gzip(data) and gunzip_head(data).startswith(b"WARC/")


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress a (possibly multi-member) gzip stream up to ``limit`` bytes; raise RejectedInput
    when it is truncated, corrupt or expands beyond the limit."""
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += inflater.decompress(rest, limit + 1 - len(out))
        except zlib.error as exc:
            raise RejectedInput(f"corrupt gzip file ({exc}); re-download or re-compress it") from None
        if len(out) > limit:
            raise RejectedInput(f"too large once decompressed: more than {limit / 1e6:.1f} MB (limit max_input_bytes)")
        if not inflater.eof:
            raise RejectedInput("truncated gzip file: it ends before the compressed data does; re-download it")
        rest = inflater.unused_data
    return bytes(out)
