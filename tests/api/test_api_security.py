"""Untrusted article text stays text: escaped HTML, a strict CSP and companion headers on every response."""
from __future__ import annotations

import re

import pytest

from veille.api.security import CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("path", ["/", "/api/stats", "/static/veille.css", "/nope", "/api/nope", "/docs",
                                  "/openapi.json", "/api/export.jsonl?doc_id=x"])
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"


def test_csp_allows_only_this_server_and_no_inline_script():
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["default-src"] == "'self'" and directives["script-src"] == "'self'"
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY and "http" not in CONTENT_SECURITY_POLICY


def test_hostile_article_comes_back_escaped(client, ids):
    html = client.get(f"/articles/{ids['hostile']}").text
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>gras</b>" not in html
    assert "&lt;script&gt;alert(&#39;titre&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_hostile_title_is_escaped_in_lists_and_search(client):
    for path in ("/articles?search=Essai", "/search?q=Essai"):
        html = client.get(path).text
        assert "<script>alert" not in html
        assert "Essai &lt;script&gt;" in html


def test_pages_have_no_inline_script_and_only_local_assets(client, ids):
    for path in ("/", f"/articles/{ids['seed']}", "/dyad?a=Russie&b=CNSP", "/actors/RUS", "/map", "/docs"):
        html = client.get(path).text
        for tag in re.findall(r"<script[^>]*>", html):
            assert re.search(r'src="/static/', tag), f"{path}: {tag}"
        assert not re.findall(r"<script[^>]*>(?!</script>)", html), f"{path} has an inline script"
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert url.startswith(("/", "#", "?")), (path, url)  # nothing from outside this server


def test_only_http_urls_of_articles_become_links(gold_client):
    html = gold_client.get("/articles/seed-000").text
    assert re.findall(r'href="(https?://[^"]+)" rel="noopener noreferrer nofollow"', html) == [
        "https://example.org/mali-russie"]
