"""The shipped event-type model and its hybrid with the rules (extract/event_model/), on sentences
of our own, through the same analysis as the pipeline."""
from __future__ import annotations

from datetime import date

import pytest

from veille.extract.analyze import Resources, analyze_doc, current_versions
from veille.extract.event_model.model import EventTypeModel, shipped_version
from veille.ingest.dedup import content_hash
from veille.model import Article, EventType, SourceKind


@pytest.fixture(scope="module")
def res(nlp):
    from veille.extract.lexicon import Lexicon
    from veille.knowledge.gazetteer import Gazetteer
    from veille.knowledge.kb import KnowledgeBase

    return Resources(nlp, KnowledgeBase.load(), Gazetteer.load(), Lexicon.load(), EventTypeModel.load())


def analyse(res, text: str):
    article = Article(doc_id="t", title="", text=text, content_hash=content_hash(text), source_kind=SourceKind.TEXT,
                      locator="test", published=date(2022, 5, 3), language="fr")
    return analyze_doc(res.nlp(text), article, res)


def test_event_model_version_joins_the_analysis_versions(res):
    assert res.event_model.version == shipped_version()
    assert current_versions()["event_model"] == res.event_model.version
    assert analyse(res, "Le président a reçu l'ambassadeur.").versions["event_model"] == res.event_model.version


def test_event_model_gives_probabilities_per_type(res, nlp):
    sent = next(nlp("Des hommes armés ont attaqué un poste de police dans le nord du pays.").sents)
    probs = res.event_model.probabilities(sent, ["ASSAULT"], res.lexicon)
    assert set(probs) == set(EventType)
    assert max(probs, key=probs.get) is EventType.ASSAULT
    assert all(0.0 <= p <= 1.0 for p in probs.values())


def test_an_article_s_sentences_are_scored_together_as_each_alone(res, nlp):
    from veille.extract.event_model.features import DocVectors

    doc = nlp("Des hommes armés ont attaqué un poste de police. Il a fait beau. "
              "Le gouvernement a condamné l'attaque et promis des sanctions.")
    sents = list(doc.sents)
    rule_types = [["ASSAULT"], [], ["ACCUSE"]]
    contexts = [{"doc=ASSAULT": 1.0}, {}, {}]
    together = res.event_model.sentence_probabilities(sents, rule_types, res.lexicon, contexts,
                                                      [None, None, None], DocVectors.of(doc))
    alone = [res.event_model.probabilities(s, t, res.lexicon, c) for s, t, c in zip(sents, rule_types, contexts)]
    assert len(together) == 3
    for a, b in zip(together, alone):
        assert a == pytest.approx(b, abs=1e-6)
    assert together[0][EventType.ASSAULT] > together[1][EventType.ASSAULT]


def test_event_confidence_is_the_model_probability(res, nlp):
    text = "Des hommes armés ont attaqué un poste de police dans le nord du Niger."
    events = analyse(res, text).events
    assault = [e for e in events if e.type is EventType.ASSAULT]
    assert assault, events
    from dataclasses import replace

    from veille.extract.event_model.features import context_features

    rule_types = [e.type.value for e in analyse(replace(res, event_model=None), text).events]
    prob = res.event_model.probabilities(next(nlp(text).sents), rule_types, res.lexicon,
                                         context_features([rule_types], 0))[EventType.ASSAULT]
    assert assault[0].confidence == pytest.approx(prob, abs=1e-3) and 0.5 < prob <= 1.0


def test_event_model_drops_nothing_when_the_rules_find_nothing(res):
    assert analyse(res, "Il a fait beau toute la semaine sur la côte.").events == ()


def test_event_model_keeps_a_clear_rule_event_with_its_participants(res):
    events = analyse(res, "Le Mali a rompu ses relations diplomatiques avec la France.").events
    found = [e for e in events if e.source is not None and e.source.country == "MLI"]
    assert found and found[0].target is not None and found[0].target.country == "FRA"


def test_features_name_the_lexicon_types_of_predicates_even_when_no_rule_fired(res, nlp):
    from veille.extract.event_model.features import sentence_features, sentence_vector

    sent = next(nlp("Les manifestants ont attaqué.").sents)  # no target: no rule frame, but a lexicon verb
    feats = sentence_features(sent, [], res.lexicon)
    assert feats.get("cue=ASSAULT") == 1.0 and "rule=ASSAULT" not in feats
    assert sentence_vector(sent).shape == (600,)  # mean vector, then the peak over verbs and nouns


def test_sentence_vector_from_the_document_table_is_bitwise_the_tokens_own(nlp):
    from veille.extract.event_model.features import DocVectors, sentence_vector

    doc = nlp("Le Mali a rappelé son ambassadeur. Des soldats ont attaqué un poste frontalier xqzw hier.")
    vectors = DocVectors.of(doc)
    assert vectors is not None and vectors.rows.shape == (len(doc), 300)
    assert not vectors.predicate[[t.i for t in doc if t.text == "xqzw"]].any()  # no vector, no peak
    for sent in doc.sents:
        assert sentence_vector(sent, vectors).tobytes() == sentence_vector(sent).tobytes()


def test_context_features_name_the_rule_types_around_and_in_the_article():
    from veille.extract.event_model.features import context_features

    types = [["ASSAULT"], [], ["ACCUSE"], ["AID"]]
    assert context_features(types, 1) == {"near=ASSAULT": 1.0, "near=ACCUSE": 1.0, "doc=ASSAULT": 1.0,
                                          "doc=ACCUSE": 1.0, "doc=AID": 1.0}
    assert set(context_features(types, 0)) == {"doc=ASSAULT", "doc=ACCUSE", "doc=AID"}


def test_entity_labels_by_sentence_in_one_pass_equal_each_sentences_ents(seed_doc):
    from veille.extract.event_model.features import ent_labels_by_sentence

    sents = list(seed_doc.sents)
    expected = [{e.label_ for e in s.ents} for s in sents]
    assert ent_labels_by_sentence(sents) == expected
    assert sum(map(len, expected)) > 10  # the seed names many places, people and organisations
