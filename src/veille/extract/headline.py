"""The title is text too: a question headline gives `questioned` events, their evidence in the title.

    headline_events(res, "Niger : la Chine, nouvel allié de la junte ?", date(2024, 3, 1))
    -> (Event(SUPPORT, source=Chine, target=the junta ruling Niger then, status=QUESTIONED, evidence_in="title"),)

The title is parsed on its own and goes through the same actor resolution and event
extraction as the body (GOLD GUIDELINES: `questioned`, "a question headline framing the
lead"). Only headlines that ask are analysed: a declarative title repeats the lead, whose
events the body already gives. The evidence offsets index the title (``evidence_in="title"``;
tests/data/spec/export-format.md, "Events of the title").

A headline often names the actor in apposition to the predicate noun ("la Chine, véritable
soutien au gouvernement ?"): an event whose trigger is in apposition to an actor and lacks a
source takes that actor as its source.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from veille.extract.events import find_events
from veille.knowledge.resolver import resolve_doc
from veille.model import Event, Span, Status
from veille.nlp import doc_text

TITLE = "title"


def is_question(title: str | None) -> bool:
    return bool(title) and title.rstrip().endswith("?")


def headline_events(res, title: str | None, published: date | None) -> tuple[Event, ...]:
    """The events a question headline asks about (``res``: the analysis ``Resources``)."""
    if not is_question(title):
        return ()
    doc = res.nlp(title)
    actors = resolve_doc(doc, published, res.kb, res.gazetteer, title=title)
    found = find_events(doc, actors, res.lexicon, timexes=[], quotes=[], gazetteer=res.gazetteer,
                        published=published, title=title, model=getattr(res, "event_model", None))
    out = []
    for event in found:
        event = _source_from_apposition(event, doc, actors)
        if event.source is None and event.target is None:
            continue
        out.append(replace(event, status=Status.QUESTIONED, attributed_to=None, evidence_in=TITLE,
                           evidence=_clause(doc, event.evidence)))
    return tuple(out)


def _source_from_apposition(event: Event, doc: Doc, actors) -> Event:
    if event.source is not None:
        return event
    for token in doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand") or ():
        if _apposed(token, doc) and (token.lemma_ == event.trigger or token.text == event.trigger):
            source = actors.actor_for_token(token.head)
            if source is not None and source != event.target:
                return replace(event, source=source)
    return event


def _apposed(token, doc: Doc) -> bool:
    """``X, [adjective] NOUN``: the noun set beside X after a comma (parsed as apposition, or as a
    conjunct when the parser reads the comma as a list)."""
    head = token.head
    if token.dep_ not in ("appos", "conj") or head.i >= token.i:
        return False
    return any(t.text == "," for t in doc[head.i + 1:token.left_edge.i + 1])


def _clause(doc: Doc, evidence: Span) -> Span:
    """The evidence without a leading "Country :" rubric of the headline."""
    text = doc_text(doc)
    colon = text.find(" : ")
    start = colon + 3 if evidence.start <= colon < evidence.end else evidence.start
    return Span(start, evidence.end, text[start:evidence.end])
