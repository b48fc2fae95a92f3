"""The OpenAPI schema and the docs page served without any CDN."""
from __future__ import annotations

import re

ENDPOINTS = {
    "/api/articles": "get", "/api/articles/{doc_id}": "get", "/api/actors": "get", "/api/actors/{actor}": "get",
    "/api/network": "get", "/api/events": "get", "/api/map": "get", "/api/dyads": "get", "/api/search": "get",
    "/api/export.jsonl": "get", "/api/export/{fmt}": "get", "/api/ingest": "post", "/api/stats": "get",
    "/api/health": "get",
}


def test_openapi_lists_every_endpoint_and_no_page(client):
    schema = client.get("/openapi.json").json()
    assert schema["info"]["title"] == "veille"
    assert {path: next(iter(ops)) for path, ops in schema["paths"].items()} == ENDPOINTS


def test_openapi_documents_the_models(client):
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"DyadOut", "EventOut", "ProfileOut", "ArticleOut", "IngestIn", "IngestOut"} <= set(schemas)
    assert set(schemas["Status"]["enum"]) == {"asserted", "reported", "alleged", "questioned", "negated",
                                              "future", "hypothetical"}
    events = client.get("/openapi.json").json()["paths"]["/api/events"]["get"]
    names = {p["name"] for p in events["parameters"]}
    assert {"source", "target", "actor", "type", "status", "from", "to", "place", "country", "q", "limit",
            "offset", "sort"} <= names


def test_docs_page_loads_vendored_swagger_only(client):
    html = client.get("/docs").text
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(a.startswith("/static/") for a in assets)
    for asset in assets:
        assert client.get(asset).status_code == 200
    init = client.get("/static/swagger-init.js").text
    assert "validatorUrl: null" in init


def test_vendored_assets_keep_their_licences(client):
    for path in ("/static/vendor/swagger-ui/LICENSE", "/static/vendor/world-atlas/LICENSE"):
        assert client.get(path).status_code == 200
