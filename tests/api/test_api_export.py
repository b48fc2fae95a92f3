"""GET /api/export.jsonl: the export contract, streamed."""
from __future__ import annotations

import json

CONTRACT = {"doc_id", "url", "title", "published", "language", "byline", "section", "tags", "text", "events",
            "quotes", "timexes", "entities"}


def test_export_streams_every_article_with_the_contract_fields(client):
    response = client.get("/api/export.jsonl")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert len(lines) == 103 and len({line["doc_id"] for line in lines}) == 103
    assert all(CONTRACT <= set(line) for line in lines)


def test_export_of_chosen_articles(client, ids):
    response = client.get("/api/export.jsonl", params=[("doc_id", ids["seed"]), ("doc_id", "nope")])
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [line["doc_id"] for line in lines] == [ids["seed"]]
    event = lines[0]["events"][0]
    assert lines[0]["text"][event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["text"]
