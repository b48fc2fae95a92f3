"""Store.add_articles: one transaction per batch, duplicates linked (not dropped), re-adding adds nothing."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from veille.model import Rejection
from veille.store import Store


def _count(store: Store, sql: str = "SELECT count(*) FROM articles") -> int:
    return store.execute(sql).fetchone()[0]


def test_add_articles_stores_every_field_of_real_articles(store, wikinews, seed):
    result = store.add_articles(wikinews + [seed], run_id=None)
    assert len(result.new) == 101
    assert result.already_stored == () and result.duplicates_exact == ()
    assert _count(store) == 101
    assert store.get_article("seed-000") == seed
    assert store.get_article("wikinews-43971") == wikinews[0]
    record = store.get_record("seed-000")
    assert record.article.tags == ("Mali", "Russie") and record.duplicate_of is None
    assert record.ingested_at.startswith("20") and record.analysed_at is None


def test_add_same_batch_twice_adds_nothing_new(store, wikinews):
    store.add_articles(wikinews[:30])
    again = store.add_articles(wikinews[:30])
    assert again.new == ()
    assert again.already_stored == tuple(a.doc_id for a in wikinews[:30])
    assert _count(store) == 30


def test_same_doc_id_twice_in_one_batch_is_stored_once(store, seed, article):
    other = article("seed-000", "Un tout autre texte sur le même identifiant.")
    result = store.add_articles([seed, other])
    assert result.new == ("seed-000",) and result.already_stored == ("seed-000",)
    assert store.get_article("seed-000").text == seed.text


def test_exact_duplicate_under_another_id_is_linked_to_its_original(store, seed):
    copy = replace(seed, doc_id="copy-1", locator="elsewhere.html")
    result = store.add_articles([seed, copy])
    assert result.duplicates_exact == (("copy-1", "seed-000"),)
    assert [a.doc_id for a in result.to_analyse] == ["seed-000"]
    row = store.execute("SELECT duplicate_of, duplicate_kind, minhash FROM articles"
                        " WHERE doc_id = 'copy-1'").fetchone()
    assert tuple(row) == ("seed-000", "exact", None)


def test_same_text_up_to_case_and_spacing_is_a_near_duplicate_analysed_on_its_own(store, seed, article):
    variant = article("variant", "  " + seed.text.upper().replace(" ", "\n "))
    assert variant.content_hash == seed.content_hash
    store.add_articles([seed])
    result = store.add_articles([variant])
    assert result.duplicates_near == (("variant", "seed-000"),) and result.duplicates_exact == ()
    assert [a.doc_id for a in result.to_analyse] == ["variant"]  # its offsets are its own


def test_syndicated_copy_is_stored_as_near_duplicate_and_still_analysed(store, seed, article):
    body = seed.text.replace("Comments\n\n\nLaisser un commentaire", "")
    syndicated = article("partner-77", "Publié avec l'aimable autorisation de notre partenaire.\n\n"
                         + body + "\n\nTous droits réservés, reproduction interdite.")
    store.add_articles([seed])
    result = store.add_articles([syndicated])
    assert result.duplicates_near == (("partner-77", "seed-000"),)
    assert [a.doc_id for a in result.to_analyse] == ["partner-77"]
    assert store.get_record("partner-77").duplicate_kind == "near"


def test_near_duplicate_index_is_rebuilt_from_the_file_on_reopen(db_path, seed, article):
    with Store.open(db_path) as store:
        store.add_articles([seed])
    syndicated = article("partner-78", seed.text + "\n\nSource : agence partenaire.")
    with Store.open(db_path) as store:
        assert store.add_articles([syndicated]).duplicates_near == (("partner-78", "seed-000"),)


def test_unrelated_articles_are_not_near_duplicates(store, wikinews):
    result = store.add_articles(wikinews)
    assert result.duplicates_near == () and result.duplicates_exact == ()


def test_non_french_article_is_stored_flagged_and_not_queued(store, article):
    english = article("bbc-1", "The junta in Mali met the Russian ambassador in Bamako on Friday.",
                      language="en")
    result = store.add_articles([english])
    assert result.non_french == ("bbc-1",) and result.to_analyse == ()
    assert store.get_article("bbc-1").language == "en"
    assert store.pending_analysis(10) == []


def test_failing_batch_is_rolled_back_entirely(store, wikinews):
    broken = replace(wikinews[5], title=None)  # a bug upstream: NOT NULL violated
    with pytest.raises(sqlite3.IntegrityError):
        store.add_articles(wikinews[:5] + [broken])
    assert _count(store) == 0
    assert len(store.add_articles(wikinews[:5]).new) == 5  # the store is still usable


def test_pending_analysis_pages_by_doc_id_and_skips_what_is_done(store, wikinews, seed, analysis):
    store.add_articles(wikinews[:10] + [seed, replace(seed, doc_id="zz-copy")])
    store.save_analyses([analysis])
    store.record_analysis_errors([(wikinews[0].doc_id, "too long for the parser")])
    first = store.pending_analysis(4)
    rest = store.pending_analysis(100, after=first[-1].doc_id)
    ids = [a.doc_id for a in first + rest]
    assert ids == sorted(a.doc_id for a in wikinews[1:10])
    assert store.count_pending_analysis() == 9
    assert store.clear_analysis_errors() == 1
    assert store.count_pending_analysis() == 10


def test_already_stored_article_waiting_for_analysis_is_queued_again(store, seed):
    store.add_articles([seed])
    again = store.add_articles([seed])
    assert again.already_stored == ("seed-000",)
    assert again.to_analyse == (seed,)


def test_runs_and_rejections_are_recorded(store):
    run_id = store.start_run("ingest", ["missing.html", "feed.xml"])
    rejected = [Rejection("missing.html", "read", "file not found"),
                Rejection("feed.xml#item-3", "parse", "no text")]
    store.add_rejections(run_id, rejected)
    store.finish_run(run_id, {"ingested": 0, "rejected": 2})
    assert store.rejections(run_id) == rejected
    row = store.execute("SELECT command, specs, finished IS NOT NULL, counts FROM runs").fetchone()
    assert tuple(row) == ("ingest", '["missing.html", "feed.xml"]', 1, '{"ingested": 0, "rejected": 2}')
