"""Counting events in SQL (for actors with many events, where loading each one would be slow)."""
from __future__ import annotations

from collections import defaultdict

from veille.model import Status
from veille.queries.sqlparts import EVENT_DATE, EVENT_FROM, SOURCE_OF
from veille.queries.types import Breakdown, StatusCounts


def breakdowns(store, where: str, params: list, key_sql: str) -> dict[str, Breakdown]:
    """Events matching ``where`` grouped by the SQL expression ``key_sql``, each split by status."""
    counts = status_by(store, where, params, key_sql)
    out = {}
    for key, articles, sources, first, last in store.execute(
            f"SELECT {key_sql} AS k, count(DISTINCT e.doc_id), count(DISTINCT {SOURCE_OF}),"
            f" min({EVENT_DATE}), max({EVENT_DATE}) FROM {EVENT_FROM} WHERE {where} GROUP BY k", params):
        if key is not None:
            out[key] = Breakdown(key, counts.get(key, StatusCounts()), articles, sources, first, last)
    return out


def overall(store, where: str, params: list) -> Breakdown:
    return breakdowns(store, where, params, "'all'").get("all") or Breakdown("all", StatusCounts())


def status_by(store, where: str, params: list, key_sql: str) -> dict[str, StatusCounts]:
    """Only the status counts per key (one query)."""
    counts: dict[str, dict[Status, int]] = defaultdict(dict)
    for key, status, n in store.execute(
            f"SELECT {key_sql} AS k, e.status, count(*) FROM {EVENT_FROM}"
            f" WHERE {where} GROUP BY k, e.status", params):
        if key is not None:
            counts[key][Status(status)] = n
    return {key: StatusCounts.of(c) for key, c in counts.items()}
