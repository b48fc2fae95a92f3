"""Actor lookup through the knowledge base: aliases ("junte malienne", "Moscou") to selectors."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from veille.queries.types import ActorHit, ActorSelector


class KnowledgeLookup(Protocol):
    """What the queries need of ``veille.knowledge.kb.KnowledgeBase``."""

    def search(self, query: str) -> Iterable[Any]: ...


def kb_hits(kb: KnowledgeLookup | None, query: str) -> Iterable[ActorHit]:
    """The knowledge base's entries for ``query``, best first, as actor hits."""
    if kb is None or not query.strip():
        return
    for entry in kb.search(query):
        hit = hit_from_entry(entry, query)
        if hit is not None:
            yield hit


def hit_from_entry(entry: Any, query: str) -> ActorHit | None:
    """One knowledge-base entry as a hit: a country is its code, an organisation its id, a person its id."""
    kind = _text(getattr(entry, "kind", None))
    name = getattr(entry, "name", None) or getattr(entry, "label", None)
    country = getattr(entry, "country", None)
    sectors = tuple(_text(s) for s in (getattr(entry, "sector", None) or getattr(entry, "sectors", ()) or ()))
    org = getattr(entry, "org", None)
    kb_id = getattr(entry, "kb_id", None) or getattr(entry, "id", None)
    aliases = tuple(getattr(entry, "aliases", ()) or ())
    if not name:
        return None
    if kind == "country" and country:
        selector = ActorSelector(name, country)
    elif kind == "person":
        selector = ActorSelector(name, kb_id=kb_id) if kb_id else ActorSelector(name, country, sectors[:1])
    else:
        selector = ActorSelector(name, country, sectors, org, kb_id)
    matched = getattr(entry, "matched", None) or query
    return ActorHit(selector=selector, name=name, kind=kind, origin="kb", matched=matched,
                    aliases=aliases[:8])


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return getattr(value, "value", value)
