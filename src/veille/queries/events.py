"""Event search: filters on actors, type, mode, status, dates, place, country and words; stable pages.

    page = search_events(store, EventFilters(actor=russia, statuses=(Status.ALLEGED,)), limit=20)
    page.items, page.total, page.next_offset

Sorts are total orders (the event id breaks ties), so paging with ``offset``
never repeats nor skips an event while the store does not change.
"""
from __future__ import annotations

import re

from veille.model import QUAD_CLASS
from veille.queries.sqlparts import (
    COL,
    DATE_SORT,
    EVENT_COLUMNS,
    EVENT_FROM,
    actor_clause,
    either_side,
    event_from_row,
    fold,
    install_functions,
    placeholders,
)
from veille.queries.types import SORTS, EventFilters, EventPage
from veille.store.articles import fts_query

MAX_LIMIT = 500
_WORD = re.compile(r"\w")
_COUNTRY = re.compile(r"^[A-Z]{3}$")

_ORDER = {
    "-date": f"{DATE_SORT} DESC, e.id DESC",
    "date": f"{DATE_SORT} IS NULL, {DATE_SORT} ASC, e.id ASC",
    "-confidence": "e.confidence DESC, e.id DESC",
    "confidence": "e.confidence ASC, e.id ASC",
}


def search_events(store, filters: EventFilters, *, limit: int = 50, offset: int = 0,
                  sort: str = "-date") -> EventPage:
    """One page of the events matching every filter, in a stable order."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; one of {', '.join(SORTS)}")
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    where, params = filter_clause(store, filters)
    source = EVENT_FROM if "a." in where else "events AS e"  # join the articles only when a filter needs them
    order = f"SELECT e.id FROM {source} WHERE {where} ORDER BY {_ORDER[sort]}"
    if where == "1":  # everything: count it, read one page through the sort index
        total = store.execute("SELECT count(*) FROM events").fetchone()[0]
        ids = [r[0] for r in store.execute(f"{order} LIMIT ? OFFSET ?", params + [limit, offset])]
    else:  # filtered: the matching ids once, in order, give both the total and the page
        matching = [r[0] for r in store.execute(order, params)]
        total, ids = len(matching), matching[offset:offset + limit]
    rows = {r[COL["id"]]: r for r in store.execute(
        f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE e.id IN ({placeholders(ids)})", ids)} if ids else {}
    return EventPage(tuple(event_from_row(rows[i]) for i in ids), total, limit, offset, sort)


def filter_clause(store, f: EventFilters) -> tuple[str, list]:
    """The WHERE clause (over events ``e`` joined to articles ``a``) of a set of filters."""
    terms: list[str] = []
    params: list = []

    def add(sql: str, values=()) -> None:
        terms.append(sql)
        params.extend(values)

    for side, selector in (("source", f.source), ("target", f.target)):
        if selector is not None:
            add(*actor_clause(side, selector, f.members))
    if f.actor is not None:
        add(*either_side(f.actor, f.members))
    if f.types or f.quads:
        types = sorted(t.value for t in (f.types or QUAD_CLASS) if not f.quads or QUAD_CLASS[t] in f.quads)
        add(f"e.type IN ({placeholders(types) or 'NULL'})", types)
    for column, values in (("e.mode", f.modes), ("e.status", [s.value for s in f.statuses])):
        if values:
            add(f"{column} IN ({placeholders(values)})", list(values))
    _dates(add, f.date_from, f.date_to)
    if f.place and _COUNTRY.match(f.place):
        add("e.place_country = ?", [f.place])
    elif f.place:
        add("(e.place_name LIKE ? ESCAPE '\\' OR e.place_country = ?)", [like(f.place) + "%", f.place.upper()])
    if f.country:
        add("(e.source_country = ? OR e.target_country = ?)", [f.country.upper()] * 2)
    if f.doc_id:
        add("e.doc_id = ?", [f.doc_id])
    if f.text:
        _words(store, add, f.text)
    return (" AND ".join(terms) or "1"), params


def _dates(add, date_from: str | None, date_to: str | None) -> None:
    """Keep events whose date, at its own precision, overlaps [date_from, date_to].

    An event dated 2020-08 overlaps 2020-08-15..2020-09-30; one dated 2020 overlaps any range
    meeting 2020. Each precision (day, month, year) is a range on the indexed DATE_SORT (a week
    sorts as its Monday); an event without a date of its own takes its article's date.
    """
    if not (date_from or date_to):
        return
    low, high = date_from or "", date_to or "\uffff"
    terms, values = [], []
    for size in (10, 7, 4):
        test = "length({0}) >= 10" if size == 10 else f"length({{0}}) = {size}"
        terms.append(f"({DATE_SORT} BETWEEN ? AND ? AND {test.format(DATE_SORT)})")
        values += [low[:size], high[:size] + ("\uffff" if len(high) < size else "")]
    published = ("(e.date_value IS NULL AND e.doc_id IN"
                 " (SELECT doc_id FROM articles WHERE published BETWEEN ? AND ?))")
    add("(" + " OR ".join(terms + [published]) + ")", values + [low, high + "\uffff"])


def _words(store, add, text: str) -> None:
    """Every word must occur in the evidence (accents and case ignored; a word may be a prefix)."""
    words = [w.strip("*") for w in text.split() if _WORD.search(w)]
    query = fts_query(" ".join(f"{w}*" for w in words))  # raises RejectedInput when no word
    add("e.doc_id IN (SELECT f.doc_id FROM articles_fts JOIN articles AS f ON f.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ?)", [query])
    install_functions(store.execute("SELECT 1").connection)
    add("veille_words(e.evidence_text, ?)", ["\x1f".join(fold(w) for w in words)])


def like(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (for ``ESCAPE '\\'``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
