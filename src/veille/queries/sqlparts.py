"""SQL shared by the queries: actor selectors as WHERE clauses, event dates, rows to records.

Every query reads the store's tables through ``Store.execute`` (events ``e``
joined to articles ``a``); nothing here writes.
"""
from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from functools import lru_cache
from operator import itemgetter

from veille.model import QUAD_CLASS, Actor, EntityKind, EventType, Place, Span, Status
from veille.queries.types import ActorSelector, EventHit

# An ISO week (2012-W26) as the date of its Monday, so that it sorts among calendar dates.
_WEEK = "e.date_value GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'"
_MONDAY = ("date(substr(e.date_value, 1, 4) || '-01-04', '-' || ((CAST(strftime('%w', substr(e.date_value, 1, 4)"
           " || '-01-04') AS INTEGER) + 6) % 7) || ' days', '+' || ((CAST(substr(e.date_value, 7) AS INTEGER)"
           " - 1) * 7) || ' days')")
_CALENDAR = ("e.date_value GLOB '[0-9][0-9][0-9][0-9]' OR e.date_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'")

# The order of events in time: keep identical to the index events_sort_date (migrations/0050).
DATE_SORT = f"(CASE WHEN {_WEEK} THEN {_MONDAY} ELSE e.date_value END)"

# The date an event is placed at: its own date when it is a calendar date (2020, 2020-08,
# 2020-08-21; a week as its Monday), else the article's publication date.
EVENT_DATE = f"(CASE WHEN {_WEEK} THEN {_MONDAY} WHEN {_CALENDAR} THEN e.date_value ELSE a.published END)"

# An article's independent source: the original of a near-duplicate or syndicated copy.
SOURCE_OF = "coalesce(a.duplicate_of, a.doc_id)"

_ACTOR_FIELDS = ("name", "country", "sector", "org", "kb_id", "confidence", "role", "kind")
EVENT_FIELDS = (
    ("id", "doc_id", "idx", "type", "mode", "status", "evidence_start", "evidence_end", "evidence_text",
     "date_value", "date_text", "date_from_publication", "place_name", "place_country", "place_lat", "place_lon",
     "place_geonames_id", "confidence", "trigger", "evidence_in")
    + tuple(f"{side}_{name}" for side in ("source", "target", "attributed") for name in _ACTOR_FIELDS))
EVENT_COLUMNS = (", ".join(f"e.{name}" for name in EVENT_FIELDS)
                 + f", a.title, a.published, a.url, a.duplicate_of, {EVENT_DATE}")
# Where each column of EVENT_COLUMNS is in a row (rows are read by position: faster than by name).
COL = {name: i for i, name in enumerate(EVENT_FIELDS + ("a_title", "a_published", "a_url", "a_duplicate_of",
                                                         "eff_date"))}
_ACTOR_COLS = {side: itemgetter(*(COL[f"{side}_{name}"] for name in _ACTOR_FIELDS))
               for side in ("source", "target", "attributed")}
# Articles through the covering index of migration 0051 (their body text is never read here).
EVENT_FROM = "events AS e JOIN articles AS a INDEXED BY articles_event_meta ON a.doc_id = e.doc_id"

STATE_DEFAULT_SECTORS = ("GOV",)
STATUSES = {s.value: s for s in Status}        # faster than Status(code) in loops over many rows
EVENT_TYPES = {t.value: t for t in EventType}


def actor_clause(side: str, selector: ActorSelector, members: bool, *, alias: str = "e"
                 ) -> tuple[str, list]:
    """``(sql, params)`` true when the ``side`` actor ("source", "target") of row ``alias`` is the selector.

    ``side`` may be "speaker" (alias "q", quotes) or "" (alias "en", entities' own columns).

    The one membership rule (``veille.queries.types``): identity first (knowledge-base id,
    organisation id; a person is only itself). A country selector is the state (its given
    sectors, else GOV) or, with ``members``, every actor of the country (restricted to its
    sectors when some are given). A body that rules its country (``selector.ruling``) with
    ``members`` also covers the country's actors in its sectors in the articles published during its rule — never
    a person (``kind``), who joins a group only through the org id of a dated role.
    """
    col = f"{alias}.{side}_" if side else f"{alias}."
    terms: list[str] = []
    params: list = []
    if selector.kb_id:
        terms.append(f"{col}kb_id = ?")
        params.append(selector.kb_id)
    if selector.is_person:
        return "(" + " OR ".join(terms) + ")", params
    if selector.org:
        terms.append(f"{col}org = ?")
        params.append(selector.org)
    if selector.country and selector.is_country:
        sectors = selector.sectors
        if not sectors and not members:
            sectors = STATE_DEFAULT_SECTORS
        sql, sector_params = sector_clause(f"{col}sector", sectors)
        terms.append(f"({col}country = ?{' AND ' + sql if sql else ''})")
        params.extend([selector.country, *sector_params])
    elif selector.country and selector.ruling and members:
        sql, sector_params = sector_clause(f"{col}sector", selector.sectors)
        when, when_params = _within(alias, selector.ruling)
        terms.append(f"({col}country = ?{' AND ' + sql if sql else ''}"
                     f" AND coalesce({col}kind, '') != 'person' AND {when})")
        params.extend([selector.country, *sector_params, *when_params])
    if not terms:
        return "0", []
    return "(" + " OR ".join(terms) + ")", params


def _within(alias: str, period: tuple[str | None, str | None]) -> tuple[str, list]:
    """True when the row's article was published within ``period`` (start inclusive, end exclusive):
    an article written while a junta rules names the country's army as it then is, the junta's."""
    start, end = period
    return (f"{alias}.doc_id IN (SELECT doc_id FROM articles WHERE published >= ? AND published < ?)",
            [start or "", end or "\uffff"])


def sector_clause(column: str, sectors: tuple[str, ...]) -> tuple[str, list]:
    """True when the JSON sector list in ``column`` holds one of ``sectors`` ("" when none given)."""
    if not sectors:
        return "", []
    terms = " OR ".join(f"instr({column}, ?) > 0" for _ in sectors)
    return f"({terms})", [f'"{s}"' for s in sectors]


def either_side(selector: ActorSelector, members: bool, *, alias: str = "e") -> tuple[str, list]:
    source, p1 = actor_clause("source", selector, members, alias=alias)
    target, p2 = actor_clause("target", selector, members, alias=alias)
    return f"({source} OR {target})", p1 + p2


def event_from_row(row) -> EventHit:
    """An EventHit from a row of ``SELECT {EVENT_COLUMNS}``."""
    c = COL
    place = None
    if row[c["place_name"]] is not None:
        place = Place(row[c["place_name"]], row[c["place_country"]], row[c["place_lat"]], row[c["place_lon"]],
                      row[c["place_geonames_id"]])
    kind = EVENT_TYPES[row[c["type"]]]
    return EventHit(
        id=row[c["id"]], doc_id=row[c["doc_id"]], idx=row[c["idx"]], type=kind, quad=QUAD_CLASS[kind],
        mode=row[c["mode"]], status=STATUSES[row[c["status"]]],
        source=actor_of(row, "source"), target=actor_of(row, "target"), attributed_to=actor_of(row, "attributed"),
        evidence=Span(row[c["evidence_start"]], row[c["evidence_end"]], row[c["evidence_text"]]),
        date=row[c["eff_date"]], date_text=row[c["date_text"]],
        date_from_publication=bool(row[c["date_from_publication"]]) or row[c["date_value"]] is None,
        place=place, confidence=row[c["confidence"]], trigger=row[c["trigger"]],
        title=row[c["a_title"]], published=row[c["a_published"]], url=row[c["a_url"]],
        duplicate_of=row[c["a_duplicate_of"]], evidence_in=row[c["evidence_in"]],
    )


def actor_of(row, prefix: str) -> Actor | None:
    """The actor stored in the ``prefix``_* columns (the same Actor object for the same values).

    ``row`` is a row of EVENT_COLUMNS, or any row with named ``prefix``_* columns (quotes' speaker)."""
    if prefix in _ACTOR_COLS and len(row) == len(COL):
        values = _ACTOR_COLS[prefix](row)
    else:
        values = tuple(row[f"{prefix}_{name}"] for name in _ACTOR_FIELDS)
    return None if values[0] is None else _actor(values)


@lru_cache(maxsize=8192)
def _actor(values: tuple) -> Actor:
    name, country, sector, org, kb_id, confidence, role, kind = values
    return Actor(name=name, country=country, sector=tuple(json.loads(sector or "[]")), org=org, kb_id=kb_id,
                 confidence=confidence, role=role, kind=EntityKind(kind) if kind else None)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_APOSTROPHES = {"\u2019": "'", "\u02bc": "'"}


@lru_cache(maxsize=4096)
def _plain(char: str) -> str:
    """One non-ASCII character without its accents (é -> e, œ stays œ, ’ -> ')."""
    if char in _APOSTROPHES:
        return _APOSTROPHES[char]
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


def fold(text: str | None) -> str | None:
    """Lower case without accents, apostrophes unified: how free text is compared."""
    if text is None:
        return None
    folded = text.casefold()
    return folded if folded.isascii() else _NON_ASCII.sub(lambda m: _plain(m.group()), folded)


def contains_words(text: str | None, words: str) -> bool:
    """Whether folded ``text`` contains every one of ``words`` (already folded, separated by \\x1f)."""
    if text is None:
        return False
    folded = fold(text)
    return all(word in folded for word in words.split("\x1f"))


def install_functions(conn: sqlite3.Connection) -> None:
    """Register ``veille_words(text, words)`` on a connection (idempotent)."""
    conn.create_function("veille_words", 2, contains_words, deterministic=True)


def placeholders(values) -> str:
    return ", ".join("?" for _ in values)
