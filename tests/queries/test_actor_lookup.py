"""Finding actors by alias, by code, and among those the store holds."""
from __future__ import annotations

import pytest

from veille.errors import RejectedInput
from veille.queries import ActorSelector, label_selector, lookup_actors, parse_key, present_actors, resolve_actor


@pytest.mark.parametrize("text, key", [
    ("Russie", "RUS"),
    ("CNSP", "kb:org:CNSP"),
    ("Goïta", "kb:org:CNSP"),       # the gold codes "Assimi Goïta" only as a member of the CNSP
    ("goita", "kb:org:CNSP"),       # accents and case ignored
    ("human rights", "org:HRW"),
])
def test_resolve_actor_by_name(gold_store, text, key):
    assert resolve_actor(gold_store, text).key == key


@pytest.mark.parametrize("key", ["RUS", "MLI:GOV+MIL", "org:CNSP", "kb:org:CNSP"])
def test_parse_key_reads_back_the_key(key):
    assert parse_key(key).key == key


def test_parse_key_leaves_names_alone():
    assert parse_key("Russie") is None
    assert parse_key("mli") is None


def test_label_selector_names_a_code_as_the_store_does(gold_store):
    assert label_selector(gold_store, parse_key("org:CNSP")) == ActorSelector(
        "CNSP", "MLI", ("GOV", "MIL"), "CNSP", "org:CNSP")


def test_resolve_unknown_actor_says_what_to_do(gold_store):
    with pytest.raises(RejectedInput, match="no actor matches .Atlantide.*a code such as RUS"):
        resolve_actor(gold_store, "Atlantide")


def _gold_roles(builder, name: str) -> int:
    """How often the gold names ``name`` as a source or target (the seed counts twice: its copy)."""
    count = 0
    for gold in builder.gold_files():
        n = sum((e["source"] or {}).get("name") == name for e in gold["events"]) + \
            sum((e["target"] or {}).get("name") == name for e in gold["events"])
        count += n * (2 if gold["doc_id"] == builder.SEED_ID else 1)
    return count


def _gold_events_of_country(builder, country: str) -> int:
    """Gold events with an actor of ``country`` on either side, each once (the seed twice: its copy)."""
    count = 0
    for gold in builder.gold_files():
        n = sum(country in ((e["source"] or {}).get("country"), (e["target"] or {}).get("country"))
                for e in gold["events"])
        count += n * (2 if gold["doc_id"] == builder.SEED_ID else 1)
    return count


def test_lookup_lists_each_actor_once_with_its_event_count(gold_store, builder):
    hits = lookup_actors(gold_store, "russ")
    keys = [h.selector.key for h in hits]
    assert len(keys) == len(set(keys))
    russia = next(h for h in hits if h.selector.key == "RUS")
    assert russia.name == "Russie"
    # Russia with its members (its army, its ambassador...), every event once: the count every page gives.
    assert russia.events == _gold_events_of_country(builder, "RUS") == 28
    assert _gold_roles(builder, "Russie") == 17  # of which the state named "Russie"
    assert "RUS:MIL" in keys                                   # "forces armées russes"


def test_present_actors_ranks_by_activity(gold_store):
    hits = present_actors(gold_store, limit=3)
    assert [h.name for h in hits] == ["CNSP", "Russie", "services de sécurité syriens"] or \
        hits[0].events >= hits[1].events >= hits[2].events
    assert all(h.origin == "store" for h in hits)
