"""The intermediate Parquet parts a cluster run writes, and their exact way back to records.

A cluster worker turns one *unit* (one input file, URL or stdin) into one part file::

    <parquet-dir>/part-<20 hex digits of sha1(unit locator)>.parquet

The name depends on the unit alone, so a unit run again (a retried task, a rerun of
the command) overwrites its part instead of adding a second one. A part is written
to a hidden temporary name in the same folder and renamed when complete: a reader
(`veille load`, DuckDB, Spark) never sees half a part. Hidden names (``.…``) are
ignored by pyarrow, DuckDB globs over ``part-*.parquet`` and Spark alike.

One row per article, in the order the ingest stage gave them, with these columns
(``PART_SCHEMA``):

- every ``Article`` field: ``doc_id``, ``title``, ``text``, ``content_hash``,
  ``source_kind``, ``locator``, ``url``, ``published`` (date), ``language``, ``byline``,
  ``section``, ``tags`` (list of strings), ``standfirst``, ``headings`` (list of
  ``{start, end}``);
- ``analysis``: the analysis as JSON, in the export contract's shape
  (``store/export.py`` ``article_to_export``: ``events``, ``quotes``, ``timexes``,
  ``entities``) plus the few fields the contract leaves out, so that the round trip is
  exact: actors' ``confidence``, ``kind`` and ``role``, places' ``geonames_id``, a
  mention's ``text`` when it is not ``text[start:end]``, and the analysis ``versions``.
  Null when the article was not analysed (not French, analysis off, or rejected);
- ``stage`` and ``reason``: null, or why the analyser rejected this article.

An input the ingest stage rejected has a row of its own with a null ``doc_id``: only
``locator``, ``stage`` and ``reason`` are set. The part's key-value metadata
``veille.unit`` holds ``{"locator": unit, "order": position of the unit in its run,
"veille": version}``; ``list_parts`` sorts by it, so a load replays the units in the
order a single-machine run would have read them (duplicates are decided in that order).

``analysis_from_export`` also reads a plain export-contract object (a line of
``veille export --format jsonl``); fields the contract does not carry take their defaults.
"""
from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from veille import __version__
from veille.model import (
    Actor,
    Analysis,
    Article,
    Entity,
    EntityKind,
    Event,
    EventDate,
    EventType,
    Heading,
    Place,
    Quote,
    QuoteKind,
    Rejection,
    SourceKind,
    Span,
    Status,
    Timex,
)
from veille.store.export import article_to_export
from veille.store.rows import code

ANALYSIS_KEYS = ("events", "quotes", "timexes", "entities")
UNIT_METADATA = b"veille.unit"
PART_GLOB = "part-*.parquet"
READ_BATCH_ROWS = 256

PART_SCHEMA = pa.schema([
    ("doc_id", pa.string()),
    ("title", pa.string()),
    ("text", pa.string()),
    ("content_hash", pa.string()),
    ("source_kind", pa.string()),
    ("locator", pa.string()),
    ("url", pa.string()),
    ("published", pa.date32()),
    ("language", pa.string()),
    ("byline", pa.string()),
    ("section", pa.string()),
    ("tags", pa.list_(pa.string())),
    ("standfirst", pa.string()),
    ("headings", pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64())]))),
    ("analysis", pa.string()),
    ("stage", pa.string()),
    ("reason", pa.string()),
])


# --------------------------------------------------------------------------- analysis <-> JSON


def analysis_to_export(article: Article, analysis: Analysis) -> dict:
    """The export contract's analysis lists of ``article``, with what the contract leaves out."""
    export = article_to_export(article, analysis)
    out = {key: export[key] for key in ANALYSIS_KEYS}
    for event_json, event in zip(out["events"], analysis.events):
        for key, actor in (("source", event.source), ("target", event.target),
                           ("attributed_to", event.attributed_to)):
            _add_actor_extras(event_json[key], actor)
        if event.place is not None:
            event_json["place"]["geonames_id"] = event.place.geonames_id
    for quote_json, quote in zip(out["quotes"], analysis.quotes):
        _add_actor_extras(quote_json["speaker"], quote.speaker)
    for entity_json, entity in zip(out["entities"], analysis.entities):
        for mention_json, mention in zip(entity_json["mentions"], entity.mentions):
            if mention.text != article.text[mention.start:mention.end]:
                mention_json["text"] = mention.text
    out["versions"] = dict(analysis.versions)
    return out


def _add_actor_extras(actor_json: dict | None, actor: Actor | None) -> None:
    if actor is not None:
        actor_json |= {"confidence": actor.confidence, "kind": code(actor.kind), "role": actor.role}


def analysis_from_export(export: dict) -> Analysis:
    """The Analysis of one export object (``article_to_export`` output, or a part row's
    analysis merged with its ``doc_id`` and ``text``): the inverse of ``analysis_to_export``."""
    text = export.get("text") or ""
    return Analysis(
        doc_id=export["doc_id"],
        events=tuple(_event(e) for e in export.get("events") or ()),
        quotes=tuple(_quote(q) for q in export.get("quotes") or ()),
        timexes=tuple(Timex(t["text"], t["start"], t["end"], t["value"]) for t in export.get("timexes") or ()),
        entities=tuple(_entity(e, text) for e in export.get("entities") or ()),
        versions=dict(export.get("versions") or {}),
    )


def _optional(data: dict, *keys: str) -> dict:
    """The keys present in ``data``: an absent one leaves the dataclass default."""
    return {key: data[key] for key in keys if key in data}


def actor_from_export(data: dict | None) -> Actor | None:
    if data is None:
        return None
    kind = data.get("kind")
    return Actor(name=data["name"], country=data.get("country"), sector=tuple(data.get("sector") or ()),
                 org=data.get("org"), kb_id=data.get("kb_id"), role=data.get("role"),
                 kind=EntityKind(kind) if kind else None, **_optional(data, "confidence"))


def _event(data: dict) -> Event:
    evidence, when, place = data["evidence"], data.get("date"), data.get("place")
    return Event(
        type=EventType(data["type"]),
        source=actor_from_export(data.get("source")),
        target=actor_from_export(data.get("target")),
        evidence=Span(evidence["start"], evidence["end"], evidence["text"]),
        status=Status(data.get("status") or Status.ASSERTED.value),
        mode=data.get("mode"),
        attributed_to=actor_from_export(data.get("attributed_to")),
        date=None if when is None else EventDate(when["value"], when.get("text", ""),
                                                 bool(when.get("from_publication", False))),
        place=None if place is None else Place(place["name"], place.get("country"), place.get("lat"),
                                               place.get("lon"), place.get("geonames_id")),
        trigger=data.get("trigger"),
        evidence_in=evidence.get("in", "text"),
        **_optional(data, "confidence"),
    )


def _quote(data: dict) -> Quote:
    return Quote(speaker=actor_from_export(data.get("speaker")), text=data["text"], start=data["start"],
                 end=data["end"], kind=QuoteKind(data["kind"]), cue=data.get("cue"))


def _entity(data: dict, text: str) -> Entity:
    mentions = tuple(Span(m["start"], m["end"], m.get("text", text[m["start"]:m["end"]]))
                     for m in data.get("mentions") or ())
    return Entity(id=data["id"], name=data["name"], kind=EntityKind(data["kind"]), country=data.get("country"),
                  sector=tuple(data.get("sector") or ()), org=data.get("org"), kb_id=data.get("kb_id"),
                  mentions=mentions)


# --------------------------------------------------------------------------- rows


def article_row(article: Article, result: Analysis | Rejection | None = None) -> dict:
    """The part row of an article, with its analysis or the analyser's rejection."""
    row = {
        "doc_id": article.doc_id, "title": article.title, "text": article.text,
        "content_hash": article.content_hash, "source_kind": code(article.source_kind),
        "locator": article.locator, "url": article.url, "published": article.published,
        "language": article.language, "byline": article.byline, "section": article.section,
        "tags": list(article.tags), "standfirst": article.standfirst,
        "headings": [{"start": h.start, "end": h.end} for h in article.headings],
        "analysis": None, "stage": None, "reason": None,
    }
    if isinstance(result, Analysis):
        row["analysis"] = json.dumps(analysis_to_export(article, result), ensure_ascii=False,
                                     separators=(",", ":"))
    elif isinstance(result, Rejection):
        row |= {"stage": result.stage, "reason": result.reason}
    return row


def rejection_row(rejection: Rejection) -> dict:
    """The part row of an input the ingest stage rejected (no article)."""
    return {name: None for name in PART_SCHEMA.names} | {
        "tags": [], "headings": [], "locator": rejection.locator, "stage": rejection.stage,
        "reason": rejection.reason}


def article_from_row(row: dict) -> Article:
    """The Article of a part row (``article_row``'s inverse)."""
    return Article(
        doc_id=row["doc_id"], title=row["title"], text=row["text"], content_hash=row["content_hash"],
        source_kind=SourceKind(row["source_kind"]), locator=row["locator"], url=row["url"],
        published=row["published"], language=row["language"], byline=row["byline"],
        section=row["section"], tags=tuple(row["tags"] or ()), standfirst=row["standfirst"],
        headings=tuple(Heading(h["start"], h["end"]) for h in row["headings"] or ()),
    )


@dataclass(frozen=True, slots=True)
class PartRow:
    """One row read back: an article (analysed, rejected by the analyser, or neither),
    or an input rejected at ingest (``article`` is None)."""

    article: Article | None
    analysis_json: str | None = None
    rejection: Rejection | None = None

    def analysis(self) -> Analysis | None:
        if self.analysis_json is None or self.article is None:
            return None
        return analysis_from_export({"doc_id": self.article.doc_id, "text": self.article.text,
                                     **json.loads(self.analysis_json)})


def part_row_from(row: dict) -> PartRow:
    if row["doc_id"] is None:
        return PartRow(None, rejection=Rejection(row["locator"], row["stage"], row["reason"]))
    article = article_from_row(row)
    rejection = None if row["reason"] is None else Rejection(article.locator, row["stage"], row["reason"])
    return PartRow(article, row["analysis"], rejection)


# --------------------------------------------------------------------------- part files


def part_path(directory: Path, unit: str) -> Path:
    """Where the part of ``unit`` goes: named by the unit alone, so a rerun overwrites it."""
    digest = hashlib.sha1(unit.encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return Path(directory) / f"part-{digest}.parquet"


class PartWriter:
    """Writes one unit's part, batch by batch, to a temporary name; renamed on success.

        with PartWriter(folder, unit="corpus/a.jsonl", order=3) as part:
            part.write([article_row(a, analysis), rejection_row(r)])
    """

    def __init__(self, directory: str | os.PathLike, *, unit: str, order: int):
        self.path = part_path(Path(directory), unit)
        self.rows = 0
        self._tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
        meta = json.dumps({"locator": unit, "order": order, "veille": __version__}, ensure_ascii=False)
        self._writer = pq.ParquetWriter(self._tmp, PART_SCHEMA.with_metadata({UNIT_METADATA: meta.encode()}))

    def write(self, rows: list[dict]) -> None:
        if rows:
            self._writer.write_table(pa.Table.from_pylist(rows, schema=PART_SCHEMA))
            self.rows += len(rows)

    def __enter__(self) -> "PartWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self._writer.close()
        if exc_type is None:
            os.replace(self._tmp, self.path)
        else:
            self._tmp.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class PartInfo:
    path: Path
    unit: str
    order: int


def part_info(path: str | os.PathLike) -> PartInfo:
    meta = pq.read_schema(path).metadata or {}
    unit = json.loads(meta.get(UNIT_METADATA, b"{}"))
    return PartInfo(Path(path), unit.get("locator", ""), int(unit.get("order", 0)))


def list_parts(directory: str | os.PathLike) -> list[PartInfo]:
    """The complete parts in ``directory``, in the order their units were planned."""
    infos = [part_info(p) for p in Path(directory).glob(PART_GLOB)]
    return sorted(infos, key=lambda info: (info.order, info.unit, info.path.name))


def read_part(path: str | os.PathLike) -> Iterator[PartRow]:
    """The rows of one part, in order, a few hundred at a time."""
    parquet = pq.ParquetFile(path)
    for batch in parquet.iter_batches(batch_size=READ_BATCH_ROWS):
        for row in batch.to_pylist():
            yield part_row_from(row)


def read_parts(paths: Iterable[str | os.PathLike]) -> Iterator[PartRow]:
    for path in paths:
        yield from read_part(path)
