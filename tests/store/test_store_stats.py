"""Store.stats: the counts a person reads after an ingest."""
from __future__ import annotations

from dataclasses import replace

from veille.model import Rejection


def test_stats_of_empty_store_has_every_key_at_zero(store):
    stats = store.stats()
    assert stats["articles"] == 0 and stats["by_language"] == {}
    assert stats["duplicates"] == {"exact": 0, "near": 0}
    assert stats["events_by_type"] == {} and stats["rejections"] == 0


def test_stats_count_languages_duplicates_analyses_and_rejections(store, seed, analysis, wikinews, article):
    english = article("bbc-1", "The junta met the Russian ambassador.", language="en")
    syndicated = article("partner-1", seed.text + "\n\nReproduction interdite.")
    store.add_articles(wikinews[:4] + [seed, replace(seed, doc_id="copy"), syndicated, english])
    store.save_analyses([analysis])
    run_id = store.start_run("ingest", ["x"])
    store.add_rejections(run_id, [Rejection("x", "read", "file not found")])
    stats = store.stats()
    assert stats["articles"] == 8
    assert stats["by_language"] == {"fr": 7, "en": 1}
    assert stats["duplicates"] == {"exact": 1, "near": 1}
    assert stats["analysed"] == 1
    assert stats["pending_analysis"] == 5  # 4 Wikinews + the near copy; not the exact copy nor English
    assert stats["events"] == 3
    assert stats["events_by_type"] == {"AID": 1, "CONSULT": 1, "PROTEST": 1}
    assert stats["events_by_status"] == {"asserted": 2, "alleged": 1}
    assert (stats["quotes"], stats["timexes"], stats["entities"]) == (2, 2, 3)
    assert stats["rejections"] == 1 and stats["runs"] == 1
