"""The learned argument picker (extract/event_model/arguments.py), on sentences of our own: what it
sees, how it decides, how it is saved, and what it changes in an analysis."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from veille.extract.event_model.arguments import ArgumentModel, RoleWeights, arguments_version, candidates, \
    dependency_path, drop_arguments, features, save_arguments
from veille.extract.event_model.model import EventTypeModel, joined_version
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
