"""The lexicon's typed records: predicate senses, argument slots, conditions, claim cues.

Built by ``veille.extract.lexicon`` from the YAML data files; read by events and claims.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from veille.model import EventType

class LexiconError(ValueError):
    """A lexicon data file breaks the schema; the message names the file and the entry."""


class SlotKind(str, Enum):
    """Where an argument is found, in active-voice terms (the parser's passive is undone first)."""

    SUBJ = "subj"  # subject of the active clause (agent of a passive)
    OBJ = "obj"  # direct object (subject of a passive)
    IOBJ = "iobj"  # indirect object clitic or "à" dative
    OBL = "obl"  # prepositional complement, with its preposition: "obl:contre"
    COMP_SUBJ = "comp_subj"  # subject of the complement clause ("appeler à ce que X ...")
    LOC = "loc"  # a place complement standing for its country ("une formation en Russie")
    SUPPORT = "support"  # nouns: the subject of the support verb ("X a lancé une attaque")
    POSS = "poss"  # nouns: possessive determiner ("sa rencontre avec")
    ADJ = "adj"  # nouns: a demonym adjective ("l'intervention française")
    COMP_OBJ = "comp_obj"  # object of the complement ("menacer de s'en prendre aux mosquées")
    NONE = "none"  # no participant in this role ("démissionner")


@dataclass(frozen=True, slots=True)
class Slot:
    kind: SlotKind
    prep: str | None = None  # for OBL and noun complements: "contre", "de", "auprès de"

    @classmethod
    def parse(cls, text: str) -> "Slot":
        kind, _, prep = text.partition(":")
        try:
            slot_kind = SlotKind(kind)
        except ValueError:
            slot_kind, prep = SlotKind.OBL, text  # a bare preposition: "de", "contre"
        return cls(slot_kind, prep or None)


@dataclass(frozen=True, slots=True)
class Condition:
    """What the predicate's dependents must look like for a sense to apply (all must hold)."""

    obj: frozenset[str] = frozenset()  # object head lemma in
    obj_not: frozenset[str] = frozenset()
    subj: frozenset[str] = frozenset()  # subject head lemma in
    obl: tuple[tuple[str, str | None], ...] = ()  # any of (preposition, noun lemma or None)
    obl_not: tuple[tuple[str, str | None], ...] = ()
    de: frozenset[str] = frozenset()  # nouns: the "de" complement's head lemma in
    adj: frozenset[str] = frozenset()  # nouns: an adjective of the noun in ("agressions sexuelles")
    refl: bool | None = None  # a reflexive clitic (se, s') is present
    en: bool | None = None  # the clitic "en" is present ("s'en prendre à")
    inf: bool | None = None  # an infinitive complement is present
    case: frozenset[str] = frozenset()  # nouns: the preposition introducing the noun ("à l'appel de")
    case_not: frozenset[str] = frozenset()
    supported: bool | None = None  # nouns: the noun is the object of a support verb ("recevoir une formation")

    @property
    def specificity(self) -> int:
        return sum(bool(v) for v in (self.obj, self.subj, self.obl, self.de, self.adj, self.case)) * 2 + sum(
            v is not None for v in (self.refl, self.en, self.inf, self.supported)) + bool(
            self.obj_not or self.obl_not or self.case_not) + any(noun for _, noun in self.obl)


class ComplementUse(str, Enum):
    NONE = "none"  # the complement, if any, is coded on its own
    CONSUME = "consume"  # the complement is the content of this act ("menacer de", "appeler à")


@dataclass(frozen=True, slots=True)
class Sense:
    """One reading of a verb or noun as a PLOVER event."""

    lemma: str
    type: EventType
    mode: str | None
    when: Condition
    source: tuple[Slot, ...]
    target: tuple[Slot, ...]
    ref: str
    complement: ComplementUse = ComplementUse.NONE
    complement_modes: Mapping[str, str] = field(default_factory=dict)  # complement type → mode
    reciprocal: bool = False  # "X et Y s'affrontent": first conjunct source, second target
    requires_arg: bool = False  # nouns: never coded without a participant of their own
    confidence: float = 0.7


class GovernorKind(str, Enum):
    TRANSPARENT = "transparent"  # "décider de", "réussir à": the complement is the event
    INTENT = "intent"  # "promettre de", "accepter de": willingness, type transformed
    ANNOUNCE = "announce"  # "annoncer", "ordonner": the act announced; announced retreats are CONCEDE


@dataclass(frozen=True, slots=True)
class Governor:
    lemma: str
    kind: GovernorKind
    ref: str


class SupportRole(str, Enum):
    GIVE = "give"  # the verb's subject is the noun's source ("lancer une attaque")
    UNDERGO = "undergo"  # the verb's subject is the noun's target ("essuyer des tirs")
    GATHER = "gather"  # the noun is the subject, the verb's object its participants ("a réuni des milliers")


@dataclass(frozen=True, slots=True)
class ClaimCues:
    """Status cues (claims.yaml), all lemmas or lower-case words."""

    reporting_verbs: frozenset[str]
    content_reporting_verbs: frozenset[str]  # their object NP is also reported ("dénoncer les exactions")
    reporting_preps: frozenset[str]  # "selon", "d'après"
    reporting_incises: frozenset[str]  # "comme le précise X": "comme" + reporting verb
    alleged_words: frozenset[str]  # adjectives/adverbs/nouns: présumé, supposé, rumeur...
    alleged_phrases: tuple[str, ...]  # "dit-on", "on avance la thèse"
    alleged_governors: frozenset[str]  # sembler, paraître
    accusations: frozenset[str]  # accuser, soupçonner: what they charge is alleged
    hypothetical_marks: frozenset[str]  # "si"
    hypothetical_phrases: tuple[str, ...]  # "au cas où", "en cas de"
    hypothetical_modals: frozenset[str]  # pouvoir (in the conditional)
    future_governors: frozenset[str]  # prévoir, envisager, aller, devoir...
    future_passives: frozenset[str]  # "est attendu à"
    negation_particles: frozenset[str]  # pas, jamais, plus...
    negation_determiners: frozenset[str]  # aucun, nul
    negation_governors: frozenset[str]  # démentir, nier
    negation_preps: frozenset[str]  # sans
    restrictive: frozenset[str]  # "ne ... que" is not a negation
    presupposing_preps: frozenset[str]  # "avant le renversement": the noun's event is taken as given
    non_speaker_subjects: frozenset[str]  # "c'est dire que": no speaker


@dataclass(frozen=True, slots=True)
class Implicit:
    """Participants the text leaves implicit (predicates.yaml `implicit`)."""

    agents: Mapping[str, tuple[str, ...]]  # "COERCE/arrest" → sectors of a plausible agent
    agent_window: int  # sentences to look back for an agent
    default_targets: Mapping[EventType, str]  # type → sector of the source country's authority
    non_state_defaults: frozenset[EventType]  # defaults only for a source outside the state
    state_sectors: frozenset[str]
    anti_prefixes: tuple[str, ...]
    host_targets: frozenset[str]  # "RETREAT/withdraw", "CONCEDE": from the article's country
    doer_nouns: frozenset[str]  # "les auteurs de ces exactions"
    visit_targets: frozenset[str] = frozenset()  # "CONSULT/visit": the article's main country hosts
    deposed: frozenset[str] = frozenset()  # "COERCE/seize": a deposed leader's usurper from the KB
    serial_types: frozenset[EventType] = frozenset()  # an unnamed attacker: the article's named one
    serial_sectors: frozenset[str] = frozenset()  # ... when it is a non-state armed actor of these sectors


@dataclass(frozen=True, slots=True)
class Verdicts:
    """Qualifying an act as a crime accuses its doer (predicates.yaml `verdicts`)."""

    nouns: frozenset[str] = frozenset()  # "un crime de guerre"
    verbs: frozenset[str] = frozenset()  # "constitue", "s'agir de", "assimilable à" (besides a copula)
    acts: frozenset[EventType] = frozenset()  # the kinds of earlier acts whose doer is accused
    blame: frozenset[str] = frozenset()  # "les mensonges du gouvernement": a pejorative noun blames its "de" actor
