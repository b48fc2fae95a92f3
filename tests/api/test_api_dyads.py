"""GET /api/dyads: the answer first (per type, by status), then the evidence, the sources."""
from __future__ import annotations

RUSSIA = {"key": "RUS", "label": "Russie", "country": "RUS", "sectors": [], "org": None, "kb_id": None,
          "period": None}
CNSP = {"key": "kb:org:CNSP", "label": "CNSP", "country": "MLI", "sectors": ["GOV", "MIL"], "org": "CNSP",
        "kb_id": "org:CNSP", "period": "2020-08-18 → 2021-01-18"}
SEED_TITLE = "Mali : la Russie, véritable soutien à la junte au pouvoir ?"


def _counts(key, by_status, first, last, articles=2, sources=1):
    return {"key": key, "total": sum(by_status.values()), "by_status": by_status, "articles": articles,
            "sources": sources, "first": first, "last": last}


def test_dyad_whole_body_on_the_gold_store(gold_client):
    response = gold_client.get("/api/dyads", params={"a": "RUS", "b": "org:CNSP", "members": "false",
                                                     "evidence_limit": 1})
    assert response.status_code == 200
    assert response.json() == {
        "a": RUSSIA, "b": CNSP, "members": False,
        "overall": _counts("all", {"asserted": 2, "alleged": 4}, "2020-08", "2020-09-01"),
        "answer": [
            {"type": "SUPPORT", "quad": "verbal cooperation", "direction": "ab", "source": "Russie", "target": "CNSP",
             "summary": "SUPPORT Russie → CNSP: 4 alleged",
             "counts": _counts("SUPPORT", {"alleged": 4}, "2020-09-01", "2020-09-01"), "according_to": [],
             "partial": 0, "asked": 0},
            {"type": "CONSULT", "quad": "verbal cooperation", "direction": "ab", "source": "Russie", "target": "CNSP",
             "summary": "CONSULT Russie → CNSP: 2 asserted",
             "counts": _counts("CONSULT", {"asserted": 2}, "2020-08", "2020-08"), "according_to": [],
             "partial": 0, "asked": 0},
        ],
        "by_quad": [_counts("verbal cooperation", {"asserted": 2, "alleged": 4}, "2020-08", "2020-09-01")],
        "by_month": [_counts("2020-08", {"asserted": 2}, "2020-08", "2020-08"),
                     _counts("2020-09", {"alleged": 4}, "2020-09-01", "2020-09-01")],
        "evidence": [{
            "id": 6, "doc_id": "seed-000", "idx": 5, "type": "CONSULT", "quad": "verbal cooperation",
            "mode": "visit", "status": "asserted",
            "source": {"name": "Ambassadeur russe au Mali", "country": "RUS", "sector": ["GOV"], "org": None,
                       "kb_id": None, "role": None, "kind": None},
            "target": {"name": "CNSP", "country": "MLI", "sector": ["GOV", "MIL"], "org": "CNSP",
                       "kb_id": "org:CNSP", "role": None, "kind": None},
            "attributed_to": None,
            "evidence": {"start": 488, "end": 568, "within": "text",
                         "text": "l’Ambassadeur russe a été reçu en audience par les militaires au pouvoir au Mali"},
            "date": "2020-08", "date_text": "2020-08", "date_from_publication": False,
            "place": {"name": "Bamako", "country": "MLI", "lat": 12.65, "lon": -8.0},
            "confidence": 0.8, "trigger": None,
            "article": {"doc_id": "seed-000", "title": SEED_TITLE, "published": "2020-09-01",
                        "url": "https://example.org/mali-russie", "duplicate_of": None},
            "link": "/articles/seed-000#ev-5",
        }],
        "evidence_total": 6,
        "sources": [
            {"doc_id": "seed-000", "title": SEED_TITLE, "published": "2020-09-01",
             "url": "https://example.org/mali-russie", "duplicate_of": None, "events": 3},
            {"doc_id": "seed-copy-republicain", "title": SEED_TITLE, "published": "2020-09-02",
             "url": "https://example.net/copie", "duplicate_of": "seed-000", "events": 3},
        ],
        "partial": [],
        # The headline asks the question (the copy repeats it: one independent source).
        "questions": [{"doc_id": "seed-000", "title": SEED_TITLE, "published": "2020-09-01",
                       "url": "https://example.org/mali-russie", "duplicate_of": None, "events": 3}],
        "quotes": [],  # exact actors: no quote has the state of Russia and the CNSP itself
        "same_actor": False,
        "resolved": None,  # explain=true says how each name was resolved
    }


def test_dyad_by_alias_on_the_real_store(client, ids):
    body = client.get("/api/dyads", params={"a": "Russie", "b": "junte malienne"}).json()
    assert body["a"]["key"] == "RUS" and body["b"]["key"] == "kb:org:CNSP" and body["members"] is True
    lines = {(line["type"], line["direction"]): line["counts"]["by_status"] for line in body["answer"]}
    assert lines[("CONSULT", "ab")].get("asserted", 0) >= 1
    assert lines[("AID", "ab")].get("alleged", 0) >= 1
    assert body["overall"]["articles"] == 2 and body["overall"]["sources"] == 1
    assert {e["doc_id"] for e in body["evidence"]} == {ids["seed"], ids["copy"]}
    assert all(e["link"].startswith(f"/articles/{e['doc_id']}#ev-") for e in body["evidence"])


def test_dyad_unknown_actor_is_404(client):
    response = client.get("/api/dyads", params={"a": "Russie", "b": "Atlantide"})
    assert response.status_code == 404
    assert "no actor matches 'Atlantide'" in response.json()["detail"]


def test_dyad_needs_both_actors(client):
    response = client.get("/api/dyads", params={"a": "Russie"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "b"]


def test_dyad_evidence_pages_and_status_filter(gold_client):
    params = {"a": "RUS", "b": "org:CNSP", "members": "false"}
    first = gold_client.get("/api/dyads", params=params | {"evidence_limit": 4}).json()
    second = gold_client.get("/api/dyads", params=params | {"evidence_limit": 4, "evidence_offset": 4}).json()
    assert first["evidence_total"] == 6 and len(first["evidence"]) == 4 and len(second["evidence"]) == 2
    assert not {e["id"] for e in first["evidence"]} & {e["id"] for e in second["evidence"]}
    alleged = gold_client.get("/api/dyads", params=params | {"status": "alleged"}).json()
    assert alleged["evidence_total"] == 4 and {e["status"] for e in alleged["evidence"]} == {"alleged"}
    assert alleged["overall"]["total"] == 6  # the answer still counts everything
