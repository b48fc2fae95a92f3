"""`veille ingest` and `veille analyze` on real files: the summary, rejections, exit codes."""
from __future__ import annotations

import io
import sqlite3
import sys



def _summary(out: str) -> dict[str, int]:
    """The counts of the summary block, by label."""
    counts = {}
    for line in out.splitlines()[1:]:
        label, sep, rest = line.strip().partition(":")
        if sep and rest.split() and rest.split()[0].isdigit():
            counts[label] = int(rest.split()[0])
    return counts


def test_ingest_folder_prints_the_summary(veille, sources, tmp_path):
    db = tmp_path / "veille.db"
    code, out, err = veille("ingest", sources, "--db", db, "--no-analyze")
    assert code == 0
    assert out.splitlines()[0].startswith(f"{db}: 5 new articles stored in ")
    assert _summary(out) == {"exact duplicates": 0, "near duplicates": 0, "already stored": 0,
                             "not in French": 1, "analysed": 0, "rejected": 0}
    assert "analysed:               0   (analysis off)" in out
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles WHERE language = 'fr'").fetchone()[0] == 4
    conn.close()


def test_ingest_again_adds_nothing(veille, sources, tmp_path):
    db = tmp_path / "veille.db"
    veille("ingest", sources, "--db", db, "--no-analyze")
    code, out, _ = veille("ingest", sources, "--db", db, "--no-analyze")
    assert code == 0 and out.startswith(f"{db}: 0 new articles stored")
    assert _summary(out)["already stored"] == 5


def test_missing_file_is_a_rejection_line_naming_it(veille, sources, tmp_path):
    db, missing = tmp_path / "veille.db", tmp_path / "missing.html"
    code, out, err = veille("ingest", sources, missing, "--db", db, "--no-analyze")
    assert code == 0  # the run completed; one input was rejected
    assert _summary(out)["rejected"] == 1
    assert f"    {missing}: no such file: {missing}; check the path [ingest]" in out.splitlines()


def test_nothing_readable_exits_2(veille, tmp_path):
    db, missing = tmp_path / "veille.db", tmp_path / "missing.html"
    code, out, err = veille("ingest", missing, "--db", db, "--no-analyze")
    assert code == 2
    assert f"{missing}: no such file" in out
    assert "nothing could be read from the sources given" in err and "Traceback" not in err


def test_ingest_from_stdin(veille, seed_path, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(seed_path.read_bytes()), encoding="utf-8"))
    code, out, _ = veille("ingest", "-", "--db", tmp_path / "veille.db", "--no-analyze")
    assert code == 0 and _summary(out)["rejected"] == 0
    code, out, _ = veille("articles", "--db", tmp_path / "veille.db")
    assert "Mali : la Russie, véritable soutien à la junte au pouvoir ?" in out


def test_ingested_seed_is_searchable_and_shown(veille, seed_path, tmp_path):
    db = tmp_path / "veille.db"
    veille("ingest", seed_path, "--db", db, "--no-analyze")
    code, out, _ = veille("articles", "--search", "Goita", "--db", db)
    doc_id = out.splitlines()[1].split()[0]
    assert code == 0 and "2020-09-01" in out
    code, out, _ = veille("show", doc_id, "--db", db)
    assert code == 0 and "Les militaires maliens, auteurs du coup d’Etat" in out
    assert "Laisser un commentaire" not in out  # the comment-form boilerplate is not body text


def test_ingest_with_analysis_analyses_the_new_article(veille, seed_path, tmp_path):
    db = tmp_path / "veille.db"
    code, out, err = veille("ingest", seed_path, "--db", db)
    assert code == 0
    assert _summary(out)["analysed"] == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] >= 10


def test_analyze_without_store_says_run_ingest_first(veille, tmp_path):
    code, out, err = veille("analyze", "--db", tmp_path / "absent.db")
    assert code == 1 and "no store at" in err and "veille ingest" in err


def test_bad_batch_size_is_a_usage_error(veille, seed_path, tmp_path):
    code, _, err = veille("ingest", seed_path, "--batch-size", "0", "--db", tmp_path / "v.db")
    assert code == 2 and "--batch-size: 0 is too small: give 1 or more" in err


def test_store_in_missing_folder_is_an_error_to_act_on(veille, seed_path, tmp_path):
    code, _, err = veille("ingest", seed_path, "--db", tmp_path / "no" / "v.db", "--no-analyze")
    assert code == 1 and "folder" in err and "does not exist" in err and "Traceback" not in err


def test_reanalyze_redoes_only_out_of_date_analyses(veille, tmp_path, seed_path):
    import json
    import sqlite3

    db = tmp_path / "v.db"
    assert veille("ingest", seed_path, "--db", db)[0] == 0
    code, out, _ = veille("reanalyze", "--db", db)
    assert code == 0 and "0 articles analysed" in out
    with sqlite3.connect(db) as conn:
        versions = json.loads(conn.execute("SELECT analysis_versions FROM articles").fetchone()[0])
        assert set(versions) == {"veille", "model", "kb", "lexicon", "event_model"}
        conn.execute("UPDATE articles SET analysis_versions = json_set(analysis_versions, '$.kb', 'old-kb')")
    code, out, _ = veille("reanalyze", "--db", db, "--since-version", "other")
    assert code == 0 and "0 articles analysed" in out
    code, out, _ = veille("reanalyze", "--db", db)
    assert code == 0 and "1 articles analysed" in out
    with sqlite3.connect(db) as conn:
        assert json.loads(conn.execute("SELECT analysis_versions FROM articles").fetchone()[0]) == versions
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] > 0
        conn.execute("UPDATE articles SET analysis_versions = json_set(analysis_versions, '$.event_model', 'old')")
    code, out, _ = veille("reanalyze", "--db", db)  # a retrained event model redoes the analysis
    assert code == 0 and "1 articles analysed" in out
