"""GET /api/articles (list, search, pages) and GET /api/articles/{doc_id} (text with annotations)."""
from __future__ import annotations


def test_articles_list_newest_first_with_pages(client):
    first = client.get("/api/articles", params={"limit": 5}).json()
    assert first["total"] == 103 and len(first["items"]) == 5 and first["next_offset"] == 5
    dates = [a["published"] for a in first["items"]]
    assert dates == sorted(dates, reverse=True)
    second = client.get("/api/articles", params={"limit": 5, "offset": 5}).json()
    assert not {a["doc_id"] for a in first["items"]} & {a["doc_id"] for a in second["items"]}


def test_articles_search_finds_the_seed_and_its_copy(client, ids):
    found = client.get("/api/articles", params={"search": "junte Russie"}).json()
    assert {a["doc_id"] for a in found["items"]} >= {ids["seed"], ids["copy"]}
    copy = next(a for a in found["items"] if a["doc_id"] == ids["copy"])
    assert copy["duplicate_of"] == ids["seed"] and copy["duplicate_kind"] == "near"
    assert found["search"] == "junte Russie"


def test_articles_search_without_words_is_422(client):
    response = client.get("/api/articles", params={"search": "--"})
    assert response.status_code == 422
    assert "nothing to search for" in response.json()["detail"]


def test_articles_bad_page_is_422(client):
    assert client.get("/api/articles", params={"limit": 0}).status_code == 422
    assert client.get("/api/articles", params={"offset": -1}).status_code == 422


def test_article_detail_annotations_index_the_text(client, ids):
    body = client.get(f"/api/articles/{ids['seed']}").json()
    text = body["text"]
    assert body["title"] == "Mali : la Russie, véritable soutien à la junte au pouvoir ?"
    assert body["copies"] == [ids["copy"]] and body["published"] == "2020-09-01"
    assert body["events"] and body["quotes"] and body["timexes"] and body["entities"]
    for event in body["events"]:
        indexed = body["title"] if event["evidence"]["within"] == "title" else text
        assert indexed[event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["text"]
        assert event["anchor"] == f"ev-{event['idx']}"
    # The question headline is analysed: its event's offsets index the title.
    asked = [e for e in body["events"] if e["evidence"]["within"] == "title"]
    assert [(e["type"], e["status"], e["source"]["country"], e["target"]["org"]) for e in asked] == [
        ("SUPPORT", "questioned", "RUS", "CNSP")]
    assert asked[0]["evidence"]["text"] == "la Russie, véritable soutien à la junte au pouvoir"
    for timex in body["timexes"]:
        assert text[timex["start"]:timex["end"]] == timex["text"]
    mention = body["entities"][0]["mentions"][0]
    assert text[mention["start"]:mention["end"]] == mention["text"]
    statuses = {e["status"] for e in body["events"]}
    assert {"asserted", "alleged"} <= statuses


def test_article_unknown_is_404(client):
    response = client.get("/api/articles/nope")
    assert response.status_code == 404
    assert response.json() == {"detail": "no article 'nope'"}
