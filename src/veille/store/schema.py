"""Versioned schema migrations: ``migrations/NNNN_name.sql`` applied in order.

Each migration runs in one transaction together with its row in
``schema_version``, so a crash leaves it either fully applied or not at all;
re-opening a store applies only what is missing.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def available_migrations() -> list[Migration]:
    """The migrations shipped with the package, in version order."""
    found = []
    for entry in resources.files("veille.store").joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a version number: {versions}")
    return found


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    return {row[0] for row in conn.execute("SELECT version FROM schema_version")}


def migrate(conn: sqlite3.Connection, migrations: list[Migration] | None = None) -> list[int]:
    """Apply the missing migrations (default: the shipped ones); return the versions applied now.

    ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    applied = []
    for migration in available_migrations() if migrations is None else migrations:
        if migration.version in applied_versions(conn):
            continue
        if _apply(conn, migration):
            applied.append(migration.version)
    return applied


def _apply(conn: sqlite3.Connection, migration: Migration) -> bool:
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    record = (
        "INSERT INTO schema_version(version, name, applied_at) VALUES "
        f"({migration.version}, '{migration.name}', '{now}');"
    )
    try:
        conn.executescript(f"BEGIN IMMEDIATE;\n{migration.sql}\n{record}\nCOMMIT;")
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if migration.version in applied_versions(conn):
            return False  # another process applied it while we waited for the lock
        raise
    return True
