"""How a typed name became an actor, and what else it could have meant: resolution you can see.

    found = resolution(store, "junte", kb)
    found.chosen        # the junta with the most events in the store (CNSP on the demo store)
    found.alternatives  # the other candidates, those the store holds first, most events first

    pair = pair_in_text(store, "Russie junte malienne", kb)   # (Russie, CNSP): a dyad to offer

A description naming no one in particular ("junte", "la junte au pouvoir") stands for every
ruling body of that kind the knowledge base knows; the store decides which is meant.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from veille.errors import RejectedInput
from veille.knowledge.normalize import role_words, words
from veille.queries.actors import lookup_actors, resolve_actor
from veille.queries.counts import count_events
from veille.queries.kb import KnowledgeLookup, hit_from_entry
from veille.queries.types import ActorHit, ActorSelector

MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class Resolution:
    asked: str                        # what was typed
    chosen: ActorSelector
    events: int                       # its events in the store (with members), as every page counts them
    alternatives: tuple[ActorHit, ...]  # other candidates, the store's first, most events first


def best_actor(store, text: str, kb: KnowledgeLookup | None = None) -> ActorSelector:
    """``resolve_actor``, except that a description naming no one in particular ("junte") means,
    among the bodies it describes, the one with the most events of its own in the store."""
    chosen = resolve_actor(store, text, kb)
    if not _is_description(text, kb) or count_events(store, chosen, members=False):
        return chosen
    bodies = [hit_from_entry(org, text).selector for org in _ruling_bodies(text, kb)]
    own = {s.key: count_events(store, s, members=False) for s in bodies}
    best = max(bodies, key=lambda s: own[s.key], default=None)
    return best if best is not None and own[best.key] else chosen


def resolution(store, text: str, kb: KnowledgeLookup | None = None, *, limit: int = 6) -> Resolution:
    """The actor ``text`` resolves to and the other candidates (raises ``RejectedInput`` when none)."""
    chosen = best_actor(store, text, kb)
    others = tuple(h for h in _candidates(store, text, kb) if h.selector.key != chosen.key)
    return Resolution(text, chosen, count_events(store, chosen), others[:limit])


def pair_in_text(store, text: str, kb: KnowledgeLookup | None = None
                 ) -> tuple[Resolution, Resolution] | None:
    """Two different actors named one after the other ("Russie junte malienne"), else None."""
    ws = text.split()
    if not 2 <= len(ws) <= MAX_WORDS or kb is None:
        return None
    for cut in range(1, len(ws)):
        left, right = " ".join(ws[:cut]), " ".join(ws[cut:])
        if not (_names_someone(kb, left) and _names_someone(kb, right)):
            continue
        try:
            a, b = resolution(store, left, kb), resolution(store, right, kb)
        except RejectedInput:
            continue
        if a.chosen.key != b.chosen.key:
            return a, b
    return None


def _candidates(store, text: str, kb: KnowledgeLookup | None) -> list[ActorHit]:
    hits = list(lookup_actors(store, text, kb, limit=20))
    seen = {h.selector.key for h in hits}
    for org in _ruling_bodies(text, kb):
        hit = hit_from_entry(org, text)
        if hit.selector.key not in seen:
            seen.add(hit.selector.key)
            hits.append(replace(hit, events=count_events(store, hit.selector)))
    hits = [h if h.events else replace(h, events=count_events(store, h.selector)) for h in hits]
    return sorted(hits, key=lambda h: -h.events)  # stable: among equals, the knowledge base's order


def _ruling_bodies(text: str, kb: KnowledgeLookup | None) -> list:
    """Every ruling body the description stands for ("junte": every junta), when it names no country."""
    term = _role(text, kb)
    if term is None or term.resolve not in ("junta", "regime"):
        return []
    kinds = ("junta",) if term.resolve == "junta" else ("junta", "government")
    return [org for org in getattr(kb, "orgs", {}).values()
            if any(rule.kind in kinds for rule in getattr(org, "rules", ()))]


def _role(text: str, kb: KnowledgeLookup | None):
    if kb is None or not hasattr(kb, "role"):
        return None
    ws = role_words(text)
    return next((r for n in range(len(ws), 0, -1) for i in range(len(ws) - n + 1)
                 if (r := kb.role(ws[i:i + n]))), None)


def _is_description(text: str, kb: KnowledgeLookup | None) -> bool:
    return _role(text, kb) is not None


def _names_someone(kb: KnowledgeLookup, text: str) -> bool:
    """Whether the knowledge base knows ``text`` as a name, an alias or a description."""
    exact = kb.lookup(text) if hasattr(kb, "lookup") else list(kb.search(text))
    return bool(exact) or _role(text, kb) is not None and len(words(text)) <= 3
