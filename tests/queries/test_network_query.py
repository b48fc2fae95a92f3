"""The actor network (cooperation and conflict edges) and the map of event places."""
from __future__ import annotations

from veille.queries import ActorSelector, EventFilters, map_points, network
from veille.model import Status

RUSSIA = ActorSelector("Russie", "RUS")


def test_network_around_an_actor_starts_with_it(gold_store):
    graph = network(gold_store, RUSSIA, limit=6)
    assert graph.nodes[0].selector == RUSSIA
    assert len(graph.nodes) == 6
    keys = {n.selector.key for n in graph.nodes}
    assert all(e.a.key in keys and e.b.key in keys for e in graph.edges)
    russia_junta = next(e for e in graph.edges if {e.a.key, e.b.key} == {"RUS", "kb:org:CNSP"})
    assert russia_junta.cooperation == russia_junta.events > 0 and russia_junta.conflict == 0


def test_network_edges_split_cooperation_and_conflict(gold_store):
    graph = network(gold_store, limit=30)
    assert all(e.events == e.cooperation + e.conflict for e in graph.edges)
    assert any(e.conflict and not e.cooperation for e in graph.edges)
    assert [e.events for e in graph.edges] == sorted((e.events for e in graph.edges), reverse=True)


def test_network_merges_an_organisation_with_its_members(gold_store):
    labels = [n.name for n in network(gold_store, RUSSIA, limit=30).nodes]
    assert labels.count("CNSP") == 1


def test_map_points_have_coordinates_and_statuses(gold_store, builder):
    points = {p.name: p for p in map_points(gold_store)}
    bamako = points["Bamako"]
    assert (bamako.lat, bamako.lon, bamako.country) == (12.65, -8.0, "MLI")
    assert bamako.by_status.get(Status.ASSERTED) > 0
    assert builder.SEED_ID in bamako.doc_ids


def test_map_points_follow_the_filters(gold_store):
    moscow = map_points(gold_store, EventFilters(actor=RUSSIA, statuses=(Status.ALLEGED,)))
    assert {p.name for p in moscow} == {"Moscou", "Russie"}
