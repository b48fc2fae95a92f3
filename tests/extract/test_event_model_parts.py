"""The learned argument picker (extract/event_model/arguments.py), on sentences of our own: what it
sees, how it decides, how it is saved, and what it changes in an analysis."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from veille.extract.event_model.arguments import ArgumentModel, RoleWeights, arguments_version, candidates, \
    dependency_path, drop_arguments, features, save_arguments
from veille.extract.event_model.model import EventTypeModel, Thresholds, joined_version
from veille.model import Actor, EventType


def token(doc, text: str):
    return next(t for t in doc if t.text == text)


def actor_of_nouns(tok):
    """A stand-in resolver: every noun and proper noun is an actor of its own."""
    return Actor(name=tok.text, country="MLI", sector=("MIL",)) if tok.pos_ in ("NOUN", "PROPN") else None


# --------------------------------------------------------------------------- the argument picker


def test_dependency_path_names_the_relation_to_the_trigger(nlp):
    doc = nlp("Les soldats ont attaqué le village de Kidal.")
    verb = token(doc, "attaqué")
    assert dependency_path(verb, token(doc, "soldats")) == "nsubj^"
    assert dependency_path(verb, token(doc, "village")) == "obj^"
    assert dependency_path(verb, token(doc, "Kidal")) == "nmod[de]>obj^"


def test_candidates_are_mention_heads_of_the_sentence_then_subjects_before(nlp):
    doc = nlp("Les rebelles ont quitté la ville. Une attaque a visé le camp militaire.")
    found = [t.text for t in candidates(token(doc, "attaque"), actor_of_nouns)]
    assert "attaque" not in found  # never the trigger itself
    assert found[:1] == ["camp"]  # the sentence's own mentions first
    assert "rebelles" in found and "ville" not in found  # of the sentence before, only subjects


def test_picker_takes_the_most_probable_candidate_above_its_threshold(nlp):
    doc = nlp("Une attaque a visé le camp militaire.")
    trigger = token(doc, "attaque")
    names = features("target", EventType.ASSAULT, trigger, token(doc, "camp"), actor_of_nouns(token(doc, "camp")))
    liked = RoleWeights({names[0]: 0}, np.array([6.0], dtype=np.float32), -3.0)
    model = ArgumentModel({"source": liked, "target": liked}, threshold=0.5, version="t")
    assert model.pick("target", EventType.ASSAULT, trigger, actor_of_nouns).text == "camp"
    assert model.pick("target", EventType.ASSAULT, trigger, actor_of_nouns, exclude=token(doc, "camp")) is None
    shy = replace(model, threshold=0.999)
    assert shy.pick("target", EventType.ASSAULT, trigger, actor_of_nouns) is None


def test_picker_never_gives_the_other_side_s_actor_under_another_mention(nlp):
    doc = nlp("Les forces ont frappé la capitale, et Bamako a subi une attaque de ces forces.")
    trigger = token(doc, "attaque")

    def actor_of(tok):  # "capitale" and "Bamako" name one actor, as a resolver would say
        name = "Mali" if tok.text in ("capitale", "Bamako") else tok.text
        return Actor(name=name, country="MLI", sector=("GOV",)) if tok.pos_ in ("NOUN", "PROPN") else None

    objects = RoleWeights({"target|dep=obj": 0}, np.array([6.0], dtype=np.float32), 0.0)  # "capitale" first
    model = ArgumentModel({"source": objects, "target": objects}, threshold=0.4, version="t")
    assert model.pick("target", EventType.ASSAULT, trigger, actor_of).text == "capitale"
    picked = model.pick("target", EventType.ASSAULT, trigger, actor_of, exclude=token(doc, "Bamako"))
    assert picked is not None and actor_of(picked).name != "Mali"
    never_same = model.pick("target", EventType.ASSAULT, trigger, actor_of, exclude=token(doc, "Bamako"),
                            same=lambda a, b: False)
    assert never_same.text == "capitale"


def test_picker_sees_the_trigger_s_own_relation_and_the_candidate_s_governor(nlp):
    doc = nlp("Le ministre affirme que les rebelles ont attaqué le camp.")
    trigger = token(doc, "attaqué")
    names = features("source", EventType.ASSAULT, trigger, token(doc, "ministre"), actor_of_nouns(token(doc, "ministre")))
    assert "source|gov=affirmer|nsubj" in names  # the subject of a verb of saying, not of the attack
    assert any(n.startswith("source|lemma=attaquer|path=") for n in names)


def test_picker_round_trips_through_its_files(tmp_path):
    w = RoleWeights({"source|dep=nsubj": 0, "source|case=par": 1}, np.array([1.5, -0.5], dtype=np.float32), 0.25)
    model = ArgumentModel({"source": w, "target": w}, threshold=0.2, version="x")
    version = save_arguments(tmp_path, model, {"note": "test"})
    back = ArgumentModel.load(tmp_path)
    assert back.version == version and version.startswith("args-")
    assert back.threshold == 0.2 and back.roles["source"].index == w.index
    assert back.roles["target"].probability(["source|dep=nsubj"]) == pytest.approx(1 / (1 + np.exp(-1.75)))
    assert ArgumentModel.load(tmp_path / "none") is None
    drop_arguments(tmp_path)  # a design without a picker leaves none behind
    assert ArgumentModel.load(tmp_path) is None and arguments_version(tmp_path) is None


def test_versions_of_the_learned_parts_join():
    assert joined_version("evtypes-a", "args-b") == "evtypes-a+args-b"
    assert joined_version("evtypes-a", None) == "evtypes-a"


# --------------------------------------------------------------------------- in an analysis


def test_shipped_model_has_its_argument_picker():
    model = EventTypeModel.load()
    assert model.arguments is not None
    assert model.version == joined_version(model.version.split("+")[0], model.arguments.version)


def test_picker_chooses_both_participants_of_an_event_the_model_found_alone(nlp):
    # a model that finds ASSAULT in every sentence on its own, and a picker that likes one relation for the
    # target: in the model's own frame its choice wins over the generic object slot
    from datetime import date

    from veille.extract.events import find_events
    from veille.extract.events.find import token_actors
    from veille.extract.lexicon import Lexicon
    from veille.knowledge.gazetteer import Gazetteer
    from veille.knowledge.kb import KnowledgeBase
    from veille.knowledge.resolver import resolve_doc

    kb, gazetteer, lexicon = KnowledgeBase.load(), Gazetteer.load(), Lexicon.load()
    doc = nlp("Des soldats maliens ont tué trois rebelles touaregs à Kidal, selon le Niger.")
    published = date(2021, 3, 1)
    actors = resolve_doc(doc, published, kb, gazetteer)
    actor_of = token_actors(doc, actors, lexicon)
    kidal = token(doc, "Kidal")
    liked = features("target", EventType.ASSAULT, token(doc, "tué"), kidal, actor_of(kidal))[0]
    never = RoleWeights({}, np.zeros(0, dtype=np.float32), -10.0)
    picker = ArgumentModel({"source": never, "target": RoleWeights({liked: 0}, np.array([8.0], dtype=np.float32),
                                                                   -4.0)}, threshold=0.5, version="t")
    model = EventTypeModel(types=(EventType.ASSAULT,), index={}, sparse=np.zeros((0, 1), dtype=np.float32),
                           dense=np.zeros((0, 1), dtype=np.float32), intercept=np.array([10.0], dtype=np.float32),
                           thresholds=Thresholds(0.5, 0.5), version="t", hybrid=False, arguments=picker)
    events = find_events(doc, actors, lexicon, timexes=(), quotes=(), gazetteer=gazetteer, published=published,
                         model=model)
    assault = next(e for e in events if e.type is EventType.ASSAULT)
    assert assault.source.country == "MLI"  # no choice of the picker: the subject stays
    assert assault.target.name == "Kidal"  # the picker's choice, not the object "rebelles"
