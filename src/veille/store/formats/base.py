"""What every event-data export shares: a name, a media type, a header and lines per event row."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Protocol, TextIO

from veille.model import Actor
from veille.store.formats.rows import EventRow, iter_event_rows
from veille.store.rows import code


class EventFormat(Protocol):
    name: str
    media_type: str
    extension: str

    def header(self) -> str:
        """What the file starts with ('' for none)."""

    def lines(self, rows: Iterable[EventRow]) -> Iterator[str]:
        """One line (or JSON record) per row it exports, each ending with a newline."""


def write_events(store, fmt: EventFormat, out: TextIO, doc_ids: Iterable[str] | None = None) -> int:
    """Stream the store's events (or the given articles') in ``fmt`` to ``out``; returns the lines written."""
    out.write(fmt.header())
    count = 0
    for line in fmt.lines(iter_event_rows(store, doc_ids)):
        out.write(line)
        count += 1
    return count


def delimited(values: Iterable, delimiter: str = ",") -> str:
    """One CSV line (RFC 4180 quoting, \\n ended)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerow(["" if v is None else v for v in values])
    return buffer.getvalue()


def sectors(actor: Actor | None) -> str:
    return ";".join(code(s) for s in actor.sector) if actor is not None else ""


def number(value: float | None, digits: int = 4) -> str:
    return "" if value is None else f"{value:.{digits}f}".rstrip("0").rstrip(".")


def one_line(text: str | None) -> str:
    """Text on one line without tabs (for tab-separated files)."""
    return " ".join((text or "").split())
