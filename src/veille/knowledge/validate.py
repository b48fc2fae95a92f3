"""Check the knowledge data files: what `veille actors check` prints."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from veille.knowledge.loader import Loaded, load_data
from veille.knowledge.normalize import key
from veille.knowledge.records import Period
from veille.model import NON_STATE_CODES


def validate_knowledge(data_dir: Path | str | None = None) -> list[str]:
    """Problems in the data files (schema, unknown codes, overlapping offices, clashing aliases, sources); [] if none."""
    data = load_data(data_dir)
    problems = list(data.problems)
    codes = {c.iso3 for c in data.countries} | NON_STATE_CODES
    problems += _check_codes(data, codes)
    problems += _check_sources(data)
    problems += _check_offices(data)
    problems += _check_aliases(data)
    return problems


def _check_codes(data: Loaded, codes: set[str]) -> list[str]:
    out = []
    orgs = {o.id for o in data.organisations}
    for c in data.countries:
        if c.part_of and c.part_of not in codes:
            out.append(f"countries.yaml: {c.iso3}: part_of '{c.part_of}' is not a country code")
    for o in data.organisations:
        if o.country not in codes:
            out.append(f"organisations.yaml: {o.id}: unknown country code '{o.country}'")
        for ref in (o.parent, o.org_as):
            if ref and ref not in orgs:
                out.append(f"organisations.yaml: {o.id}: refers to unknown organisation '{ref}'")
        out += [f"organisations.yaml: {o.id}: rule for unknown country '{r.country}'"
                for r in o.rules if r.country not in codes]
        out += [f"organisations.yaml: {o.id}: member '{m.country}' is not a country code"
                for m in o.members if m.country not in codes or m.country in NON_STATE_CODES]
    for p in data.people:
        if p.country not in codes:
            out.append(f"people.yaml: {p.id}: unknown country code '{p.country}'")
        for t in p.roles:
            if t.country not in codes:
                out.append(f"people.yaml: {p.id}: role '{t.office}' has unknown country code '{t.country}'")
            if t.org and t.org not in orgs:
                out.append(f"people.yaml: {p.id}: role '{t.office}' refers to unknown organisation '{t.org}'")
            if t.office not in data.offices:
                out.append(f"people.yaml: {p.id}: unknown office '{t.office}' (declare it in roles.yaml offices)")
    for r in data.roles:
        if r.country not in (None, "explicit", "host") and r.country not in codes:
            out.append(f"roles.yaml: {r.id}: unknown country code '{r.country}'")
        if r.default_country and r.default_country not in codes:
            out.append(f"roles.yaml: {r.id}: unknown default_country '{r.default_country}'")
        if r.office and r.office not in data.offices:
            out.append(f"roles.yaml: {r.id}: unknown office '{r.office}'")
        if r.resolve and not (r.office or r.resolve in ("junta", "regime")):
            out.append(f"roles.yaml: {r.id}: resolve must be junta, regime or office:<id>, not '{r.resolve}'")
    out += [f"places_fr.yaml: {e.name}: unknown country code '{e.country}'" for e in data.exonyms
            if e.country not in codes]
    return out


def _check_sources(data: Loaded) -> list[str]:
    out = [f"countries.yaml: {c.iso3}: missing source" for c in data.countries if not c.source]
    out += [f"organisations.yaml: {o.id}: missing source" for o in data.organisations if not o.source]
    out += [f"roles.yaml: {r.id}: missing source" for r in data.roles if not r.source]
    return out


def _check_offices(data: Loaded) -> list[str]:
    """Two people holding one single-holder office at the same time."""
    out = []
    slots: dict[tuple[str, str], list[tuple[Period, str]]] = defaultdict(list)
    for p in data.people:
        for t in p.roles:
            office = data.offices.get(t.office)
            if office and office.single:
                scope = t.org if office.scope == "org" else t.country
                slots[(t.office, scope or "")].append((t.period, p.id))
    for (office, scope), held in slots.items():
        for i, (pa, a) in enumerate(held):
            for pb, b in held[i + 1:]:
                if a != b and pa.overlaps(pb):
                    out.append(f"people.yaml: {a} and {b} both hold {office} of {scope} "
                               f"({pa.start}..{pa.end} / {pb.start}..{pb.end})")
    return out


def _check_aliases(data: Loaded) -> list[str]:
    """One name for two entries valid at the same time, unless listed as ambiguous."""
    allowed = {key(a) for a in data.lists.get("ambiguous", ())}
    owners: dict[str, list[tuple[str, Period]]] = defaultdict(list)
    for c in data.countries:
        for a in {key(x) for x in (c.name, c.name_en, *c.aliases)}:
            owners[a].append((f"country {c.iso3}", Period()))
    for o in data.organisations:
        for a in {key(x) for x in (o.name, *o.aliases)}:
            owners[a].append((f"organisation {o.id}", o.period))
    for p in data.people:
        for a in {key(x) for x in (p.name, *p.aliases)}:
            owners[a].append((f"person {p.id}", Period()))
    out = []
    for alias, who in owners.items():
        if alias in allowed or len(who) < 2:
            continue
        for i, (a, pa) in enumerate(who):
            for b, pb in who[i + 1:]:
                if a != b and pa.overlaps(pb):
                    out.append(f"alias '{alias}' names both {a} and {b} (list it under 'ambiguous' if intended)")
    demonyms: dict[str, set[str]] = defaultdict(set)
    for c in data.countries:
        for d in c.demonyms:
            demonyms[key(d)].add(c.iso3)
    allowed_d = {key(a) for a in data.lists.get("ambiguous_demonyms", ())}
    out += [f"countries.yaml: demonym '{d}' names {', '.join(sorted(cs))} (list it under ambiguous_demonyms)"
            for d, cs in demonyms.items() if len(cs) > 1 and d not in allowed_d]
    return out
