"""POST /api/ingest: off without a token; with one, it needs `Authorization: Bearer TOKEN`."""
from __future__ import annotations

ARTICLE = {"title": "Mali : la Russie <script>alert(1)</script> salue la junte",
           "text": "Bamako, le 2 septembre 2020. La Russie a salué la junte malienne. "
                   "<script>alert('x')</script> Le CNSP remercie Moscou."}


def test_ingest_is_off_without_a_token(client):
    response = client.post("/api/ingest", json=ARTICLE)
    assert response.status_code == 403
    assert "veille serve --token" in response.json()["detail"]


def test_ingest_needs_the_right_token(writable):
    missing = writable.post("/api/ingest", json=ARTICLE)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    wrong = writable.post("/api/ingest", json=ARTICLE, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_ingest_text_with_the_token_stores_and_analyses_it(writable, token):
    response = writable.post("/api/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ingested"] == 1 and body["analysed"] == 1 and body["rejected"] == []
    doc_id = body["doc_ids"][0]
    assert body["links"] == [f"/articles/{doc_id}"]
    article = writable.get(f"/api/articles/{doc_id}").json()
    assert article["title"] == ARTICLE["title"] and article["events"]
    html = writable.get(f"/articles/{doc_id}").text
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    again = writable.post("/api/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {token}"}).json()
    assert again["ingested"] == 0 and again["already_stored"] == 1


def test_ingest_body_must_give_a_url_or_a_text(writable, token):
    auth = {"Authorization": f"Bearer {token}"}
    assert writable.post("/api/ingest", json={}, headers=auth).status_code == 422
    assert writable.post("/api/ingest", json={"url": "https://example.org/", "text": "x"},
                         headers=auth).status_code == 422
    assert writable.post("/api/ingest", json={"url": "not a url"}, headers=auth).status_code == 422


def test_ingest_an_unreachable_url_is_a_rejection_not_a_crash(writable, token):
    auth = {"Authorization": f"Bearer {token}"}
    body = writable.post("/api/ingest", json={"url": "http://127.0.0.1:9/nothing"}, headers=auth).json()
    assert body["ingested"] == 0 and body["rejected"] and body["rejected"][0]["locator"] == "http://127.0.0.1:9/nothing"
