"""The claim layer (extract/claims.py): status, attribution and cue of an event, one cue per test,
and the precedence between cues; through find_events and through assess() directly."""
from __future__ import annotations

from datetime import date

import pytest

from veille.extract.claims import assess, claim_chain, is_conditional, is_future
from veille.extract.events import find_events
from veille.extract.lexicon import Lexicon
from veille.extract.quotes import find_quotes
from veille.extract.timex import find_timexes
from veille.knowledge.gazetteer import Gazetteer
from veille.knowledge.kb import KnowledgeBase
from veille.knowledge.resolver import resolve_doc
from veille.model import Actor, Event, EventType, Quote, QuoteKind, Status

PUBLISHED = date(2021, 3, 1)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="module")
def analyse(nlp, lexicon):
    kb, gazetteer = KnowledgeBase.load(), Gazetteer.load()

    def run(text: str, title: str | None = None) -> list[Event]:
        doc = nlp(text)
        actors = resolve_doc(doc, PUBLISHED, kb, gazetteer)
        return find_events(doc, actors, lexicon, timexes=find_timexes(text, PUBLISHED),
                           quotes=find_quotes(doc, actors), gazetteer=gazetteer, published=PUBLISHED, title=title)

    return run


def status_of(events: list[Event], etype: EventType = EventType.ASSAULT) -> Event:
    found = [e for e in events if e.type is etype]
    assert len(found) == 1, [(e.type.value, e.status.value, e.evidence.text) for e in events]
    return found[0]


def test_claims_plain_indicative_is_asserted(analyse):
    e = status_of(analyse("L'armée a bombardé le village de Boulkessi."))
    assert (e.status, e.attributed_to) == (Status.ASSERTED, None)


def test_claims_journalistic_conditional_is_alleged(analyse):
    e = status_of(analyse("L'armée aurait bombardé le village de Boulkessi."))
    assert e.status is Status.ALLEGED and e.attributed_to is None


def test_claims_conditional_up_the_clause_chain(analyse):
    text = "Le journaliste aurait été tué par un obus tiré par les rebelles, qui visaient un quartier de Homs."
    events = [e for e in analyse(text) if e.type is EventType.ASSAULT]
    assert events and all(e.status is Status.ALLEGED for e in events)


def test_claims_selon_is_reported_and_attributed(analyse):
    e = status_of(analyse("Selon l'AFP, l'armée malienne a bombardé le village de Boulkessi."))
    assert e.status is Status.REPORTED and e.attributed_to.org == "AFP"


def test_claims_que_clause_of_a_reporting_verb(analyse):
    e = status_of(analyse("Le gouvernement nigérien affirme que les rebelles ont attaqué la ville de Diffa."))
    assert e.status is Status.REPORTED
    assert e.attributed_to.country == "NER" and "GOV" in e.attributed_to.sector


def test_claims_quote_speaker_is_attributed(analyse):
    e = status_of(analyse("« Les rebelles ont attaqué la ville », a déclaré le ministre nigérien de la Défense."))
    assert e.status is Status.REPORTED and e.attributed_to.country == "NER"


def test_claims_conditional_inside_a_report_is_alleged_and_attributed(analyse):
    text = "Les chefs de l'armée malienne auraient été formés en Russie, selon des sources militaires maliennes."
    e = status_of(analyse(text), EventType.AID)
    assert e.status is Status.ALLEGED
    assert e.attributed_to is not None and e.attributed_to.country == "MLI" and "MIL" in e.attributed_to.sector


def test_claims_question_is_questioned(analyse):
    e = status_of(analyse("Les rebelles ont-ils attaqué la ville de Gao ?"))
    assert e.status is Status.QUESTIONED


def test_claims_question_title_repeated_in_the_body(analyse):
    title = "La Russie soutient-elle la junte ?"
    e = status_of(analyse(title + "\nLe Mali a besoin de partenaires.", title=title), EventType.SUPPORT)
    assert e.status is Status.QUESTIONED


def test_claims_negation_particles(analyse):
    assert status_of(analyse("L'armée n'a jamais bombardé le village.")).status is Status.NEGATED
    assert status_of(analyse("L'armée n'a plus attaqué Gao.")).status is Status.NEGATED
    denied = status_of(analyse("Le reportage ne porte aucune accusation contre Israël."), EventType.ACCUSE)
    assert denied.status is Status.NEGATED and denied.source is not None or denied.target is not None


def test_claims_restrictive_ne_que_is_not_a_negation(analyse):
    e = status_of(analyse("Les otages n'ont été libérés qu'en janvier."), EventType.RETREAT)
    assert e.status is Status.ASSERTED


def test_claims_negation_beats_future_and_keeps_the_attribution(analyse):
    text = "L'armée française ne va pas retirer ses troupes, comme le précise l'ambassadeur de France."
    e = status_of(analyse(text), EventType.RETREAT)
    assert e.status is Status.NEGATED
    assert e.attributed_to is not None and e.attributed_to.country == "FRA"


def test_claims_future_tense_and_periphrasis(analyse):
    assert status_of(analyse("Les rebelles attaqueront Gao.")).status is Status.FUTURE
    assert status_of(analyse("Les jihadistes vont attaquer Tombouctou.")).status is Status.FUTURE


def test_claims_planned_retreat_is_a_future_concession(analyse):
    e = status_of(analyse("Le Tchad prévoit de retirer ses troupes du Mali en 2022."), EventType.CONCEDE)
    assert e.status is Status.FUTURE and e.source.country == "TCD"


def test_claims_expected_visit_is_future(analyse):
    e = status_of(analyse("Le ministre malien est attendu à Moscou pour une visite officielle."), EventType.AGREE)
    assert e.status is Status.FUTURE


def test_claims_si_clause_and_conditional_modal_are_hypothetical(analyse):
    e = status_of(analyse("Si les rebelles attaquaient Gao, l'armée riposterait."))
    assert e.status is Status.HYPOTHETICAL
    assert status_of(analyse("L'armée pourrait bombarder le village.")).status is Status.HYPOTHETICAL


def test_claims_contrastive_si_is_not_hypothetical(analyse):
    text = "Si jusqu'ici la junte résiste aux sanctions de la CEDEAO, elle cherche des soutiens."
    e = status_of(analyse(text), EventType.SANCTION)
    assert e.status is Status.ASSERTED and e.source.org == "ECOWAS"


def test_claims_hearsay_nouns_and_adverbs_are_alleged(analyse):
    text = "On avance la thèse du soutien de la Russie à la junte malienne."
    assert status_of(analyse(text), EventType.SUPPORT).status is Status.ALLEGED
    text = "Les soldats, dit-on, se sont rendus aux rebelles."
    assert status_of(analyse(text), EventType.RETREAT).status is Status.ALLEGED


def test_claims_presupposed_event_keeps_its_own_status(analyse):
    text = "Ils seraient revenus avant le renversement du président Ibrahim Boubacar Keïta."
    e = status_of(analyse(text), EventType.COERCE)
    assert e.status is Status.ASSERTED and e.mode == "seize"


def test_claims_reported_content_of_a_nominal_report(analyse):
    text = "Amnesty International dénonce les exécutions de prisonniers par l'armée burkinabè."
    events = analyse(text)
    accuse = status_of(events, EventType.ACCUSE)
    assault = status_of(events, EventType.ASSAULT)
    assert accuse.status is Status.ASSERTED
    assert assault.status is Status.REPORTED and assault.attributed_to.name == accuse.source.name


def test_claims_assess_reads_a_quote_passed_in(nlp, lexicon):
    text = "Il a dit : les rebelles ont attaqué Gao."
    doc = nlp(text)
    start = text.index("les rebelles")
    quote = Quote(speaker=None, text=text[start:-1], start=start, end=len(text) - 1, kind=QuoteKind.DIRECT,
                  cue="a dit")
    verb = next(t for t in doc if t.lemma_ == "attaquer")
    claim = assess(verb, verb, actor_of=lambda t: None, quotes=[quote], lexicon=lexicon)
    assert (claim.status, claim.cue) == (Status.REPORTED, "a dit")
    assert assess(verb, verb, actor_of=lambda t: None, quotes=[], lexicon=lexicon).status is Status.ASSERTED


def test_claims_morphology_helpers(nlp, lexicon):
    doc = nlp("Les rebelles signeront l'accord et l'armée retirerait ses troupes.")
    by_text = {t.text: t for t in doc}
    assert is_future(by_text["signeront"]) and not is_conditional(by_text["signeront"])
    assert is_conditional(by_text["retirerait"]) and not is_future(by_text["retirerait"])
    retirerait = by_text["retirerait"]
    assert claim_chain(retirerait, lexicon.claims) == [by_text["signeront"]]  # coordination shares the mood


def test_claims_sembler_alleges_its_complement_not_what_it_resists(analyse):
    events = analyse("Le régime semble résister aux sanctions de l'Union européenne.")
    assert status_of(events, EventType.SANCTION).status is Status.ASSERTED
    events = analyse("Les rebelles semblent avoir attaqué la ville.")
    assert status_of(events, EventType.ASSAULT).status is Status.ALLEGED


@pytest.mark.parametrize("text, noun, status", [
    # an event noun's own relative or participial clause says how it is told, whatever the sentence asserts
    ("Des ONG dénoncent des exécutions qui auraient eu lieu près de Mopti.", "exécutions", Status.ALLEGED),
    ("Les frappes que l'armée pourrait mener contre les rebelles inquiètent les habitants.", "frappes",
     Status.HYPOTHETICAL),
    ("Le tribunal examine les massacres présumés de civils dans la région.", "massacres", Status.ALLEGED),
    ("Les exécutions qui ont eu lieu près de Mopti ont choqué le pays.", "exécutions", Status.ASSERTED),
])
def test_claims_an_event_nouns_own_clause(nlp, lexicon, text, noun, status):
    doc = nlp(text)
    trigger = next(t for t in doc if t.text == noun)
    anchor = trigger.head if trigger.dep_ != "ROOT" else trigger
    assert assess(trigger, anchor, actor_of=lambda t: None, quotes=[], lexicon=lexicon).status is status


@pytest.mark.parametrize("text", [
    "Le colonel est soupçonné d'avoir bombardé le marché de la ville.",
    "Les milices sont soupçonnées de massacres de civils dans la région.",
])
def test_what_an_accusation_charges_is_alleged_the_accusation_is_not(analyse, text):
    events = analyse(text)
    charged = status_of(events)
    assert charged.status is Status.ALLEGED
    assert charged.attributed_to is None or charged.attributed_to.name not in ("colonel", "milices")
    accusation = [e for e in events if e.type is EventType.ACCUSE]
    assert all(e.status is Status.ASSERTED for e in accusation)


def test_the_subject_of_a_passive_verb_of_saying_is_not_its_speaker(nlp, lexicon):
    doc = nlp("Les rebelles sont accusés d'avoir attaqué un convoi.")
    verb = next(t for t in doc if t.text == "attaqué")

    def actor_of(tok):
        return Actor(name=tok.text, country="MLI", sector=("REB",)) if tok.pos_ == "NOUN" else None

    claim = assess(verb, verb, actor_of=actor_of, quotes=[], lexicon=lexicon)
    assert claim.status is Status.ALLEGED and claim.attributed_to is None  # accused by no one named
