"""The event and claim lexicon: French predicates → PLOVER, as versioned data with a schema.

Three data files under extract/lexicon/ (each entry cites its source):

- predicates.yaml: verb lemmas → event type, mode, argument slots and conditions; verbs whose
  infinitive complement carries the event (transparent, intent); mode cues; PLOVER modes.
- nominals.yaml: event nouns with their argument slots, support verbs, participant nouns.
- claims.yaml: status cues (reporting verbs, conditional, negation, future, hypothesis...).

``Lexicon.load()`` validates the files (codes must be PLOVER codes, slots must parse) and is
cached per process; ``Lexicon.version`` is a hash of the three files.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

import yaml

from veille.extract.lexicon_records import (  # noqa: F401  (re-exported: the lexicon API)
    ClaimCues,
    ComplementUse,
    Condition,
    Governor,
    GovernorKind,
    Implicit,
    LexiconError,
    Sense,
    Slot,
    SlotKind,
    SupportRole,
    Verdicts,
)
from veille.model import EventType

DATA_DIR = Path(__file__).parent / "lexicon"
FILES = ("predicates.yaml", "nominals.yaml", "claims.yaml")
REFLEXIVE_PREFIXES = ("se ", "s'", "s’")


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: Mapping[str, tuple[Sense, ...]]
    nouns: Mapping[str, tuple[Sense, ...]]
    governors: Mapping[str, Governor]
    intent_types: Mapping[EventType, EventType]
    announce_types: Mapping[EventType, EventType]
    future_types: Mapping[EventType, EventType]
    mode_cues: Mapping[EventType, Mapping[str, str]]
    source_sector_modes: Mapping[EventType, Mapping[str, str]]
    modes: Mapping[EventType, frozenset[str]]
    support: Mapping[str, SupportRole]
    object_control: frozenset[str]
    etre_verbs: frozenset[str]
    quantities: frozenset[str]
    collectives: frozenset[str]
    frame_nouns: frozenset[str]
    implicit: Implicit
    verdicts: Verdicts
    persons: frozenset[str]
    places: frozenset[str]
    date_nouns: frozenset[str]
    means: frozenset[str]  # nouns of an attack or its weapon ("tir", "roquette"): their doer is the attacker
    claims: ClaimCues
    version: str

    @classmethod
    def load(cls, dir: Path | str | None = None) -> "Lexicon":
        """The lexicon in ``dir`` (default: the package's data), parsed once per process."""
        return _load(str(Path(dir) if dir is not None else DATA_DIR))

    def verb_senses(self, lemma: str) -> tuple[Sense, ...]:
        return self.verbs.get(lemma.lower(), ())

    def noun_senses(self, lemma: str) -> tuple[Sense, ...]:
        return self.nouns.get(lemma.lower(), ())

    def governor(self, lemma: str) -> Governor | None:
        return self.governors.get(lemma.lower())

    def is_transparent(self, lemma: str) -> bool:
        """A verb that passes its subject and the event on to its infinitive complement."""
        low = lemma.lower()
        c = self.claims
        return low in self.governors or low in c.future_governors or low in c.alleged_governors \
            or low in c.hypothetical_modals


# --------------------------------------------------------------------------- loading


@cache
def _load(dir: str) -> Lexicon:
    base = Path(dir)
    raw = {}
    digest = hashlib.sha256()
    for name in FILES:
        path = base / name
        if not path.exists():
            raise LexiconError(f"{path}: missing lexicon file")
        data = path.read_bytes()
        digest.update(data)
        raw[name] = yaml.safe_load(data.decode("utf-8"))
    pred, nom, claims = (raw[n] for n in FILES)
    sets = _word_sets(nom.get("word_sets") or {})
    modes = _modes(pred, "predicates.yaml")
    verbs = _senses(pred.get("verbs", []), modes, sets, "predicates.yaml", default_target=("obj", "iobj"))
    nouns = _senses(nom.get("nouns", []), modes, sets, "nominals.yaml", default_target=("contre", "à", "envers", "avec"))
    mode_cues = _mode_cues(pred.get("mode_cues", {}), modes)
    return Lexicon(
        verbs=verbs, nouns=nouns, governors=_governors(pred.get("complements", {})),
        intent_types=_type_map(pred.get("intent_types", {}), "predicates.yaml intent_types"),
        announce_types=_type_map(pred.get("announce_types", {}), "predicates.yaml announce_types"),
        future_types=_type_map(pred.get("future_types", {}), "predicates.yaml future_types"),
        mode_cues=mode_cues, means=_means(mode_cues, nouns),
        source_sector_modes=_mode_cues(pred.get("source_sector_modes", {}), modes, lower=False),
        modes=modes, support=_support(nom.get("support_verbs", {})),
        object_control=_words((pred.get("complements", {}).get("object_control") or {}).get("lemmas", [])),
        etre_verbs=_words((pred.get("complements", {}).get("etre_verbs") or {}).get("lemmas", [])),
        quantities=sets.get("quantities", frozenset()), collectives=sets.get("collectives", frozenset()),
        frame_nouns=sets.get("frames", frozenset()), implicit=_implicit(pred.get("implicit") or {}),
        verdicts=_verdicts(pred.get("verdicts") or {}),
        persons=sets.get("persons", frozenset()), places=sets.get("places", frozenset()),
        date_nouns=_words(nom.get("date_nouns", {}).get("lemmas", [])),
        claims=_claims(claims), version=digest.hexdigest()[:12])


PROPN = "@propn"  # in a condition list: any proper noun


def _means(mode_cues: Mapping[EventType, Mapping[str, str]], nouns: Mapping[str, tuple[Sense, ...]]) -> frozenset[str]:
    """Attack nouns and the weapons that name an assault's mode: "tirs de X", "une roquette tirée par X"."""
    attacks = {lemma for lemma, senses in nouns.items() if any(s.type is EventType.ASSAULT for s in senses)}
    return frozenset(mode_cues.get(EventType.ASSAULT, {})) | attacks


def _word_sets(section: dict) -> dict[str, frozenset[str]]:
    if section and not section.get("ref"):
        raise LexiconError("nominals.yaml: word_sets has no ref")
    return {name: _words(words) for name, words in section.items() if name != "ref"}


def _expand(items: Iterable[str], sets: dict[str, frozenset[str]], where: str) -> frozenset[str]:
    out: set[str] = set()
    for item in items or ():
        word = str(item).lower()
        if word.startswith("@") and word != PROPN:
            if word[1:] not in sets:
                raise LexiconError(f"{where}: unknown word set {word!r}; known: {sorted(sets)}")
            out |= sets[word[1:]]
        else:
            out.add(word)
    return frozenset(out)


def _modes(pred: dict, where: str) -> Mapping[EventType, frozenset[str]]:
    out = {}
    for name, modes in (pred.get("plover_modes") or {}).items():
        if name == "ref":
            continue
        out[_event_type(name, where)] = frozenset(modes or ())
    return MappingProxyType(out)


def _event_type(name: str, where: str) -> EventType:
    try:
        return EventType(str(name).upper())
    except ValueError:
        raise LexiconError(f"{where}: {name!r} is not a PLOVER event type") from None


def _words(items: Iterable[str]) -> frozenset[str]:
    return frozenset(str(x).lower() for x in items)


def _senses(groups: list, modes: Mapping[EventType, frozenset[str]], sets: dict[str, frozenset[str]],
            where: str, default_target: tuple[str, ...]) -> Mapping[str, tuple[Sense, ...]]:
    table: dict[str, list[Sense]] = {}
    for group in groups:
        etype = _event_type(group.get("type"), where)
        ref = group.get("ref")
        if not ref:
            raise LexiconError(f"{where}: the {etype.value} group has no ref (source)")
        defaults = group.get("roles") or {}
        for entry in group.get("entries") or []:
            sense = _sense(entry, etype, ref, defaults, modes, sets, where, default_target)
            table.setdefault(sense.lemma, []).append(sense)
    for lemma, senses in table.items():
        plain = [s for s in senses if s.when.specificity == 0]
        if len(plain) > 1:
            raise LexiconError(f"{where}: {lemma!r} has {len(plain)} unconditional senses "
                               f"({', '.join(s.type.value for s in plain)}); add a 'when' to all but one")
        senses.sort(key=lambda s: -s.when.specificity)
    return MappingProxyType({k: tuple(v) for k, v in table.items()})


def _sense(entry, etype: EventType, ref: str, defaults: dict, modes, sets: dict[str, frozenset[str]],
           where: str, default_target: tuple[str, ...]) -> Sense:
    if isinstance(entry, str):
        entry = {"lemma": entry}
    lemma = str(entry.get("lemma", "")).strip().lower()
    if not lemma:
        raise LexiconError(f"{where}: an entry of the {etype.value} group has no lemma")
    when = dict(entry.get("when") or {})
    for prefix in REFLEXIVE_PREFIXES:
        if lemma.startswith(prefix):
            lemma = lemma[len(prefix):]
            when.setdefault("refl", True)
    mode = entry.get("mode")
    if mode is not None and mode not in modes.get(etype, ()):
        raise LexiconError(f"{where}: {lemma!r}: {mode!r} is not a PLOVER mode of {etype.value}")
    cmodes = entry.get("complement_modes") or {}
    for key, m in cmodes.items():
        if m not in modes.get(etype, ()):
            raise LexiconError(f"{where}: {lemma!r}: complement mode {m!r} is not a mode of {etype.value}")
        ctype, _, cmode = str(key).partition("/")
        if cmode and cmode not in modes.get(_event_type(ctype, where), ()):
            raise LexiconError(f"{where}: {lemma!r}: {key!r}: {cmode!r} is not a mode of {ctype}")
    return Sense(
        lemma=lemma, type=etype, mode=mode, when=_condition(when, sets, f"{where}: {lemma!r}"),
        source=_slots(entry.get("source", defaults.get("source", ["subj"])), where, lemma),
        target=_slots(entry.get("target", defaults.get("target", list(default_target))), where, lemma),
        ref=str(entry.get("ref", ref)),
        complement=ComplementUse(entry.get("complement", defaults.get("complement", "none"))),
        complement_modes=MappingProxyType({_complement_key(k): v for k, v in cmodes.items()}),
        reciprocal=bool(entry.get("reciprocal", False)),
        requires_arg=bool(entry.get("requires_arg", defaults.get("requires_arg", False))),
        confidence=float(entry.get("confidence", defaults.get("confidence", 0.7))))


def _complement_key(key) -> str:
    """ "COERCE/seize" or "ASSAULT": the complement's type, optionally with its mode."""
    ctype, _, cmode = str(key).partition("/")
    return f"{ctype.upper()}/{cmode}" if cmode else ctype.upper()


def _slots(items, where: str, lemma: str) -> tuple[Slot, ...]:
    if isinstance(items, str):
        items = [items]
    try:
        return tuple(Slot.parse(str(x)) for x in items or ())
    except ValueError as e:
        raise LexiconError(f"{where}: {lemma!r}: bad slot: {e}") from None


CONDITION_KEYS = {"obj", "obj_not", "subj", "obl", "obl_not", "de", "adj", "refl", "en", "inf", "case", "case_not",
                  "supported"}


def _condition(when: dict, sets: dict[str, frozenset[str]], where: str) -> Condition:
    unknown = set(when) - CONDITION_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown condition(s) {sorted(unknown)}; known: {sorted(CONDITION_KEYS)}")

    def words(key: str) -> frozenset[str]:
        return _expand(when.get(key, ()), sets, where)

    return Condition(
        obj=words("obj"), obj_not=words("obj_not"), subj=words("subj"), obl=_preps(when.get("obl", ()), sets),
        obl_not=_preps(when.get("obl_not", ()), sets), de=words("de"), adj=words("adj"),
        refl=when.get("refl"), en=when.get("en"), inf=when.get("inf"),
        case=words("case"), case_not=words("case_not"), supported=when.get("supported"))


def _preps(items: Iterable[str], sets: dict[str, frozenset[str]]) -> tuple[tuple[str, str | None], ...]:
    """"en+audience" → ("en", "audience"): preposition and noun lemma ("à+@armed": any of a word set);
    "auprès de" → ("auprès de", None)."""
    out = []
    for item in items:
        prep, _, noun = str(item).lower().partition("+")
        nouns = _expand([noun.strip()], sets, f"condition {item!r}") if noun.strip() else [None]
        out.extend((prep.strip(), n) for n in sorted(nouns, key=str))
    return tuple(out)


def _governors(section: dict) -> Mapping[str, Governor]:
    out = {}
    for kind in GovernorKind:
        group = section.get(kind.value) or {}
        ref = group.get("ref")
        if group and not ref:
            raise LexiconError(f"predicates.yaml: complements.{kind.value} has no ref")
        for lemma in group.get("lemmas", []):
            low = str(lemma).lower()
            for prefix in REFLEXIVE_PREFIXES:
                low = low.removeprefix(prefix)
            out[low] = Governor(low, kind, ref)
    return MappingProxyType(out)


def _type_map(section: dict, where: str) -> Mapping[EventType, EventType]:
    return MappingProxyType({_event_type(k, where): _event_type(v, where)
                             for k, v in section.items() if k != "ref"})


def _mode_cues(section: dict, modes, lower: bool = True) -> Mapping[EventType, Mapping[str, str]]:
    out = {}
    for name, cues in section.items():
        if name == "ref":
            continue
        etype = _event_type(name, "predicates.yaml mode cues")
        for word, mode in cues.items():
            if mode not in modes.get(etype, ()):
                raise LexiconError(f"predicates.yaml: mode cue {word!r}: {mode!r} is not a mode of {etype.value}")
        out[etype] = MappingProxyType({(str(k).lower() if lower else str(k)): v for k, v in cues.items()})
    return MappingProxyType(out)


def _support(section: dict) -> Mapping[str, SupportRole]:
    out = {}
    for role in SupportRole:
        group = section.get(role.value) or {}
        if group and not group.get("ref"):
            raise LexiconError(f"nominals.yaml: support_verbs.{role.value} has no ref")
        for lemma in group.get("lemmas", []):
            out[str(lemma).lower()] = role
    return MappingProxyType(out)


def _verdicts(section: dict) -> Verdicts:
    if section and not section.get("ref"):
        raise LexiconError("predicates.yaml: verdicts has no ref")
    return Verdicts(nouns=_words(section.get("nouns", ())), verbs=_words(section.get("verbs", ())),
                    acts=frozenset(_event_type(t, "predicates.yaml verdicts") for t in section.get("acts", ())),
                    blame=_words(section.get("blame_nouns", ())))


def _implicit(section: dict) -> Implicit:
    if section and not section.get("ref"):
        raise LexiconError("predicates.yaml: implicit has no ref")
    serial = section.get("serial_doer") or {}
    for key in (section.get("agents") or {}):
        _event_type(str(key).partition("/")[0], "predicates.yaml implicit.agents")
    return Implicit(
        agents=MappingProxyType({str(k): tuple(v) for k, v in (section.get("agents") or {}).items()}),
        agent_window=int(section.get("agent_window", 0)),
        default_targets=MappingProxyType({_event_type(k, "predicates.yaml implicit"): str(v)
                                          for k, v in (section.get("default_targets") or {}).items()}),
        non_state_defaults=frozenset(_event_type(t, "predicates.yaml implicit")
                                     for t in section.get("default_targets_non_state", ())),
        state_sectors=frozenset(section.get("state_sectors", ())),
        anti_prefixes=tuple(section.get("anti_prefixes", ())),
        host_targets=frozenset(str(k) for k in section.get("host_targets", ())),
        doer_nouns=_words(section.get("doer_nouns", ())),
        deposed=frozenset(str(k) for k in section.get("deposed", ())),
        visit_targets=frozenset(str(k) for k in section.get("visit_targets", ())),
        serial_types=frozenset(_event_type(t, "predicates.yaml implicit") for t in serial.get("types", ())),
        serial_sectors=frozenset(serial.get("sectors", ())))


def _claims(c: dict) -> ClaimCues:
    def words(section: str, key: str = "lemmas") -> frozenset[str]:
        group = c.get(section) or {}
        if group and not group.get("ref"):
            raise LexiconError(f"claims.yaml: {section} has no ref")
        return _words(group.get(key, ()))

    def phrases(section: str) -> tuple[str, ...]:
        return tuple(str(p).lower() for p in (c.get(section) or {}).get("phrases", ()))

    return ClaimCues(
        reporting_verbs=words("reporting_verbs"), content_reporting_verbs=words("content_reporting_verbs"),
        reporting_preps=words("reporting_preps", "words"), reporting_incises=words("reporting_incises", "words"),
        alleged_words=words("alleged", "words"), alleged_phrases=phrases("alleged"),
        alleged_governors=words("alleged", "governors"), accusations=words("alleged", "accusations"),
        hypothetical_marks=words("hypothetical", "marks"), hypothetical_phrases=phrases("hypothetical"),
        hypothetical_modals=words("hypothetical", "modals"),
        future_governors=words("future", "governors"), future_passives=words("future", "passives"),
        negation_particles=words("negation", "particles"), negation_determiners=words("negation", "determiners"),
        negation_governors=words("negation", "governors"), negation_preps=words("negation", "preps"),
        restrictive=words("negation", "restrictive"), presupposing_preps=words("presupposing_preps", "words"),
        non_speaker_subjects=words("reporting_verbs", "non_speaker_subjects"))
