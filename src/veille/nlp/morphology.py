"""Morphology repair: conditional and future verb forms the tagger misses.

fr_core_news_md tags only 3 of the 6 conditional verbs of the seed article as Mood=Cnd
("recevraient", "reviendrait", "reconnaitrait" come out indicative, the last with the
lemma "reconnaitrer"). The claim layer reads the journalistic conditional from the
morphology, so this component checks every form ending in a conditional or future ending
against the lemmatizer's own table of verb forms and a small table of irregular stems.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from veille.nlp import attrs

DATA = Path(__file__).parent / "data" / "future_stems.yaml"
COND_ENDINGS = ("aient", "ions", "iez", "ais", "ait")
FUT_ENDINGS = ("ont", "ons", "ez", "ai", "as", "a")
ENDINGS = tuple((e, "Cnd") for e in COND_ENDINGS) + tuple((e, "Fut") for e in FUT_ENDINGS)
# Cheap first filter: a future/conditional form is a stem ending in -r plus one of the endings.
CANDIDATE = re.compile(r"r(?:aient|ions|iez|ais|ait|ont|ons|ez|ai|as|a)$")


def fold(word: str) -> str:
    """Accent-free, y→i, doubled letters collapsed: compares stems across spelling changes."""
    word = unicodedata.normalize("NFKD", word.lower())
    word = "".join(c for c in word if not unicodedata.combining(c)).replace("y", "i")
    out = []
    for c in word:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Repair:
    i: int
    mood: str  # "Cnd" or "Ind"
    tense: str  # "Pres" or "Fut"
    lemma: str


@dataclass(frozen=True, slots=True)
class StemTable:
    irregular: tuple[tuple[str, str], ...]
    not_verbs: frozenset[str]

    @classmethod
    def load(cls, path: Path = DATA) -> "StemTable":
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        pairs = tuple((e["infinitive"], e["stem"]) for e in data["irregular"])
        return cls(pairs, frozenset(data["not_verbs"]))

    def is_future_stem(self, stem: str, lemma: str) -> bool:
        fs, fl = fold(stem), fold(lemma)
        if fs == fl or fs == fl[:-1]:
            return True
        for inf, irr in self.irregular:
            fi, fr = fold(inf), fold(irr)
            if fl.endswith(fi) and fs.endswith(fr) and fs[: len(fs) - len(fr)] == fl[: len(fl) - len(fi)]:
                return True
        return False


def verb_form_table(nlp: Language) -> dict[str, str]:
    """Form → infinitive for every verb form with a future/conditional ending, exact and folded."""
    exc = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"]
    table: dict[str, str] = {}
    for form, lemmas in exc.items():
        if "r" in form and form.endswith(("a", "ai", "as", "ons", "ez", "ont", "ais", "ait", "ions", "iez", "aient")):
            table.setdefault(form, lemmas[0])
            table.setdefault(fold(form), lemmas[0])
    return table


class MorphRepair:
    """Marks conditional (Mood=Cnd) and future (Tense=Fut) verb forms and repairs their lemma."""

    def __init__(self, forms: dict[str, str], stems: StemTable):
        self.forms = forms
        self.stems = stems

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.predict(doc))
        return doc

    def predict(self, doc: Doc) -> list[Repair]:
        repairs = []
        for tok in doc:
            if not CANDIDATE.search(tok.lower_) or tok.pos_ == "PROPN" or not tok.is_alpha:
                continue
            found = self.analyse(tok.lower_)
            if found is not None:
                mood, tense, lemma = found
                if tok.morph.get("Mood") != [mood] or tok.lemma_ != lemma:
                    repairs.append(Repair(tok.i, mood, tense, lemma))
        return repairs

    def analyse(self, form: str) -> tuple[str, str, str] | None:
        if form in self.stems.not_verbs:
            return None
        lemma = self.forms.get(form) or self.forms.get(fold(form))
        if lemma is None:
            return None
        for ending, kind in ENDINGS:
            stem = form[: -len(ending)]
            if form.endswith(ending) and stem.endswith("r") and self.stems.is_future_stem(stem, lemma):
                return ("Cnd", "Pres", lemma) if kind == "Cnd" else ("Ind", "Fut", lemma)
        return None

    @staticmethod
    def set_annotations(doc: Doc, repairs: list[Repair]) -> None:
        for r in repairs:
            tok = doc[r.i]
            feats = tok.morph.to_dict()
            feats.update({"Mood": r.mood, "Tense": r.tense, "VerbForm": "Fin"})
            tok.set_morph(feats)
            tok.lemma_ = r.lemma
            if tok.pos_ not in ("VERB", "AUX"):
                tok.pos_ = "AUX" if r.lemma in ("être", "avoir") else "VERB"
            tok._.morph_repaired = True


@cache
def _shared_table(path: str) -> StemTable:
    return StemTable.load(Path(path))


@Language.factory("veille_morph_repair", requires=["token.lemma", "token.morph"],
                  assigns=["token.lemma", "token.morph", "token.pos"])
def make_morph_repair(nlp: Language, name: str) -> MorphRepair:
    attrs.declare()
    return MorphRepair(verb_form_table(nlp), _shared_table(str(DATA)))
