"""The JSON Lines export: one object per article, exactly ../shared/spec/export-format.md.

``article_to_export`` turns one article and its analysis into the contract's
dict (``veille eval`` reuses it); ``export_jsonl`` streams a whole store.
Extra fields beyond the contract: ``duplicate_of``, ``duplicate_kind``,
``analysed``, actors' ``kb_id``, events' ``trigger`` and ``date.from_publication``.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from veille.model import Actor, Analysis, Article, Entity, Event, Quote, Timex
from veille.store.articles import StoredArticle
from veille.store.db import Store
from veille.store.rows import code

CHUNK = 200


def actor_to_export(actor: Actor | None, *, with_role: bool = False) -> dict | None:
    if actor is None:
        return None
    out = actor.to_json(with_role=with_role)
    out["sector"] = [code(s) for s in out["sector"]]
    out["kb_id"] = actor.kb_id
    return out


def event_to_export(event: Event) -> dict:
    """An event of the contract; the evidence of a question headline's event says ``"in": "title"``
    (its offsets then index the title, tests/data/spec/export-format.md "Events of the title")."""
    return {
        "type": code(event.type),
        "mode": event.mode,
        "source": actor_to_export(event.source),
        "target": actor_to_export(event.target),
        "evidence": {"start": event.evidence.start, "end": event.evidence.end, "text": event.evidence.text}
        | ({"in": "title"} if event.evidence_in == "title" else {}),
        "status": code(event.status),
        "attributed_to": actor_to_export(event.attributed_to),
        "date": None if event.date is None else {
            "value": event.date.value, "text": event.date.text,
            "from_publication": event.date.from_publication},
        "place": None if event.place is None else {
            "name": event.place.name, "country": event.place.country,
            "lat": event.place.lat, "lon": event.place.lon},
        "confidence": float(event.confidence),
        "trigger": event.trigger,
    }


def quote_to_export(quote: Quote) -> dict:
    return {"speaker": actor_to_export(quote.speaker, with_role=True), "text": quote.text,
            "start": quote.start, "end": quote.end, "kind": code(quote.kind), "cue": quote.cue}


def timex_to_export(timex: Timex) -> dict:
    return {"text": timex.text, "start": timex.start, "end": timex.end, "value": timex.value}


def entity_to_export(entity: Entity) -> dict:
    return {"id": entity.id, "name": entity.name, "country": entity.country,
            "sector": [code(s) for s in entity.sector], "org": entity.org, "kind": code(entity.kind),
            "kb_id": entity.kb_id, "mentions": [{"start": m.start, "end": m.end} for m in entity.mentions]}


def article_to_export(article: Article, analysis: Analysis | None, *, duplicate_of: str | None = None,
                      duplicate_kind: str | None = None) -> dict:
    """The export object of one article; without an analysis its lists are empty."""
    return {
        "doc_id": article.doc_id,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "byline": article.byline,
        "section": article.section,
        "tags": list(article.tags),
        "text": article.text,
        "events": [event_to_export(e) for e in analysis.events] if analysis else [],
        "quotes": [quote_to_export(q) for q in analysis.quotes] if analysis else [],
        "timexes": [timex_to_export(t) for t in analysis.timexes] if analysis else [],
        "entities": [entity_to_export(e) for e in analysis.entities] if analysis else [],
        "analysed": analysis is not None,
        "duplicate_of": duplicate_of,
        "duplicate_kind": duplicate_kind,
    }


def export_jsonl(store: Store, out: TextIO, doc_ids: Iterable[str] | None = None) -> int:
    """Write one JSON line per stored article (or per given doc_id); returns the count.

    Streams in chunks: memory stays flat however large the store. An exact
    duplicate carries its original's analysis (same text, so the same offsets).
    """
    count = 0
    for chunk in chunks(stored_records(store, doc_ids)):
        analyses = store.load_analyses(r.article.doc_id for r in chunk)
        originals = [r.duplicate_of for r in chunk if r.duplicate_kind == "exact"]
        analyses |= store.load_analyses(o for o in originals if o not in analyses)
        for record in chunk:
            out.write(json.dumps(_export_record(store, record, analyses), ensure_ascii=False) + "\n")
            count += 1
    return count


def _export_record(store: Store, record: StoredArticle, analyses: dict[str, Analysis]) -> dict:
    article = record.article
    analysis = analyses.get(article.doc_id)
    if analysis is None and record.duplicate_kind == "exact":
        original = store.get_article(record.duplicate_of)
        if original is not None and original.text == article.text and record.duplicate_of in analyses:
            analysis = analyses[record.duplicate_of]
    return article_to_export(article, analysis, duplicate_of=record.duplicate_of,
                             duplicate_kind=record.duplicate_kind)


def stored_records(store: Store, doc_ids: Iterable[str] | None) -> Iterator[StoredArticle]:
    """The stored articles, oldest first, or those of ``doc_ids`` that exist."""
    if doc_ids is None:
        yield from store.iter_articles(newest_first=False)
        return
    for doc_id in doc_ids:
        record = store.get_record(doc_id)
        if record is not None:
            yield record


def chunks(records: Iterator[StoredArticle]) -> Iterator[list[StoredArticle]]:
    """Records in lists of CHUNK (one query per list for their analyses: constant memory)."""
    chunk: list[StoredArticle] = []
    for record in records:
        chunk.append(record)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
