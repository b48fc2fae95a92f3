"""Participants a French news text leaves implicit, filled by documented defaults (predicates.yaml
`implicit`), always with a low confidence so that users can tell them from stated ones:

- an attack with no named attacker, in an article that credited its earlier attacks to a non-state
  armed actor: that actor;
- a leader overthrown with no one named: the junta the knowledge base says took power that day;
- an agentless arrest ("ont été arrêtés"): the police or judiciary actor mentioned nearest before,
  in the same sentence or a few sentences back ("..., selon un communiqué de la police");
- a foreign force withdrawing without saying from where: the article's country;
- a visit by a foreign or international delegation with no stated host: the article's main country;
- "les auteurs de ces exactions": the doer of the latest such act told before;
- a demand by citizens, a party or a movement with no stated recipient: the same authority;
- a protest with no stated recipient: the actor named by an "anti-X" adjective of the clause
  ("manifestation anti-américaine"), else the authority of the protesters' country at the date
  (its ruling body when the knowledge base knows one, e.g. a junta), else its government.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from veille.extract.lexicon import Lexicon
from veille.model import NON_STATE_CODES, Actor, Event, EventType

IMPLICIT_CONFIDENCE = 0.3
ALLIANCE_CODES = frozenset({"IGO", "UNO"})  # alliances and peacekeepers deploy forces too


def implicit_source(etype: EventType, mode: str | None, trigger: Token, target: Actor | None, actors,
                    lexicon: Lexicon, earlier: Sequence[Event] = ()) -> Actor | None:
    rules = lexicon.implicit
    sectors = rules.agents.get(f"{etype.value}/{mode}") or rules.agents.get(etype.value)
    if sectors and actors is not None:
        agent = _nearest_mention(trigger, set(sectors), actors, rules.agent_window)
        if agent is not None:
            return agent
    if f"{etype.value}/{mode}" in rules.deposed and target is not None:
        usurper = _usurper(target, actors)
        if usurper is not None:
            return usurper
    if etype in rules.serial_types:
        usual = _usual_doer(etype, earlier, rules.serial_sectors)
        if usual is not None:
            return usual
    return None


def _usurper(target: Actor, actors) -> Actor | None:
    """ "la chute du président, renversé par les militaires" without naming them: the junta that took power the day his office ended."""
    kb = getattr(actors, "kb", None)
    if kb is None or not (target.kb_id or "").startswith("person:"):
        return None
    body = kb.deposed_by(target.kb_id.removeprefix("person:"), getattr(actors, "published", None))
    return _body_actor(body) if body is not None else None


def _usual_doer(etype: EventType, earlier: Sequence[Event], sectors: frozenset[str]) -> Actor | None:
    """The non-state armed actor the article credited most of its earlier such acts to (the latest on a tie)."""
    counts: Counter[tuple] = Counter()
    latest: dict[tuple, tuple[int, Actor]] = {}
    for n, e in enumerate(earlier):
        s = e.source
        if e.type is etype and s is not None and s.confidence > IMPLICIT_CONFIDENCE and set(s.sector) & sectors:
            k = (s.kb_id or s.org or s.name.lower(), s.country)
            counts[k] += 1
            latest[k] = (n, s)
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], latest[k][0]))
    return replace(latest[best][1], confidence=IMPLICIT_CONFIDENCE)


def implicit_target(etype: EventType, mode: str | None, source: Actor | None, span: tuple[int, int], doc: Doc,
                    actors, lexicon: Lexicon) -> Actor | None:
    rules = lexicon.implicit
    if f"{etype.value}/{mode}" in rules.host_targets or etype.value in rules.host_targets:
        return _host(source, actors)
    if f"{etype.value}/{mode}" in rules.visit_targets:
        return _main_host(source, actors)
    sector = rules.default_targets.get(etype)
    if sector is None:
        return None
    named = _anti_adjective(doc, span, actors, rules.anti_prefixes)
    if named is not None:
        return named
    if source is None or not source.country or source.country in NON_STATE_CODES:
        return None
    if etype in rules.non_state_defaults and (not source.sector or set(source.sector) & rules.state_sectors):
        return None  # "le ministre demande ...": not a demand on his own government
    return _authority(source.country, sector, actors)


def _host(source: Actor | None, actors) -> Actor | None:
    """The article's main country other than the force's own, for a state's or an alliance's force
    leaving it ("l'OTAN prévoit de retirer ses forces")."""
    if source is None or not source.country or source.country in NON_STATE_CODES - ALLIANCE_CODES:
        return None
    host = next((c for c in getattr(actors, "context_countries", ()) if c != source.country), None)
    if host is None or host in NON_STATE_CODES:
        return None
    return _authority(host, "GOV", actors)


def _main_host(source: Actor | None, actors) -> Actor | None:
    """The article's main country, for a visitor from elsewhere (a foreign state or an organisation)."""
    main = next(iter(getattr(actors, "context_countries", ())), None)
    if source is None or not source.country or main is None or main == source.country or main in NON_STATE_CODES:
        return None
    return _authority(main, "GOV", actors)


def doer_of(tok: Token, earlier, lexicon: Lexicon) -> Actor | None:
    """ "les auteurs de ces exactions": the source of the latest event of that kind told before."""
    if tok.lemma_.lower() not in lexicon.implicit.doer_nouns:
        return None
    for c in tok.children:
        senses = lexicon.noun_senses(c.lemma_) if c.dep_ == "nmod" else ()
        kinds = {s.type for s in senses}
        for e in reversed(earlier):
            if kinds and e.type in kinds and e.source is not None and e.source.confidence > IMPLICIT_CONFIDENCE:
                return e.source
    return None


def _nearest_mention(trigger: Token, sectors: set[str], actors, window: int) -> Actor | None:
    """The mention of a fitting actor nearest the trigger: in its sentence, else the closest before."""
    doc = trigger.doc
    sent = trigger.sent
    first = max(0, _sentence_start(doc, sent.start, window))
    lo, hi = doc[first].idx, sent.end_char
    best, best_dist = None, None
    for m in getattr(actors, "mentions", ()):
        if not (lo <= m.span.start < hi) or not sectors & set(m.actor.sector):
            continue
        after = m.span.start >= trigger.idx
        if after and m.span.start >= sent.end_char:
            continue
        dist = abs(trigger.idx - m.span.start) + (0 if m.span.start >= sent.start_char else 10_000)
        if best_dist is None or dist < best_dist:
            best, best_dist = m.actor, dist
    if best is None:
        return None
    return Actor(name=best.name, country=best.country, sector=best.sector, org=best.org, kb_id=best.kb_id,
                 confidence=IMPLICIT_CONFIDENCE, role=best.role, kind=best.kind)


def _sentence_start(doc: Doc, start: int, back: int) -> int:
    i = start
    for _ in range(back):
        if i <= 0:
            return 0
        i = doc[i - 1].sent.start
    return i


def _anti_adjective(doc: Doc, span: tuple[int, int], actors, prefixes: tuple[str, ...]) -> Actor | None:
    """ "une manifestation anti-américaine" → the United States."""
    kb = getattr(actors, "kb", None)
    if kb is None:
        return None
    for tok in doc[span[0]:span[1]]:
        low = tok.lower_
        prefix = next((p for p in prefixes if low.startswith(p) and len(low) > len(p) + 3), None)
        if prefix is None or tok.pos_ not in ("ADJ", "NOUN"):
            continue
        countries = kb.demonym(low[len(prefix):])
        if countries:
            return _authority(countries[0].iso3, "GOV", actors, name=countries[0].name)
    return None


def _authority(country: str, sector: str, actors, name: str | None = None) -> Actor:
    """Who holds power in a country at the article's date: its ruling body, else its government."""
    kb = getattr(actors, "kb", None)
    published = getattr(actors, "published", None)
    body = kb.ruling_body(country, published) if kb is not None else None
    if body is not None:
        return _body_actor(body)
    if name is None and kb is not None:
        record = kb.country(country)
        name = record.name if record is not None else None
    return Actor(name=name or country, country=country, sector=(sector,), confidence=IMPLICIT_CONFIDENCE)


def _body_actor(body) -> Actor:
    """A ruling body of the knowledge base as an implicit participant."""
    return Actor(name=body.name, country=body.country, sector=tuple(body.sectors), org=body.id,
                 confidence=IMPLICIT_CONFIDENCE)
