"""save_analyses / load_analysis: typed records survive the round trip; saving again replaces."""
from __future__ import annotations

from dataclasses import replace

import pytest

from veille.model import Analysis, EventType, Status


def _rows(store, table: str) -> int:
    return store.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_analysis_round_trip_rebuilds_equal_records(store, seed, analysis):
    store.add_articles([seed])
    assert store.save_analyses([analysis]) == 1
    loaded = store.load_analysis("seed-000")
    assert loaded == analysis
    assert loaded.events[1].attributed_to.name == "sources militaires maliennes"
    assert loaded.events[1].status is Status.ALLEGED
    assert loaded.quotes[0].speaker.role == "enseignante-chercheuse à Bamako"
    assert [e.id for e in loaded.entities] == ["e1", "e2", "e10"]  # order kept, not sorted
    assert seed.text[loaded.events[0].evidence.start:loaded.events[0].evidence.end] \
        == loaded.events[0].evidence.text


def test_save_marks_article_analysed_with_versions(store, seed, analysis):
    store.add_articles([seed])
    store.save_analyses([analysis])
    record = store.get_record("seed-000")
    assert record.analysed_at is not None
    assert record.analysis_versions == {"veille": "0.1.0", "model": "fr_core_news_md-3.8.0"}
    assert store.pending_analysis(10) == []


def test_saving_again_replaces_previous_rows(store, seed, analysis):
    store.add_articles([seed])
    store.save_analyses([analysis])
    store.save_analyses([analysis])
    assert (_rows(store, "events"), _rows(store, "quotes"), _rows(store, "timexes")) == (3, 2, 2)
    smaller = replace(analysis, events=analysis.events[:1], quotes=(), entities=analysis.entities[:1])
    store.save_analyses([smaller])
    assert store.load_analysis("seed-000") == smaller
    assert (_rows(store, "events"), _rows(store, "quotes"), _rows(store, "entities")) == (1, 0, 1)
    assert _rows(store, "mentions") == len(analysis.entities[0].mentions)


def test_empty_analysis_is_not_the_same_as_no_analysis(store, seed, wikinews):
    store.add_articles([seed, wikinews[0]])
    store.save_analyses([Analysis(doc_id="seed-000")])
    assert store.load_analysis("seed-000") == Analysis(doc_id="seed-000")
    assert store.load_analysis(wikinews[0].doc_id) is None
    assert store.load_analysis("never-stored") is None


def test_analysis_of_unknown_article_fails_and_saves_nothing(store, seed, analysis):
    store.add_articles([seed])
    with pytest.raises(ValueError, match="not a stored article"):
        store.save_analyses([analysis, Analysis(doc_id="ghost")])
    assert store.load_analysis("seed-000") is None
    assert _rows(store, "events") == 0


def test_events_are_queryable_by_dyad_columns(store, seed, analysis):
    store.add_articles([seed])
    store.save_analyses([analysis])
    rows = store.execute(
        "SELECT type, status, attributed_name, date_value, place_name FROM events"
        " WHERE source_country = 'RUS' AND target_country = 'MLI' ORDER BY idx").fetchall()
    assert [tuple(r) for r in rows] == [
        (EventType.CONSULT.value, "asserted", None, "2020-08", "Bamako"),
        (EventType.AID.value, "alleged", "sources militaires maliennes", "2020-01", None)]
    plan = " ".join(r[3] for r in store.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM events WHERE source_country = 'RUS' AND target_country = 'MLI'"))
    assert "events_dyad_country" in plan


def test_load_analyses_of_many_articles_at_once(store, wikinews, seed, analysis):
    store.add_articles(wikinews + [seed])
    store.save_analyses([analysis] + [Analysis(doc_id=a.doc_id) for a in wikinews])
    loaded = store.load_analyses([a.doc_id for a in wikinews] + ["seed-000"])
    assert len(loaded) == 101 and loaded["seed-000"] == analysis
