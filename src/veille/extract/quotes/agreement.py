"""Agreement between a pronoun and a candidate antecedent: number and gender, read from the
pronoun itself and, for the candidate, from what the tagger's guesses on proper nouns miss (the
article, the verb, a title: "les Houthis ont", "la Turquie", "Mme Diallo").

    agrees(candidate, number_of(pronoun), gender_of(pronoun))
"""
from __future__ import annotations

from spacy.tokens import Token

MASCULINE_TITLES = frozenset({"m.", "m", "monsieur"})
FEMININE_TITLES = frozenset({"mme", "mme.", "madame", "mlle", "mademoiselle"})


def number_of(tok: Token) -> str | None:
    """A pronoun's number ("-t-elle" is Sing), else the tagger's."""
    if tok.lower_.lstrip("-t").lstrip("-") in ("ils", "elles", "eux"):
        return "Plur"
    if tok.lower_.lstrip("-t").lstrip("-") in ("il", "elle", "lui"):
        return "Sing"
    values = tok.morph.get("Number")
    return values[0] if values else None


def gender_of(tok: Token) -> str | None:
    """A subject pronoun's gender; None for any other word."""
    bare = tok.lower_.lstrip("-t").lstrip("-")
    if bare in ("elle", "elles"):
        return "Fem"
    if bare in ("il", "ils", "eux"):
        return "Masc"
    return None


def _title_gender(cand: Token) -> str | None:
    """The gender a title gives a name: "M. Diallo" is Masc, "Mme Diallo" Fem."""
    k = cand.i - 1
    while k >= cand.sent.start and cand.doc[k].pos_ == "PROPN" and cand.i - k < 4 \
            and cand.doc[k].lower_ not in MASCULINE_TITLES | FEMININE_TITLES:
        k -= 1
    word = cand.doc[k].lower_ if k >= cand.sent.start else ""
    return "Masc" if word in MASCULINE_TITLES else "Fem" if word in FEMININE_TITLES else None


def _phrase_number(cand: Token) -> list[str]:
    """The number of a noun phrase. The tagger's number of a proper noun is a guess ("les Houthis"
    comes out singular): its article's number decides, else that of the verb it is the subject of
    ("Houthis ont déclaré")."""
    if cand.pos_ != "PROPN":
        return cand.morph.get("Number")
    det = next((c for c in cand.children if c.dep_ == "det" and c.i < cand.i and c.morph.get("Number")), None)
    if det is not None:
        return det.morph.get("Number")
    if cand.dep_ in ("nsubj", "nsubj:pass"):
        verb = next((c for c in cand.head.children if c.dep_.startswith("aux") and c.morph.get("Number")), cand.head)
        if verb.pos_ in ("VERB", "AUX") and verb.morph.get("Number"):
            return verb.morph.get("Number")
    return cand.morph.get("Number")


def _article_gender(cand: Token) -> str | None:
    """The gender a singular article gives a proper noun: "la Russie" is Fem, "le Mali" Masc
    (the tagger's own gender for a proper noun is a guess)."""
    det = next((c for c in cand.children if c.dep_ == "det" and c.i < cand.i
                and c.lower_ in ("le", "la", "du", "au")), None)
    if det is None:
        return None
    return "Fem" if det.lower_ == "la" else "Masc"


def agrees(cand: Token, number: str | None, gender: str | None) -> bool:
    c_number = _phrase_number(cand)
    c_gender = cand.morph.get("Gender")
    if number and c_number and number not in c_number:
        return False
    if cand.pos_ == "PROPN":
        titled = _title_gender(cand) or _article_gender(cand)
        return not (gender and titled and gender != titled)
    return not (gender and c_gender and gender not in c_gender)
