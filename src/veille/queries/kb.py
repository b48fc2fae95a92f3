"""Actor lookup through the knowledge base: aliases ("junte malienne", "Moscou", "Goïta") to selectors.

The knowledge base (``veille.knowledge.kb.KnowledgeBase``) answers ``search(query)``
with countries, organisations and people; each becomes the selector that matches
how the resolver stores that actor in events: a country by its code, an
organisation by its org id and knowledge-base id (with its country and sectors
for its members), a person by its knowledge-base id.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Protocol

from veille.queries.types import ActorHit, ActorSelector


class KnowledgeLookup(Protocol):
    def search(self, query: str) -> Iterable[Any]: ...

    def country(self, code_or_name: str) -> Any | None: ...


def kb_entry(kb: KnowledgeLookup | None, kb_id: str | None = None, org: str | None = None) -> Any | None:
    """The knowledge-base entry of a knowledge-base id (``org:CNSP``, ``person:assimi-goita``,
    ``country:MLI``) or of an organisation id, else None."""
    if kb is None:
        return None
    if kb_id:
        kind, _, ident = kb_id.partition(":")
        table = {"org": "orgs", "person": "people", "country": "countries"}.get(kind)
        return getattr(kb, table, {}).get(ident) if table else None
    return getattr(kb, "orgs", {}).get(org) if org else None


def ruling_period(entry: Any) -> tuple[str | None, str | None] | None:
    """When an organisation rules its country (a junta, a transition body): its first rule of
    kind junta or government, as ISO dates; None for any other entry."""
    for rule in getattr(entry, "rules", ()):
        if rule.kind != "party" and rule.country == entry.country:
            start, end = rule.period.start, rule.period.end
            return (start.isoformat() if start else None, end.isoformat() if end else None)
    return None


def kb_hits(kb: KnowledgeLookup | None, query: str) -> tuple[ActorHit, ...]:
    """The knowledge base's entries for ``query``, best first, as actor hits."""
    if kb is None or not query.strip():
        return ()
    return _hits(kb, query)


@lru_cache(maxsize=2048)
def _hits(kb: KnowledgeLookup, query: str) -> tuple[ActorHit, ...]:
    """Searches are pure functions of the (immutable, loaded once) knowledge base: kept."""
    return tuple(hit_from_entry(entry, query) for entry in kb.search(query))


def hit_from_entry(entry: Any, query: str) -> ActorHit:
    aliases = tuple(getattr(entry, "aliases", ()))[:8]
    if hasattr(entry, "iso3"):  # a country: its code (a dependency folds into its state)
        selector = ActorSelector(entry.name, entry.code)
        kind = "country"
    elif hasattr(entry, "roles"):  # a person
        selector = ActorSelector(entry.name, entry.country, kb_id=entry.kb_id)
        kind = "person"
    else:  # an organisation or a group
        selector = ActorSelector(entry.name, entry.country, tuple(entry.sectors), entry.org, entry.kb_id,
                                 ruling_period(entry))
        kind = getattr(entry.kind, "value", "organisation")
    return ActorHit(selector=selector, name=entry.name, kind=kind, origin="kb", matched=query, aliases=aliases)
