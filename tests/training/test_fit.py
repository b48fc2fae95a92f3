"""veille.training.fit and the weights' round trip: a model learned from sentences of our own."""
from __future__ import annotations

import numpy as np
import pytest

from veille.extract.event_model.model import EventTypeModel, Thresholds, save
from veille.extract.lexicon import Lexicon
from veille.training.dataset import sentence_examples
from veille.training.fit import FitConfig, best_thresholds, fit

ATTACKS = ["Des rebelles ont attaqué un poste militaire.", "Des hommes armés ont attaqué une patrouille.",
           "Les insurgés ont attaqué la caserne de la ville.", "Un groupe armé a attaqué un convoi."]
MEETINGS = ["Le ministre a rencontré son homologue.", "Le président a rencontré les syndicats.",
            "La délégation a rencontré le gouverneur.", "Le Premier ministre a rencontré les chefs religieux."]
OTHER = ["Il pleut beaucoup cette semaine.", "Le marché ouvre tôt le matin.", "La route est longue.",
         "Les prix du riz ont augmenté."]
TYPES = ("ASSAULT", "CONSULT")


@pytest.fixture(scope="module")
def examples(nlp):
    out = []
    for n, (text, label) in enumerate([(t, "ASSAULT") for t in ATTACKS] + [(t, "CONSULT") for t in MEETINGS]
                                      + [(t, None) for t in OTHER]):
        gold = [{"type": label, "evidence": text}] if label else []
        out += sentence_examples(f"doc-{n % 6}", nlp(text), gold, [])
    return out


@pytest.fixture(scope="module")
def fitted(examples):
    return fit(examples, TYPES, FitConfig(c=10.0, min_count=1, inner_folds=2))


def test_fit_learns_the_cue_of_each_type(fitted, nlp):
    model = _model(fitted)
    attack = model.probabilities(next(nlp("Des soldats ont attaqué un village.").sents), [])
    meeting = model.probabilities(next(nlp("Le roi a rencontré le ministre.").sents), [])
    assert attack[_t("ASSAULT")] > attack[_t("CONSULT")]
    assert meeting[_t("CONSULT")] > meeting[_t("ASSAULT")]


def test_fit_is_deterministic(examples, fitted):
    again = fit(examples, TYPES, FitConfig(c=10.0, min_count=1, inner_folds=2))
    assert again.features == fitted.features and np.array_equal(again.sparse, fitted.sparse)
    assert again.thresholds == fitted.thresholds


def test_weights_round_trip_through_files(fitted, tmp_path, nlp):
    version = save(tmp_path, types=fitted.types, features=fitted.features, sparse=fitted.sparse,
                   dense=fitted.dense, intercept=fitted.intercept, thresholds=fitted.thresholds, hybrid=True,
                   info={})
    loaded = EventTypeModel.load(tmp_path)
    sent = next(nlp("Des rebelles ont attaqué la ville.").sents)
    assert loaded.version == version and version.startswith("evtypes-")
    assert loaded.probabilities(sent, []) == pytest.approx(_model(fitted).probabilities(sent, []), abs=1e-5)
    assert loaded.trigger(sent, _t("ASSAULT")).lemma_ == "attaquer"


def test_trigger_is_a_cue_of_the_type_before_a_word_that_only_goes_with_it(fitted, nlp):
    # "rebelles" and "ville" came with attacks in training; "bombarder" never did, but the lexicon names it ASSAULT
    model = _model(fitted)
    sent = next(nlp("Les rebelles ont bombardé la ville.").sents)
    assert model.trigger(sent, _t("ASSAULT")).lemma_ in ("rebelle", "ville")
    assert model.trigger(sent, _t("ASSAULT"), Lexicon.load()).lemma_ == "bombarder"


def test_best_thresholds_separate_rule_backed_sentences():
    probs = np.array([[0.3], [0.3], [0.7], [0.7]])
    gold = np.array([[True], [False], [True], [False]])
    ruled = np.array([[True], [False], [False], [True]])
    th = best_thresholds(probs, gold, ruled)
    assert th.keep(0.3, True) and not th.keep(0.3, False) and th.keep(0.7, False)
    assert isinstance(th, Thresholds)


def _t(name):
    from veille.model import EventType

    return EventType(name)


def _model(fitted) -> EventTypeModel:
    from veille.training.cv import to_model

    return to_model(fitted, hybrid=True)
