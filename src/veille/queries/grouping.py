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

# How a label names a PLOVER sector, when a group has no better name ("Mali (religieux)").
SECTOR_WORDS = {"GOV": "gouvernement", "MIL": "armée", "COP": "police", "JUD": "justice", "LEG": "parlement",
                "CVL": "civils", "REL": "religieux", "REB": "rebelles", "OPP": "opposition", "EDU": "éducation",
                "MED": "santé", "JRN": "médias", "BUS": "entreprises", "LAB": "syndicats", "SOC": "société civile",
                "PRM": "milices", "SPY": "renseignement", "ELI": "anciens dirigeants", "CRM": "criminels",
                "PTY": "partis", "AGR": "agriculteurs", "REF": "réfugiés", "IGO": "organisations internationales"}


def informative(name: str) -> bool:
    """A name that says who: a phrase (head and modifiers: "police afghane") or a proper name,
    not a bare common noun ("porte", "femme", "personnes")."""
    name = name.strip()
    if " " in name or "-" in name or name.isupper():
        return True
    return name[:1].isupper() and name not in _CAPITALISED_COMMON


# Common nouns met capitalised at the start of a sentence in stored actor names.
_CAPITALISED_COMMON = frozenset({"Association", "Gouvernement", "Armée", "Police", "Autorités"})


def sector_label(country_name: str | None, sectors: tuple[str, ...]) -> str | None:
    """"Mali (religieux)": a country's actors of a sector, named by the sector."""
    if not country_name:
        return None
    words = [SECTOR_WORDS.get(s, s) for s in sectors[:1]]
    return f"{country_name} ({words[0]})" if words else country_name


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
        self._people: set[str] = set()  # names of persons: never the name of a group they fall in
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
        if kind == "person":
            self._people.add(name)
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

    def label(self, key: str, country_name: str | None = None) -> str:
        """The informative name most used; an organisation named several ways without its own entry:
        its id; a group named only by bare common nouns: its country and sector ("Mali (religieux)")."""
        names = self.names(key)
        selector = self._selectors[key]
        if selector.org and not selector.kb_id and len(names) > 1:
            return selector.org
        person = selector.is_person
        told = {n: c for n, c in names.items() if informative(n) and (person or n not in self._people)}
        if not told and self._kinds.get(key) != "country":
            fallback = sector_label(country_name or selector.country, selector.sectors)
            if fallback:
                return fallback
        ranked = sorted((told or names).items(),  # a country's state organs: by the country's name first
                        key=lambda item: (item[0] != country_name, -item[1], -len(item[0].split()), item[0]))
        return ranked[0][0]

    def selector(self, key: str) -> ActorSelector:
        return replace(self._selectors[key], label=self.label(key))
