"""SQL shared by the queries: actor selectors as WHERE clauses, event dates, rows to records.

Every query reads the store's tables through ``Store.execute`` (events ``e``
joined to articles ``a``); nothing here writes.
"""
from __future__ import annotations

import sqlite3
import unicodedata

from veille.model import QUAD_CLASS, EventType, Place, Span, Status
from veille.queries.types import ActorSelector, EventHit
from veille.store.rows import actor_from_row

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
EVENT_MONTH = f"(CASE WHEN length({EVENT_DATE}) >= 7 THEN substr({EVENT_DATE}, 1, 7) END)"

# An article's independent source: the original of a near-duplicate or syndicated copy.
SOURCE_OF = "coalesce(a.duplicate_of, a.doc_id)"

EVENT_COLUMNS = (f"e.*, a.title AS a_title, a.published AS a_published, a.url AS a_url,"
                 f" a.duplicate_of AS a_duplicate_of, {EVENT_DATE} AS eff_date")
EVENT_FROM = "events AS e JOIN articles AS a ON a.doc_id = e.doc_id"

STATE_DEFAULT_SECTORS = ("GOV",)


def actor_clause(side: str, selector: ActorSelector, members: bool, *, alias: str = "e"
                 ) -> tuple[str, list]:
    """``(sql, params)`` true when the ``side`` actor ("source", "target") of row ``alias`` is the selector.

    ``side`` may be "speaker" (alias "q", quotes) or "" (alias "en", entities' own columns).

    Identity first (knowledge-base id, organisation id). A country selector is the
    state (its given sectors, else GOV) or, with ``members``, every actor of the
    country (restricted to its sectors when some are given). An organisation with
    ``members`` also covers the actors of its country in its sectors.
    """
    col = f"{alias}.{side}_" if side else f"{alias}."
    terms: list[str] = []
    params: list = []
    if selector.kb_id:
        terms.append(f"{col}kb_id = ?")
        params.append(selector.kb_id)
    if selector.org:
        terms.append(f"{col}org = ?")
        params.append(selector.org)
    if selector.country and (selector.is_country or members):
        sectors = selector.sectors
        if selector.is_country and not sectors and not members:
            sectors = STATE_DEFAULT_SECTORS
        sql, sector_params = sector_clause(f"{col}sector", sectors)
        terms.append(f"({col}country = ?{' AND ' + sql if sql else ''})")
        params.extend([selector.country, *sector_params])
    if not terms:
        return "0", []
    return "(" + " OR ".join(terms) + ")", params


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


def event_from_row(row: sqlite3.Row) -> EventHit:
    place = None
    if row["place_name"] is not None:
        place = Place(row["place_name"], row["place_country"], row["place_lat"], row["place_lon"],
                      row["place_geonames_id"])
    kind = EventType(row["type"])
    return EventHit(
        id=row["id"], doc_id=row["doc_id"], idx=row["idx"], type=kind, quad=QUAD_CLASS[kind],
        mode=row["mode"], status=Status(row["status"]),
        source=actor_from_row(row, "source"), target=actor_from_row(row, "target"),
        attributed_to=actor_from_row(row, "attributed"),
        evidence=Span(row["evidence_start"], row["evidence_end"], row["evidence_text"]),
        date=row["eff_date"], date_text=row["date_text"],
        date_from_publication=bool(row["date_from_publication"]) or row["date_value"] is None,
        place=place, confidence=row["confidence"], trigger=row["trigger"],
        title=row["a_title"], published=row["a_published"], url=row["a_url"],
        duplicate_of=row["a_duplicate_of"],
    )


def fold(text: str | None) -> str | None:
    """Lower case without accents, apostrophes unified: how free text is compared."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("\u2019", "'").replace("\u02bc", "'")


def install_functions(conn: sqlite3.Connection) -> None:
    """Register ``veille_fold(text)`` on a connection (idempotent)."""
    conn.create_function("veille_fold", 1, fold, deterministic=True)


def placeholders(values) -> str:
    return ", ".join("?" for _ in values)
