"""The founding question on the real pipeline's store: is Russia backing Mali's junta,
according to whom, how surely, since when? (the seed article, analysed for real)."""
from __future__ import annotations

import pytest

from veille.model import EventType, Status
from veille.queries import EventFilters, actor_profile, dyad, lookup_actors, resolve_actor, search_events


@pytest.mark.parametrize("alias, key", [
    ("Russie", "RUS"),
    ("Moscou", "RUS"),                  # the capital used for the government
    ("junte malienne", "kb:org:CNSP"),  # the junta that ruled when the seed was written
    ("CNSP", "kb:org:CNSP"),
    ("Goïta", "kb:person:assimi-goita"),
])
def test_aliases_resolve_through_the_knowledge_base(store, kb, alias, key):
    assert resolve_actor(store, alias, kb).key == key


def test_lookup_puts_knowledge_base_entries_first_with_their_events(store, kb):
    hits = lookup_actors(store, "junte malienne", kb)
    assert hits[0].origin == "kb"
    cnsp = next(h for h in hits if h.selector.key == "kb:org:CNSP")
    assert cnsp.events > 0 and cnsp.kind == "organisation"


def test_dyad_russia_junta_answers_with_statuses(store, kb, seed_id, copy_id):
    answer = dyad(store, resolve_actor(store, "Russie", kb), resolve_actor(store, "junte malienne", kb))
    lines = {(s.direction, s.type): s.breakdown for s in answer.by_type}
    assert lines[("ab", EventType.CONSULT)].by_status.get(Status.ASSERTED) >= 1   # the ambassador's audience
    assert lines[("ab", EventType.AID)].by_status.get(Status.ALLEGED) >= 1        # the training in Moscow
    assert {h.doc_id for h in answer.evidence} == {seed_id, copy_id}
    assert answer.overall.articles == 2 and answer.overall.sources == 1          # the copy counts once
    assert answer.overall.first == "2020-09-01"
    # the training "depuis janvier 2020" is of the army chiefs (next test), not of the CNSP as such
    assert not [h for h in answer.partial if h.doc_id == seed_id]


def test_training_since_january_has_the_army_chiefs_of_the_sentence_before(store, kb, seed_id):
    """ "les chefs de l'armée seraient en Russie depuis janvier 2020. Ceci, dans le cadre d'un programme de
    formation organisé par les forces armées russes, selon les sources militaires maliennes": the trainees
    are the previous sentence's subject; the "selon" phrase says who tells, it is no participant."""
    answer = dyad(store, resolve_actor(store, "Russie", kb), resolve_actor(store, "Mali", kb))
    since = [h for h in answer.evidence if h.doc_id == seed_id and h.type is EventType.AID and h.date == "2020-01"]
    assert [(h.status, h.source.country, h.target.country, h.target.sector, h.attributed_to.name) for h in since] == [
        (Status.ALLEGED, "RUS", "MLI", ("MIL",), "sources militaires maliennes")]
    assert answer.overall.first == "2020-01"
    credited = next(s for s in answer.by_type if s.type is EventType.AID and s.direction == "ab")
    assert dict(credited.according_to)["sources militaires maliennes"] == 2 and credited.partial == 0  # seed + copy


def test_dyad_evidence_points_at_verbatim_sentences(store, kb, seed_id):
    answer = dyad(store, resolve_actor(store, "Russie", kb), resolve_actor(store, "CNSP", kb))
    article = store.get_article(seed_id)
    mine = [h for h in answer.evidence if h.doc_id == seed_id]
    assert mine
    for hit in mine:
        indexed = article.title if hit.evidence_in == "title" else article.text
        assert indexed[hit.evidence.start:hit.evidence.end] == hit.evidence.text
    asked = [h for h in mine if h.evidence_in == "title"]
    assert [(h.type, h.status) for h in asked] == [(EventType.SUPPORT, Status.QUESTIONED)]
    training = next(h for h in mine if h.type is EventType.AID and "formation à Moscou" in h.evidence.text)
    assert training.status is Status.ALLEGED
    audience = next(h for h in mine if h.type is EventType.CONSULT)
    assert "reçu en audience" in audience.evidence.text and audience.status is Status.ASSERTED


def test_exact_actors_leave_the_army_out(store, kb):
    russia, junta = resolve_actor(store, "Russie", kb), resolve_actor(store, "CNSP", kb)
    everything = dyad(store, russia, junta)
    exact = dyad(store, russia, junta, members=False)
    assert exact.overall.total < everything.overall.total

    def russian_side(hit):
        return hit.source if hit.source.country == "RUS" else hit.target

    assert any("MIL" in russian_side(h).sector for h in everything.evidence)  # "forces armées russes"
    assert all("GOV" in russian_side(h).sector for h in exact.evidence)      # Russia as a state only


def test_russia_profile_partners_and_quotes(store, kb):
    profile = actor_profile(store, resolve_actor(store, "Russie", kb))
    assert profile.partners[0].name == "CNSP"
    about = {q.text for q in profile.quotes_about}
    assert "les relations entre le Mali et la Russie sont anciennes" in about


def test_search_finds_the_alleged_training(store, seed_id):
    page = search_events(store, EventFilters(text="formation Moscou", statuses=(Status.ALLEGED,)))
    assert seed_id in {h.doc_id for h in page.items}
    assert all("formation" in h.evidence.text for h in page.items)
