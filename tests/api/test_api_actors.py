"""GET /api/actors (lookup by alias), /api/actors/{actor} (profile), /api/network."""
from __future__ import annotations


def test_lookup_by_alias_goes_through_the_knowledge_base(client):
    body = client.get("/api/actors", params={"q": "Moscou"}).json()
    first = body["items"][0]
    assert first["selector"]["key"] == "RUS" and first["origin"] == "kb" and first["kind"] == "country"
    assert first["events"] > 0 and first["link"] == "/actors/RUS"


def test_lookup_without_query_lists_the_most_active(client):
    items = client.get("/api/actors", params={"limit": 5}).json()["items"]
    assert len(items) == 5
    assert [i["events"] for i in items] == sorted((i["events"] for i in items), reverse=True)


def test_profile_by_code_and_by_name_agree(client):
    by_code = client.get("/api/actors/RUS").json()
    by_name = client.get("/api/actors/Russie").json()
    assert by_code == by_name
    assert by_code["name"] == "Russie" and by_code["members"] is True
    assert by_code["as_source"]["total"] == sum(by_code["as_source"]["by_status"].values())
    assert by_code["partners"][0]["name"] == "CNSP"
    assert by_code["partners"][0]["dyad"] == "/dyad?a=RUS&b=kb%3Aorg%3ACNSP"
    months = [m["month"] for m in by_code["by_month"]]
    assert months == sorted(months)


def test_profile_exact_actor_has_fewer_events(client):
    members = client.get("/api/actors/RUS").json()
    exact = client.get("/api/actors/RUS", params={"members": "false"}).json()
    assert exact["as_source"]["total"] < members["as_source"]["total"]


def test_profile_unknown_actor_is_404(client):
    assert client.get("/api/actors/Atlantide").status_code == 404


def test_profile_limits_are_checked(client):
    assert client.get("/api/actors/RUS", params={"partners": 0}).status_code == 422


def test_network_around_an_actor(client):
    body = client.get("/api/network", params={"actor": "Russie", "limit": 6}).json()
    assert body["nodes"][0]["selector"]["key"] == "RUS"
    assert len(body["nodes"]) <= 6
    keys = {n["selector"]["key"] for n in body["nodes"]}
    assert all(e["a"]["key"] in keys and e["b"]["key"] in keys for e in body["edges"])
    assert all(e["events"] == e["cooperation"] + e["conflict"] for e in body["edges"])
    assert all(e["dyad"].startswith("/dyad?a=") for e in body["edges"])
