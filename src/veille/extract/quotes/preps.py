"""Attributions made by a preposition or a "comme" incise:

    "Selon X, ..."  "..., selon X."  "..., d'après X, ..."  "Pour X, ..." (clause start only)
    "pour qui, ..." (the person just named)  "C'est l'avis de X." (the previous sentence)
    "comme le rappelle X, « ... »"  "..., comme le précise X : « ... »"

The phrase after the preposition must name a possible speaker — a pronoun, a named person or
organisation, or a source noun of the lexicon ("sources militaires", "un communiqué") — so that
"selon les juridictions" or "d'après le droit international" are not attributions.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from veille.extract.quotes.clauses import (
    STOP_PUNCT,
    clause_end,
    clause_start,
    is_aux,
    is_finite,
    segment_containing,
    skip_connectives,
    tokens_between,
    trimmed_chars,
)
from veille.extract.quotes.frames import Attribution, Via, match_verb
from veille.extract.quotes.marks import QuotedSegment
from veille.extract.quotes.subjects import PERSONAL_PRONOUNS, RELATIVE, SpeakerRef, antecedent, phrase_after
from veille.extract.reporting import Position, ReportingCue, ReportingLexicon, Scope

if TYPE_CHECKING:
    from veille.knowledge.resolver import DocActors

CLITICS = frozenset({"le", "l'", "l’", "la"})
BEFORE_TRAILING = frozenset({",", "»", "”", '"'})  # "..., selon X." / "« ... » selon X."
QUOTE_CLOSERS = frozenset({"»", "”", '"'})
CLAUSE_OPENERS = frozenset({",", ";", ":", "(", "—", "–"})


def _words(form: str) -> tuple[str, ...]:
    return tuple(form.lower().replace("’", "'").replace("'", "' ").split())


def _match_at(doc: Doc, i: int, words: tuple[str, ...]) -> int | None:
    if doc[i].lower_.replace("’", "'") != words[0] or i + len(words) > len(doc):
        return None
    found = tuple(t.lower_.replace("’", "'") for t in doc[i:i + len(words)])
    return i + len(words) if found == words else None


def _speaker_like(doc: Doc, ref: SpeakerRef, lex: ReportingLexicon, actors: "DocActors | None") -> bool:
    """A pronoun, a name, a source noun ("sources", "communiqué"), or a phrase the resolver
    knows as an actor ("le procureur fédéral")."""
    head = doc[ref.head]
    if head.lower_ in PERSONAL_PRONOUNS or head.lower_ in RELATIVE:
        return True
    tokens = doc[ref.start:ref.end]
    if any(t.ent_type_ in ("PER", "ORG") or t.pos_ == "PROPN" for t in tokens):
        return True
    if any(t.pos_ == "NOUN" and lex.source_noun(t.lemma_) is not None for t in tokens[:4]):
        return True
    return actors is not None and actors.actor_for_token(head) is not None


def _quote_follows(doc: Doc, end: int, segments: list[QuotedSegment]) -> bool:
    """"Selon son complice, « ... »": whoever is quoted word for word is a speaker."""
    k = end + 1 if end < len(doc) and doc[end].text == "," else end
    return k < len(doc) and any(s.open_at == doc[k].idx for s in segments)


def _at_clause_start(doc: Doc, i: int) -> bool:
    return i == doc[i].sent.start or doc[i - 1].text in CLAUSE_OPENERS or doc[i - 1].pos_ in ("CCONJ", "SCONJ") \
        or _after_closed_quote_sentence(doc, i)


def _after_closed_quote_sentence(doc: Doc, i: int) -> bool:
    """"« ... pays avance. » Pour X, ...": the sentence ended inside the quote marks (the parser
    hangs the closing mark on the next sentence); what follows them starts a clause."""
    return i >= 2 and doc[i - 1].text in QUOTE_CLOSERS and doc[i - 2].text in STOP_PUNCT


def _speaker_after(doc: Doc, k: int, lex: ReportingLexicon) -> tuple[SpeakerRef | None, int]:
    """The speaker phrase after a preposition and the index just after it."""
    if k < len(doc) and doc[k].lower_ in RELATIVE and doc[k].pos_ == "PRON":
        return antecedent(doc, doc[k]), k + 1
    if k < len(doc) and doc[k].lower_ in PERSONAL_PRONOUNS:
        return SpeakerRef(k, k + 1, k), k + 1
    ref = phrase_after(doc, k, lex, hearer=False)  # after "selon", nobody is spoken to
    if ref is not None and ref.end - 1 > ref.head and doc[ref.end - 1].pos_ == "CCONJ":
        ref = SpeakerRef(ref.start, ref.end - 1, ref.head)  # "selon X et « ... »": "et" links the quotes
    return ref, (ref.end if ref is not None else k)


def prep_attributions(doc: Doc, lex: ReportingLexicon, segments: list[QuotedSegment],
                      actors: "DocActors | None" = None) -> list[Attribution]:
    out = []
    by_first: dict[str, list[tuple[ReportingCue, tuple[str, ...]]]] = {}  # lexicon order within a first word
    for cue in lex.prepositions:
        words = _words(cue.lemma)
        by_first.setdefault(words[0], []).append((cue, words))
    for tok in doc:
        cues = by_first.get(tok.lower_.replace("’", "'"))
        if cues is None or segment_containing(segments, tok.idx) is not None:
            continue
        for cue, words in cues:
            after = _match_at(doc, tok.i, words)
            if after is None:
                continue
            att = _prep_attribution(doc, tok, after, cue, lex, segments, actors)
            if att is not None:
                out.append(att)
                break
    return out


def _prep_attribution(doc: Doc, tok: Token, after: int, cue: ReportingCue, lex: ReportingLexicon,
                      segments: list[QuotedSegment], actors: "DocActors | None") -> Attribution | None:
    relative = after < len(doc) and doc[after].lower_ in RELATIVE and doc[after].pos_ == "PRON"
    if cue.position is Position.CLAUSE_INITIAL and not relative and not _at_clause_start(doc, tok.i):
        return None
    speaker, end = _speaker_after(doc, after, lex)
    if speaker is None or not (_speaker_like(doc, speaker, lex, actors) or cue.position is Position.ANYWHERE
                               and _quote_follows(doc, end, segments)):
        return None
    nxt = doc[end].text if end < len(doc) else "."
    if cue.position is Position.CLAUSE_INITIAL and not relative and nxt != ",":
        return None
    cue_text = doc[tok.i:after].text
    if doc[speaker.head].lower_ in PERSONAL_PRONOUNS:
        cue_text = doc[tok.i:end].text
    if cue.scope is Scope.PREVIOUS_SENTENCE:
        span = _previous_sentence(doc, tok)
    else:
        span = _prep_content(doc, tok.i, end, lex, segments)
    if span is None or span[1] <= span[0] or not _statement(doc, span, segments):
        return None
    return Attribution(Via.PREPOSITION, cue_text, tok.idx, span[0], span[1], speaker)


def _statement(doc: Doc, span: tuple[int, int], segments: list[QuotedSegment]) -> bool:
    """A clause with a finite verb, or quoted words: "ou, selon les juridictions, de la prison" is not."""
    if any(s.open_at >= span[0] and s.close_end <= span[1] + 1 for s in segments):
        return True
    tokens = tokens_between(doc, *span)
    return any(is_finite(t) for t in tokens) or any(_predicate_with_subject(t) for t in tokens)


def _predicate_with_subject(tok: Token) -> bool:
    """"la tradition place ...": the parser's head of a clause with a subject, though the tagger
    took the verb for a noun."""
    return tok.dep_ == "ROOT" and tok.pos_ == "NOUN" and any(c.dep_.startswith("nsubj") for c in tok.children)


def _prep_content(doc: Doc, a: int, b: int, lex: ReportingLexicon,
                  segments: list[QuotedSegment]) -> tuple[int, int] | None:
    """The clause a "selon X" phrase at tokens [a, b) attributes: after it, before it, or around it."""
    nxt = doc[b].text if b < len(doc) else "."
    prev = doc[a - 1].text if a > 0 else "."
    closes = nxt in STOP_PUNCT or b >= doc[a].sent.end or nxt == "," and b + 1 < len(doc) \
        and doc[b + 1].pos_ == "CCONJ"  # "..., selon un sondage, et beaucoup ont peur ..."
    closes = closes or _after_quote_then_conjunction(doc, a, b, segments)
    if nxt == "," and closes and prev not in CLAUSE_OPENERS:  # "... 28 % des exportations selon X, et 60 % ..."
        first = _whole_statement(doc, clause_start(doc, a, segments), a)
        return trimmed_chars(doc, first, a)
    if nxt == "," and not (closes and prev in BEFORE_TRAILING):
        first = _after_nested_prep(doc, b + 1, lex)
        return trimmed_chars(doc, first, clause_end(doc, first, lex, segments))
    if prev in BEFORE_TRAILING and closes:
        end = a - 1 if prev == "," else a
        first = _whole_statement(doc, clause_start(doc, end, segments), end)
        return trimmed_chars(doc, first, end)
    if _at_clause_start(doc, a):
        return trimmed_chars(doc, b, clause_end(doc, b, lex, segments))
    if nxt in (".", "!", "?", "…") and b + 1 >= doc[a].sent.end:  # "... sont morts selon l'armée."
        first = _whole_statement(doc, clause_start(doc, a, segments), a)
        return trimmed_chars(doc, first, a)
    return None


def _after_quote_then_conjunction(doc: Doc, a: int, b: int, segments: list[QuotedSegment]) -> bool:
    """"« ... » selon X et « ... »": a phrase right after closing quote marks and followed by a
    conjunction attributes the quoted words before it, as "« ... », selon X." does."""
    prev = doc[a - 1] if a > 0 else None
    if prev is None or prev.text not in QUOTE_CLOSERS or b >= len(doc) or doc[b].pos_ != "CCONJ":
        return False
    return any(s.close_end == prev.idx + len(prev.text) for s in segments)


def _after_nested_prep(doc: Doc, k: int, lex: ReportingLexicon) -> int:
    """"pour qui, selon ses propres sources, les États-Unis ...": the statement starts after
    the second attribution phrase, which names the same statement."""
    for cue in lex.prepositions:
        after = _match_at(doc, k, _words(cue.lemma)) if k < len(doc) else None
        if after is None:
            continue
        for j in range(after, min(after + 10, len(doc))):
            if doc[j].text == ",":
                return j + 1
            if is_finite(doc[j]) or doc[j].text in STOP_PUNCT:
                break
    return k


def _whole_statement(doc: Doc, first: int, end: int) -> int:
    """A verbless fragment ("Ceci, dans le cadre d'un programme ...") continues the sentence before
    it in the same paragraph: the statement starts there."""
    if any(is_finite(t) for t in doc[first:end]) or first != doc[first].sent.start or first == 0:
        return first
    prev = doc[first - 1].sent
    if any("\n" in t.text or "\n" in t.whitespace_ for t in doc[prev.end - 1:first]):
        return first  # another paragraph
    return skip_connectives(doc, prev.start, first)


def _previous_sentence(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """"C'est (aussi) l'avis de X.": the sentence before is X's."""
    sent = tok.sent
    if sent.start == 0 or doc[sent.start].lower_ not in ("c'", "c’", "ce", "tel", "telle"):
        return None
    prev = doc[sent.start - 1].sent
    return trimmed_chars(doc, skip_connectives(doc, prev.start, prev.end), prev.end)


def comme_attributions(doc: Doc, lex: ReportingLexicon, segments: list[QuotedSegment]) -> list[Attribution]:
    out = []
    for tok in doc:
        if tok.lower_ != "comme" or segment_containing(segments, tok.idx) is not None:
            continue
        att = _comme(doc, tok, lex, segments)
        if att is not None:
            out.append(att)
    return out


def _comme(doc: Doc, tok: Token, lex: ReportingLexicon, segments: list[QuotedSegment]) -> Attribution | None:
    k = tok.i + 1
    if k >= len(doc) or doc[k].lower_ not in CLITICS:
        return None
    k += 1
    while k < len(doc) and is_aux(doc[k]):
        k += 1
    if k >= len(doc) or match_verb(doc, doc[k], lex) is None:
        return None
    speaker = phrase_after(doc, k + 1, lex, names_only=True)
    if speaker is None:
        return None
    cue_text = doc[tok.i:k + 1].text
    end = speaker.end
    comma_after = end < len(doc) and doc[end].text == ","
    if comma_after and tok.i > 0 and doc[tok.i - 1].text == "," and not _at_clause_start(doc, tok.i - 1):
        # "La junte, comme le précise le communiqué, contrôle Bamako": the clause around
        start = clause_start(doc, tok.i - 1, segments)
        span = trimmed_chars(doc, start, clause_end(doc, end + 1, lex, segments))
    elif comma_after:
        span = trimmed_chars(doc, end + 1, clause_end(doc, end + 1, lex, segments))
    else:
        span = trimmed_chars(doc, clause_start(doc, tok.i, segments), tok.i)
    if span[1] <= span[0]:
        return None
    return Attribution(Via.COMME, cue_text, tok.idx, span[0], span[1], speaker)
