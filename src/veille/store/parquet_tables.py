"""`veille export --format parquet`: flat tables for analytics, partitioned by publication month.

    counts = export_parquet(store, Path("out"))   # {"articles": 120, "events": 310, ...}

Layout (Hive-style partitions, read by DuckDB, Spark, pandas/pyarrow, Polars)::

    out/articles/month=2020-09/part-0.parquet     one row per stored article
    out/events/month=2020-09/part-0.parquet       one row per event
    out/quotes/…  out/timexes/…  out/entities/…
    out/events/month=unknown/…                    articles without a publication date
    out/_veille_export.json                       tables, row counts, date, veille version

``month`` is the partition column (``YYYY-MM`` of the article's publication date, or
``unknown``): it is in the folder names, not inside the files, as Hive partitioning
wants; read with ``hive_partitioning = true`` in DuckDB. Every row carries ``doc_id``
and ``published``. Lists (sectors, tags) are Parquet lists of strings.

Events carry their article's ``duplicate_of``: a near duplicate has its own analysis,
so filter ``duplicate_of IS NULL`` to count each story once. Exact copies have no
analysis of their own and add no event rows. The folder is written beside ``out`` and
renamed into place: an export is complete or absent; an older export is replaced.
"""
from __future__ import annotations

import itertools
import json
import os
import shutil
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from veille import __version__
from veille.errors import RejectedInput
from veille.model import QUAD_CLASS, Analysis, EventType
from veille.store.articles import StoredArticle
from veille.store.db import Store
from veille.store.rows import code

MARKER = "_veille_export.json"
UNKNOWN_MONTH = "unknown"
CHUNK = 1000
ACTOR_FIELDS = (("name", pa.string()), ("country", pa.string()), ("sector", pa.list_(pa.string())),
                ("org", pa.string()), ("kb_id", pa.string()))
_DOC = [("doc_id", pa.string()), ("published", pa.date32())]


def _actor(prefix: str) -> list[tuple[str, pa.DataType]]:
    return [(f"{prefix}_{name}", kind) for name, kind in ACTOR_FIELDS]


SCHEMAS = {
    "articles": pa.schema(_DOC + [
        ("url", pa.string()), ("title", pa.string()), ("language", pa.string()), ("byline", pa.string()),
        ("section", pa.string()), ("tags", pa.list_(pa.string())), ("source_kind", pa.string()),
        ("locator", pa.string()), ("duplicate_of", pa.string()), ("duplicate_kind", pa.string()),
        ("analysed", pa.bool_()), ("events", pa.int32()), ("quotes", pa.int32()), ("chars", pa.int64()),
        ("text", pa.string())]),
    "events": pa.schema(_DOC + [
        ("idx", pa.int32()), ("type", pa.string()), ("quad_class", pa.string()), ("mode", pa.string()),
        ("status", pa.string()), *_actor("source"), *_actor("target"), *_actor("attributed"),
        ("evidence_text", pa.string()), ("evidence_start", pa.int64()), ("evidence_end", pa.int64()),
        ("date_value", pa.string()), ("date_text", pa.string()), ("date_from_publication", pa.bool_()),
        ("place_name", pa.string()), ("place_country", pa.string()), ("place_lat", pa.float64()),
        ("place_lon", pa.float64()), ("confidence", pa.float64()), ("trigger", pa.string()),
        ("duplicate_of", pa.string())]),
    "quotes": pa.schema(_DOC + [
        ("idx", pa.int32()), ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("kind", pa.string()), ("cue", pa.string()), *_actor("speaker"), ("speaker_role", pa.string())]),
    "timexes": pa.schema(_DOC + [
        ("idx", pa.int32()), ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("value", pa.string())]),
    "entities": pa.schema(_DOC + [
        ("entity_id", pa.string()), ("name", pa.string()), ("kind", pa.string()), ("country", pa.string()),
        ("sector", pa.list_(pa.string())), ("org", pa.string()), ("kb_id", pa.string()),
        ("mentions", pa.int32())]),
}
TABLES = tuple(SCHEMAS)


def month_of(published: date | None) -> str:
    return published.strftime("%Y-%m") if published else UNKNOWN_MONTH


# --------------------------------------------------------------------------- rows


def _actor_values(prefix: str, actor) -> dict:
    if actor is None:
        return {f"{prefix}_{name}": None for name, _ in ACTOR_FIELDS}
    return {f"{prefix}_name": actor.name, f"{prefix}_country": actor.country,
            f"{prefix}_sector": [code(s) for s in actor.sector], f"{prefix}_org": actor.org,
            f"{prefix}_kb_id": actor.kb_id}


def article_tables(record: StoredArticle, analysis: Analysis | None) -> dict[str, list[dict]]:
    """The rows of one stored article in each table."""
    article = record.article
    doc = {"doc_id": article.doc_id, "published": article.published}
    own = analysis or Analysis(article.doc_id)
    events = [doc | {"idx": i, "type": code(e.type), "quad_class": code(QUAD_CLASS[EventType(e.type)]),
                     "mode": e.mode, "status": code(e.status)}
              | _actor_values("source", e.source) | _actor_values("target", e.target)
              | _actor_values("attributed", e.attributed_to)
              | {"evidence_text": e.evidence.text, "evidence_start": e.evidence.start,
                 "evidence_end": e.evidence.end,
                 "date_value": e.date.value if e.date else None, "date_text": e.date.text if e.date else None,
                 "date_from_publication": e.date.from_publication if e.date else None,
                 "place_name": e.place.name if e.place else None,
                 "place_country": e.place.country if e.place else None,
                 "place_lat": e.place.lat if e.place else None, "place_lon": e.place.lon if e.place else None,
                 "confidence": float(e.confidence), "trigger": e.trigger, "duplicate_of": record.duplicate_of}
              for i, e in enumerate(own.events)]
    quotes = [doc | {"idx": i, "text": q.text, "start": q.start, "end": q.end, "kind": code(q.kind),
                     "cue": q.cue, "speaker_role": q.speaker.role if q.speaker else None}
              | _actor_values("speaker", q.speaker) for i, q in enumerate(own.quotes)]
    timexes = [doc | {"idx": i, "text": t.text, "start": t.start, "end": t.end, "value": t.value}
               for i, t in enumerate(own.timexes)]
    entities = [doc | {"entity_id": e.id, "name": e.name, "kind": code(e.kind), "country": e.country,
                       "sector": [code(s) for s in e.sector], "org": e.org, "kb_id": e.kb_id,
                       "mentions": len(e.mentions)} for e in own.entities]
    row = doc | {"url": article.url, "title": article.title, "language": article.language,
                 "byline": article.byline, "section": article.section, "tags": list(article.tags),
                 "source_kind": code(article.source_kind), "locator": article.locator,
                 "duplicate_of": record.duplicate_of, "duplicate_kind": record.duplicate_kind,
                 "analysed": analysis is not None, "events": len(events), "quotes": len(quotes),
                 "chars": len(article.text), "text": article.text}
    return {"articles": [row], "events": events, "quotes": quotes, "timexes": timexes, "entities": entities}


# --------------------------------------------------------------------------- writing


class _MonthWriter:
    """One table's files: one open month at a time (articles come grouped by month)."""

    def __init__(self, folder: Path, schema: pa.Schema):
        self.folder, self.schema = folder, schema
        self.rows = 0
        self._month: str | None = None
        self._writer: pq.ParquetWriter | None = None
        self._opened: dict[str, int] = {}

    def write(self, month: str, rows: list[dict]) -> None:
        if month != self._month:
            self.close()
            n = self._opened.get(month, 0)
            self._opened[month] = n + 1
            path = self.folder / f"month={month}" / f"part-{n}.parquet"
            path.parent.mkdir(parents=True, exist_ok=True)
            self._writer, self._month = pq.ParquetWriter(path, self.schema), month
        self._writer.write_table(pa.Table.from_pylist(rows, schema=self.schema))
        self.rows += len(rows)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._writer, self._month = None, None

    def finish(self) -> None:
        """Close; a table with no row at all still gets one empty file, so globs find it."""
        self.close()
        if not self._opened:
            self.write(UNKNOWN_MONTH, [])
            self.close()


def export_parquet(store: Store, out: Path) -> dict[str, int]:
    """Write the five tables under ``out`` (replacing an earlier export); the row counts."""
    _check_target(out)
    partial = out.with_name(out.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    try:
        counts = _write_tables(store, partial)
        (partial / MARKER).write_text(json.dumps(
            {"tables": counts, "exported": datetime.now(timezone.utc).isoformat(timespec="seconds"),
             "veille": __version__, "partitioning": "hive: month=YYYY-MM | month=unknown"}, indent=1))
        if out.exists():
            shutil.rmtree(out)
        os.replace(partial, out)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return counts


def _check_target(out: Path) -> None:
    if not out.parent.is_dir():
        raise RejectedInput(f"cannot write {out}: folder {out.parent} does not exist")
    if out.exists() and not (out / MARKER).exists() and (not out.is_dir() or any(out.iterdir())):
        raise RejectedInput(f"{out} exists and is not a veille Parquet export; give another --out folder")


def _write_tables(store: Store, folder: Path) -> dict[str, int]:
    writers = {name: _MonthWriter(folder / name, schema) for name, schema in SCHEMAS.items()}
    for chunk in _chunks(store.iter_articles(newest_first=True)):
        analyses = store.load_analyses(r.article.doc_id for r in chunk)
        tables = [article_tables(r, analyses.get(r.article.doc_id)) for r in chunk]
        for name, writer in writers.items():
            rows = [row for t in tables for row in t[name]]
            for month, group in itertools.groupby(rows, key=lambda row: month_of(row["published"])):
                writer.write(month, list(group))
    for writer in writers.values():
        writer.finish()
    return {name: writer.rows for name, writer in writers.items()}


def _chunks(records: Iterator[StoredArticle]) -> Iterator[list[StoredArticle]]:
    while chunk := list(itertools.islice(records, CHUNK)):
        yield chunk
