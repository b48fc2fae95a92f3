"""The learned argument picker: who did it, to whom, when the predicate's syntax does not say.

    model = ArgumentModel.load()
    doer = model.pick("source", EventType.ASSAULT, trigger, actor_of)   # a token, or None

The rules fill a frame's participants from the predicate's own arguments (events/args.py). Where
they leave one side empty (both, in a frame the type model found on its own; events/find.py), the
candidates are the actor mentions of the trigger's sentence, but for "selon X", and the subjects
of the sentence before; a logistic regression per role scores each from its syntactic relation
to the trigger (dependency path, preposition, side, distance, voice), the event type, and what
kind of actor it resolves to. The best candidate is taken when its probability reaches the
model's threshold. Trained on the gold (veille.training.arguments): the positive candidates of a
gold event are those that resolve to its gold actor.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

from veille.extract.event_model.weights import save_weights, saved_version
from veille.extract.events.syntax import is_passive, prep_of
from veille.model import Actor, EventType

ROLES = ("source", "target")
MENTION_POS = ("PROPN", "NOUN", "PRON", "NUM")
SUBJECT_DEPS = ("nsubj", "nsubj:pass")
PATH_STEPS = 3
WEIGHTS = "arguments.npz"
META = "arguments.json"

ActorOf = Callable[[Token], Actor | None]


def candidates(trigger: Token, actor_of: ActorOf, sourcing: frozenset[str] = frozenset()) -> list[Token]:
    """The heads of the actor mentions of the trigger's sentence, then the subjects of the sentence
    before that resolve to an actor. ``sourcing``: the prepositions that name who tells ("selon X",
    "d'après X"); such a phrase gives the attribution, never a participant."""
    sent = trigger.sent
    here = [t for t in sent if t.i != trigger.i and _mention_head(t, actor_of, sent) and prep_of(t) not in sourcing]
    before = trigger.doc[sent.start - 1].sent if sent.start > 0 else None
    earlier = [t for t in before if t.dep_ in SUBJECT_DEPS and _mention_head(t, actor_of, before)] \
        if before is not None else []
    return here + earlier


def _mention_head(tok: Token, actor_of: ActorOf, sent: Span) -> bool:
    """A token that resolves to an actor its syntactic head does not share ("Haïlé" under "leader").
    ``sent``: the token's sentence, found once by the caller (``Token.sent`` walks the sentence back
    and forth at each call, and this runs for every token of it)."""
    if tok.pos_ not in MENTION_POS:
        return False
    actor = actor_of(tok)
    if actor is None:
        return False
    head = tok.head
    return head.i == tok.i or not sent.start <= head.i < sent.end or actor_of(head) != actor


def features(role: str, etype: EventType, trigger: Token, cand: Token, actor: Actor,
             sent: Span | None = None) -> list[str]:
    """What the picker sees of one candidate for one role (shared by training and prediction).
    ``sent``: the trigger's sentence when the caller has it already (it asks for every candidate)."""
    sent = sent if sent is not None else trigger.sent
    same = sent.start <= cand.i < sent.end
    side = "before" if cand.i < trigger.i else "after"
    case = prep_of(cand) or "-"
    voice = "passive" if trigger.pos_ in ("VERB", "AUX") and is_passive(trigger) else trigger.pos_
    relation = dependency_path(trigger, cand) if same else f"previous:{cand.dep_}"
    syntax = [f"path={relation}", f"dep={cand.dep_}", f"case={case}", f"side={side}|{case}",
              f"voice={voice}|{cand.dep_}", f"voice={voice}|{side}"]
    position = [f"dist={_bucket(abs(cand.i - trigger.i))}", f"cpos={cand.pos_}", f"ent={cand.ent_type_ or '-'}"]
    kind = [f"country={bool(actor.country)}", f"kb={actor.kb_id is not None}",
            f"confident={actor.confidence >= 0.5}"]
    sectors = [f"sector={s}" for s in actor.sector] or ["sector=-"]
    typed = [f"{etype.value}|{f}" for f in syntax + sectors]  # the same relation means another role per type
    lexical = [f"lemma={trigger.lemma_.lower()}|path={relation}"]
    if cand.head.i != trigger.i:  # the subject of "affirmer" tells; of "attaquer", acts
        lexical.append(f"gov={cand.head.lemma_.lower()}|{cand.dep_}")
    return [f"{role}|{f}" for f in syntax + position + kind + sectors + typed + lexical]


def dependency_path(trigger: Token, cand: Token) -> str:
    """Relations from the candidate up to the lowest common ancestor, then from the trigger up to it:
    "nsubj^" (subject of the trigger), "obl:arg[à]^" , "nmod[de]>obj^", "nsubj^xcomp"."""
    above_trigger = {t.i: depth for depth, t in enumerate(_chain(trigger))}
    steps, cur = [], cand
    for _ in range(8):
        if cur.i in above_trigger:
            break
        steps.append(cur.dep_ + (f"[{prep_of(cur)}]" if not steps and prep_of(cur) else ""))
        cur = cur.head
    else:
        return "far"
    down = [t.dep_ for t in _chain(trigger)[:above_trigger[cur.i]]]
    return ">".join(steps[:PATH_STEPS]) + "^" + ">".join(down[:PATH_STEPS])


def _chain(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 12:
        out.append(out[-1].head)
    return out


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8-15" if n <= 15 else "16+"


@dataclass(frozen=True)
class RoleWeights:
    index: dict[str, int]
    weights: np.ndarray  # (n_features,)
    intercept: float

    def probability(self, names: list[str]) -> float:
        score = self.intercept + sum(float(self.weights[i]) for n in names if (i := self.index.get(n)) is not None)
        return 1.0 / (1.0 + np.exp(-score))


@dataclass(frozen=True)
class ArgumentModel:
    roles: dict[str, RoleWeights]
    threshold: float
    version: str

    def pick(self, role: str, etype: EventType, trigger: Token, actor_of: ActorOf,
             exclude: Token | None = None, sourcing: frozenset[str] = frozenset(),
             same: Callable[[Actor, Actor], bool] = lambda a, b: a == b) -> Token | None:
        """The most probable candidate for ``role``, when probable enough; never ``exclude`` (the other
        side's participant) nor an actor ``same`` as its."""
        best, best_p = None, self.threshold
        sent = trigger.sent
        other = actor_of(exclude) if exclude is not None else None  # another mention of it is no better
        for cand in candidates(trigger, actor_of, sourcing):
            if exclude is not None and cand.i == exclude.i or (actor := actor_of(cand)) is None \
                    or other is not None and same(actor, other):
                continue
            p = self.roles[role].probability(features(role, etype, trigger, cand, actor, sent))
            if p >= best_p:
                best, best_p = cand, p
        return best

    @classmethod
    def load(cls, folder: Path) -> ArgumentModel | None:
        """The picker saved in ``folder``, or None when there is none."""
        if not (folder / WEIGHTS).exists():
            return None
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
        with np.load(folder / WEIGHTS, allow_pickle=False) as arrays:
            roles = {r: RoleWeights({str(n): i for i, n in enumerate(arrays[f"{r}_features"])},
                                    arrays[f"{r}_weights"], float(arrays[f"{r}_intercept"]))
                     for r in ROLES}
        return cls(roles, float(meta["threshold"]), str(meta["version"]))


def arguments_version(folder: Path) -> str | None:
    return saved_version(folder, META)


def save_arguments(folder: Path, model: ArgumentModel, info: dict) -> str:
    """Write the picker's weights and metadata; returns its version."""
    arrays = {}
    for r, w in model.roles.items():
        arrays[f"{r}_features"] = np.asarray(sorted(w.index, key=w.index.get))
        arrays[f"{r}_weights"] = w.weights.astype(np.float32)
        arrays[f"{r}_intercept"] = np.asarray(w.intercept, dtype=np.float32)
    return save_weights(folder, WEIGHTS, META, "args", arrays, {"threshold": model.threshold, **info})


def drop_arguments(folder: Path) -> None:
    """Remove a picker saved in ``folder`` (a design without one must not load an older one)."""
    for name in (WEIGHTS, META):
        (folder / name).unlink(missing_ok=True)
