"""PLOVER events (extract/events*.py): one construction per test, small French sentences of our own,
run through the real model, resolver, quotes and time expressions, published on a fixed date."""
from __future__ import annotations

from datetime import date

import pytest

from veille.extract.events import find_events
from veille.extract.lexicon import Lexicon
from veille.extract.quotes import find_quotes
from veille.extract.timex import find_timexes
from veille.knowledge.gazetteer import Gazetteer
from veille.knowledge.kb import KnowledgeBase
from veille.knowledge.resolver import DocActors, resolve_doc
from veille.model import Event, EventType, Status

PUBLISHED = date(2021, 3, 1)


@pytest.fixture(scope="module")
def analyse(nlp):
    """analyse(text) -> the events of the text, published on PUBLISHED."""
    kb, gazetteer, lexicon = KnowledgeBase.load(), Gazetteer.load(), Lexicon.load()

    def run(text: str, title: str | None = None) -> list[Event]:
        doc = nlp(text)
        actors = resolve_doc(doc, PUBLISHED, kb, gazetteer)
        return find_events(doc, actors, lexicon, timexes=find_timexes(text, PUBLISHED),
                           quotes=find_quotes(doc, actors), gazetteer=gazetteer, published=PUBLISHED, title=title)

    return run


def one(events: list[Event], etype: EventType) -> Event:
    found = [e for e in events if e.type is etype]
    assert len(found) == 1, [(e.type.value, e.evidence.text) for e in events]
    return found[0]


def test_events_passive_agent_found_on_the_noun(analyse):
    text = "L'ambassadeur de France a été reçu en audience par le président nigérien à Niamey."
    e = one(analyse(text), EventType.CONSULT)
    assert e.mode == "visit"
    assert (e.source.country, e.target.country) == ("FRA", "NER")  # the visitor is the source
    assert e.status is Status.ASSERTED and e.attributed_to is None
    assert e.place is not None and e.place.name == "Niamey"
    assert text[e.evidence.start:e.evidence.end] == e.evidence.text
    assert e.evidence.text.startswith("L'ambassadeur de France a été reçu en audience")


def test_events_participle_turned_around(analyse):
    e = one(analyse("Des officiers formés par la Russie ont pris le pouvoir."), EventType.AID)
    assert e.source.country == "RUS"
    assert e.target.name == "officiers" and "MIL" in e.target.sector
    assert e.evidence.text == "Des officiers formés par la Russie"


def test_events_coordinated_targets_give_one_event_each(analyse):
    events = [e for e in analyse("Les manifestants remercient la Chine et la Russie.")
              if e.type is EventType.SUPPORT]
    assert sorted(e.target.country for e in events) == ["CHN", "RUS"]
    assert {e.source.name for e in events} == {"manifestants"}
    assert {e.evidence.text for e in events} == {"Les manifestants remercient la Chine et la Russie"}


def test_events_relative_clause_keeps_its_own_subject(analyse):
    events = analyse("Les manifestants montrent des affiches sur lesquelles ils remercient le Niger.")
    e = one(events, EventType.SUPPORT)
    assert e.target.country == "NER" and e.source.name == "manifestants"
    assert e.evidence.text == "ils remercient le Niger"


def test_events_subject_relative_starts_at_its_antecedent(analyse):
    e = one(analyse("Ce sont les jihadistes, qui contrôlent le nord du pays depuis mars."), EventType.COERCE)
    assert e.mode == "seize"
    assert e.evidence.text == "les jihadistes, qui contrôlent le nord du pays depuis mars"


def test_events_apposition_is_not_coordination(analyse):
    events = analyse("Assimi Goïta, le chef de la junte, a reçu l'ambassadeur de Russie.")
    e = one(events, EventType.CONSULT)
    assert (e.source.country, e.target.name) == ("RUS", "Assimi Goïta")


def test_events_infinitive_complement_is_the_event(analyse):
    e = one(analyse("La CEDEAO a décidé de sanctionner le Mali."), EventType.SANCTION)
    assert (e.source.org, e.target.country, e.mode) == ("ECOWAS", "MLI", "discontinue")
    assert e.evidence.text == "La CEDEAO a décidé de sanctionner le Mali"


@pytest.mark.parametrize("text, etype, evidence", [
    ("Le ministre affirme avoir expulsé deux diplomates russes.", EventType.SANCTION,
     "Le ministre affirme avoir expulsé deux diplomates russes"),
    ("Les miliciens reconnaissent avoir enlevé trois préfets.", EventType.ASSAULT,
     "Les miliciens reconnaissent avoir enlevé trois préfets"),
])
def test_events_infinitive_evidence_starts_with_its_controller(analyse, text, etype, evidence):
    """An infinitive without a subject of its own says who acts through the verb it depends on, a
    reporting verb included (the status stays the reported one)."""
    assert one(analyse(text), etype).evidence.text == evidence


def test_events_threat_consumes_its_content_and_takes_its_mode(analyse):
    events = analyse("Le JNIM menace d'attaquer les convois de l'armée malienne.")
    e = one(events, EventType.THREATEN)
    assert e.mode == "violence" and e.source.org == "JNIM"
    assert not [x for x in events if x.type is EventType.ASSAULT]


def test_events_promise_of_a_retreat_is_a_concession(analyse):
    e = one(analyse("L'armée a promis de remettre le pouvoir aux civils."), EventType.CONCEDE)
    assert e.status is Status.ASSERTED and "MIL" in e.source.sector


def test_events_negation_scope_covers_the_signature(analyse):
    e = one(analyse("Le Niger n'a pas signé l'accord de défense avec la France."), EventType.SUPPORT)
    assert (e.source.country, e.target.country) == ("NER", "FRA")
    assert e.status is Status.NEGATED


def test_events_coordinated_verb_carries_the_subject_over(analyse):
    events = analyse("Les soldats ont encerclé le village et ont arrêté trois suspects.")
    arrest = [e for e in events if e.type is EventType.COERCE and e.mode == "arrest"]
    assert len(arrest) == 1
    assert arrest[0].source.name == "soldats" and arrest[0].target.name == "suspects"


def test_events_gerund_takes_the_subject_of_its_clause(analyse):
    e = one(analyse("Le Royaume-Uni a protégé le général en refusant de l'extrader."), EventType.REJECT)
    assert e.source.country == "GBR"
    assert e.evidence.text.startswith("Le Royaume-Uni")


def test_events_nominal_with_de_and_contre(analyse):
    e = one(analyse("Les sanctions de la CEDEAO contre le Mali pèsent sur l'économie."), EventType.SANCTION)
    assert (e.source.org, e.target.country) == ("ECOWAS", "MLI")


def test_events_nominal_with_an_undergoing_support_verb(analyse):
    text = "Les militaires maliens ont reçu une formation auprès de l'armée russe."
    e = one(analyse(text), EventType.AID)
    assert (e.source.country, e.target.country) == ("RUS", "MLI")
    assert e.trigger == "formation"


def test_events_nominal_patient_de(analyse):
    e = one(analyse("Le renversement du président Mohamed Bazoum a surpris Niamey."), EventType.COERCE)
    assert e.mode == "seize" and e.target.country == "NER" and "Bazoum" in e.target.name


def test_events_purpose_clause_is_not_a_second_event(analyse):
    events = analyse("Le ministre s'est rendu à Bamako pour rencontrer le président.")
    assert [e.type for e in events] == [EventType.CONSULT]
    assert events[0].mode == "visit"
    assert events[0].evidence.text.endswith("pour rencontrer le président")


def test_events_means_give_the_assault_mode(analyse):
    e = one(analyse("Des jihadistes ont attaqué un camp militaire avec des engins explosifs."), EventType.ASSAULT)
    assert e.mode == "explosives"


def test_events_need_a_participant(analyse):
    assert analyse("Les attaques se multiplient dans la région.") == []


def test_events_unnamed_perpetrator_is_null(analyse):
    e = one(analyse("Deux soldats ont été tués."), EventType.ASSAULT)
    assert e.source is None
    assert "MIL" in e.target.sector


def test_events_agentless_arrest_takes_the_police_named_before(analyse):
    text = "Selon la police nigérienne, trois hommes ont été arrêtés à Niamey."
    e = one(analyse(text), EventType.COERCE)
    assert e.mode == "arrest" and "COP" in e.source.sector and e.source.country == "NER"
    assert e.status is Status.REPORTED


def test_events_future_visit_is_an_agreement(analyse):
    e = one(analyse("Le ministre malien se rendra à Paris la semaine prochaine."), EventType.AGREE)
    assert e.status is Status.FUTURE
    assert e.date is not None and e.date.value == "2021-W10" and not e.date.from_publication


def test_events_date_from_the_clause_else_publication(analyse):
    dated = one(analyse("Le 12 février 2021, les militaires ont arrêté le Premier ministre."), EventType.COERCE)
    assert dated.date.value == "2021-02-12" and "12 février 2021" in dated.date.text
    undated = one(analyse("Les militaires ont arrêté le Premier ministre."), EventType.COERCE)
    assert undated.date.value == "2021-03-01" and undated.date.from_publication


def test_events_restatement_is_kept_once(analyse):
    text = ("Les rebelles ont attaqué la ville de Gao. Les rebelles ont attaqué la ville de Gao.\n"
            "L'attaque des rebelles contre la ville de Gao a fait dix morts.")
    assert len([e for e in analyse(text) if e.type is EventType.ASSAULT]) == 1


def test_events_subheading_yields_to_the_body(analyse):
    text = ("L'audience accordée à l'ambassadeur russe par la junte\n"
            "L'ambassadeur russe a été reçu en audience par les militaires au pouvoir.")
    events = analyse(text)
    assert len(events) == 1 and events[0].evidence.text.startswith("L'ambassadeur russe a été reçu")


def test_events_confidence_is_a_probability(analyse):
    events = analyse("La CEDEAO a sanctionné le Mali. Deux soldats ont été tués.")
    assert events and all(0.0 < e.confidence < 1.0 for e in events)
    stated, implicit = events
    assert stated.confidence > implicit.confidence


def test_events_group_of_countries_gives_one_event_per_member(analyse):
    if not hasattr(DocActors, "actors_for_token"):
        pytest.skip("the resolver does not expand collectives yet")
    events = [e for e in analyse("Les pays du G5 Sahel ont signé un accord de défense avec la Chine.")
              if e.type is EventType.SUPPORT]
    assert sorted(e.source.country for e in events) == ["BFA", "MLI", "MRT", "NER", "TCD"]
    assert {e.target.country for e in events} == {"CHN"}


def test_events_request_target_is_the_subject_of_the_que_clause(analyse):
    e = one(analyse("Le syndicat demande que le gouvernement retire la loi."), EventType.REQUEST)
    assert e.source.name == "syndicat"
    assert e.target is not None and "GOV" in e.target.sector


def test_events_request_target_is_the_agent_of_the_demanded_act(analyse):
    e = one(analyse("Les manifestants exigent la libération des prisonniers par les autorités."), EventType.REQUEST)
    assert e.source.name == "manifestants"
    assert e.target.name == "autorités"


def test_events_noun_between_two_sides_gives_source_and_target(analyse):
    e = one(analyse("Les négociations entre Paris et Berlin ont repris."), EventType.CONSULT)
    assert (e.source.country, e.target.country) == ("FRA", "DEU")


def test_events_between_two_sides_also_when_the_second_is_misattached(analyse):
    e = one(analyse("Les combats entre l'armée et les rebelles ont repris."), EventType.ASSAULT)
    assert (e.source.name, e.target.name) == ("armée", "rebelles")


def test_events_quoted_verdict_accuses_the_doer_told_before(analyse):
    text = "Les rebelles ont exécuté vingt soldats jeudi. « C'est un crime de guerre », a déclaré le porte-parole de l'ONU."
    e = one(analyse(text), EventType.ACCUSE)
    assert e.source.org == "UN" and e.target.name == "rebelles"
    assert e.status is Status.REPORTED and e.evidence.text == "C'est un crime de guerre"


def test_events_verdict_by_a_verb_of_qualification(analyse):
    text = ("Les rebelles ont exécuté vingt soldats jeudi. "
            "Selon Amnesty International, ces exécutions constituent un crime contre l'humanité.")
    e = one(analyse(text), EventType.ACCUSE)
    assert (e.source.name, e.target.name) == ("Amnesty International", "rebelles")


def test_events_verdict_in_indirect_speech_is_the_speakers_act_told_as_fact(analyse):
    text = ("Les rebelles ont exécuté vingt soldats jeudi. "
            "Amnesty International a fait savoir qu'il pourrait s'agir de crimes de guerre.")
    e = one(analyse(text), EventType.ACCUSE)
    assert (e.source.name, e.target.name) == ("Amnesty International", "rebelles")
    assert e.status is Status.ASSERTED
    assert e.evidence.text.startswith("Amnesty International a fait savoir")


def test_events_verdict_in_the_article_voice_is_not_an_accusation(analyse):
    events = analyse("Les rebelles ont exécuté vingt soldats jeudi. C'est un crime.")
    assert not [e for e in events if e.type is EventType.ACCUSE]


def test_events_denouncing_crimes_accuses_the_doer_told_before(analyse):
    text = "Les rebelles ont exécuté vingt soldats jeudi. Le gouvernement a dénoncé « des crimes de guerre »."
    e = one(analyse(text), EventType.ACCUSE)
    assert (e.source.name, e.target.name) == ("gouvernement", "rebelles")


def test_events_subject_after_a_fronted_participle_clause(analyse):
    text = ("La Syrie n'ayant pas ratifié la convention de la CPI, l'ONG a demandé au Conseil de sécurité "
            "de l'ONU d'adopter une résolution.")
    e = one(analyse(text), EventType.REQUEST)
    assert e.source.name == "ONG"


def test_events_refusal_answers_the_request_made_to_the_refuser(analyse):
    text = ("Les manifestants ont demandé au gouvernement malien la libération des détenus. "
            "Le gouvernement a refusé.")
    e = one(analyse(text), EventType.REJECT)
    assert (e.source.name, e.target.name) == ("gouvernement malien", "manifestants")


def test_events_citizens_demand_without_recipient_goes_to_their_authorities(analyse):
    e = one(analyse("Les syndicats français réclament une hausse des salaires."), EventType.REQUEST)
    assert e.target is not None and e.target.country == "FRA" and "GOV" in e.target.sector
    assert e.target.confidence < 0.5  # implicit


def test_events_state_demand_without_recipient_keeps_no_target(analyse):
    e = one(analyse("Le ministre malien demande plus de moyens."), EventType.REQUEST)
    assert e.target is None


def test_events_between_the_two_countries_of_a_collective(analyse):
    if not hasattr(DocActors, "actors_for_token"):
        pytest.skip("the resolver does not expand collectives yet")
    events = analyse("Le président français s'est rendu en Algérie. Les négociations entre les deux pays ont repris.")
    e = next(e for e in events if e.type is EventType.CONSULT and e.evidence.text.startswith("Les négociations"))
    assert {e.source.country, e.target.country} == {"FRA", "DZA"}


def test_events_alliance_withdrawing_leaves_the_article_country(analyse):
    events = analyse("L'Afghanistan reste instable. L'OTAN prévoit de retirer l'intégralité de ses forces en 2014.")
    e = one(events, EventType.CONCEDE)
    assert e.source.org == "NATO" and e.target.country == "AFG"


def test_events_doer_of_the_weapon_is_the_source(analyse):
    e = one(analyse("Un médecin a été tué par une roquette tirée par les rebelles."), EventType.ASSAULT)
    assert "REB" in e.source.sector and e.target.name == "médecin"
    assert e.mode == "heavy-weapons"


def test_events_doer_of_the_fire_after_the_harm(analyse):
    e = one(analyse("Trois policiers ont été blessés à la suite des tirs de grenade par les jihadistes."),
            EventType.ASSAULT)
    assert e.source.name == "jihadistes" and "COP" in e.target.sector


def test_events_victim_of_the_fire_of_a_force(analyse):
    e = one(analyse("Le photographe a été victime de tirs des forces gouvernementales."), EventType.ASSAULT)
    assert "MIL" in e.source.sector and e.target.name == "photographe"


def test_events_unnamed_attacker_after_attacks_credited_to_a_group(analyse):
    events = analyse("Des rebelles ont attaqué une caserne de l'armée malienne. "
                     "Le gouverneur a dénoncé de nouvelles attaques contre la police.")
    police = next(e for e in events if e.type is EventType.ASSAULT and "COP" in e.target.sector)
    assert "REB" in police.source.sector and police.source.confidence < 0.5


def test_events_overthrown_leader_by_the_junta_that_took_power(analyse):
    e = one(analyse("Les sanctions ont suivi le renversement du président Ibrahim Boubacar Keïta."),
            EventType.COERCE)
    assert e.mode == "seize" and e.source.org == "CNSP"  # PUBLISHED is March 2021, after the coup


def test_events_foreign_delegation_visits_the_articles_country(analyse):
    events = analyse("Au Mali, la junte a reçu des partenaires étrangers. "
                     "Depuis le départ de la délégation de la CEDEAO, les militaires multiplient les contacts.")
    visit = next(e for e in events if e.mode == "visit")
    assert visit.source.org == "ECOWAS" and visit.target.country == "MLI"


def test_events_pejorative_noun_in_a_quote_blames_each_actor_named(analyse):
    text = "Le député a déclaré : « Les habitants ne partagent pas les bêtises du MNLA et d'Ansar Dine »."
    blamed = [e for e in analyse(text) if e.type is EventType.ACCUSE]
    assert sorted(e.target.org for e in blamed) == ["ANSAR_DINE", "MNLA"]
    assert {(e.mode, e.status, e.source.name) for e in blamed} == {("disapprove", Status.REPORTED, "député")}


def test_events_pejorative_noun_in_the_articles_voice_blames_no_one(analyse):
    events = analyse("Les bêtises du MNLA ont coûté cher au mouvement.")
    assert not [e for e in events if e.type is EventType.ACCUSE]


def test_a_state_named_twice_is_not_both_sides(analyse):
    # "la France" and "Paris" are one state: no event from one to the other
    events = analyse("La France a exprimé sa gratitude à Paris pour cette visite.")
    assert not [e for e in events if e.source is not None and e.target is not None
                and e.source.country == e.target.country == "FRA"]
    events = analyse("La France a exprimé sa gratitude au Mali pour cette visite.")
    assert any(e.type is EventType.SUPPORT and e.source.country == "FRA" and e.target.country == "MLI" for e in events)
