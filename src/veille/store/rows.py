"""Pure conversions between the typed records of ``veille.model`` and table rows.

No SQL is executed here: every function maps a record to a dict of column
values, or a ``sqlite3.Row`` back to a record.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import date
from enum import Enum

from veille.model import (
    Actor,
    Article,
    Entity,
    EntityKind,
    Event,
    EventDate,
    EventType,
    Heading,
    Place,
    Quote,
    QuoteKind,
    SourceKind,
    Span,
    Status,
    Timex,
)

ACTOR_FIELDS = ("name", "country", "sector", "org", "kb_id", "role", "kind", "confidence")

ARTICLE_COLUMNS = (
    "doc_id", "url", "title", "text", "published", "language", "byline", "section", "tags",
    "standfirst", "headings", "content_hash", "source_kind", "locator",
)


def code(value):
    """The plain code of an enum member (``EventType.AID`` -> ``"AID"``), else the value."""
    return value.value if isinstance(value, Enum) else value


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------- articles


def article_values(article: Article) -> dict:
    return {
        "doc_id": article.doc_id,
        "url": article.url,
        "title": article.title,
        "text": article.text,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "byline": article.byline,
        "section": article.section,
        "tags": dumps(list(article.tags)),
        "standfirst": article.standfirst,
        "headings": dumps([[h.start, h.end] for h in article.headings]),
        "content_hash": article.content_hash,
        "source_kind": code(article.source_kind),
        "locator": article.locator,
    }


def article_from_row(row: sqlite3.Row) -> Article:
    return Article(
        doc_id=row["doc_id"],
        title=row["title"],
        text=row["text"],
        content_hash=row["content_hash"],
        source_kind=SourceKind(row["source_kind"]),
        locator=row["locator"],
        url=row["url"],
        published=date.fromisoformat(row["published"]) if row["published"] else None,
        language=row["language"],
        byline=row["byline"],
        section=row["section"],
        tags=tuple(json.loads(row["tags"])),
        standfirst=row["standfirst"],
        headings=tuple(Heading(start, end) for start, end in json.loads(row["headings"])),
    )


# --------------------------------------------------------------------------- actors


def actor_values(prefix: str, actor: Actor | None) -> dict:
    if actor is None:
        return {f"{prefix}_{name}": None for name in ACTOR_FIELDS}
    return {
        f"{prefix}_name": actor.name,
        f"{prefix}_country": actor.country,
        f"{prefix}_sector": dumps([code(s) for s in actor.sector]),
        f"{prefix}_org": actor.org,
        f"{prefix}_kb_id": actor.kb_id,
        f"{prefix}_role": actor.role,
        f"{prefix}_kind": code(actor.kind),
        f"{prefix}_confidence": float(actor.confidence),
    }


def actor_from_row(row: sqlite3.Row, prefix: str) -> Actor | None:
    if row[f"{prefix}_name"] is None:
        return None
    kind = row[f"{prefix}_kind"]
    return Actor(
        name=row[f"{prefix}_name"],
        country=row[f"{prefix}_country"],
        sector=tuple(json.loads(row[f"{prefix}_sector"] or "[]")),
        org=row[f"{prefix}_org"],
        kb_id=row[f"{prefix}_kb_id"],
        confidence=row[f"{prefix}_confidence"],
        role=row[f"{prefix}_role"],
        kind=EntityKind(kind) if kind else None,
    )


# --------------------------------------------------------------------------- events


def event_values(doc_id: str, idx: int, event: Event) -> dict:
    values = {"doc_id": doc_id, "idx": idx, "type": code(event.type), "mode": event.mode}
    values |= actor_values("source", event.source)
    values |= actor_values("target", event.target)
    values |= actor_values("attributed", event.attributed_to)
    values |= {
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "evidence_text": event.evidence.text,
        "status": code(event.status),
        "confidence": float(event.confidence),
        "trigger": event.trigger,
        "evidence_in": event.evidence_in,
    }
    values |= _date_values(event.date) | _place_values(event.place)
    return values


def _date_values(when: EventDate | None) -> dict:
    if when is None:
        return {"date_value": None, "date_text": None, "date_from_publication": None}
    return {"date_value": when.value, "date_text": when.text,
            "date_from_publication": int(when.from_publication)}


def _place_values(place: Place | None) -> dict:
    if place is None:
        return {f"place_{k}": None for k in ("name", "country", "lat", "lon", "geonames_id")}
    return {"place_name": place.name, "place_country": place.country, "place_lat": place.lat,
            "place_lon": place.lon, "place_geonames_id": place.geonames_id}


def event_from_row(row: sqlite3.Row) -> Event:
    when = None
    if row["date_value"] is not None:
        when = EventDate(row["date_value"], row["date_text"] or "", bool(row["date_from_publication"]))
    place = None
    if row["place_name"] is not None:
        place = Place(row["place_name"], row["place_country"], row["place_lat"], row["place_lon"],
                      row["place_geonames_id"])
    return Event(
        type=EventType(row["type"]),
        source=actor_from_row(row, "source"),
        target=actor_from_row(row, "target"),
        evidence=Span(row["evidence_start"], row["evidence_end"], row["evidence_text"]),
        status=Status(row["status"]),
        mode=row["mode"],
        attributed_to=actor_from_row(row, "attributed"),
        date=when,
        place=place,
        confidence=row["confidence"],
        trigger=row["trigger"],
        evidence_in=row["evidence_in"],
    )


# --------------------------------------------------------------------------- quotes, timexes, entities


def quote_values(doc_id: str, idx: int, quote: Quote) -> dict:
    return {"doc_id": doc_id, "idx": idx, "text": quote.text, "start_char": quote.start,
            "end_char": quote.end, "kind": code(quote.kind), "cue": quote.cue,
            } | actor_values("speaker", quote.speaker)


def quote_from_row(row: sqlite3.Row) -> Quote:
    return Quote(speaker=actor_from_row(row, "speaker"), text=row["text"], start=row["start_char"],
                 end=row["end_char"], kind=QuoteKind(row["kind"]), cue=row["cue"])


def timex_values(doc_id: str, idx: int, timex: Timex) -> dict:
    return {"doc_id": doc_id, "idx": idx, "text": timex.text, "start_char": timex.start,
            "end_char": timex.end, "value": timex.value}


def timex_from_row(row: sqlite3.Row) -> Timex:
    return Timex(text=row["text"], start=row["start_char"], end=row["end_char"], value=row["value"])


def entity_values(doc_id: str, idx: int, entity: Entity) -> dict:
    return {"doc_id": doc_id, "entity_id": entity.id, "idx": idx, "name": entity.name, "kind": code(entity.kind),
            "country": entity.country, "sector": dumps([code(s) for s in entity.sector]),
            "org": entity.org, "kb_id": entity.kb_id}


def mention_values(doc_id: str, entity: Entity) -> list[dict]:
    unique = {(m.start, m.end): m for m in entity.mentions}
    return [{"doc_id": doc_id, "entity_id": entity.id, "start_char": m.start, "end_char": m.end,
             "text": m.text} for m in unique.values()]


def entity_from_row(row: sqlite3.Row, mentions: tuple[Span, ...]) -> Entity:
    return Entity(id=row["entity_id"], name=row["name"], kind=EntityKind(row["kind"]),
                  country=row["country"], sector=tuple(json.loads(row["sector"])), org=row["org"],
                  kb_id=row["kb_id"], mentions=mentions)


def insert_sql(table: str, columns: list[str] | tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join(f":{c}" for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({marks})"
