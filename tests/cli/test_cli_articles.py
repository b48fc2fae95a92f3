"""`veille articles`, `veille show`, `veille stats` on a real store file."""
from __future__ import annotations

import json


def test_articles_lists_newest_first_with_date_language_title(veille, db):
    code, out, _ = veille("articles", "--db", db)
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["doc_id", "date", "lang", "title"]
    assert lines[1].startswith("seed-000") and "2020-09-01" in lines[1] and " fr " in lines[1]
    assert "Mali : la Russie, véritable soutien à la junte au pouvoir ?" in lines[1]
    assert "[exact copy of seed-000]" in out
    assert len(lines) == 1 + 7


def test_articles_search_and_limit(veille, db):
    code, out, _ = veille("articles", "--search", "Assimi Goita", "--limit", "1", "--db", db)
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["seed-000"]


def test_articles_search_without_match_says_so(veille, db):
    code, out, _ = veille("articles", "--search", "Zanzibar", "--db", db)
    assert code == 0 and out.strip() == f"no article matches 'Zanzibar' in {db}"


def test_articles_search_of_punctuation_only_is_an_error_not_a_traceback(veille, db):
    code, out, err = veille("articles", "--search", "?!", "--db", db)
    assert code == 1 and out == ""
    assert err.strip() == "veille: error: nothing to search for in '?!': give at least one word"


def test_show_prints_metadata_text_and_analysis(veille, db):
    code, out, _ = veille("show", "seed-000", "--db", db)
    assert code == 0
    assert out.startswith("seed-000  Mali : la Russie")
    assert "published: 2020-09-01   language: fr   section: Politique" in out
    assert "Les militaires maliens, auteurs du coup d’Etat" in out  # the body text
    assert "Events (1)" in out
    assert "AID  Russie (RUS GOV) -> militaires maliens (MLI MIL)  [alleged]" in out
    assert "according to sources militaires maliennes (MLI MIL)" in out
    assert "Fatoumata Coulibaly (MLI EDU), enseignante-chercheuse à Bamako [direct, Selon]" in out
    assert "vendredi 21 août -> 2020-08-21" in out
    assert "analysed: " in out and "(test 1)" in out


def test_show_of_copy_names_its_original_and_can_leave_text_out(veille, db):
    code, out, _ = veille("show", "seed-copy", "--no-text", "--db", db)
    assert code == 0
    assert "exact duplicate of: seed-000" in out
    assert "Les militaires maliens" not in out


def test_show_unknown_doc_id_says_what_to_do(veille, db):
    code, out, err = veille("show", "nope-42", "--db", db)
    assert code == 1 and out == ""
    assert "no article 'nope-42' in" in err and "veille articles --db" in err
    assert "Traceback" not in err


def test_read_commands_on_missing_store_say_run_ingest_first(veille, tmp_path):
    missing = tmp_path / "absent.db"
    for command in (["articles"], ["show", "x"], ["stats"], ["export"]):
        code, out, err = veille(*command, "--db", missing)
        assert code == 1 and out == ""
        assert err.strip() == f"veille: error: no store at {missing}; run `veille ingest SOURCE --db {missing}` first"
    assert not missing.exists()


def test_db_defaults_to_veille_db_environment_variable(veille, db, monkeypatch):
    monkeypatch.setenv("VEILLE_DB", str(db))
    code, out, _ = veille("articles", "--limit", "1")
    assert code == 0 and "seed-000" in out


def test_stats_prints_counts(veille, db):
    code, out, _ = veille("stats", "--db", db)
    assert code == 0
    assert "articles:          7" in out
    assert "by language:     fr 7" in out
    assert "duplicates:      1 exact, 0 near" in out
    assert "analysed:        1  (waiting: 5," in out
    assert "by type:         AID 1" in out and "by status:       alleged 1" in out


def test_stats_json(veille, db):
    code, out, _ = veille("stats", "--json", "--db", db)
    stats = json.loads(out)
    assert code == 0 and stats["articles"] == 7 and stats["events_by_status"] == {"alleged": 1}
