"""The French reporting lexicon (lexicon/reporting.yaml): verbs, prepositions and incises
by which an article attributes a statement to someone.

    lex = ReportingLexicon.load()
    lex.is_reporting_verb("affirmer")          # True
    lex.verb("demander").frames               # frozenset({Frame.QUE, Frame.OBJ_INF, ...})
    lex.cue_prepositions                      # frozenset({"selon", "d'après", "pour", ...})

Read by extract/quotes*.py and by the events/claims engine (reportive contexts).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import yaml

LEXICON_PATH = Path(__file__).parent / "lexicon" / "reporting.yaml"


class CueType(str, Enum):
    VERB = "verb"
    PREPOSITION = "preposition"
    INCISE = "incise"


class Frame(str, Enum):
    """A construction in which a reporting verb carries a statement (see the YAML header)."""

    QUE = "que"
    INF = "inf"
    OBJ_INF = "obj_inf"
    NP = "np"
    QUOTE = "quote"
    COLON = "colon"
    INCISE = "incise"


class Stance(str, Enum):
    REPORT = "report"
    ASSERT = "assert"
    OPINION = "opinion"
    DENY = "deny"
    ALLEGE = "allege"
    REQUEST = "request"
    COMMIT = "commit"


class Position(str, Enum):
    ANYWHERE = "anywhere"
    CLAUSE_INITIAL = "clause_initial"


class Scope(str, Enum):
    CLAUSE = "clause"
    PREVIOUS_SENTENCE = "previous_sentence"


# Endings of first-group (-er) verb forms, longest first, for verb_for_form().
ER_ENDINGS = ("aient", "èrent", "erait", "eront", "era", "ait", "ais", "ant", "ons", "ent", "ées", "és",
              "ée", "ez", "es", "é", "e", "a")

DEFAULT_FRAMES = frozenset({Frame.QUE, Frame.QUOTE, Frame.COLON, Frame.INCISE})


@dataclass(frozen=True, slots=True)
class ReportingCue:
    """One entry of the lexicon. `words` is the lemma split on spaces ("faire état" -> 2 words)."""

    lemma: str
    type: CueType
    frames: frozenset[Frame] = DEFAULT_FRAMES
    stance: Stance = Stance.REPORT
    position: Position = Position.ANYWHERE
    scope: Scope = Scope.CLAUSE
    reflexive: bool = False
    notes: str = ""
    source: str = "grammar"

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.lemma.split())


@dataclass(frozen=True, slots=True)
class SourceNoun:
    lemma: str
    document: bool  # a text produced by the actor of its "de" complement ("communiqué de la police")


@dataclass(frozen=True, slots=True)
class ReportingLexicon:
    version: int
    verbs: tuple[ReportingCue, ...]
    prepositions: tuple[ReportingCue, ...]
    incises: tuple[ReportingCue, ...]
    source_nouns: tuple[SourceNoun, ...]
    clause_breakers: tuple[str, ...]
    impersonal_subjects: frozenset[str]
    name_titles: frozenset[str]
    sources: tuple[tuple[str, str], ...]
    question_verbs: frozenset[str] = frozenset()  # "lui a demandé si": asking someone
    answer_verbs: frozenset[str] = frozenset()  # "a-t-elle répondu": the one asked speaks
    verb_index: Mapping[str, ReportingCue] = field(default_factory=dict, compare=False, repr=False)
    multiword: tuple[ReportingCue, ...] = field(default=(), compare=False, repr=False)
    multiword_index: Mapping[str, tuple[ReportingCue, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, path: Path = LEXICON_PATH) -> "ReportingLexicon":
        """The lexicon from its YAML file (parsed once per path and process)."""
        return _load(path)

    # ----------------------------------------------------------------- verbs
    def verb(self, lemma: str) -> ReportingCue | None:
        """The single-word verb entry for a lemma (reflexive entries under their bare verb)."""
        return self.verb_index.get(lemma.lower())

    def is_reporting_verb(self, lemma: str) -> bool:
        return self.verb(lemma) is not None

    def verb_for_form(self, form: str, lemma: str) -> ReportingCue | None:
        """The entry for a verb token, also when the lemmatizer missed it ("estime" lemmatised
        as the noun "estime"): first-group endings are tried on the written form."""
        found = self.verb(lemma)
        if found is not None:
            return found
        low = form.lower()
        for ending in ER_ENDINGS:
            if low.endswith(ending) and len(low) - len(ending) >= 3:
                found = self.verb(low[: len(low) - len(ending)] + "er")
                if found is not None:
                    return found
        return None

    def multiword_verbs(self) -> tuple[ReportingCue, ...]:
        """Entries of more than one word ("faire état", "faire savoir"), first word = the verb."""
        return self.multiword

    def multiword_verbs_from(self, lemma: str) -> tuple[ReportingCue, ...]:
        """The multiword entries whose first word is ``lemma`` (lower case), in lexicon order."""
        return self.multiword_index.get(lemma, ())

    # ----------------------------------------------------------------- prepositions
    @property
    def cue_prepositions(self) -> frozenset[str]:
        return frozenset(p.lemma for p in self.prepositions)

    def preposition(self, form: str) -> ReportingCue | None:
        form = form.lower().replace("’", "'")
        return next((p for p in self.prepositions if p.lemma == form), None)

    # ----------------------------------------------------------------- nouns
    def source_noun(self, lemma: str) -> SourceNoun | None:
        return next((n for n in self.source_nouns if n.lemma == lemma.lower()), None)

    def is_impersonal(self, form: str) -> bool:
        return form.lower().replace("’", "'") in self.impersonal_subjects


def _entry(raw: dict, expected: CueType) -> ReportingCue:
    lemma = str(raw["lemma"]).strip()
    cue_type = CueType(raw["type"])
    if cue_type is not expected:
        raise ValueError(f"reporting.yaml: {lemma!r} has type {cue_type.value}, expected {expected.value}")
    reflexive = lemma.startswith(("se ", "s'"))
    frames = frozenset(Frame(f) for f in raw["frames"]) if "frames" in raw else DEFAULT_FRAMES
    return ReportingCue(
        lemma=lemma, type=cue_type, frames=frames,
        stance=Stance(raw.get("stance", "report")),
        position=Position(raw.get("position", "anywhere")),
        scope=Scope(raw.get("scope", "clause")),
        reflexive=reflexive, notes=str(raw.get("notes", "")), source=str(raw.get("source", "grammar")),
    )


@cache
def _load(path: Path) -> ReportingLexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    sources = tuple((str(k), str(v)) for k, v in data["sources"].items())
    lex = ReportingLexicon(
        version=int(data["version"]),
        verbs=tuple(_entry(v, CueType.VERB) for v in data["verbs"]),
        prepositions=tuple(_entry(p, CueType.PREPOSITION) for p in data["prepositions"]),
        incises=tuple(_entry(i, CueType.INCISE) for i in data["incises"]),
        source_nouns=tuple(SourceNoun(str(n["lemma"]), bool(n.get("document", False)))
                           for n in data["source_nouns"]),
        clause_breakers=tuple(str(b) for b in data["clause_breakers"]),
        impersonal_subjects=frozenset(str(s) for s in data["impersonal_subjects"]),
        name_titles=frozenset(str(t) for t in data["name_titles"]),
        sources=sources,
        question_verbs=frozenset(str(v) for v in data.get("question_verbs", [])),
        answer_verbs=frozenset(str(v) for v in data.get("answer_verbs", [])),
    )
    known = {k for k, _ in sources}
    for cue in lex.verbs + lex.prepositions + lex.incises:
        if cue.source not in known:
            raise ValueError(f"reporting.yaml: {cue.lemma!r} cites unknown source {cue.source!r}")
    multiword = tuple(v for v in lex.verbs if len(v.words) > 1 and not v.reflexive)
    by_first: dict[str, tuple[ReportingCue, ...]] = {}
    for cue in multiword:
        by_first[cue.words[0]] = by_first.get(cue.words[0], ()) + (cue,)
    return replace(lex, verb_index=MappingProxyType(_verb_index(lex.verbs)), multiword=multiword,
                   multiword_index=MappingProxyType(by_first))


def _verb_index(verbs: tuple[ReportingCue, ...]) -> dict[str, ReportingCue]:
    """Single-word verbs by lemma; reflexive entries ("se féliciter") under the bare verb."""
    index: dict[str, ReportingCue] = {}
    for cue in verbs:
        if cue.reflexive:
            index[cue.lemma.split("'")[-1].split()[-1]] = cue
        elif len(cue.words) == 1:
            index[cue.lemma] = cue
    return index
