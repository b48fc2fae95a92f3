"""Grouping the actors of stored events into the actors a reader means.

An actor is grouped by its knowledge-base id, else its organisation id, else its
country and first sector. Actors that only carry an organisation id ("militaires
putschistes", org CNSP) join the organisation's own knowledge-base entry when one
is among them, since that entry's selector covers the organisation id anyway.
"""
from __future__ import annotations

import json
from dataclasses import replace
from collections import Counter, defaultdict

from veille.queries.types import ActorSelector


def selector_of(name: str, country: str | None, sector: str | None, org: str | None,
                kb_id: str | None, *, kind: str | None = None) -> ActorSelector | None:
    """The selector a stored actor belongs to; None when nothing identifies it."""
    sectors = tuple(json.loads(sector)) if sector else ()
    if kind == "country" and country:
        return ActorSelector(name, country)
    if kb_id:
        return ActorSelector(name, country, sectors, org, kb_id)
    if org:
        return ActorSelector(name, country, sectors, org)
    if country:
        return ActorSelector(name, country, sectors[:1])
    return None


class ActorGroups:
    """Collects stored actors (name, country, sector, org, kb_id, kind) into groups with labels."""

    def __init__(self) -> None:
        self._selectors: dict[str, ActorSelector] = {}
        self._kinds: dict[str, str | None] = {}
        self._names: dict[str, Counter] = defaultdict(Counter)
        self._canonical: dict[str, str] | None = None

    def add(self, name, country, sector, org, kb_id, kind, n: int = 1) -> str | None:
        """Register one actor seen ``n`` times; returns its raw group key (None: unidentified)."""
        selector = selector_of(name, country, sector, org, kb_id, kind=kind)
        if selector is None:
            return None
        key = selector.key
        self._selectors.setdefault(key, selector)
        self._kinds.setdefault(key, kind)
        self._names[key][name] += n
        self._canonical = None
        return key

    def canonical(self, key: str) -> str:
        """The group a raw key belongs to once organisation members join their organisation."""
        if self._canonical is None:
            owners: dict[str, str] = {}
            for k, sel in sorted(self._selectors.items(), key=lambda kv: -self._names[kv[0]].total()):
                if sel.kb_id and sel.org and self._kinds[k] != "person":
                    owners.setdefault(sel.org, k)
            self._canonical = {k: owners.get(sel.org, k) if sel.org and not sel.kb_id else k
                               for k, sel in self._selectors.items()}
        return self._canonical.get(key, key)

    def names(self, key: str) -> Counter:
        """Names used for the group ``key`` (a canonical key), with counts."""
        total: Counter = Counter()
        for raw, counts in self._names.items():
            if self.canonical(raw) == key:
                total.update(counts)
        return total

    def label(self, key: str) -> str:
        """The name most used; an organisation named several ways without its own entry: its id."""
        names = self.names(key)
        selector = self._selectors[key]
        if selector.org and not selector.kb_id and len(names) > 1:
            return selector.org
        return sorted(names.items(), key=lambda item: (-item[1], len(item[0]), item[0]))[0][0]

    def selector(self, key: str) -> ActorSelector:
        return replace(self._selectors[key], label=self.label(key))
