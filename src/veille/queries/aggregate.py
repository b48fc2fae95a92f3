"""Summaries of a list of events: counts by status, distinct articles and independent sources, dates."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from veille.queries.types import Breakdown, EventHit, SourceArticle, StatusCounts

EVENT_TYPE_ORDER = {name: i for i, name in enumerate(
    ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
     "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"))}


def source_of(hit: EventHit) -> str:
    """The independent source of an event: its article, or the original that article copies."""
    return hit.duplicate_of or hit.doc_id


def month_of(date: str | None) -> str | None:
    return date[:7] if date and len(date) >= 7 else None


def breakdown(key: str, hits: Sequence[EventHit]) -> Breakdown:
    dates = sorted(h.date for h in hits if h.date)
    return Breakdown(
        key=key,
        by_status=StatusCounts.of(Counter(h.status for h in hits)),
        articles=len({h.doc_id for h in hits}),
        sources=len({source_of(h) for h in hits}),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
    )


class Tally:
    """A Breakdown built one event at a time (one pass over many events)."""

    __slots__ = ("statuses", "docs", "sources", "first", "last")

    def __init__(self) -> None:
        self.statuses: dict = {}
        self.docs: set[str] = set()
        self.sources: set[str] = set()
        self.first: str | None = None
        self.last: str | None = None

    def add(self, status, doc_id: str, duplicate_of: str | None, date: str | None) -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1
        self.docs.add(doc_id)
        self.sources.add(duplicate_of or doc_id)
        if date:
            if self.first is None or date < self.first:
                self.first = date
            if self.last is None or date > self.last:
                self.last = date

    def breakdown(self, key: str) -> Breakdown:
        return Breakdown(key, StatusCounts.of(self.statuses), len(self.docs), len(self.sources), self.first,
                         self.last)


def group(hits: Iterable[EventHit], key: Callable[[EventHit], str | None]) -> dict[str, list[EventHit]]:
    """Hits by ``key`` (hits whose key is None are left out), in first-seen order."""
    groups: dict[str, list[EventHit]] = defaultdict(list)
    for hit in hits:
        k = key(hit)
        if k is not None:
            groups[k].append(hit)
    return groups


def by_month(hits: Iterable[EventHit]) -> tuple[Breakdown, ...]:
    groups = group(hits, lambda h: month_of(h.date))
    return tuple(breakdown(month, groups[month]) for month in sorted(groups))


def source_articles(hits: Iterable[EventHit]) -> tuple[SourceArticle, ...]:
    """The articles the events come from, oldest first, with how many events each gives."""
    counts: Counter = Counter()
    first: dict[str, EventHit] = {}
    for hit in hits:
        counts[hit.doc_id] += 1
        first.setdefault(hit.doc_id, hit)
    ordered = sorted(first.values(), key=lambda h: (h.published or "9999", h.doc_id))
    return tuple(SourceArticle(h.doc_id, h.title, h.url, h.published, h.duplicate_of, counts[h.doc_id])
                 for h in ordered)
