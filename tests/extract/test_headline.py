"""Question headlines analysed as text: `questioned` events whose evidence indexes the title
(sentences of our own, not the gold documents')."""
from __future__ import annotations

from datetime import date

import pytest

from veille.extract.headline import headline_events, is_question
from veille.model import EventType, Status

ON = date(2023, 9, 1)


@pytest.fixture(scope="module")
def res():
    from veille.extract.analyze import Resources

    return Resources.load()


def test_only_question_headlines_are_analysed(res):
    assert is_question("Niger : la Chine, véritable soutien au gouvernement ? ")
    assert headline_events(res, "La Chine soutient le gouvernement nigérien", ON) == ()
    assert headline_events(res, None, ON) == ()


def test_apposed_actor_is_the_source_of_a_questioned_support(res):
    title = "Niger : la Chine, véritable soutien au gouvernement ?"
    (event,) = headline_events(res, title, ON)
    assert (event.type, event.status, event.evidence_in) == (EventType.SUPPORT, Status.QUESTIONED, "title")
    assert event.source.country == "CHN" and event.target.country == "NER"
    assert title[event.evidence.start:event.evidence.end] == event.evidence.text
    assert event.evidence.text == "la Chine, véritable soutien au gouvernement"  # the rubric "Niger :" left out
    assert event.attributed_to is None


def test_a_question_verb_is_questioned_too(res):
    title = "Sénégal : la France condamne-t-elle l'armée ?"
    (event,) = headline_events(res, title, ON)
    assert (event.type, event.status) == (EventType.ACCUSE, Status.QUESTIONED)
    assert event.source.country == "FRA" and title[event.evidence.start:event.evidence.end] == event.evidence.text
