"""Token-level helpers for quotes: where a reported clause starts and ends, noun-phrase extents.

The parser of a small French model often attaches incises, appositions and "selon" phrases
in odd places, so extents are computed on the token sequence (punctuation, parts of speech,
quote marks) and use the dependency tree only as a hint.
"""
from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from veille.extract.quotes.marks import QuotedSegment
from veille.extract.reporting import Frame, ReportingLexicon
from veille.extract.timex.lexicon import load_lexicon as load_time_lexicon

CLITIC_SUBJECTS = frozenset({"-il", "-elle", "-ils", "-elles", "-on", "-je", "-nous", "-vous", "-t-il", "-t-elle",
                             "-t-on", "-t-ils", "-t-elles"})
OBJECT_CLITICS = frozenset({"le", "la", "l'", "l’", "les", "lui", "leur", "se", "s'", "s’", "en", "y", "nous",
                            "vous", "me", "m'", "m’", "te", "t'", "t’"})
NP_LINKS = frozenset({"de", "du", "des", "d'", "d’", "en", "à", "au", "aux"})
NAME_PARTICLES = frozenset({"De", "Du", "Des", "Van", "Von", "Di", "Da", "Le", "La", "Al", "El", "Ben", "Abu"})
STOP_PUNCT = frozenset({";", ".", "!", "?", "…"})
ADDRESSEE_CASES = frozenset({"à", "au", "aux"})  # "a déclaré à l'AFP", "dit-elle à la radio"


def token_index_at(doc: Doc, offset: int) -> int:
    """Index of the token containing a character offset (binary search, no scan of doc.text)."""
    lo, hi = 0, len(doc) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if doc[mid].idx <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def tokens_between(doc: Doc, start: int, end: int):
    """The tokens overlapping characters [start, end)."""
    if start >= end or not len(doc):
        return doc[0:0]
    return doc[token_index_at(doc, start):token_index_at(doc, end - 1) + 1]


def entities_in(doc: Doc, a: int, b: int, labels: tuple[str, ...]) -> list[tuple[int, int]]:
    """Named entities wholly inside tokens [a, b), read from the tokens (Doc.ents is rebuilt at
    each access)."""
    found, k = [], a
    while k < b:
        tok = doc[k]
        if tok.ent_iob_ == "B" and tok.ent_type_ in labels:
            end = k + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if end <= b:
                found.append((k, end))
            k = end
            continue
        k += 1
    return found


def is_finite(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm")


def is_aux(tok: Token) -> bool:
    """An auxiliary, also when the tagger calls it a verb ("a" tagged VERB with dep aux:tense)."""
    return tok.pos_ == "AUX" or tok.lemma_ in ("avoir", "être") and tok.dep_.startswith("aux")


def is_clitic_subject(tok: Token) -> bool:
    return tok.lower_ in CLITIC_SUBJECTS or (tok.lower_.startswith("-") and tok.pos_ == "PRON")


def is_negated(verb: Token) -> bool:
    """"n'a pas confirmé", "ne dit jamais": a negation marker on the verb or its auxiliaries."""
    if any("Neg" in c.morph.get("Polarity") for c in verb.children):
        return True
    sent_start = verb.sent.start
    for k in range(verb.i - 1, max(sent_start, verb.i - 4) - 1, -1):
        tok = verb.doc[k]
        if tok.lower_ in ("ne", "n'", "n’"):
            return True
        if tok.pos_ not in ("AUX", "ADV", "PRON") and not is_clitic_subject(tok):
            break
    return False


def is_passive(verb: Token) -> bool:
    return any(c.dep_ == "aux:pass" for c in verb.children)


def segment_opening_at(segments: list[QuotedSegment], tok: Token) -> QuotedSegment | None:
    return next((s for s in segments if s.open_at == tok.idx), None)


def segment_containing(segments: list[QuotedSegment], offset: int) -> QuotedSegment | None:
    return next((s for s in segments if s.start <= offset < s.end), None)


def name_like(tok: Token) -> bool:
    """A capitalised word the tagger marks as a person or organisation name, whatever its part of
    speech: "souligne Moura" (tagged as a form of "mourir"), "selon Garba"."""
    return tok.ent_type_ in ("PER", "ORG") and tok.text[:1].isupper() and tok.i > tok.sent.start


def noun_tagged_incise_verb(doc: Doc, j: int) -> bool:
    """"« ... », note X": right after a quote and its comma, a form the tagger took for a noun
    ("note", "estime") and followed by a name or a determiner is the incise's verb."""
    if doc[j].pos_ != "NOUN" or j < 2 or doc[j - 1].text != "," or doc[j - 2].text not in ('"', "»", "”", "'"):
        return False
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    return nxt is not None and (nxt.pos_ in ("PROPN", "DET") or name_like(nxt) or is_clitic_subject(nxt))


def incise_verb_at(doc: Doc, k: int, lex: ReportingLexicon) -> int | None:
    """Index of the reporting verb of an incise starting at token k ("a-t-il souligné", "affirme X")."""
    j = k
    while j < len(doc) and doc[j].lower_ in OBJECT_CLITICS and j - k < 2:
        j += 1  # "lui avait dit X"
    while j < len(doc) and is_aux(doc[j]) and j - k < 3:
        j += 1
    while j < len(doc) and j > k and doc[j].pos_ == "ADV":
        j += 1  # "a ensuite précisé"
    while j < len(doc) and is_clitic_subject(doc[j]):
        j += 1
    if j >= len(doc) or doc[j].pos_ != "VERB" and not noun_tagged_incise_verb(doc, j):
        return None
    cue = lex.verb_for_form(doc[j].text, doc[j].lemma_)
    if cue is None or Frame.INCISE not in cue.frames:
        return None
    a = skip_addressee(doc, j + 1)
    after = doc[a] if a < len(doc) else None
    clitic_before = any(is_clitic_subject(doc[m]) for m in range(k, j))
    if clitic_before or (after is not None and (is_clitic_subject(after) or after.pos_ in ("PROPN", "DET", "NOUN")
                                                                         or name_like(after))):
        return j
    return None


@cache
def _time_words() -> frozenset[str]:
    """Days and parts of days of the time lexicon ("lundi", "hier", "soir")."""
    lex = load_time_lexicon()
    return frozenset([*lex.weekdays, *lex.day_words, *lex.day_parts])


def skip_addressee(doc: Doc, k: int) -> int:
    """Past adverbs, a day and a short "à X" after an incise verb: "répondit alors son complice",
    "a expliqué à l'AFP Gilles-Éric Séralini", "explique à CNN International Aïcha Touré",
    "a répondu mardi soir aux députés la ministre"."""
    days = _time_words()
    while k < len(doc) and (doc[k].pos_ == "ADV" and not is_clitic_subject(doc[k]) or doc[k].lower_ in days):
        k += 1
    if k + 1 < len(doc) and doc[k].lower_ in ADDRESSEE_CASES:
        j = k + 1
        while j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        ent = next((e for e in doc.ents if e.start == j), None) if j < len(doc) else None
        if ent is not None and ent.end < len(doc) and doc[ent.end].pos_ in ("PROPN", "DET", "NOUN"):
            return ent.end  # "explique à CNN International Aïcha Touré": a named addressee, then the speaker
        if j < len(doc) and doc[j].pos_ in ("PROPN", "NOUN") and j + 1 < len(doc) \
                and doc[j + 1].pos_ in ("PROPN", "DET", "NOUN"):
            return j + 1
    return k


def _breaker_at(doc: Doc, k: int, lex: ReportingLexicon) -> bool:
    """True when the tokens from k spell one of the lexicon's clause breakers. A breaking
    preposition ("selon") must close the sentence: "..., selon X." ends the clause, while
    "est, selon lui, une substance ..." does not."""
    for phrase in lex.clause_breakers:
        words = phrase.replace("'", "' ").split()
        span = [t.lower_.replace("’", "'") for t in doc[k:k + len(words)]]
        if span != words:
            continue
        if phrase in {p.lemma for p in lex.prepositions}:
            return _phrase_closes_sentence(doc, k + len(words))
        return True
    return False


def _phrase_closes_sentence(doc: Doc, k: int) -> bool:
    end = doc[k].sent.end if k < len(doc) else len(doc)
    for j in range(k, end):
        if doc[j].text in (",", ":", "«") or is_finite(doc[j]):
            return False
        if doc[j].text in STOP_PUNCT:
            return True
    return True


def clause_end(doc: Doc, i: int, lex: ReportingLexicon, segments: list[QuotedSegment]) -> int:
    """Exclusive token index where a reported clause starting at token i ends."""
    end = doc[i].sent.end if i < len(doc) else len(doc)
    k = i
    while k < end:
        tok = doc[k]
        seg = segment_opening_at(segments, tok)
        if seg is not None:
            k = _token_at_or_after(doc, seg.close_end, k + 1)
            if seg.ends_sentence:
                return k  # « ... pleuré. » closes its sentence
            end = max(end, doc[k - 1].sent.end)
            continue
        if tok.text in STOP_PUNCT or (tok.text == ":" and k > i):
            return k
        if tok.text == "," and k + 1 < end and (_breaker_at(doc, k + 1, lex) or incise_verb_at(doc, k + 1, lex)):
            return k
        k += 1
    return min(k, len(doc))


def _token_at_or_after(doc: Doc, offset: int, floor: int) -> int:
    k = floor
    while k < len(doc) and doc[k].idx < offset:
        k += 1
    return k


def clause_start(doc: Doc, i: int, segments: list[QuotedSegment]) -> int:
    """Token index where the clause that ends just before token i begins (connectives dropped)."""
    start = doc[i - 1].sent.start if i > 0 else 0
    k = i - 1
    while k >= start:
        tok = doc[k]
        if segment_containing(segments, tok.idx) is None and (tok.text in (";", ":") or tok.text in STOP_PUNCT):
            start = k + 1
            break
        k -= 1
    return skip_connectives(doc, start, i)


def skip_connectives(doc: Doc, start: int, limit: int) -> int:
    """Drop short leading adjuncts closed by a comma: "En effet, ", "Toutefois, ", "De son côté, "."""
    while True:
        comma = next((k for k in range(start, min(start + 4, limit)) if doc[k].text == ","), None)
        if comma is None or comma == start:
            return start
        head = doc[start]
        chunk = doc[start:comma]
        if head.pos_ not in ("ADV", "CCONJ", "ADP", "SCONJ") or any(is_finite(t) for t in chunk):
            return start
        if head.lower_ in ("selon", "pour", "si", "quand", "lorsque"):
            return start
        start = comma + 1


def np_left(doc: Doc, head: int, floor: int) -> int:
    """First token of the noun phrase ending at `head` ("Le gouvernement tibétain en exil")."""
    k = head
    while k - 1 >= floor:
        prev = doc[k - 1]
        if prev.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or (prev.pos_ == "DET" and prev.lower_ not in ("que",)):
            k -= 1
            if prev.pos_ == "DET" and not (k - 1 >= floor and doc[k - 1].lower_ in NP_LINKS):
                break
            continue
        if prev.lower_ in NP_LINKS and k - 2 >= floor and doc[k - 2].pos_ in ("NOUN", "PROPN", "ADJ"):
            k -= 1
            continue
        if prev.text in NAME_PARTICLES and doc[k].pos_ == "PROPN":
            k -= 1  # "De Santis", "Van Rompuy"
            continue
        break
    return k


def np_right(doc: Doc, head: int, ceiling: int) -> int:
    """Exclusive end of the noun phrase starting around `head` (complements "de X" included)."""
    k = head + 1
    while k < ceiling:
        tok = doc[k]
        if tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "DET") or tok.dep_ == "flat:name":
            k += 1
            continue
        if tok.lower_ in NP_LINKS and k + 1 < ceiling and doc[k + 1].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM"):
            k += 1
            continue
        if tok.pos_ == "CCONJ" and k + 1 < ceiling and doc[k + 1].pos_ == "ADJ":
            k += 1  # "les médias occidentaux et iraniens"
            continue
        break
    return k


def trimmed_chars(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Character range of tokens [a, b) without edge punctuation (closing quote marks kept)."""
    while a < b and (doc[a].is_punct and doc[a].text not in ("«", "“", "(", "[") or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].is_punct and doc[b - 1].text not in ("»", "”", ")", "]") or doc[b - 1].is_space):
        b -= 1
    if a >= b:
        at = doc[a].idx if a < len(doc) else doc[-1].idx + len(doc[-1].text_with_ws)
        return at, at
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
