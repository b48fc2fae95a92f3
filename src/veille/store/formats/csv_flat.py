"""``--format csv``: one row per event, every field flat, for spreadsheets (RFC 4180, UTF-8, header)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from veille.model import QUAD_CLASS, Actor
from veille.store.formats.base import delimited, number, sectors
from veille.store.formats.rows import EventRow
from veille.store.rows import code

ACTOR_PARTS = ("name", "country", "sector", "org", "kb_id")
COLUMNS: tuple[str, ...] = (
    ("event_id", "doc_id", "event_idx", "published", "url", "title", "type", "quad_class", "mode", "status")
    + tuple(f"{side}_{part}" for side in ("source", "target", "attributed") for part in ACTOR_PARTS)
    + ("evidence_text", "evidence_start", "evidence_end", "date", "date_text", "date_precision",
       "place_name", "place_country", "place_lat", "place_lon", "confidence", "trigger", "duplicate_of")
)


class FlatCsv:
    name = "csv"
    media_type = "text/csv; charset=utf-8"
    extension = "csv"

    def header(self) -> str:
        return delimited(COLUMNS)

    def lines(self, rows: Iterable[EventRow]) -> Iterator[str]:
        for row in rows:
            yield delimited(flat_values(row))


def flat_values(row: EventRow) -> list:
    ev = row.event
    place = ev.place
    values = [row.event_id, row.doc_id, row.idx, row.published.isoformat() if row.published else None,
              row.url, row.title, code(ev.type), QUAD_CLASS[ev.type].value, ev.mode, code(ev.status)]
    for actor in (ev.source, ev.target, ev.attributed_to):
        values += _actor(actor)
    values += [ev.evidence.text, ev.evidence.start, ev.evidence.end,
               ev.date.value if ev.date else None, ev.date.text if ev.date else None, row.precision,
               place.name if place else None, place.country if place else None,
               number(place.lat) if place else None, number(place.lon) if place else None,
               number(ev.confidence, 3), ev.trigger, row.duplicate_of]
    return values


def _actor(actor: Actor | None) -> list:
    if actor is None:
        return [None] * len(ACTOR_PARTS)
    return [actor.name, actor.country, sectors(actor), actor.org, actor.kb_id]
