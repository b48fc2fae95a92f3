"""Quotes: every statement an article attributes to someone, with its speaker (GUIDELINES §4).

    quotes = find_quotes(doc, actors)   # actors: DocActors from knowledge.resolver, or None

Three steps:
1. attributions (quotes_frames, quotes_preps): reporting verbs with their complements, incises,
   "selon X", "comme le rappelle X", the answers of an interview (quotes_interview) — each gives
   a statement range and a speaker phrase;
2. quote marks (quotes_marks) decide the kind: a statement that is one quoted segment is
   direct, one that contains quoted words is mixed, one without is indirect; a quoted segment
   no attribution covers is still a quote when it follows a colon (speaker before the colon),
   continues the previous quote, opens a sentence after one with a reporting verb (its speaker),
   or reads as a statement (a one- or two-word quoted term, or a title, is not a quote);
3. speakers (quotes_speaker), in text order so that "il", "qui" and "le quotidien" find the
   speaker they stand for.

Offsets index doc.text; ``doc.text[q.start:q.end] == q.text``; direct quotes exclude the marks.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from veille.extract.quotes.frames import PRIORITY, Attribution, Via, verb_attributions
from veille.extract.quotes.interview import interview_attributions
from veille.extract.quotes.marks import QuotedSegment, find_quoted_segments
from veille.extract.quotes.preps import comme_attributions, prep_attributions
from veille.extract.quotes.segments import Draft, segment_attribution
from veille.extract.quotes.speaker import SpeakerBook
from veille.extract.reporting import ReportingLexicon
from veille.model import Actor, Quote, QuoteKind
from veille.nlp import doc_text

if TYPE_CHECKING:
    from veille.knowledge.resolver import DocActors

WORD = re.compile(r"\w+")


def find_quotes(doc: Doc, actors: "DocActors | None", lexicon: ReportingLexicon | None = None) -> list[Quote]:
    """All quotes of a parsed article, in text order."""
    lex = lexicon or ReportingLexicon.load()
    text = doc_text(doc)
    segments = find_quoted_segments(text)
    attributions = (verb_attributions(doc, lex, segments) + comme_attributions(doc, lex, segments)
                    + prep_attributions(doc, lex, segments, actors) + interview_attributions(doc))
    drafts = accept(text, attributions, segments)
    drafts = add_segment_quotes(doc, drafts, segments, lex)
    return to_quotes(text, drafts, SpeakerBook(doc, actors, lex, segments))


def shape(text: str, att: Attribution, segments: list[QuotedSegment]) -> Draft:
    """Direct when the statement is one quoted segment, mixed when it contains quoted words."""
    inside = tuple(s for s in segments if s.open_at < att.end and s.close_end > att.start)
    if att.direct:
        return Draft(att, att.start, att.end, QuoteKind.DIRECT, inside)
    if not inside:
        return Draft(att, att.start, att.end, QuoteKind.INDIRECT, ())
    if len(inside) == 1 and not WORD.search(text[att.start:inside[0].open_at]) \
            and not WORD.search(text[inside[0].close_end:max(att.end, inside[0].close_end)]):
        seg = inside[0]
        return Draft(att, seg.start, seg.end, QuoteKind.DIRECT, inside)
    start = min(att.start, inside[0].open_at)
    end = max(att.end, inside[-1].close_end)
    return Draft(att, start, end, QuoteKind.MIXED, inside)


def accept(text: str, attributions: list[Attribution], segments: list[QuotedSegment]) -> list[Draft]:
    """Resolve overlaps: stronger constructions first; a quoted segment is one direct quote;
    "selon lui" inside someone's statement is part of that statement."""
    ordered = sorted(attributions, key=lambda a: (-PRIORITY[a.via], a.start))
    drafts: list[Draft] = []
    claimed: set[QuotedSegment] = set()
    for att in ordered:
        draft = shape(text, att, segments)
        if any((d.start, d.end) == (draft.start, draft.end) for d in drafts):
            continue
        if draft.kind is QuoteKind.DIRECT and set(draft.segments) & claimed:
            continue
        if draft.segments and set(draft.segments) <= claimed \
                and any(d.start <= draft.start and draft.end <= d.end for d in drafts):
            continue  # "affirme qu'il voulait qualifier sa fille de « ... »": one quote, not two
        if att.via is Via.PREPOSITION and _pronoun_cue(att) \
                and any(d.start <= att.cue_at < d.end for d in drafts):
            continue
        drafts.append(draft)
        claimed.update(draft.segments)
    return drafts


def _pronoun_cue(att: Attribution) -> bool:
    return att.cue is not None and att.cue.lower().split()[-1] in ("lui", "elle", "eux", "elles")


def add_segment_quotes(doc: Doc, drafts: list[Draft], segments: list[QuotedSegment],
                       lex: ReportingLexicon) -> list[Draft]:
    """Quoted segments no attribution covers: after a colon, continuing a quote, or standalone."""
    claimed = {s for d in drafts for s in d.segments}
    out = sorted(drafts, key=lambda d: d.start)
    for seg in segments:
        if seg in claimed:
            continue
        draft = segment_attribution(doc, seg, out, lex)
        if draft is not None:
            out.append(draft)
            out.sort(key=lambda d: d.start)
    return out


def to_quotes(text: str, drafts: list[Draft], book: SpeakerBook) -> list[Quote]:
    speakers: dict[int, Actor | None] = {}
    quotes = []
    for draft in sorted(drafts, key=lambda d: (d.start, d.end)):
        if draft.follows is not None:
            speaker = speakers.get(id(draft.follows))
        else:
            speaker = book.actor(draft.att.speaker)
        speakers[id(draft)] = speaker
        book.heard(draft.start, draft.end, speaker)
        quotes.append(Quote(speaker=speaker, text=text[draft.start:draft.end], start=draft.start, end=draft.end,
                            kind=draft.kind, cue=draft.att.cue))
    return quotes
