"""One event per occurrence and claim (GUIDELINES: a plain restatement is not a new event).

Sub-headings yield to the body, restatements to the first complete mention, mentions missing a
participant to the complete one. Events with neither source nor target are never merged: nothing
tells two such mentions are one occurrence.
"""
from __future__ import annotations

from dataclasses import dataclass

from veille.model import Actor, Event


@dataclass(frozen=True, slots=True)
class Told:
    """An event with how it was told: in a sub-heading, by a noun, about an already named participant."""

    event: Event
    heading: bool
    nominal: bool
    taken_up: bool  # a participant is a demonstrative phrase ("cet hôtel"): the occurrence was told before


def actor_key(actor: Actor | None):
    if actor is None:
        return None
    return actor.kb_id or actor.org or actor.name.lower()


def event_key(e: Event):
    return e.type, actor_key(e.source), actor_key(e.target), e.status, actor_key(e.attributed_to)


def dedupe(told: list[Told], text: str) -> list[Event]:
    """One event per occurrence and claim: sub-headings yield to the body, restatements to the first
    complete mention, mentions missing a participant to the complete one."""
    body_types = {t.event.type for t in told if not t.heading}
    seen: dict[tuple, tuple[str | None, bool]] = {}
    out: list[Told] = []
    for t in told:
        e = t.event
        if t.heading and e.type in body_types:
            continue  # a sub-heading announces what the body tells
        if t.taken_up and any(o.event.type == e.type and actor_key(o.event.source) in (actor_key(e.source), None)
                              for o in out):
            continue  # "Les rebelles ont visé ce camp": the attack told above
        key = event_key(e)
        first = seen.get(key)
        if first is not None and _has_participant(e) and (_same_predicate(first[0], e.trigger)
                                                          or first[1] and t.nominal):
            continue  # the same occurrence told again (same predicate, its nominalisation, two nouns)
        seen.setdefault(key, (e.trigger, t.nominal))
        out.append(t)
    events = [t.event for t in out]
    return [t.event for t in out if not _subsumed(t, events, text)]


def _has_participant(e: Event) -> bool:
    """Without source or target nothing tells two mentions are one occurrence."""
    return e.source is not None or e.target is not None


def _same_predicate(a: str | None, b: str | None) -> bool:
    """ "attaquer" / "attaque", "remercier" / "remerciement": one predicate, verb or noun."""
    return a is not None and b is not None and (a == b or a[:5] == b[:5] and len(a) >= 5 and len(b) >= 5)


def _subsumed(t: Told, events: list[Event], text: str) -> bool:
    """An underspecified mention of an occurrence told completely elsewhere ("les remerciements à
    Moscou" / "ils remercient la Russie"): same type and status, one participant missing; in the same
    paragraph, or anywhere in the article for a noun ("l'enlèvement de leur consul")."""
    e = t.event
    par = _paragraph(e.evidence.start, text)
    for f in events:
        if f is e or f.type != e.type or f.status != e.status or actor_key(f.attributed_to) != actor_key(e.attributed_to):
            continue
        if not t.nominal and _paragraph(f.evidence.start, text) != par:
            continue
        if e.source is None and f.source is not None and actor_key(e.target) == actor_key(f.target):
            return True
        if e.target is None and f.target is not None and actor_key(e.source) == actor_key(f.source):
            return True
    return False


def _paragraph(offset: int, text: str) -> int:
    return text.count("\n", 0, offset)
