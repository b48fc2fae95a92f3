"""Quoted segments that no reporting construction covers.

    X apporte la même conclusion : « ... »     -> speaker before the colon
    « ... » indique le quotidien. « ... »      -> the second quote goes on: same speaker
    ... sont maintenus dans « des positions de stress ... »  -> a statement: still a quote
    la vidéo « Collateral Murder »            -> a title or term: not a quote
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from veille.extract.quotes.clauses import is_finite, is_negated, token_index_at, tokens_between
from veille.extract.quotes.frames import Attribution, Via, match_verb, verb_speaker
from veille.extract.quotes.marks import QuotedSegment
from veille.extract.quotes.subjects import SpeakerRef, preposed_subject
from veille.extract.reporting import ReportingLexicon
from veille.model import QuoteKind

MIN_WORDS = 4  # fewer quoted words than this, alone, are a term ("« fêtes sauvages »")
MIN_WORDS_AFTER_DETERMINER = 8  # "une « source proche du dossier »" is a designation unless long
LOOKBACK_SENTENCES = 2
RUN_ON_SENTENCES = 3  # a quoted statement standing alone goes on from a quote this many sentences back


@dataclass(frozen=True, slots=True)
class Draft:
    """An accepted attribution, shaped by the quote marks it covers."""

    att: Attribution
    start: int
    end: int
    kind: QuoteKind
    segments: tuple[QuotedSegment, ...]
    follows: "Draft | None" = None  # same speaker as an earlier quote (a quote that goes on)


def token_at(doc: Doc, offset: int) -> Token | None:
    """The token starting at or containing a character offset."""
    return doc[token_index_at(doc, offset)] if len(doc) else None


def _direct(seg: QuotedSegment, via: Via, cue: str | None, cue_at: int, speaker: SpeakerRef | None,
            follows: Draft | None = None) -> Draft:
    att = Attribution(via, cue, cue_at, seg.start, seg.end, speaker, direct=True)
    return Draft(att, seg.start, seg.end, QuoteKind.DIRECT, (seg,), follows)


def segment_attribution(doc: Doc, seg: QuotedSegment, drafts: list[Draft], lex: ReportingLexicon) -> Draft | None:
    opening = token_at(doc, seg.open_at)
    colon = _colon_before(doc, opening)
    if colon is not None:
        speaker, cue = colon_speaker(doc, colon, drafts, lex)
        return _direct(seg, Via.COLON, cue, colon.idx, speaker)
    previous = _previous_quote(doc, opening, drafts) if opening is not None else None
    if previous is not None and opening is not None and opening.is_sent_start:
        return _direct(seg, Via.CONTINUATION, None, seg.open_at, None, follows=previous)
    if opening is None or not statement_like(doc, seg, opening):
        return None
    if opening.is_sent_start and opening.i > 0:
        said = _attributed_sentence_before(doc, opening, drafts)
        if said is not None:  # "X, explique Y. « ... »", "Selon Y, ... . « ... »": Y goes on
            return _direct(seg, Via.CONTINUATION, None, seg.open_at, None, follows=said)
        speaker, cue = _reporter_before(doc, doc[opening.i - 1].sent, lex)
        if speaker is not None:  # "X a nuancé les chiffres. « On a constaté ... »"
            return _direct(seg, Via.COLON, cue, doc[opening.i - 1].sent.start_char, speaker)
    if previous is None and opening.is_sent_start:  # « ... » a few sentences after someone's quote
        previous = _previous_quote(doc, opening, drafts, RUN_ON_SENTENCES)
    return _direct(seg, Via.UNATTRIBUTED, None, seg.open_at, None, follows=previous)


def _colon_before(doc: Doc, opening: Token | None) -> Token | None:
    k = opening.i - 1 if opening is not None else -1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return doc[k] if k >= 0 and doc[k].text == ":" else None


def colon_speaker(doc: Doc, colon: Token, drafts: list[Draft], lex: ReportingLexicon) -> tuple[SpeakerRef | None, str | None]:
    """Who speaks after "... :": the attribution just before the colon in its sentence, else a
    reporting verb there, else the last person named, else the sentence's subject."""
    sent = colon.sent
    before = [d for d in drafts if sent.start_char <= d.att.cue_at < colon.idx and d.att.speaker is not None]
    if before:
        att = before[-1].att
        return att.speaker, att.cue
    ref, cue = _reporter_before(doc, doc[sent.start:colon.i], lex)
    if ref is not None:
        return ref, cue
    people = [e for e in doc[sent.start:colon.i].ents if e.label_ == "PER"]
    if people:
        return SpeakerRef(people[-1].start, people[-1].end, people[-1].start), None
    verb = next((doc[k] for k in range(colon.i - 1, sent.start - 1, -1) if doc[k].pos_ == "VERB"
                 and (is_finite(doc[k]) or any(c.dep_.startswith("aux") for c in doc[k].children))), None)
    if verb is not None:  # "Un rapport de la Ligue arabe apporte la même conclusion : « ... »"
        return preposed_subject(doc, verb, lex), None
    return None, None


def _reporter_before(doc: Doc, span, lex: ReportingLexicon) -> tuple[SpeakerRef | None, str | None]:
    """The speaker of the last reporting verb in a span (outside quotes), and the verb."""
    for k in range(span.end - 1, span.start - 1, -1):
        matched = match_verb(doc, doc[k], lex)
        if matched is not None and not is_negated(doc[k]):
            ref = verb_speaker(doc, doc[k], lex, matched[1])
            if ref is not None:
                return ref, doc[k].text
    return None, None


def _attributed_sentence_before(doc: Doc, opening: Token, drafts: list[Draft]) -> Draft | None:
    """The last statement attributed to someone in the sentence just before, cue and statement
    both inside that sentence (a reporting verb, an incise or a "selon X")."""
    prev = doc[opening.i - 1].sent
    inside = [d for d in drafts if d.att.speaker is not None
              and prev.start_char <= d.att.cue_at < prev.end_char
              and prev.start_char <= d.start and d.end <= opening.idx]
    return max(inside, key=lambda d: d.end) if inside else None


def _previous_quote(doc: Doc, opening: Token, drafts: list[Draft], sentences: int = 1) -> Draft | None:
    """The quote just before, ending in the same sentence or in one of the `sentences` before."""
    earlier = [d for d in drafts if d.end <= opening.idx and d.kind is not QuoteKind.INDIRECT]
    if not earlier:
        return None
    last = max(earlier, key=lambda d: d.end)
    end_tok = token_at(doc, last.end - 1)
    if end_tok is None:
        return None
    starts = [opening.sent.start]
    for _ in range(sentences):
        if starts[-1] == 0:
            break
        starts.append(doc[starts[-1] - 1].sent.start)
    return last if end_tok.sent.start in starts else None


def statement_like(doc: Doc, seg: QuotedSegment, opening: Token) -> bool:
    """Enough quoted words to be a statement, and not a title or a designation."""
    if seg.words < MIN_WORDS:
        return False
    span = tokens_between(doc, seg.start, seg.end)
    if all(t.text[0].isupper() for t in span if t.is_alpha and len(t) > 3):
        return False  # a title: « Collateral Murder », « Congrès National Général »
    prev = doc[opening.i - 1] if opening.i > 0 else None
    after_article = prev is not None and prev.pos_ in ("DET", "ADP")
    finite = any(is_finite(t) for t in span)
    return finite or not after_article or seg.words >= MIN_WORDS_AFTER_DETERMINER
