"""``--format polecat``: PLOVER JSON records (the field names of POLECAT and the PLOVER manual's
"Data Fields" chapter), one JSON object per line, with our status and evidence as extra fields.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from veille import __version__
from veille.model import QUAD_CLASS, Actor, Place, QuadClass
from veille.store.formats.rows import EventRow
from veille.store.rows import code

# PLOVER's quad_code: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
QUAD_CODE = {QuadClass.VERBAL_COOPERATION: 1, QuadClass.MATERIAL_COOPERATION: 2,
             QuadClass.VERBAL_CONFLICT: 3, QuadClass.MATERIAL_CONFLICT: 4}
CODEBOOK = "PLOVER (openeventdata, manual draft 2021)"


class PolecatEvents:
    name = "polecat"
    media_type = "application/x-ndjson"
    extension = "jsonl"

    def header(self) -> str:
        return ""

    def lines(self, rows: Iterable[EventRow]) -> Iterator[str]:
        for row in rows:
            yield json.dumps(record(row), ensure_ascii=False) + "\n"


def record(row: EventRow) -> dict:
    """One PLOVER JSON event record."""
    ev = row.event
    day = row.day
    added = row.added
    return {
        "id": f"veille-{row.doc_id}-{row.idx}",
        "date": day.isoformat() if day else None,
        "actor": [entity(ev.source)] if ev.source else [],
        "recipient": [entity(ev.target)] if ev.target else [],
        "event": [code(ev.type)],
        "mode": [ev.mode] if ev.mode else [],
        "context": [],
        "quad_code": QUAD_CODE[QUAD_CLASS[ev.type]],
        "event_loc": location(ev.place),
        "event_text": [ev.evidence.text],
        "text_info": {"start": ev.evidence.start, "end": ev.evidence.end},
        "cite_info": {"url": row.url, "title": row.title, "language": row.language, "publication": row.outlet,
                      "coder": f"veille {__version__}", "codebook": CODEBOOK},
        "coded_date": added.date().isoformat() if added else None,
        # veille's own fields
        "status": code(ev.status),
        "attributed_to": entity(ev.attributed_to) if ev.attributed_to else None,
        "date_value": ev.date.value if ev.date else None,
        "date_text": ev.date.text if ev.date else None,
        "date_precision": row.precision,
        "confidence": round(float(ev.confidence), 3),
        "trigger": ev.trigger,
        "doc_id": row.doc_id,
        "published": row.published.isoformat() if row.published else None,
        "duplicate_of": row.duplicate_of,
    }


def entity(actor: Actor) -> dict:
    """PLOVER's entity object: code (country or non-state code), sector, text, identifier."""
    return {"code": actor.country, "sector": [code(s) for s in actor.sector], "entity_text": actor.name,
            "identifier_id": actor.kb_id, "identifier_text": actor.name if actor.kb_id else None,
            "org": actor.org}


def location(place: Place | None) -> dict | None:
    if place is None:
        return None
    return {"extracted_place": place.name, "resolved_place": place.name, "geonameid": place.geonames_id,
            "lat": place.lat, "lon": place.lon, "country_code": place.country}
