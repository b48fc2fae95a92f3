"""An actor's profile: events as source and target over time, partners, quotes by and about it."""
from __future__ import annotations

from collections import Counter

from veille.model import EventType, Status
from veille.queries import ActorSelector, actor_profile, quotes_about, quotes_by, resolve_actor
from veille.queries.profile import _most_named

RUSSIA = ActorSelector("Russie", "RUS")


def test_profile_counts_events_as_source_and_target(gold_store):
    profile = actor_profile(gold_store, RUSSIA)
    # seed (x2 with its copy): 2 SUPPORT + CONSULT + 4 AID/AGREE by Russia's state and army; Wikinews 44510: 1.
    assert profile.as_source.by_status.as_dict() == {"asserted": 2, "reported": 1, "alleged": 10, "future": 2}
    assert profile.as_source.articles == 3 and profile.as_source.sources == 2
    # thanked by the demonstrators and the defence accords (4 signed, 1 not), twice; Litvinenko (RUS) killed
    assert profile.as_target.by_status.as_dict() == {"asserted": 11, "negated": 2}
    assert {b.key for b in profile.types_as_source} == {"SUPPORT", "CONSULT", "AID", "AGREE", "REJECT"}
    assert profile.types_as_target[0].key == EventType.SUPPORT.value


def test_profile_timeline_by_month(gold_store):
    months = {m.month: m for m in actor_profile(gold_store, RUSSIA).by_month}
    assert list(months) == sorted(months)
    assert months["2020-01"].as_source.as_dict() == {"alleged": 2}
    assert months["2020-08"].as_source.get(Status.ASSERTED) == 2


def test_profile_partners_are_other_actors_most_events_first(gold_store):
    partners = actor_profile(gold_store, RUSSIA).partners
    assert partners[0].name == "CNSP"
    assert partners[0].cooperation == partners[0].events and partners[0].conflict == 0
    assert all(p.selector.country != "RUS" for p in partners)  # its own members are not partners
    assert [p.events for p in partners] == sorted((p.events for p in partners), reverse=True)
    un = next(p for p in partners if p.selector.org == "UN")
    assert un.conflict == 1


def test_quotes_by_the_speaker(gold_store, builder):
    hits = quotes_by(gold_store, ActorSelector("Fatoumata Coulibaly", "MLI", ("EDU",)))
    assert {h.doc_id for h in hits} == {builder.SEED_ID, builder.COPY_ID}
    assert hits[0].text == "les relations entre le Mali et la Russie sont anciennes"
    assert hits[0].speaker.role == "enseignante-chercheuse à Bamako"


def test_quotes_about_the_actor_mention_it(gold_store):
    hits = quotes_about(gold_store, RUSSIA)
    assert hits and all("Russie" in h.text for h in hits)
    texts = {h.text for h in hits}
    assert "les relations entre le Mali et la Russie sont anciennes" in texts


def test_profile_of_an_organisation_with_members(gold_store, kb):
    junta = resolve_actor(gold_store, "CNSP", kb)
    with_members = actor_profile(gold_store, junta)
    exact = actor_profile(gold_store, junta, members=False)
    assert with_members.as_target.total > exact.as_target.total
    assert "CNSP" in with_members.names


def test_profile_names_most_given_first_equals_by_name(gold_store):
    """The names are counted over both sides; equal counts are ordered by name, not by the order
    SQLite happens to read the rows in (which another index changes)."""
    given = dict(gold_store.execute(
        "SELECT name, count(*) FROM (SELECT source_name AS name FROM events WHERE source_country = 'RUS'"
        " UNION ALL SELECT target_name FROM events WHERE target_country = 'RUS') GROUP BY name").fetchall())
    assert given == {"Russie": 17, "forces armées russes": 8, "Ambassadeur russe au Mali": 2, "Alexandre Litvinenko": 1}
    assert actor_profile(gold_store, RUSSIA).names == (
        "Russie", "forces armées russes", "Ambassadeur russe au Mali", "Alexandre Litvinenko")
    assert _most_named(Counter({"soldats": 2, "armée": 2, "Moscou": 5, "Kremlin": 1}), 3) == (
        "Moscou", "armée", "soldats")
