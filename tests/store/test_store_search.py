"""iter_articles: full-text search (FTS5) with safely quoted user words, listing order, paging."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from veille.errors import RejectedInput
from veille.store.articles import fts_query


@pytest.fixture
def filled(store, wikinews, seed):
    store.add_articles(wikinews + [seed])
    return store


def _ids(records) -> list[str]:
    return [r.article.doc_id for r in records]


def test_search_finds_the_seed_by_words_of_its_text(filled):
    assert _ids(filled.iter_articles("Assimi Goita")) == ["seed-000"]


def test_search_ignores_accents_and_case(filled):
    assert "seed-000" in _ids(filled.iter_articles("coup d'etat junte"))
    assert "seed-000" in _ids(filled.iter_articles("ASSIMI"))


def test_search_ranks_title_matches_first(filled):
    found = _ids(filled.iter_articles("Russie"))
    assert found[0] == "seed-000"


def test_search_prefix_with_star(filled):
    assert "seed-000" in _ids(filled.iter_articles("putschis*"))


@pytest.mark.parametrize("typed", ['"Mali" AND (', "Mali OR NOT", "junte: -Russie", "NEAR(Mali"])
def test_search_with_fts_syntax_characters_does_not_break(filled, typed):
    list(filled.iter_articles(typed))  # searched as words, never parsed as FTS syntax


def test_search_words_are_all_required(filled):
    assert _ids(filled.iter_articles("Goita SpaceX")) == []


def test_search_with_no_word_is_rejected_with_a_reason(filled):
    with pytest.raises(RejectedInput, match="at least one word"):
        list(filled.iter_articles("  ?! -- "))


def test_fts_query_quotes_each_word():
    assert fts_query('l\'armée "NOT" Mali*') == '"l\'armée" """NOT""" "Mali"*'


def test_listing_is_newest_first_with_limit_and_offset(filled, wikinews):
    newest = max((a.published, i, a) for i, a in enumerate(wikinews) if a.published)[2]
    first_page = _ids(filled.iter_articles(limit=3))
    assert first_page[0] == "seed-000"  # 2020 beats the 2012 Wikinews articles
    assert first_page[1] == newest.doc_id
    assert _ids(filled.iter_articles(limit=2, offset=1)) == first_page[1:3]
    assert len(_ids(filled.iter_articles())) == 101


def test_listing_puts_undated_articles_last(store, seed):
    store.add_articles([replace(seed, doc_id="undated", published=None, content_hash="x"),
                        replace(seed, doc_id="old", published=date(1999, 1, 1), content_hash="y")])
    assert _ids(store.iter_articles()) == ["old", "undated"]


def test_search_index_follows_updates_and_deletes(filled):
    filled.execute("BEGIN")
    filled.execute("UPDATE articles SET title = 'Zanzibar' WHERE doc_id = 'seed-000'")
    filled.execute("DELETE FROM articles WHERE doc_id = 'wikinews-43971'")
    filled.execute("COMMIT")
    assert _ids(filled.iter_articles("Zanzibar")) == ["seed-000"]
    assert _ids(filled.iter_articles("SpaceX Falcon")) == []
    filled.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
