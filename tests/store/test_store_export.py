"""export_jsonl writes exactly the contract of ../shared/spec/export-format.md, line by line."""
from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date

from veille.store.export import article_to_export, export_jsonl

ACTOR_KEYS = {"name", "country", "sector", "org"}
ARTICLE_KEYS = {"doc_id", "url", "title", "published", "language", "byline", "section", "tags", "text",
                "events", "quotes", "timexes", "entities"}
STATUSES = {"asserted", "reported", "alleged", "questioned", "negated", "future", "hypothetical"}


def _lines(store, doc_ids=None) -> list[dict]:
    out = io.StringIO()
    count = export_jsonl(store, out, doc_ids)
    lines = out.getvalue().splitlines()
    assert count == len(lines)
    return [json.loads(line) for line in lines]


def _check_actor(actor, *, role: bool = False, nullable: bool = True) -> None:
    if actor is None:
        assert nullable
        return
    assert ACTOR_KEYS | ({"role"} if role else set()) <= set(actor)
    assert isinstance(actor["name"], str)
    assert actor["country"] is None or isinstance(actor["country"], str)
    assert isinstance(actor["sector"], list) and all(isinstance(s, str) for s in actor["sector"])
    assert actor["org"] is None or isinstance(actor["org"], str)
    if role:
        assert actor["role"] is None or isinstance(actor["role"], str)


def _check_offsets(obj: dict, text: str, key: str = "text") -> None:
    assert isinstance(obj["start"], int) and isinstance(obj["end"], int)
    assert text[obj["start"]:obj["end"]] == obj[key]


def _check_event(event: dict, text: str) -> None:
    assert isinstance(event["type"], str) and event["type"].isupper()
    assert event["mode"] is None or isinstance(event["mode"], str)
    _check_actor(event["source"])
    _check_actor(event["target"])
    assert set(event["evidence"]) == {"start", "end", "text"}
    _check_offsets(event["evidence"], text)
    assert event["status"] in STATUSES
    _check_actor(event["attributed_to"])
    assert event["date"] is None or {"value", "text"} <= set(event["date"])
    assert event["place"] is None or {"name", "country", "lat", "lon"} <= set(event["place"])
    assert isinstance(event["confidence"], float) and 0 <= event["confidence"] <= 1


def _check_article(line: dict) -> None:
    assert ARTICLE_KEYS <= set(line)
    text = line["text"]
    assert isinstance(line["doc_id"], str) and isinstance(text, str) and isinstance(line["title"], str)
    assert line["published"] is None or date.fromisoformat(line["published"])
    assert isinstance(line["tags"], list)
    for event in line["events"]:
        _check_event(event, text)
    for quote in line["quotes"]:
        assert {"speaker", "text", "start", "end", "kind", "cue"} <= set(quote)
        _check_actor(quote["speaker"], role=True)
        assert quote["kind"] in {"direct", "indirect", "mixed"}
        _check_offsets(quote, text)
    for timex in line["timexes"]:
        assert {"text", "start", "end", "value"} <= set(timex)
        _check_offsets(timex, text)
    for entity in line["entities"]:
        assert {"id", "name", "country", "sector", "org", "kind", "mentions"} <= set(entity)
        assert entity["kind"] in {"country", "person", "organisation", "place", "group"}
        for mention in entity["mentions"]:
            assert set(mention) == {"start", "end"}


def test_export_of_analysed_seed_follows_the_contract(store, seed, analysis, wikinews):
    store.add_articles([seed] + wikinews[:5])
    store.save_analyses([analysis])
    lines = _lines(store)
    assert [line["doc_id"] for line in lines] == ["seed-000"] + [a.doc_id for a in wikinews[:5]]
    for line in lines:
        _check_article(line)
    first = lines[0]
    assert first["published"] == "2020-09-01" and first["tags"] == ["Mali", "Russie"]
    assert first["section"] == "Politique" and first["url"] == "https://example.org/mali-russie"
    consult = first["events"][0]
    assert consult["type"] == "CONSULT" and consult["mode"] == "visit"
    assert consult["source"] == {"name": "Russie", "country": "RUS", "sector": ["GOV"], "org": None,
                                 "kb_id": "Q159"}
    assert consult["date"] == {"value": "2020-08", "text": "", "from_publication": True}
    assert consult["place"] == {"name": "Bamako", "country": "MLI", "lat": 12.65, "lon": -8.0}
    assert first["events"][1]["attributed_to"]["name"] == "sources militaires maliennes"
    assert first["events"][2]["target"] is None
    assert first["quotes"][0]["speaker"]["role"] == "enseignante-chercheuse à Bamako"
    assert first["quotes"][1]["speaker"] is None
    assert first["timexes"][0] == {"text": "vendredi 21 août", "start": seed.text.index("vendredi 21 août"),
                                   "end": seed.text.index("vendredi 21 août") + 16, "value": "2020-08-21"}
    assert lines[1]["events"] == [] and lines[1]["analysed"] is False


def test_export_of_exact_copy_carries_its_originals_analysis(store, seed, analysis):
    store.add_articles([seed, replace(seed, doc_id="copy-1")])
    store.save_analyses([analysis])
    copy = _lines(store, ["copy-1"])[0]
    assert copy["duplicate_of"] == "seed-000" and copy["duplicate_kind"] == "exact"
    assert len(copy["events"]) == 3 and copy["doc_id"] == "copy-1"


def test_export_selected_doc_ids_skips_unknown_ones(store, wikinews):
    store.add_articles(wikinews[:3])
    assert [line["doc_id"] for line in _lines(store, [wikinews[2].doc_id, "nope"])] == [wikinews[2].doc_id]


def test_export_is_one_json_object_per_line_in_utf8(store, seed):
    store.add_articles([seed])
    out = io.StringIO()
    export_jsonl(store, out)
    text = out.getvalue()
    assert text.endswith("\n") and text.count("\n") == 1
    assert "Moscou" in text and "\\u" not in text  # accents written as UTF-8, not escaped


def test_article_to_export_without_analysis_has_empty_lists(seed):
    exported = article_to_export(seed, None)
    assert (exported["events"], exported["quotes"], exported["timexes"], exported["entities"]) == ([], [], [], [])
    assert json.loads(json.dumps(exported)) == exported
