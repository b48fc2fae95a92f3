"""Migrations: a fresh store gets the whole schema, re-opening applies only what is missing."""
from __future__ import annotations

import sqlite3

import pytest

from veille.errors import RejectedInput
from veille.store import Store
from veille.store.schema import Migration, available_migrations, migrate

EXPECTED_TABLES = {"schema_version", "runs", "articles", "articles_fts", "rejections", "entities",
                   "mentions", "events", "quotes", "timexes"}


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_open_fresh_store_creates_file_with_schema_and_pragmas(db_path):
    with Store.open(db_path) as store:
        assert store.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        versions = [tuple(r) for r in store.execute("SELECT version, name FROM schema_version ORDER BY version")]
    assert db_path.is_file()
    assert versions[:2] == [(1, "initial"), (2, "original_hash")]
    assert versions == [(m.version, m.name) for m in available_migrations()]
    conn = sqlite3.connect(db_path)
    assert EXPECTED_TABLES <= _tables(conn)
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"events_dyad_country", "events_source_kb", "events_target_kb", "events_type",
            "events_status", "events_date", "articles_original_hash", "articles_pending"} <= indexes
    conn.close()


def test_reopen_applies_nothing_and_keeps_data(db_path):
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("INSERT INTO runs(command, started) VALUES ('ingest', '2024-01-01T00:00:00+00:00')")
    assert migrate(conn) == []
    assert conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(available_migrations())
    assert conn.execute("SELECT command FROM runs").fetchall() == [("ingest",)]
    conn.close()


def test_migrate_applies_only_missing_versions_in_order(db_path):
    Store.open(db_path).close()
    shipped = [m.version for m in available_migrations()]
    extra = Migration(9001, "add_notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);")
    conn = sqlite3.connect(db_path, isolation_level=None)
    assert migrate(conn, available_migrations() + [extra]) == [9001]
    assert migrate(conn, available_migrations() + [extra]) == []
    assert [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")] == shipped + [9001]
    assert "notes" in _tables(conn)
    conn.close()


def test_failing_migration_leaves_no_trace(db_path):
    Store.open(db_path).close()
    broken = Migration(9002, "broken", "CREATE TABLE half_done (x INTEGER);\nCREATE TABLE oops (;")
    conn = sqlite3.connect(db_path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, available_migrations() + [broken])
    assert "half_done" not in _tables(conn)
    assert 9002 not in [r[0] for r in conn.execute("SELECT version FROM schema_version")]
    conn.close()


def test_shipped_migrations_start_at_one_with_unique_versions():
    versions = [m.version for m in available_migrations()]
    assert versions[0] == 1 and versions == sorted(set(versions))


def test_a_missing_lower_version_is_applied_after_higher_ones(db_path):
    """A store migration numbered below one already applied (0050 is numbered apart) still runs."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    first, later = available_migrations()[0], Migration(9003, "later", "CREATE TABLE later (x);")
    assert migrate(conn, [first, later]) == [1, 9003]
    middle = Migration(2, "middle", "CREATE TABLE middle (x);")
    assert migrate(conn, [first, middle, later]) == [2]
    conn.close()


def test_open_without_create_names_the_missing_store(tmp_path):
    missing = tmp_path / "nowhere.db"
    with pytest.raises(RejectedInput, match="no store at .*nowhere.db.*veille ingest"):
        Store.open(missing, create=False)
    assert not missing.exists()


def test_open_a_file_that_is_not_sqlite_is_rejected(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    with pytest.raises(RejectedInput, match="not a usable veille store"):
        Store.open(bogus)


def test_open_in_a_missing_folder_is_rejected(tmp_path):
    with pytest.raises(RejectedInput, match="does not exist"):
        Store.open(tmp_path / "no" / "such" / "dir" / "veille.db")


def test_open_a_directory_is_rejected(tmp_path):
    with pytest.raises(RejectedInput, match="not a usable veille store"):
        Store.open(tmp_path)


def test_store_made_by_an_older_version_is_upgraded_on_open(db_path):
    conn = sqlite3.connect(db_path, isolation_level=None)
    migrate(conn, available_migrations()[:1])
    conn.execute("INSERT INTO articles(doc_id, title, text, content_hash, source_kind, locator, ingested_at)"
                 " VALUES ('old-1', 'Titre', 'Texte ancien.', 'h1', 'text', 'old.txt', '2024-01-01')")
    conn.close()
    with Store.open(db_path) as store:
        versions = [r[0] for r in store.execute("SELECT version FROM schema_version ORDER BY version")]
        assert versions == [m.version for m in available_migrations()]
        assert store.get_article("old-1").text == "Texte ancien."
        plan = " ".join(r[3] for r in store.execute(
            "EXPLAIN QUERY PLAN SELECT doc_id FROM articles WHERE content_hash = 'h1' AND duplicate_of IS NULL"))
        assert "articles_original_hash" in plan
