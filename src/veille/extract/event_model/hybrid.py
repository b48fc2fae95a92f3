"""The rules and the learned model together, sentence by sentence.

For each sentence the model gives a probability per PLOVER type, knowing which types the rules
found there. A rule event is kept when its type is probable enough (``with_rule`` threshold); a
type the rules did not find but the model finds probable (``without_rule`` threshold) becomes an
event of its own: its trigger is the predicate of the sentence the model weighs most for that
type, its participants are found in that predicate's arguments (data/roles.yaml), and it goes
through the same realisation as rule frames (status, attribution, date, place). Every event's
confidence is the model's probability for its type in its sentence.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import TypeVar

import yaml
from spacy.tokens import Doc, Span, Token

from veille.extract.event_model.features import (
    DocVectors,
    context_features,
    doc_types,
    ent_labels_by_sentence,
)
from veille.extract.event_model.model import EventTypeModel
from veille.extract.events.args import ActorOf, fill, verb_args
from veille.extract.events.frames import Frame
from veille.extract.events.nominal import noun_args
from veille.extract.events.syntax import clause_anchor
from veille.extract.lexicon import Lexicon
from veille.extract.lexicon_records import Condition, Sense, Slot
from veille.model import Event, EventType

T = TypeVar("T")
MODEL_REF = "learned event-type model (veille.training)"


@dataclass(frozen=True, slots=True)
class Roles:
    verb_source: tuple[Slot, ...]
    verb_target: tuple[Slot, ...]
    noun_source: tuple[Slot, ...]
    noun_target: tuple[Slot, ...]


@lru_cache(maxsize=1)
def roles() -> Roles:
    raw = yaml.safe_load((resources.files("veille.extract.event_model") / "data" / "roles.yaml").read_text("utf-8"))

    def slots(kind: str, role: str) -> tuple[Slot, ...]:
        return tuple(Slot.parse(s) for s in raw[kind][role])
    return Roles(slots("verb", "source"), slots("verb", "target"), slots("noun", "source"), slots("noun", "target"))


def combine(doc: Doc, items: Sequence[T], event_of: Callable[[T], Event], model: EventTypeModel,
            realise: Callable[[Frame], list[T]], with_confidence: Callable[[T, float], T],
            lexicon: Lexicon, actor_of: ActorOf) -> list[T]:
    """The rule items the model keeps, plus the events it finds that the rules missed, in text order
    (a model that is not a hybrid ignores the rule items and finds every event itself)."""
    if not model.hybrid:
        items = []
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    by_sentence: dict[int, list[T]] = {}
    for item in items:
        k = max(0, bisect.bisect_right(starts, event_of(item).evidence.start) - 1)
        by_sentence.setdefault(k, []).append(item)
    types = [[event_of(i).type.value for i in by_sentence.get(k, [])] for k in range(len(sents))]
    in_doc, ent_labels, vectors = doc_types(types), ent_labels_by_sentence(sents), DocVectors.of(doc)
    contexts = [context_features(types, k, in_doc) for k in range(len(sents))]
    out: list[T] = []
    for k, (sent, probs) in enumerate(zip(sents, model.sentence_probabilities(sents, types, lexicon, contexts,
                                                                             ent_labels, vectors))):
        found = by_sentence.get(k, [])
        rule_types = {event_of(i).type for i in found}
        out.extend(with_confidence(i, probs[event_of(i).type]) for i in found
                   if model.thresholds.keep(probs[event_of(i).type], True))
        for etype, prob in probs.items():
            if etype in rule_types or not model.thresholds.keep(prob, False):
                continue
            frame = model_frame(sent, etype, model, lexicon, actor_of)
            out.extend(with_confidence(i, prob) for i in realise(frame))
    return sorted(out, key=lambda i: event_of(i).evidence.start)


def model_frame(sent: Span, etype: EventType, model: EventTypeModel, lexicon: Lexicon,
                actor_of: ActorOf) -> Frame:
    """A frame for a type the model found in a sentence: its evidence is the sentence."""
    trigger = model.trigger(sent, etype, lexicon) or sent.root
    nominal = trigger.pos_ == "NOUN"
    source, target = _participants(trigger, nominal, lexicon, actor_of)
    anchor = clause_anchor(trigger)
    sense = Sense(lemma=trigger.lemma_.lower(), type=etype, mode=None, when=Condition(), source=(), target=(),
                  ref=MODEL_REF)
    return Frame(trigger, anchor, sense, etype, None, source, target, (sent.start, sent.end), nominal=nominal,
                 learned=True)


def _participants(trigger: Token, nominal: bool, lexicon: Lexicon,
                  actor_of: ActorOf) -> tuple[Token | None, Token | None]:
    r = roles()
    if nominal:
        args, src_slots, tgt_slots = noun_args(trigger, lexicon), r.noun_source, r.noun_target
    else:
        args, src_slots, tgt_slots = verb_args(trigger, lexicon), r.verb_source, r.verb_target
    kw = {"quantities": lexicon.quantities, "means": lexicon.means}
    source = fill(src_slots, args, actor_of, **kw)
    target = fill(tgt_slots, args, actor_of, exclude=source, **kw)
    return source, target


def rescore(event: Event, prob: float) -> Event:
    return replace(event, confidence=round(prob, 3))
