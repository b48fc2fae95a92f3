"""One count per actor: the search hits, the actor lists, the profile, the event search and the
actor page agree on how many events an actor has (the issue of pages giving 0, 8, 15 or 16)."""
from __future__ import annotations

import re

import pytest


NAMES = ["Russie", "junte malienne", "CNSP", "CNRDRE", "Mali", "Goïta", "Moscou"]


def _hit(client, name: str) -> dict:
    return client.get("/api/search", params={"q": name}).json()["actors"][0]


@pytest.mark.parametrize("name", NAMES)
def test_every_page_gives_an_actor_the_same_count(client, name):
    hit = _hit(client, name)
    key = hit["selector"]["key"]
    profile = client.get(f"/api/actors/{key}").json()
    events = client.get("/api/events", params={"actor": key, "limit": 1}).json()
    assert hit["events"] == profile["events"] == events["total"]
    listed = {h["selector"]["key"]: h["events"] for h in client.get("/api/actors", params={"limit": 200}).json()["items"]}
    if key in listed:
        assert listed[key] == hit["events"]
    page = client.get(f"/actors/{key}").text
    assert re.search(rf'class="events-total">{profile["events"]} event', page)


def test_a_kb_code_is_the_whole_actor(client):
    """kb:org:CNRDRE is the junta of 2012 with its members while it ruled, not an empty id."""
    by_code = client.get("/api/actors/kb:org:CNRDRE").json()
    by_name = client.get("/api/actors/CNRDRE").json()
    assert by_code["selector"]["period"] == "2012-03-22 → 2012-04-12"
    assert by_code["events"] == by_name["events"] == _hit(client, "CNRDRE")["events"]


def test_an_overthrown_leader_is_not_a_member_of_the_junta(client):
    ibk = client.get("/api/actors/kb:person:ibrahim-boubacar-keita").json()
    assert ibk["selector"]["label"] == "Ibrahim Boubacar Keïta"
    # He is the target of the coup only: not the source of the junta's events, nor its own partner.
    assert [t["key"] for t in ibk["types_as_target"]] == ["COERCE"]
    assert ibk["as_source"]["total"] == 0
    cnsp = client.get("/api/actors/kb:org:CNSP").json()
    assert "Ibrahim Boubacar Keïta" in [p["name"] for p in cnsp["partners"]]


def test_unknown_actor_codes_are_404(client):
    for path in ("/api/actors/kb:org:ATLANTIDE", "/api/actors/org:ATLANTIDE", "/api/actors/XYZ"):
        assert client.get(path).status_code == 404, path
    page = client.get("/actors/kb:org:ATLANTIDE")
    assert page.status_code == 404 and "veille actors" not in page.text


def test_both_names_the_same_actor_is_said(client):
    answer = client.get("/api/dyads", params={"a": "Moscou", "b": "Russie"}).json()
    assert answer["same_actor"] is True and answer["a"]["key"] == "RUS"
    page = client.get("/dyad", params={"a": "Moscou", "b": "Russie"}).text
    assert "Both names resolve to the same actor, Russie" in page


def test_dyad_explains_how_names_resolved(client):
    body = client.get("/api/dyads", params={"a": "Russie", "b": "junte", "explain": "true",
                                            "evidence_limit": 0}).json()
    asked = {r["asked"]: r for r in body["resolved"]}
    junta = asked["junte"]
    assert junta["chosen"]["key"] == "kb:org:CNSP" and junta["chosen"]["period"] == "2020-08-18 → 2021-01-18"
    assert junta["events"] == client.get(
        "/api/actors/kb:org:CNSP").json()["events"]
    others = [h["selector"]["key"] for h in junta["alternatives"]]
    assert "kb:org:CNRDRE" in others and "kb:org:CNSP" not in others
    counts = [h["events"] for h in junta["alternatives"]]
    assert counts == sorted(counts, reverse=True)
    assert client.get("/api/dyads", params={"a": "Russie", "b": "junte"}).json()["resolved"] is None
