"""JSON Lines (or a JSON array) and CSV with one article per record: id, title, text, published, url.

Each bad record becomes a Rejection located at its line ("path#line-12"); the others go on.
Column names and their aliases come from data/fields.yaml.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Iterator, Mapping

from veille.config import Settings
from veille.errors import RejectedInput, unexpected
from veille.ingest.article import build_article
from veille.ingest.dates import parse_date_value
from veille.ingest.decode import decode_bytes
from veille.ingest.lexicon import field_aliases
from veille.model import Article, Rejection, Source, SourceKind

STAGE = "ingest"
_CSV_DELIMITERS = ",;\t|"
MAX_JSON_DEPTH = 64  # an article record is two levels deep; deeper nesting is refused before parsing
_JSON_NESTING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
log = logging.getLogger(__name__)


def _fields(record: Mapping[str, object]) -> dict[str, object]:
    """The record's values under Article field names (the first alias present wins)."""
    aliases = field_aliases()
    out: dict[str, object] = {}
    for key, value in record.items():
        name = aliases.get(str(key).strip().casefold())
        if name and name not in out and value not in (None, ""):
            out[name] = value
    return out


def _tags(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if isinstance(value, (list, tuple)):
        return tuple(str(t).strip() for t in value if str(t).strip())
    return ()


def _optional_str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def record_article(record: Mapping[str, object], locator: str, kind: SourceKind, settings: Settings) -> Article:
    """One JSON/CSV record as an Article; raise RejectedInput when it has no text."""
    fields = _fields(record)
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RejectedInput("record has no text (expected a non-empty 'text' field); add the article body")
    doc_id = fields.get("id")
    return build_article(
        title=_optional_str(fields.get("title")),
        text=text,
        kind=kind,
        locator=locator,
        settings=settings,
        doc_id=str(doc_id).strip() if doc_id is not None and str(doc_id).strip() else None,
        url=_optional_str(fields.get("url")),
        published=parse_date_value(fields.get("published")),
        byline=_optional_str(fields.get("byline")),
        section=_optional_str(fields.get("section")),
        tags=_tags(fields.get("tags")),
    )


def _record_or_rejection(record: object, locator: str, kind: SourceKind, settings: Settings) -> Article | Rejection:
    if not isinstance(record, dict):
        return Rejection(locator, STAGE, f"not a JSON object but a {type(record).__name__}; one article per line")
    try:
        _check_unicode(record)
        return record_article(record, locator, kind, settings)
    except RejectedInput as exc:
        return Rejection(locator, STAGE, exc.reason)
    except Exception as exc:  # noqa: BLE001 - one record's bug costs that record only
        log.debug("unexpected error on %s", locator, exc_info=True)
        return Rejection(locator, STAGE, unexpected(exc))


def _check_unicode(record: dict) -> None:
    """Refuse lone surrogates ("\\ud800"): valid JSON, but no text can be stored with them."""
    for key, value in record.items():
        for text in (key, value):
            if isinstance(text, str) and not text.isascii():
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError as exc:
                    raise RejectedInput(f"field {str(key)[:40]!r} holds an invalid character "
                                        f"({text[exc.start]!r}, a lone surrogate); fix or remove the record") from None


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in a JSON text (brackets inside strings do not count)."""
    depth = deepest = 0
    for m in _JSON_NESTING.finditer(text):
        token = m.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


def _loads(text: str) -> object:
    """``json.loads`` with a depth limit (a deeply nested line would exhaust Python's stack)."""
    if json_depth(text) > MAX_JSON_DEPTH:
        raise RejectedInput(f"JSON nested more than {MAX_JSON_DEPTH} levels deep; an article record is a flat object")
    return json.loads(text)


def _decode(data: bytes, locator: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return decode_bytes(data, locator=locator)


def iter_json(source: Source, settings: Settings) -> Iterator[Article | Rejection]:
    """Articles of a JSON Lines file (or of a JSON array of objects), one Rejection per bad line."""
    text = _decode(source.data, source.locator)
    if text.lstrip().startswith("["):
        yield from _iter_json_array(text, source, settings)
        return
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        locator = f"{source.locator}#line-{number}"
        try:
            record = _loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(locator, STAGE, f"not valid JSON: {exc.msg} (column {exc.colno}); fix or remove the line")
            continue
        except RejectedInput as exc:
            yield Rejection(locator, STAGE, exc.reason)
            continue
        yield _record_or_rejection(record, locator, SourceKind.JSONL, settings)


def _iter_json_array(text: str, source: Source, settings: Settings) -> Iterator[Article | Rejection]:
    try:
        records = _loads(text)
    except json.JSONDecodeError as exc:
        raise RejectedInput(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(records, list):
        raise RejectedInput("not a JSON array of objects; give one article object per record")
    for number, record in enumerate(records, 1):
        yield _record_or_rejection(record, f"{source.locator}#record-{number}", SourceKind.JSONL, settings)


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in _CSV_DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def iter_csv(source: Source, settings: Settings) -> Iterator[Article | Rejection]:
    """Articles of a CSV file with a header row; one Rejection per bad row."""
    text = _decode(source.data, source.locator)
    csv.field_size_limit(max(csv.field_size_limit(), settings.max_input_bytes))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0]))
    header = [h.strip() for h in next(reader, [])]
    if "text" not in _fields({h: "x" for h in header}):
        raise RejectedInput(f"CSV has no text column (columns: {', '.join(header) or 'none'}); name the body column 'text'")
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Rejection(f"{source.locator}#line-{start}", STAGE, f"unreadable CSV ({exc}); the rest of the file is skipped")
            return
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        locator = f"{source.locator}#line-{start}"
        if len(row) != len(header):
            yield Rejection(locator, STAGE, f"{len(row)} fields where the header has {len(header)}; check the quoting")
            continue
        yield _record_or_rejection(dict(zip(header, row)), locator, SourceKind.CSV, settings)
