"""PLOVER events from a parsed French article: who did what to whom, when, where, as what claim.

    events = find_events(doc, actors, lexicon, timexes=..., quotes=..., gazetteer=..., published=...)

Frames (events/frames.py) say which predicates state an event and which tokens are its
participants; this module turns each frame into Events: one per coordinated source × target
("remercient la Chine et la Russie" → two), actors resolved through DocActors (with a textual
fallback for named but unresolvable participants: "Cinq hommes et une femme"), the claim status
and attribution (claims.py), a date from a time expression of the clause or sentence (else the
publication date), a place from a locative complement, a confidence. Events with neither a source
nor a target are dropped; restatements of one occurrence (same type, actors, status and
attribution) are kept once, the body preferred to sub-headings.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span, Token

from veille.extract.claims import assess
from veille.extract.event_model.hybrid import combine, rescore
from veille.extract.event_model.model import EventTypeModel
from veille.extract.events.dedupe import Told, actor_key, dedupe
from veille.extract.events.frames import Frame, find_frames
from veille.extract.events.implicit import (
    IMPLICIT_CONFIDENCE,
    doer_of,
    implicit_source,
    implicit_target,
)
from veille.extract.events.span import to_span
from veille.extract.events.syntax import conjuncts, prep_of
from veille.extract.events.verdict import blame_events, latest_doer, verdict_events
from veille.extract.lexicon import Lexicon
from veille.model import (
    Actor,
    EntityKind,
    Event,
    EventDate,
    EventType,
    Place,
    Quote,
    Status,
    Timex,
)
from veille.nlp import doc_text

PLACE_PREPS = ("à", "en", "dans", "sur", "près de", "vers")
PLACE_NOUNS = ("ville", "région", "capitale", "province", "localité", "commune", "village", "cercle", "district")
FALLBACK_CONFIDENCE = 0.2
ASKER_WINDOW = 800  # characters back to the request a refusal answers
NAMED_ENTITIES = ("PER", "ORG", "LOC", "MISC")
STOP_PUNCT = (".", "!", "?", "…")


def find_events(doc: Doc, actors, lexicon: Lexicon, *, timexes: Sequence[Timex], quotes: Sequence[Quote],
                gazetteer, published: date | None, title: str | None = None,
                model: EventTypeModel | None = None) -> list[Event]:
    """Every PLOVER event the article states, with its evidence, status and attribution; with a
    learned ``model``, the rule events it keeps and the events it finds that the rules missed."""
    ctx = _Context(doc, actors, lexicon, tuple(timexes), tuple(quotes), gazetteer, published, title, model)
    told: list[Told] = []
    named: list[Event] = []  # events whose doer is named, not a pronoun ("Ils ont ..." in a witness's quote)
    for frame in find_frames(doc, lexicon, ctx.actor_of):
        heading = _is_heading(frame.trigger, ctx.sentence)
        taken_up = _takes_up(frame)
        earlier = [t.event for t in told]
        events = _realise(frame, ctx, earlier)
        told.extend(Told(e, heading, frame.nominal, taken_up) for e in events)
        if frame.source is not None and frame.source.pos_ != "PRON":
            named.extend(events)
    verdicts = verdict_events(doc, lexicon, named, actor_of=ctx.actor_of, quotes=ctx.quotes, title=title) \
        + blame_events(doc, lexicon, actor_of=ctx.actor_of, quotes=ctx.quotes, title=title)
    if verdicts:
        told.extend(Told(replace(e, date=_verdict_date(ctx)), False, True, False) for e in verdicts)
        told.sort(key=lambda t: t.event.evidence.start)
    if model is not None:
        told = _with_model(told, ctx, model)
    return dedupe(told, doc_text(doc))


def token_actors(doc: Doc, actors, lexicon: Lexicon) -> Callable[[Token], Actor | None]:
    """The actor each token stands for, as the events see it (the argument picker trains on it)."""
    return _Context(doc, actors, lexicon, (), (), None, None, None).actor_of


def _with_model(told: list[Told], ctx: _Context, model: EventTypeModel) -> list[Told]:
    def realise(frame: Frame) -> list[Told]:
        return [Told(e, _is_heading(frame.trigger, ctx.sentence), frame.nominal, False)
                for e in _realise(frame, ctx, [t.event for t in told])]
    return combine(ctx.doc, told, lambda t: t.event, model, realise,
                   lambda t, p: replace(t, event=rescore(t.event, p)), ctx.lexicon, ctx.actor_of)


def _verdict_date(ctx: _Context) -> EventDate | None:
    """A statement's date: the publication's (the qualification is made when reported)."""
    if ctx.published is None:
        return None
    return EventDate(ctx.published.isoformat(), ctx.published.isoformat(), from_publication=True)


def _takes_up(frame: Frame) -> bool:
    return any(t is not None and any(c.dep_ == "det" and c.morph.get("PronType") == ["Dem"] for c in t.children)
               for t in (frame.source, frame.target))


@dataclass(slots=True)
class _Context:
    doc: Doc
    actors: object
    lexicon: Lexicon
    timexes: tuple[Timex, ...]
    quotes: tuple[Quote, ...]
    gazetteer: object
    published: date | None
    title: str | None
    model: EventTypeModel | None = None  # the learned parts (the argument picker)
    _actors: dict[int, Actor | None] = field(default_factory=dict)
    _places: dict[str, Place | None] = field(default_factory=dict)
    _ents: tuple[Span, ...] | None = None
    _sents: tuple[Span, ...] | None = None
    _sent_starts: list[int] = field(default_factory=list)

    def actor_of(self, tok: Token) -> Actor | None:
        if tok.i not in self._actors:
            found = self.actors.actor_for_token(tok) if self.actors is not None else None
            if found is None and self.actors is not None and tok.ent_type_ in NAMED_ENTITIES:
                found = self.actors.actor_for_span(self.entity(tok))
            if found is None and self.actors is not None and tok.pos_ == "PROPN":
                found = _place_authority(self.actors.place_for_token(tok))
            self._actors[tok.i] = found if found is not None else fallback_actor(tok, self.lexicon, self.entity)
        return self._actors[tok.i]

    def sentence(self, tok: Token) -> Span:
        """``tok.sent``, from the article's sentences listed once: ``Token.sent`` walks to both
        boundaries of the sentence and makes two spans at each call (~10 µs). A document with its
        own sentence hooks is asked as usual."""
        doc = self.doc
        if doc.user_hooks or doc.user_token_hooks or doc.user_span_hooks:
            return tok.sent
        if self._sents is None:
            self._sents = tuple(doc.sents)
            self._sent_starts = [s.start for s in self._sents]
        return self._sents[bisect_right(self._sent_starts, tok.i) - 1]

    def entity(self, tok: Token) -> Span:
        """The named entity a token with an entity type is part of. The document's entities are read
        once: ``Doc.ents`` makes every entity span of the article again at each access."""
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
        return next(e for e in self._ents if e.start <= tok.i < e.end)

    def members(self, tok: Token | None) -> list[Actor | None]:
        """The actors a participant stands for: each member of a group ("quatre des pays"), else its actor."""
        if tok is None:
            return [None]
        group = getattr(self.actors, "actors_for_token", None)
        found = group(tok) if group is not None else []
        return list(found) if len(found) > 1 else [self.actor_of(tok)]

    def place(self, name: str) -> Place | None:
        if self.gazetteer is None:
            return None
        if name not in self._places:
            self._places[name] = self.gazetteer.lookup(name)
        return self._places[name]


# --------------------------------------------------------------------------- frames → events


def _realise(frame: Frame, ctx: _Context, earlier: Sequence[Event] = ()) -> list[Event]:
    picked = cache(lambda: _picked(frame, ctx))  # asked only when a participant is still missing
    sources = conjuncts(frame.source) if frame.source is not None else [None]
    targets = conjuncts(frame.target) if frame.target is not None else [None]
    if frame.source is not None and frame.target in sources[1:]:  # "entre X et Y", "X et Y s'affrontent"
        sources, targets = sources[:1], sources[1:]
    doc = ctx.doc
    evidence = to_span(doc, *frame.span)
    claim = assess(frame.trigger, frame.anchor, actor_of=ctx.actor_of, quotes=ctx.quotes, lexicon=ctx.lexicon,
                   title=ctx.title, presupposed=frame.presupposed)
    etype = frame.type
    if claim.status is Status.FUTURE:
        etype = ctx.lexicon.future_types.get(etype, etype)
    when = _date(frame, evidence.start, evidence.end, ctx)
    where = _place(frame, ctx)
    out = []
    for s, sa, t, ta in _pairs(frame, sources, targets, ctx):
        if sa is None and ta is None and not frame.learned or _same(sa, ta):
            continue
        mode = _mode(frame, etype, sa, ctx.lexicon)
        if s is None:
            sa = implicit_source(etype, mode, frame.trigger, ta, ctx.actors, ctx.lexicon, earlier)
        sa = sa or _actor(picked()[0], ctx)
        if t is not None:
            ta = doer_of(t, earlier, ctx.lexicon) or ta
        if t is None and ta is None:
            ta = _taken_up_doer(frame, earlier, ctx.lexicon) or _asker(etype, sa, earlier, doc[frame.span[0]].idx) \
                or implicit_target(etype, mode, sa, frame.span, doc, ctx.actors, ctx.lexicon)
        ta = ta or _actor(picked()[1], ctx)
        if frame.learned:  # the model's own frame: the picker's choice over the generic syntax guess
            sa, ta = _actor(picked()[0], ctx) or sa, _actor(picked()[1], ctx) or ta
        if _same(sa, ta):
            ta = None
        out.append(Event(type=etype, source=sa, target=ta, evidence=evidence, status=claim.status, mode=mode,
                         attributed_to=claim.attributed_to, date=when, place=where,
                         confidence=_confidence(frame, sa, ta), trigger=frame.trigger.lemma_.lower()))
    return out


def _picked(frame: Frame, ctx: _Context) -> tuple[Token | None, Token | None]:
    """(source, target) the learned picker proposes for the participants the frame's syntax leaves
    empty or unresolved; the rules' own fallbacks (implicit doers, taken-up doers) go first. In a frame
    the model found alone, whose participants come from generic argument slots, it proposes both."""
    picker = ctx.model.arguments if ctx.model is not None else None
    if picker is None:
        return None, None
    source, target = (None, None) if frame.learned else (_resolvable(frame.source, ctx),
                                                         _resolvable(frame.target, ctx))
    sourcing = ctx.lexicon.claims.reporting_preps
    new_source = picker.pick("source", frame.type, frame.trigger, ctx.actor_of, exclude=target, sourcing=sourcing,
                             same=_same) if source is None else None
    new_target = picker.pick("target", frame.type, frame.trigger, ctx.actor_of, exclude=source or new_source,
                             sourcing=sourcing, same=_same) if target is None else None
    return new_source, new_target


def _actor(tok: Token | None, ctx: _Context) -> Actor | None:
    return ctx.actor_of(tok) if tok is not None else None


def _resolvable(tok: Token | None, ctx: _Context) -> Token | None:
    """A participant that stands for some actor (itself or its conjuncts); None for "qui" or "il" that
    resolve to no one."""
    if tok is None or any(ctx.actor_of(t) is not None for t in conjuncts(tok)):
        return tok
    return None


def _pairs(frame: Frame, sources: list, targets: list, ctx: _Context):
    """(source token, actor, target token, actor) for every member of every conjunct; "entre les deux
    pays" with no other target: the first member against the second."""
    if frame.target is None and len(sources) == 1 and sources[0] is not None and prep_of(sources[0]) == "entre":
        members = ctx.members(sources[0])
        if len(members) == 2:
            return [(sources[0], members[0], None, members[1])]
    return [(s, sa, t, ta) for s in sources for sa in ctx.members(s) for t in targets for ta in ctx.members(t)]


def _taken_up_doer(frame: Frame, earlier: Sequence[Event], lexicon: Lexicon) -> Actor | None:
    """ "ont condamné ces attaques": the doer of the attacks told before is the one condemned."""
    content = frame.content
    if content is None or frame.type not in (EventType.ACCUSE, EventType.REJECT, EventType.SUPPORT):
        return None
    if frame.type is EventType.ACCUSE and content.lemma_.lower() in lexicon.verdicts.nouns:
        return latest_doer(earlier, content.idx, lexicon.verdicts.acts)  # "a dénoncé des crimes de guerre"
    senses = lexicon.noun_senses(content.lemma_)
    if not senses or not any(c.dep_ == "det" and c.morph.get("PronType") == ["Dem"] for c in content.children):
        return None
    kinds = {s.type for s in senses}
    for e in reversed(earlier):
        if e.type in kinds and e.source is not None and e.source.confidence > IMPLICIT_CONFIDENCE:
            return e.source
    return None


def _asker(etype: EventType, refuser: Actor | None, earlier: Sequence[Event], at: int) -> Actor | None:
    """ "Pékin a refusé cet accès": one refuses what was asked of one; the asker of the latest request
    made to the refuser, a few sentences before at most, is the target."""
    if etype is not EventType.REJECT or refuser is None:
        return None
    for e in reversed(earlier):
        if e.evidence.start < at - ASKER_WINDOW:
            break
        if e.type is EventType.REQUEST and e.source is not None and e.target is not None \
                and (actor_key(e.target) == actor_key(refuser) or e.target.country and e.target.country == refuser.country
                     and set(e.target.sector) & set(refuser.sector)):
            return e.source
    return None


def _mode(frame: Frame, etype, source: Actor | None, lexicon: Lexicon) -> str | None:
    valid = lexicon.modes.get(etype, frozenset())
    if frame.mode in valid:
        return frame.mode
    by_sector = lexicon.source_sector_modes.get(etype, {})
    for sector in (source.sector if source is not None else ()):
        if sector in by_sector:
            return by_sector[sector]
    return None


def _same(a: Actor | None, b: Actor | None) -> bool:
    """One participant on both sides: the same actor, or one state named twice ("la Russie" and "Moscou");
    not two actors a resolver tied to one country ("l'armée malienne" and "les manifestants maliens")."""
    if a is None or b is None:
        return False
    return actor_key(a) == actor_key(b) and a.name.lower() == b.name.lower() or \
        _state(a) and _state(b) and a.country == b.country


def _state(actor: Actor) -> bool:
    """A country, or a place standing for its country's authorities."""
    return actor.kind in (EntityKind.COUNTRY, EntityKind.PLACE) and "GOV" in actor.sector


def _confidence(frame: Frame, source: Actor | None, target: Actor | None) -> float:
    score = frame.sense.confidence
    for actor in (source, target):
        if actor is not None and actor.confidence > IMPLICIT_CONFIDENCE:
            score += 0.1
    if frame.nominal:
        score -= 0.1
    return round(min(0.95, max(0.05, score)), 2)


# --------------------------------------------------------------------------- participants


def fallback_actor(tok: Token, lexicon: Lexicon, entity: Callable[[Token], Span] | None = None) -> Actor | None:
    """A participant the text names but the knowledge base cannot place: "Cinq hommes", "la mosquée".
    ``entity``: the named entity of a token (``_Context.entity``, which reads the entities once)."""
    if tok.pos_ == "PRON":
        return None
    if tok.ent_type_ in ("PER", "ORG"):
        return Actor(name=(entity or _entity)(tok).text, confidence=FALLBACK_CONFIDENCE)
    lemma = tok.lemma_.lower()
    named = tok.pos_ == "PROPN" or lemma in lexicon.persons or lemma in lexicon.places
    group = (tok.pos_ == "NUM" or lemma in lexicon.quantities) and any(
        c.dep_ == "nmod" and (c.lemma_.lower() in lexicon.persons | lexicon.collectives or c.pos_ == "PROPN")
        for c in tok.children)
    named = named or lemma in lexicon.collectives and any(c.dep_ in ("det", "amod", "nummod") for c in tok.children)
    if not (named or group):
        return None
    return Actor(name=np_text(tok), confidence=FALLBACK_CONFIDENCE)


def _place_authority(place: Place | None) -> Actor | None:
    """A place named as a participant stands for its country's authorities ("Moscou", "à Bamako"); a
    region of several countries for their governments, with no country ("l'Occident", "l'Europe")."""
    if place is None:
        return None
    return Actor(name=place.name, country=place.country, sector=("GOV",), confidence=IMPLICIT_CONFIDENCE,
                 kind=EntityKind.PLACE)


def _entity(tok: Token):
    return next(e for e in tok.doc.ents if e.start <= tok.i < e.end)


def np_text(tok: Token) -> str:
    drop = {t.i for c in tok.children if c.dep_ in ("acl", "acl:relcl", "appos", "punct", "conj", "cc", "advcl",
                                                     "parataxis", "case", "dislocated")
            for t in c.subtree}
    kept = [t for t in tok.subtree if t.i not in drop]
    start, end = min(t.i for t in kept), max(t.i for t in kept) + 1
    if end - start > 10:
        start, end = tok.i, tok.i + 1
    return tok.doc[start:end].text


# --------------------------------------------------------------------------- date and place


def _date(frame: Frame, start: int, end: int, ctx: _Context) -> EventDate | None:
    inside = [t for t in ctx.timexes if start <= t.start and t.end <= end]
    if not inside and not frame.presupposed:
        sent = ctx.sentence(frame.trigger)
        lo, hi = sent.start_char, sent.end_char
        inside = sorted((t for t in ctx.timexes if lo <= t.start and t.end <= hi),
                        key=lambda t: abs(t.start - frame.trigger.idx))
    if not inside and not frame.presupposed:
        inside = _previous_sentence_timexes(frame.trigger, ctx.timexes, ctx.sentence)
    if inside:
        return EventDate(inside[0].value, inside[0].text)
    if ctx.published is None:
        return None
    return EventDate(ctx.published.isoformat(), ctx.published.isoformat(), from_publication=True)


def _previous_sentence_timexes(trigger: Token, timexes: Sequence[Timex],
                               sentence: Callable[[Token], Span]) -> list[Timex]:
    """Narrative time carries over to the next sentence of a paragraph ("... lors de la mobilisation du
    vendredi 21 août. Des manifestants montrent des affiches ...": the 21st)."""
    sent = sentence(trigger)
    if sent.start == 0:
        return []
    before = trigger.doc[sent.start - 1]
    if "\n" in before.text or "\n" in before.whitespace_:
        return []
    prev = sentence(before)
    found = [t for t in timexes if prev.start_char <= t.start and t.end <= prev.end_char]
    return found[-1:]


def _place(frame: Frame, ctx: _Context) -> Place | None:
    doc = ctx.doc
    for tok in doc[frame.span[0]:frame.span[1]]:
        if tok.pos_ != "PROPN" or tok.dep_ in ("flat:name", "flat"):
            continue
        prep = prep_of(tok)
        in_place_noun = tok.dep_ == "nmod" and tok.head.lemma_.lower() in PLACE_NOUNS
        if prep in PLACE_PREPS or in_place_noun:
            name = doc[tok.i: max(t.i for t in tok.subtree if t.dep_ in ("flat:name", "flat") or t.i == tok.i) + 1]
            place = ctx.actors.place_for_token(tok) if ctx.actors is not None else None
            place = place or ctx.place(name.text)
            if place is not None:
                return place
    return None


# --------------------------------------------------------------------------- restatements


def _is_heading(tok: Token, sentence: Callable[[Token], Span]) -> bool:
    """A sub-heading: a paragraph of one sentence without final punctuation."""
    sent = sentence(tok)
    doc = tok.doc
    words = [t for t in sent if not t.is_space]
    first, last = words[0], words[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    starts_par = before is None or "\n" in before.whitespace_ or "\n" in before.text
    ends_par = after is None or "\n" in last.whitespace_ or "\n" in after.text
    return starts_par and ends_par and last.text not in STOP_PUNCT + ("»", ":", ")") and len(words) <= 16


