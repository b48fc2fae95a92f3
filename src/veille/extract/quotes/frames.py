"""Attributions: a reporting cue, the statement it introduces (character range) and the speaker
phrase. One function per construction:

    verb_attributions     "X a affirmé que ...", "X a déclaré : « ... »", "ont raconté avoir vu ...",
                          "« ... », a-t-il déclaré", "..., affirme X."
    comme_attributions    "comme le rappelle X, « ... »", "..., comme le précise X : « ... »"
    prep_attributions     "Selon X, ...", "..., d'après X.", "Pour X, ...", "C'est l'avis de X."

Quote marks are not interpreted here; quotes.py decides direct / indirect / mixed.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from spacy.tokens import Doc, Token

from veille.extract.quotes.clauses import (
    ADDRESSEE_CASES,
    OBJECT_CLITICS,
    STOP_PUNCT,
    clause_end,
    clause_start,
    incise_verb_at,
    is_aux,
    is_clitic_subject,
    is_finite,
    is_negated,
    is_passive,
    noun_tagged_incise_verb,
    segment_containing,
    segment_opening_at,
    trimmed_chars,
)
from veille.extract.quotes.marks import QuotedSegment
from veille.extract.quotes.subjects import (
    PERSONAL_PRONOUNS,
    RELATIVE,
    SpeakerRef,
    postposed_subject,
    preposed_subject,
    verb_group_start,
)
from veille.extract.reporting import Frame, ReportingCue, ReportingLexicon

QUE = frozenset({"que", "qu'", "qu’"})
# "ainsi que", "alors que", "plus que": a "que" after these opens no reported clause.
COMPOUND_QUE = frozenset({"ainsi", "alors", "tandis", "bien", "parce", "dès", "sans", "pour", "afin", "avant",
                          "après", "pendant", "tant", "plus", "moins", "autant", "même", "lors", "si", "autre"})
DE = frozenset({"de", "d'", "d’"})
CLOSERS = frozenset({"»", "”", '"', "›"})


class Via(str, Enum):
    INCISE = "incise"
    INTERVIEW = "interview"
    VERB = "verb"
    COMME = "comme"
    PREPOSITION = "preposition"
    COLON = "colon"
    CONTINUATION = "continuation"
    UNATTRIBUTED = "unattributed"


PRIORITY = {Via.INCISE: 6, Via.INTERVIEW: 6, Via.VERB: 5, Via.COMME: 5, Via.PREPOSITION: 4, Via.COLON: 3,
            Via.CONTINUATION: 2, Via.UNATTRIBUTED: 1}


@dataclass(frozen=True, slots=True)
class Attribution:
    via: Via
    cue: str | None
    cue_at: int  # character offset of the cue
    start: int  # the statement, as characters of doc.text
    end: int
    speaker: SpeakerRef | None
    direct: bool = False  # the statement is known to be quoted words (incise after a quote)


def _cue_text(doc: Doc, a: int, b: int) -> str:
    return doc[a:b].text


def _content(doc: Doc, first: int, lex: ReportingLexicon, segments: list[QuotedSegment]) -> tuple[int, int]:
    return trimmed_chars(doc, first, clause_end(doc, first, lex, segments))


# --------------------------------------------------------------------------- verbs


def match_verb(doc: Doc, tok: Token, lex: ReportingLexicon) -> tuple[ReportingCue, int] | None:
    """The lexicon entry a verb token starts, and the index of the cue's last word."""
    pos = tok.pos_
    if pos not in ("VERB", "AUX", "ADJ") and (pos != "NOUN" or not noun_tagged_incise_verb(doc, tok.i)):
        return None  # (only a noun can be a noun-tagged incise verb: most tokens stop here)
    for cue in lex.multiword_verbs_from(tok.lemma_.lower()):
        for k in range(tok.i + 1, min(tok.i + 3, len(doc))):
            if doc[k].lemma_.lower() == cue.words[1] or doc[k].lower_ == cue.words[1]:
                return cue, k
    cue = lex.verb_for_form(tok.text, tok.lemma_)
    if cue is None or not _verb_like(doc, tok) or _second_word(doc, tok, lex):
        return None
    if cue.reflexive and not any(doc[k].lower_ in ("se", "s'", "s’") for k in range(max(0, tok.i - 3), tok.i)):
        return None
    return cue, tok.i


def _verb_like(doc: Doc, tok: Token) -> bool:
    """A verb, or a participle the tagger took for an adjective ("a nuancé")."""
    if tok.pos_ == "VERB" or noun_tagged_incise_verb(doc, tok.i):
        return True
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return tok.pos_ == "ADJ" and prev is not None and is_aux(prev) and prev.lemma_ == "avoir"


def _second_word(doc: Doc, tok: Token, lex: ReportingLexicon) -> bool:
    """"remarquer" in "fait remarquer": the cue belongs to "fait"."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and any(c.words[1] == tok.lemma_ for c in lex.multiword_verbs_from(prev.lemma_.lower()))


def verb_attributions(doc: Doc, lex: ReportingLexicon, segments: list[QuotedSegment]) -> list[Attribution]:
    out = []
    for tok in doc:
        matched = match_verb(doc, tok, lex)
        if matched is None or is_negated(tok) or is_passive(tok):
            continue
        cue, last = matched
        if segment_containing(segments, tok.idx) is not None:
            att = _mid_quote_incise(doc, tok, cue, lex, segments)
        else:
            att = _incise(doc, tok, cue, lex, segments) or _complement(doc, tok, cue, last, lex, segments)
        if att is not None:
            out.append(att)
    return out


def verb_speaker(doc: Doc, verb: Token, lex: ReportingLexicon, last: int | None = None) -> SpeakerRef | None:
    """Who speaks through a verb: its subject; for "affirmant" the noun it qualifies; an
    infinitive ("vient de déclarer") borrows the subject of its governing verb."""
    form = verb.morph.get("VerbForm")
    if "Part" in form and "Past" in verb.morph.get("Tense") and verb.dep_ != "conj" \
            and not any(is_aux(doc[k]) for k in range(verb_group_start(doc, verb.i), verb.i)) \
            and not _subject_before(doc, verb):
        return None  # "la loi dite « Sur l'information »": an adjective, nobody speaks
    if "Inf" in form or _infinitive_aux(doc, verb):  # "vient de déclarer", "après avoir affirmé que":
        if verb.dep_ not in ("xcomp", "advcl") or verb.head.pos_ != "VERB":
            return None
        return preposed_subject(doc, verb.head, lex)  # the governor's subject
    if "Part" in form and "Pres" in verb.morph.get("Tense"):
        noun = _noun_before(doc, verb)
        if noun is not None and (noun.pos_ == "PROPN" or noun.ent_type_ in ("PER", "ORG")
                                 or lex.source_noun(noun.lemma_)):
            return antecedent_of_noun(doc, noun)
        return _adverbial_participle_subject(doc, verb, lex)
    partner = doc[last] if last is not None and last != verb.i else None
    return preposed_subject(doc, verb, lex, partner)


def _infinitive_aux(doc: Doc, verb: Token) -> bool:
    """ "avoir affirmé": a past infinitive."""
    return any(is_aux(doc[k]) and "Inf" in doc[k].morph.get("VerbForm")
               for k in range(verb_group_start(doc, verb.i), verb.i))


def _subject_before(doc: Doc, verb: Token) -> bool:
    """"Il avertit que", "Le parquet allègue que": a subject makes the form finite, whatever the
    tagger's reading (it takes such forms for past participles)."""
    k = verb_group_start(doc, verb.i) - 1
    return k >= verb.sent.start and is_clitic_subject(doc[k]) \
        or any(c.dep_ in ("nsubj", "expl:subj") and c.i < verb.i for c in verb.children)


def _adverbial_participle_subject(doc: Doc, verb: Token, lex: ReportingLexicon) -> SpeakerRef | None:
    """"X a rejeté les critiques, affirmant que ...", "en ajoutant que": a participle set off by a
    comma, or a gerund, speaks for the subject of the verb it depends on."""
    k = verb.i - 1
    while k >= verb.sent.start and doc[k].pos_ == "ADV":
        k -= 1
    if k < verb.sent.start or doc[k].text != "," and doc[k].lower_ != "en":
        return None
    head = verb.head
    if head.i >= verb.i or head.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("advcl", "conj", "acl", "xcomp"):
        return None
    if doc[k].text == "," and k >= 1 and is_clitic_subject(doc[k - 1]) and doc[k - 1].lower_ != "-t":
        return SpeakerRef(k - 1, k, k - 1)  # "« ... », ajoute-t-elle, précisant que": she specifies
    root = verb.sent.root  # "X note que Y est diffusé, ajoutant que": the main clause's subject
    main = root if root.i < verb.i and root.pos_ in ("VERB", "AUX") else head
    for governor in (head, main):  # "« ... », précise-t-elle à la radio, ajoutant que": she adds
        clitic = next((c for c in governor.children if c.i > governor.i and is_clitic_subject(c)
                       and c.lower_ != "-t"), None)  # "-t-il": the euphonic "-t" is nobody
        if clitic is not None:
            return SpeakerRef(clitic.i, clitic.i + 1, clitic.i)
    return preposed_subject(doc, main, lex)


def _noun_before(doc: Doc, verb: Token) -> Token | None:
    """The noun a present participle qualifies: "un communiqué affirmant que ..."; not the one spoken
    to ("dit-elle à la BBC, ajoutant que": she adds)."""
    k = verb.i - 1
    while k >= verb.sent.start and (doc[k].pos_ in ("ADJ", "ADV") or doc[k].text == ","):
        k -= 1
    if k < verb.sent.start or doc[k].pos_ not in ("NOUN", "PROPN"):
        return None
    return None if any(c.dep_ == "case" and c.lower_ in ADDRESSEE_CASES for c in doc[k].children) else doc[k]


def antecedent_of_noun(doc: Doc, noun: Token) -> SpeakerRef:
    start = noun.i
    while start - 1 >= noun.sent.start and doc[start - 1].pos_ in ("DET", "ADJ"):
        start -= 1
    return SpeakerRef(start, noun.i + 1, noun.i)


def _after_adverbs(doc: Doc, k: int) -> int:
    while k < len(doc) and (doc[k].pos_ == "ADV" or doc[k].dep_ in ("advmod", "fixed") and doc[k].pos_ != "VERB"
                            or is_clitic_subject(doc[k]) or doc[k].lower_ == "-t"):
        k += 1
    return k


def _que_after(doc: Doc, last: int) -> int | None:
    """The "que" opening the reported clause: "précise également que", "justifie X par le fait qu'"."""
    end = min(doc[last].sent.end, last + 12)
    for k in range(last + 1, end):
        tok = doc[k]
        if tok.lower_ in QUE and (tok.pos_ == "SCONJ" or tok.dep_ == "mark" or doc[k - 1].lemma_ == "fait"
                                  or _addressee_between(doc, last + 1, k)):
            return None if doc[k - 1].lower_ in COMPOUND_QUE else k
        if is_finite(tok) or tok.text in STOP_PUNCT or tok.text in (":", "«", "»") or tok.pos_ == "SCONJ":
            return None
        if tok.pos_ == "PRON" and tok.lower_ in RELATIVE:
            return None
    return None


def _addressee_between(doc: Doc, a: int, b: int) -> bool:
    """"a déclaré à la BBC que": only a hearer ("à X") stands between the verb and "que", so the
    "que" opens the statement even when the tagger reads it as a relative pronoun."""
    k = a
    while k < b and doc[k].pos_ == "ADV":
        k += 1
    if k >= b or doc[k].lower_ not in ("à", "au", "aux"):
        return False
    rest = doc[k + 1:b]
    return len(rest) > 0 and all(t.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "ADV") for t in rest) \
        and any(t.pos_ in ("NOUN", "PROPN") for t in rest)


def _inf_after(doc: Doc, j: int, limit: int) -> int | None:
    """An infinitive opening the statement at j ("avoir vu", "de remettre")."""
    if j < limit and doc[j].lower_ in DE | {"à"} and j + 1 < limit and "Inf" in doc[j + 1].morph.get("VerbForm"):
        return j + 1
    if j < limit and "Inf" in doc[j].morph.get("VerbForm"):
        return j
    return None


def _obj_inf_after(doc: Doc, j: int, limit: int) -> int | None:
    """"demander au Conseil d'adopter", "accuser X d'être": de/à + infinitive after a complement."""
    for k in range(j + 1, min(limit, j + 16)):
        if is_finite(doc[k]):
            return None
        if doc[k].lower_ in DE | {"à"} and k + 1 < limit and "Inf" in doc[k + 1].morph.get("VerbForm"):
            return k
    return None


def _complement(doc: Doc, tok: Token, cue: ReportingCue, last: int, lex: ReportingLexicon,
                segments: list[QuotedSegment]) -> Attribution | None:
    speaker = verb_speaker(doc, tok, lex, last)
    if speaker is None:
        return None
    group = verb_group_start(doc, tok.i)
    cue_text = _cue_text(doc, group, last + 1)
    j = _after_adverbs(doc, last + 1)
    limit = clause_end(doc, j, lex, segments) if j < len(doc) else len(doc)
    first = _statement_start(doc, cue, last, j, limit, segments)
    if first is None:
        return None
    if doc[first - 1].lower_ in QUE and first - 1 == last + 1:
        cue_text = f"{cue_text} {doc[first - 1].text}"
    start, end = _content(doc, first, lex, segments)
    if end <= start or _lone_term(start, end, segments):
        return None
    return Attribution(Via.VERB, cue_text, doc[group].idx, start, end, speaker)


def _lone_term(start: int, end: int, segments: list[QuotedSegment]) -> bool:
    """"a salué la « détermination » des Grecs": quoted words introduced by the verb alone, all
    of one or two words, are terms, not a statement."""
    if not any(s.open_at == start for s in segments):
        return False
    return all(s.words < 3 for s in segments if start <= s.open_at < end)


def _statement_start(doc: Doc, cue: ReportingCue, last: int, j: int, limit: int,
                     segments: list[QuotedSegment]) -> int | None:
    """First token of the statement after the cue (j: first token after it and its adverbs)."""
    frames = cue.frames
    que = _que_after(doc, last) if Frame.QUE in frames else None
    if que is not None:
        return que + 1 + (1 if que + 1 < len(doc) and doc[que + 1].text == ":" else 0)
    if j >= len(doc):
        return None
    if doc[j].text == ":" and Frame.COLON in frames:
        return j + 1
    if segment_opening_at(segments, doc[j]) is not None and (Frame.QUOTE in frames or Frame.INF in frames):
        return j  # "a dénoncé « ... »", "affirme « agir au nom de Dieu »"
    inf = _inf_after(doc, j, limit) if Frame.INF in frames else None
    if inf is not None:
        return inf
    if Frame.OBJ_INF in frames and _obj_inf_after(doc, j, limit) is not None:
        return j
    if Frame.NP in frames and doc[j].pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ", "ADP"):
        return j + 1 if doc[j].lower_ in DE and j + 1 < len(doc) and doc[j + 1].pos_ != "NOUN" else j
    if Frame.QUOTE in frames:  # "remercient la Chine et la Russie « pour leur soutien »"
        return next((t.i for t in doc[j:limit] if segment_opening_at(segments, t) is not None), None)
    return None


# --------------------------------------------------------------------------- incises


def _incise_left(doc: Doc, verb: Token) -> int:
    """Start of an incise's verb group: "a-t-il souligné" -> "a"."""
    k = verb.i
    while k - 1 >= 0 and (is_aux(doc[k - 1]) or is_clitic_subject(doc[k - 1]) or doc[k - 1].lower_ == "-t"
                          or doc[k - 1].pos_ == "ADV" and k - 2 >= 0 and is_aux(doc[k - 2])):
        k -= 1
    while k - 1 >= 0 and doc[k - 1].lower_ in OBJECT_CLITICS and doc[k - 1].pos_ == "PRON":
        k -= 1  # "lui avait dit X"
    return k


def _incise(doc: Doc, tok: Token, cue: ReportingCue, lex: ReportingLexicon,
            segments: list[QuotedSegment]) -> Attribution | None:
    """"« ... », ajoute Hassan", "« ... » a-t-il souligné", "..., affirme X." (inverted subject)."""
    if Frame.INCISE not in cue.frames or _present_participle(tok):
        return None  # "..., suggérant un cessez-le-feu": a participle is no inverted incise
    left = _incise_left(doc, tok)
    if left == 0 or incise_verb_at(doc, left, lex) != tok.i or doc[left - 1].text not in CLOSERS | {","}:
        return None
    speaker = postposed_subject(doc, tok.i + 1, lex) if left == tok.i or not _clitic_in(doc, left, tok.i) \
        else SpeakerRef(tok.i - 1, tok.i, tok.i - 1)
    if speaker is None:
        return None
    cue_text = _cue_text(doc, left, tok.i + 1 + _trailing_clitics(doc, tok.i + 1))
    before = left - 1 if doc[left - 1].text == "," else left
    closer = doc[before - 1] if doc[before - 1].text in CLOSERS else doc[left - 1]
    seg = next((s for s in segments if s.close_end == closer.idx + len(closer.text)), None)
    if seg is not None and closer.text in CLOSERS:
        return Attribution(Via.INCISE, cue_text, doc[left].idx, seg.start, seg.end, speaker, direct=True)
    first = clause_start(doc, before, segments)
    head_finite = any(is_finite(t) for t in doc[first:before])
    after = _after_incise(doc, tok, speaker)
    if after is not None:  # "Il est, disent-ils, la langue ...", "Par ailleurs, poursuit X, une langue ..."
        start, end = trimmed_chars(doc, first if head_finite else after, clause_end(doc, after, lex, segments))
    elif head_finite:
        start, end = trimmed_chars(doc, first, before)
    else:
        return None
    return Attribution(Via.INCISE, cue_text, doc[left].idx, start, end, speaker)


def _present_participle(tok: Token) -> bool:
    return "Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense") \
        or tok.lower_.endswith("ant") and not is_finite(tok)


def _after_incise(doc: Doc, verb: Token, speaker: SpeakerRef) -> int | None:
    """The token after a parenthetical incise's closing comma, when the clause goes on."""
    k = max(speaker.end, verb.i + 1 + _trailing_clitics(doc, verb.i + 1))
    if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].text not in STOP_PUNCT \
            and doc[k + 1].i < doc[k].sent.end:
        return k + 1
    return None


def _clitic_in(doc: Doc, a: int, b: int) -> bool:
    return any(is_clitic_subject(doc[k]) for k in range(a, b))


def _trailing_clitics(doc: Doc, k: int) -> int:
    n = 0
    while k + n < len(doc) and (is_clitic_subject(doc[k + n]) or doc[k + n].lower_ == "-t"):
        n += 1
    return n


def _mid_quote_incise(doc: Doc, tok: Token, cue: ReportingCue, lex: ReportingLexicon,
                      segments: list[QuotedSegment]) -> Attribution | None:
    """"« Moi, dit-il, j'ai l'impression ... »": the incise inside the quote names the speaker.
    The statement is the whole quote, or the part after the incise when the part before is a
    mere "Moi" or "Mais"."""
    seg = segment_containing(segments, tok.idx)
    left = _incise_left(doc, tok)
    n = _trailing_clitics(doc, tok.i + 1)
    after = tok.i + 1 + n
    if Frame.INCISE not in cue.frames or doc[left - 1].text != "," or n == 0:
        return None
    if after >= len(doc) or doc[after].text != ",":
        return None
    speaker = SpeakerRef(tok.i + n, tok.i + n + 1, tok.i + n)
    if doc[tok.i + n].lower_.lstrip("-t").lstrip("-") not in {p.lstrip("-") for p in PERSONAL_PRONOUNS}:
        return None
    cue_text = _cue_text(doc, left, after)
    head_words = sum(1 for t in doc[0:left - 1] if t.idx >= seg.start and t.is_alpha)
    start = doc[after + 1].idx if head_words < 3 else seg.start
    return Attribution(Via.INCISE, cue_text, doc[left].idx, start, seg.end, speaker, direct=True)
