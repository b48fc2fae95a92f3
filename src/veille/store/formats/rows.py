"""Events streamed out of a store, one ``EventRow`` at a time, for the event-data exports.

    for row in iter_event_rows(store):
        row.event.type, row.doc_id, row.day, row.outlet

Articles are read in chunks (store.export.chunks) with their analyses, so memory stays flat however
large the store. Exact copies of an article have no analysis of their own and give no rows
(their original's events are its events); near duplicates give theirs, with ``duplicate_of``.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from veille.model import Event
from veille.store.export import chunks, stored_records

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event with what every export needs of its article."""

    doc_id: str
    idx: int
    event: Event
    title: str
    url: str | None
    published: date | None
    language: str | None
    analysed_at: str | None
    duplicate_of: str | None
    lead_end: int  # end offset of the article's first paragraph

    @property
    def event_id(self) -> int:
        """A stable number for (doc_id, idx): the same in every export of any store (53 bits)."""
        digest = hashlib.blake2b(f"{self.doc_id}#{self.idx}".encode(), digest_size=8).digest()
        return int.from_bytes(digest, "big") >> 11

    @property
    def day(self) -> date | None:
        """The event's day: its own date (the first day of a month, year or week given alone),
        else the article's publication date."""
        return event_day(self.event.date.value if self.event.date else None) or self.published

    @property
    def precision(self) -> str | None:
        """``day``, ``week``, ``month`` or ``year`` of the event's own date; ``publication``
        when the publication date stands in; None without any date."""
        value = self.event.date.value if self.event.date else None
        if value and event_day(value) and not self.event.date.from_publication:
            return date_precision(value)
        return "publication" if self.day else None

    @property
    def outlet(self) -> str | None:
        """The publishing site: the host of the article's URL without ``www.``."""
        host = urlsplit(self.url).hostname if self.url else None
        return host.removeprefix("www.") if host else None

    @property
    def added(self) -> datetime | None:
        """When the article was analysed (UTC)."""
        return datetime.fromisoformat(self.analysed_at) if self.analysed_at else None

    @property
    def in_lead(self) -> bool:
        """The evidence starts in the article's first paragraph."""
        return self.event.evidence.start < self.lead_end


def event_day(value: str | None) -> date | None:
    """The first day an ISO date of any precision covers (2020-08 -> 2020-08-01), else None."""
    if not value:
        return None
    try:
        if match := _DAY.match(value):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _MONTH.match(value):
            return date(int(match[1]), int(match[2]), 1)
        if match := _YEAR.match(value):
            return date(int(match[1]), 1, 1)
        if match := _WEEK.match(value):
            return date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None
    return None


def date_precision(value: str) -> str:
    if _DAY.match(value):
        return "day"
    if _WEEK.match(value):
        return "week"
    return "month" if _MONTH.match(value) else "year"


def iter_event_rows(store, doc_ids: Iterable[str] | None = None) -> Iterator[EventRow]:
    """Every event of the store (or of the given articles), article by article, in storage order."""
    for chunk in chunks(stored_records(store, doc_ids)):
        analysed = [r.article.doc_id for r in chunk if r.analysed_at]
        analyses = store.load_analyses(analysed) if analysed else {}
        for record in chunk:
            analysis = analyses.get(record.article.doc_id)
            if analysis is None:
                continue
            article = record.article
            lead_end = article.text.find("\n")
            for idx, event in enumerate(analysis.events):
                yield EventRow(article.doc_id, idx, event, article.title, article.url, article.published,
                               article.language, record.analysed_at, record.duplicate_of,
                               lead_end if lead_end >= 0 else len(article.text))
