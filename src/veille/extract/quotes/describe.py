"""A speaker phrase split into its name and role.

"Aminata Sanogo, juriste à Niamey" -> name "Aminata Sanogo", role "juriste à Niamey";
"un communiqué de la gendarmerie sénégalaise" -> name "gendarmerie sénégalaise" (the author of
the document); "HRW" -> "Human Rights Watch" when the article spells
it out.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from veille.extract.quotes.clauses import NP_LINKS, entities_in, name_like
from veille.extract.quotes.subjects import PERSONAL_PRONOUNS, RELATIVE, SpeakerRef
from veille.extract.reporting import ReportingLexicon


@dataclass(frozen=True, slots=True)
class Described:
    """A speaker phrase split into its name and role."""

    name: str
    role: str | None
    name_start: int  # token range of the name
    name_end: int
    proper: bool  # the name is a proper noun (a person or organisation named as such)
    lemmas: frozenset[str]  # head nouns of the phrase, to recognise a later "le documentaire"


def _parts(doc: Doc, ref: SpeakerRef) -> list[tuple[int, int]]:
    """Comma-separated parts of the phrase, leading adverbs dropped ("aujourd'hui professeur")."""
    parts, a = [], ref.start
    for k in range(ref.start, ref.end + 1):
        if k == ref.end or doc[k].text == ",":
            while a < k and doc[a].pos_ == "ADV":
                a += 1
            if a < k and (doc[a].pos_ not in ("VERB", "AUX", "SCONJ", "PUNCT") or name_like(doc[a])) \
                    and not (doc[a].pos_ == "PRON" and doc[a].lower_ in PERSONAL_PRONOUNS | RELATIVE):
                parts.append((a, k))
            a = k + 1
    return parts


def _strip_det(doc: Doc, a: int, b: int, lex: ReportingLexicon) -> int:
    """Drop articles, partitives and titles: "les", "d'autres", "Mme" — not the "De" of "De Santis"."""
    while a < b and (doc[a].pos_ == "DET" and doc[a].lower_ != "de" or doc[a].lower_.rstrip(".") + "." in lex.name_titles
                     or doc[a].lower_ in lex.name_titles
                     or doc[a].lower_ in ("d'", "d’", "de", "des", "du")
                     and not (a + 1 < b and doc[a + 1].pos_ == "PROPN" and doc[a].text[0].isupper())):
        a += 1
    return a


def _entity_in(doc: Doc, a: int, b: int, labels: tuple[str, ...]) -> tuple[int, int] | None:
    """A named entity heading the part (not one inside a "de X" complement, nor lower-case words the
    tagger took for a name), its end mended when the tagger cut a name ("Rami Abd al-" + "Rahman")."""
    for ent_start, ent_end in entities_in(doc, a, b, labels):
        if not any(doc[k].text[:1].isupper() for k in range(ent_start, ent_end)):
            continue  # "président de la" tagged PER: a name has a capital somewhere
        k = ent_start - 1
        while k >= a and doc[k].pos_ == "DET":
            k -= 1
        if k >= a and (doc[k].pos_ == "ADP" or doc[k].lower_ in NP_LINKS):
            continue
        end = ent_end
        while end < b and not doc[end].is_punct and (doc[end].pos_ == "PROPN" and doc[end].ent_type_ == ""
                                                     or not doc[end - 1].whitespace_):
            end += 1
        return ent_start, end
    return None


def _all_proper(doc: Doc, a: int, b: int) -> bool:
    """An apposed name ("Timor Goksel", whatever the tagger's label): proper nouns only."""
    return b - a >= 2 and all(doc[k].pos_ == "PROPN" or doc[k].dep_ == "flat:name" for k in range(a, b))


def _apposed_name(doc: Doc, part: tuple[int, int], parts: list[tuple[int, int]]) -> bool:
    """"l'une des visiteuses, Olga": a lone capitalised proper noun set after a description
    names that person, whatever entity label the tagger gave it."""
    a, b = part
    return part != parts[0] and b - a == 1 and doc[a].pos_ == "PROPN" and doc[a].text[:1].isupper() \
        and doc[parts[0][0]:parts[0][1]].root.pos_ in ("NOUN", "PRON")


def expand_acronym(doc: Doc, name: str) -> str:
    """"HRW" -> "Human Rights Watch" when the article spells the name out somewhere."""
    if not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
        return name
    for ent in doc.ents:
        capitals = "".join(w[0] for w in ent.text.replace("-", " ").split() if w[0].isupper())
        if capitals == name and len(ent) > 1:
            return ent.text
    return _defined_in_parentheses(doc, name) or name


def _defined_in_parentheses(doc: Doc, name: str) -> str | None:
    """"le Front de libération du Nord (FLN)": an acronym in parentheses right after a capitalised
    name stands for it, whatever language its letters come from."""
    for tok in doc:
        if tok.text != name or not (1 < tok.i < len(doc) - 1) or doc[tok.i - 1].text != "(" \
                or doc[tok.i + 1].text != ")":
            continue
        named = next((ent for ent in doc.ents if ent.end == tok.i - 1 and len(ent) > 1), None)
        if named is not None:
            return named.text
        start = tok.i - 1
        while start - 1 >= 0 and doc[start - 1].pos_ in ("NOUN", "PROPN", "ADJ") and tok.i - start < 6:
            start -= 1
        if start < tok.i - 2 and doc[start].text[:1].isupper():
            return doc[start:tok.i - 1].text
    return None


def _text(doc: Doc, a: int, b: int) -> str:
    return doc[a:b].text.strip(" ,") if a < b else ""


def describe(doc: Doc, ref: SpeakerRef, lex: ReportingLexicon) -> Described | None:
    parts = _parts(doc, ref)
    if not parts:
        return None
    named = next((p for p in parts if _entity_in(doc, *p, ("PER",))), None) \
        or next((p for p in parts if _all_proper(doc, *p) or _apposed_name(doc, p, parts)), None) \
        or next((p for p in parts if _entity_in(doc, *p, ("ORG", "MISC"))), None)
    main = named or parts[0]
    others = [_text(doc, *p) for p in parts if p != main and doc[p[0]].pos_ != "ADP"]
    lemmas = frozenset(doc[a:b].root.lemma_.lower() for a, b in parts if b > a)
    ent = _entity_in(doc, *main, ("PER",)) \
        or (main if _all_proper(doc, *main) or _apposed_name(doc, main, parts) else None) \
        or _entity_in(doc, *main, ("ORG", "MISC"))
    if ent is not None:
        name_a = _strip_det(doc, ent[0], ent[1], lex) if doc[ent[0]].lower_.rstrip(".") in _titles(lex) \
            else ent[0]
        rest_a = _strip_det(doc, main[0], main[1], lex)
        inner_role = _role_around(doc, rest_a, main[1], ent, lex)
        role = ", ".join(r for r in [inner_role, *others] if r) or None
        return Described(_text(doc, name_a, ent[1]), role, name_a, ent[1], True, lemmas)
    a = _strip_det(doc, *main, lex)
    if a >= main[1]:
        return None
    author = _document_author(doc, a, main[1], lex)
    if author is not None:
        role = ", ".join(r for r in [_text(doc, a, main[1]), *others] if r)
        return Described(_text(doc, *author), role, author[0], author[1], _has_propn(doc, *author), lemmas)
    role = ", ".join(others) or None
    return Described(_text(doc, a, main[1]), role, a, main[1], _has_propn(doc, a, main[1]), lemmas)


def _titles(lex: ReportingLexicon) -> set[str]:
    return {t.rstrip(".") for t in lex.name_titles}


def _role_around(doc: Doc, a: int, b: int, ent: tuple[int, int], lex: ReportingLexicon) -> str:
    """What the named part says besides the name: "président afghan" in "Le président afghan X"."""
    before = _text(doc, a, ent[0]) if ent[0] > a else ""
    after_a = ent[1]
    while after_a < b and (doc[after_a].lower_ in NP_LINKS or doc[after_a].pos_ == "DET"):
        after_a += 1
    after = _text(doc, after_a, b)
    return " ".join(x for x in (before, after) if x)


def _document_author(doc: Doc, a: int, b: int, lex: ReportingLexicon) -> tuple[int, int] | None:
    """"communiqué de la gendarmerie sénégalaise" -> the gendarmerie: a document noun and its "de"
    complement."""
    noun = lex.source_noun(doc[a].lemma_) if doc[a].pos_ == "NOUN" else None
    if noun is None or not noun.document:
        return None
    k = a + 1
    while k < b and doc[k].pos_ == "ADJ":
        k += 1
    if k >= b or doc[k].lower_ not in ("de", "du", "des", "d'", "d’"):
        return None
    start = _strip_det(doc, k, b, lex)
    return (start, b) if start < b else None


def _has_propn(doc: Doc, a: int, b: int) -> bool:
    """A name that starts with a proper noun ("HRW", "Hassan"), not a description naming a place."""
    return a < b and doc[a].pos_ == "PROPN"
