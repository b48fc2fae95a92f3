"""Parquet: cluster parts read back exactly, and the analytics tables (by month) that DuckDB queries."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from veille.cli.main import main
from veille.config import Settings
from veille.model import Actor, Analysis, Event, EventType, Heading, Rejection, Span, Status
from veille.store import Store
from veille.store.export import article_to_export
from veille.store.parquet import (
    PartWriter,
    analysis_from_export,
    article_from_row,
    article_row,
    list_parts,
    part_path,
    read_part,
    rejection_row,
)
from veille.store.parquet_tables import MARKER, export_parquet

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "data" / "gold" / "dev"


def _write(folder: Path, unit: str, rows: list[dict], order: int = 0) -> Path:
    with PartWriter(folder, unit=unit, order=order) as part:
        part.write(rows)
    return part.path


# --------------------------------------------------------------------------- parts


def test_part_round_trip_of_hand_built_analysis_is_exact(tmp_path, seed, analysis, wikinews):
    bad = Rejection("corpus.jsonl#line-3", "ingest", "not valid JSON: Expecting value (column 1)")
    refused = Rejection(wikinews[0].locator, "analyze", "body text too long")
    path = _write(tmp_path, "corpus.jsonl", [article_row(seed, analysis), rejection_row(bad),
                                             article_row(wikinews[0], refused), article_row(wikinews[1])])
    rows = list(read_part(path))
    assert [r.article for r in rows] == [seed, None, wikinews[0], wikinews[1]]
    assert rows[0].analysis() == analysis and rows[0].rejection is None
    assert rows[1].rejection == bad
    assert rows[2].rejection == refused and rows[2].analysis() is None
    assert rows[3].analysis() is None and rows[3].rejection is None


def test_article_row_keeps_every_field(seed):
    full = replace(seed, standfirst="Chapeau.", headings=(Heading(0, 12), Heading(40, 52)), tags=("Mali", "Russie"))
    row = article_row(full)
    assert row["published"] == date(2020, 9, 1) and row["headings"][1] == {"start": 40, "end": 52}
    assert article_from_row(row) == full


@pytest.fixture(scope="module")
def analysed(article):
    """Real analyses: the dev gold texts through the real analyser."""
    from veille.extract.analyze import make_analyzer

    articles = []
    for path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        published = date.fromisoformat(gold["published"]) if gold.get("published") else None
        articles.append(article(gold["doc_id"], gold["text"], title=gold.get("title") or "",
                                     published=published))
    return list(zip(articles, make_analyzer(Settings())(articles)))


def test_part_round_trip_of_real_analyses_is_exact(tmp_path, analysed):
    assert sum(len(a.events) for _, a in analysed) > 20  # real content, not empty records
    path = _write(tmp_path, "gold.jsonl", [article_row(article, analysis) for article, analysis in analysed])
    rows = list(read_part(path))
    assert [r.article for r in rows] == [article for article, _ in analysed]
    assert [r.analysis() for r in rows] == [analysis for _, analysis in analysed]


def test_analysis_from_export_inverts_the_jsonl_contract(analysed):
    """A plain export line (no extras) gives an Analysis that exports identically."""
    for article, analysis in analysed:
        line = json.loads(json.dumps(article_to_export(article, analysis)))
        back = analysis_from_export(line)
        assert back.doc_id == article.doc_id
        assert article_to_export(article, back) == article_to_export(article, analysis)


def test_part_writer_leaves_nothing_when_the_unit_fails(tmp_path, seed):
    with pytest.raises(RuntimeError), PartWriter(tmp_path, unit="a.txt", order=0) as part:
        part.write([article_row(seed)])
        raise RuntimeError("worker bug")
    assert list(tmp_path.iterdir()) == []


def test_part_of_a_rerun_unit_overwrites_and_temporary_files_are_ignored(tmp_path, seed, wikinews):
    _write(tmp_path, "a.jsonl", [article_row(a) for a in wikinews[:3]])
    path = _write(tmp_path, "a.jsonl", [article_row(seed)])
    (tmp_path / f".{path.name}.999-deadbeef.tmp").write_bytes(b"half a part from a killed worker")
    assert path == part_path(tmp_path, "a.jsonl")
    assert [p.path for p in list_parts(tmp_path)] == [path]
    assert [r.article.doc_id for r in read_part(path)] == ["seed-000"]


def test_list_parts_follows_the_planned_unit_order(tmp_path, wikinews):
    for order, unit in [(2, "c.jsonl"), (0, "b.jsonl"), (1, "a.jsonl")]:
        _write(tmp_path, unit, [article_row(wikinews[order])], order=order)
    assert [p.unit for p in list_parts(tmp_path)] == ["b.jsonl", "a.jsonl", "c.jsonl"]
    meta = json.loads(pq.read_schema(part_path(tmp_path, "c.jsonl")).metadata[b"veille.unit"])
    assert meta["locator"] == "c.jsonl" and meta["order"] == 2


# --------------------------------------------------------------------------- analytics tables


def _russia_mali(article) -> Analysis:
    """A 2012 article with one Russia -> Mali government event and one Russia -> France event."""
    text = article.text
    russia, mali, france = (Actor("Russie", "RUS", ("GOV",)), Actor("Bamako", "MLI", ("GOV",)),
                            Actor("Paris", "FRA", ("GOV",)))
    words = text.split()[:2]
    first = Span(0, len(words[0]), words[0])
    return Analysis(article.doc_id, events=(
        Event(EventType.SANCTION, russia, mali, first, Status.NEGATED, confidence=0.4),
        Event(EventType.CONSULT, russia, france, first, Status.ASSERTED)))


@pytest.fixture
def analytics_store(db_path, seed, analysis, wikinews, article):
    undated = article("undated-1", "Un texte sans date de publication, à Bamako.")
    copy = replace(seed, doc_id="seed-copy", locator="copy.txt")
    with Store.open(db_path) as store:
        store.add_articles([seed, copy, undated] + wikinews[:5])
        store.save_analyses([analysis, _russia_mali(wikinews[0])])
    return db_path


def test_export_parquet_writes_tables_by_month(analytics_store, tmp_path, wikinews):
    out = tmp_path / "tables"
    with Store.open(analytics_store) as store:
        counts = export_parquet(store, out)
    assert counts == {"articles": 8, "events": 5, "quotes": 2, "timexes": 2, "entities": 3}
    months = sorted(p.name for p in (out / "articles").iterdir())
    assert months == sorted({f"month={a.published:%Y-%m}" for a in wikinews[:5]} | {"month=2020-09",
                                                                                    "month=unknown"})
    assert sorted(p.name for p in (out / "events").iterdir()) == [f"month={wikinews[0].published:%Y-%m}",
                                                                   "month=2020-09"]
    assert json.loads((out / MARKER).read_text())["tables"] == counts
    rows = duckdb.sql(f"SELECT type, quad_class, source_sector, target_org, evidence_text, date_value, place_name,"
                      f" duplicate_of, month FROM read_parquet('{out}/events/*/*.parquet', hive_partitioning = true)"
                      " WHERE doc_id = 'seed-000' ORDER BY idx").fetchall()
    assert rows[0][:4] == ("CONSULT", "verbal cooperation", ["GOV"], "CNSP")
    assert rows[0][5:] == ("2020-08", "Bamako", None, "2020-09")
    assert rows[1][:2] == ("AID", "material cooperation")
    copies = duckdb.sql(f"SELECT analysed, duplicate_of, duplicate_kind FROM read_parquet("
                        f"'{out}/articles/*/*.parquet', hive_partitioning = true) WHERE doc_id = 'seed-copy'")
    assert copies.fetchall() == [(False, "seed-000", "exact")]


def _readme_query() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    scale = readme.split("## Scale", 1)[1]
    return re.search(r"```sql\n(.*?)```", scale, re.S)[1]


def test_readme_dyad_query_runs_on_the_export(analytics_store, tmp_path, wikinews):
    out = tmp_path / "tables"
    assert main(["export", "--format", "parquet", "--out", str(out), "--db", str(analytics_store)]) == 0
    query = _readme_query().replace("'tables/", f"'{out}/")
    rows = duckdb.sql(query).fetchall()
    # the seed: CONSULT Russia -> CNSP (asserted), AID Russia -> Malian military (alleged);
    # 2012: SANCTION Russia -> Mali's government (negated); Russia -> France is left out
    assert rows == [(f"{wikinews[0].published:%Y-%m}", "negated", 1), ("2020-09", "alleged", 1),
                    ("2020-09", "asserted", 1)]


def test_export_parquet_replaces_its_own_export_and_refuses_other_folders(analytics_store, tmp_path):
    out = tmp_path / "tables"
    with Store.open(analytics_store) as store:
        export_parquet(store, out)
        (out / "events" / "stale.parquet").write_bytes(b"old")
        export_parquet(store, out)
        assert not (out / "events" / "stale.parquet").exists()
        other = tmp_path / "photos"
        other.mkdir()
        (other / "holiday.jpg").write_bytes(b"jpg")
        with pytest.raises(Exception, match="not a veille Parquet export"):
            export_parquet(store, other)
    assert (other / "holiday.jpg").exists()


def test_export_parquet_of_an_empty_store_is_queryable(store, tmp_path):
    counts = export_parquet(store, tmp_path / "tables")
    assert set(counts.values()) == {0}
    query = f"SELECT count(*) FROM read_parquet('{tmp_path}/tables/events/*/*.parquet', hive_partitioning = true)"
    assert duckdb.sql(query).fetchall() == [(0,)]
