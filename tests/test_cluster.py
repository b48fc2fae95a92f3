"""The Dask engine: a local cluster of two worker processes gives the store a single-machine run gives.

Marked slow: each worker loads the model once (and once more for the worker restarted after a kill).
"""
from __future__ import annotations

import io
import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from distributed import Client

from veille.cli.main import main
from veille.cluster import local_cluster, run_cluster_ingest, run_load
from veille.config import Settings
from veille.pipeline import run_ingest
from veille.store import Store
from veille.store.export import export_jsonl
from veille.store.parquet import list_parts

GOLD_DIR = Path(__file__).parent / "data" / "gold" / "dev"
BAD_LINE = "{ceci n'est pas du JSON"


def _gold_records() -> list[dict]:
    records = []
    for path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        records.append({"id": gold["doc_id"], "title": gold.get("title"), "text": gold["text"],
                        "published": gold.get("published")})
    return records


def _jsonl(path: Path, lines: list) -> None:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n"
                            for line in lines), encoding="utf-8")


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> list[str]:
    """Two JSONL files of the dev gold texts (one with an exact copy, a bad line and an empty
    record), an English text, and a file that does not exist."""
    folder = tmp_path_factory.mktemp("sources")
    records = _gold_records()
    _jsonl(folder / "dev-a.jsonl", records[:9])
    copy = records[0] | {"id": "copy-of-first"}
    _jsonl(folder / "dev-b.jsonl", records[9:] + [copy, BAD_LINE, {"id": "empty", "text": ""}])
    (folder / "bbc.txt").write_text("The military junta that seized power in Mali received the Russian "
                                    "ambassador in Bamako on Friday, state television said.", encoding="utf-8")
    return [str(folder), str(folder / "missing.jsonl")]


@pytest.fixture(scope="module")
def local(sources, tmp_path_factory):
    """The single-machine run: the reference."""
    from veille.extract.analyze import make_analyzer

    settings = Settings(db_path=tmp_path_factory.mktemp("local") / "veille.db")
    return settings.db_path, run_ingest(sources, settings, analyzer=make_analyzer(settings))


@pytest.fixture(scope="module")
def cluster():
    cluster = local_cluster(2)
    try:
        yield cluster
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def clustered(sources, cluster, tmp_path_factory):
    folder = tmp_path_factory.mktemp("clustered")
    settings = Settings(db_path=folder / "veille.db")
    started = time.perf_counter()
    run = run_cluster_ingest(sources, settings, parquet_dir=folder / "parts", scheduler=cluster.scheduler_address)
    return run, time.perf_counter() - started


def _export(db: Path) -> dict[str, dict]:
    out = io.StringIO()
    with Store.open(db, create=False) as store:
        export_jsonl(store, out)
    return {line["doc_id"]: line for line in map(json.loads, out.getvalue().splitlines())}


def _counts(summary) -> dict:
    return {"ingested": summary.ingested, "exact": summary.duplicates_exact, "near": summary.duplicates_near,
            "non_french": summary.non_french, "analysed": summary.analysed, "already": summary.already_stored,
            "rejected": sorted((r.locator, r.stage, r.reason) for r in summary.rejected)}


@pytest.mark.slow
def test_cluster_store_equals_the_single_machine_store(local, clustered):
    local_db, local_summary = local
    run, seconds = clustered
    assert _counts(run.summary) == _counts(local_summary)
    assert _counts(local_summary) | {"rejected": None} == {
        "ingested": 19, "exact": 1, "near": 0, "non_french": 1, "analysed": 17, "already": 0, "rejected": None}
    expected, got = _export(local_db), _export(run.parquet_dir.parent / "veille.db")
    assert got.keys() == expected.keys()
    for doc_id in expected:
        assert got[doc_id] == expected[doc_id], doc_id
    assert sum(len(line["events"]) for line in got.values()) > 20
    assert got["copy-of-first"]["duplicate_kind"] == "exact"
    assert run.workers == 2 and len(run.units) == 3 and sorted(u.articles for u in run.units) == [1, 9, 9]
    print(f"\ncluster run: {seconds:.1f} s, {run.words} words, units on {len({u.worker for u in run.units})} workers")


@pytest.mark.slow
def test_cluster_reports_bad_inputs_with_their_reason(sources, clustered):
    run, _ = clustered
    folder = Path(sources[0])
    reasons = {(r.locator, r.stage): r.reason for r in run.summary.rejected}
    assert reasons[(f"{folder / 'dev-b.jsonl'}#line-10", "ingest")].startswith("not valid JSON")
    assert "no text" in reasons[(f"{folder / 'dev-b.jsonl'}#line-11", "ingest")]
    assert "no such file" in reasons[(sources[1], "ingest")]
    with Store.open(run.parquet_dir.parent / "veille.db", create=False) as store:
        assert set(store.rejections(run.summary.run_id)) == set(run.summary.rejected)


@pytest.mark.slow
def test_load_again_adds_nothing_and_load_alone_rebuilds_the_store(local, clustered, tmp_path, veille_cli):
    run, _ = clustered
    db = run.parquet_dir.parent / "veille.db"
    before = _export(db)
    again = run_load(run.parquet_dir, Settings(db_path=db))
    assert (again.ingested, again.analysed, again.already_stored) == (0, 0, 19)
    assert _export(db) == before
    fresh = tmp_path / "fresh.db"
    code, out, _ = veille_cli("load", run.parquet_dir, "--db", fresh)
    assert code == 0 and f"{fresh}: 19 new articles stored" in out
    assert _export(fresh) == _export(local[0])
    code, out, _ = veille_cli("load", run.parquet_dir, "--db", fresh)
    assert code == 0 and "0 new articles stored" in out and _export(fresh) == _export(local[0])


@pytest.mark.slow
def test_cli_ingest_on_a_scheduler_overwrites_the_parts(local, sources, cluster, clustered, tmp_path, veille_cli):
    run, _ = clustered
    parts = sorted(p.path.name for p in list_parts(run.parquet_dir))
    db = tmp_path / "cli.db"
    code, out, err = veille_cli("ingest", *sources, "--engine", "dask", "--scheduler", cluster.scheduler_address,
                                "--parquet-dir", run.parquet_dir, "--db", db)
    assert code == 0, err
    assert "dask: 3 units on 2 workers" in out and "analysed:              17" in out
    assert sorted(p.path.name for p in list_parts(run.parquet_dir)) == parts  # 3 units + 1 missing file
    assert len(parts) == 4
    assert _export(db) == _export(local[0])


@pytest.mark.slow
def test_cli_ingest_on_a_local_cluster_with_analysis_off(sources, tmp_path, veille_cli):
    db = tmp_path / "plain.db"
    code, out, err = veille_cli("ingest", Path(sources[0]) / "bbc.txt", "--engine", "dask", "--workers", "1",
                                "--no-analyze", "--db", db)
    assert code == 0, err
    assert "dask: 1 units on 1 workers (a local cluster)" in out
    assert [p.unit for p in list_parts(tmp_path / "plain.db.parquet")] == [str(Path(sources[0]) / "bbc.txt")]
    assert _export(db)[next(iter(_export(db)))]["language"] == "en"


def test_load_help_has_an_example(veille_cli):
    code, out, _ = veille_cli("load", "--help")
    assert code == 0 and out.split("example:\n", 1)[1].strip().startswith("veille load ")
    assert "--db PATH" in out


def test_cli_engine_options_need_the_dask_engine(sources, tmp_path, veille_cli):
    code, _, err = veille_cli("ingest", sources[0], "--parquet-dir", tmp_path / "p", "--db", tmp_path / "x.db")
    assert code == 1 and "need --engine dask" in err


@pytest.mark.slow
def test_a_worker_killed_mid_unit_has_its_unit_run_again(cluster, tmp_path):
    """SIGKILL the worker busy with the one big unit: Dask runs it again elsewhere, nothing is lost."""
    records = _gold_records()
    big = [r | {"id": f"{r['id']}-{n}", "text": f"{r['text']}\n\nRévision {n}."} for n in range(4) for r in records]
    _jsonl(tmp_path / "big.jsonl", big)
    result: dict = {}
    worker = threading.Thread(target=lambda: result.update(run=run_cluster_ingest(
        [str(tmp_path / "big.jsonl")], Settings(db_path=tmp_path / "veille.db"), parquet_dir=tmp_path / "parts",
        scheduler=cluster.scheduler_address)))
    with Client(cluster.scheduler_address) as client:
        worker.start()
        busy = _busy_worker(client)
        pid = client.run(os.getpid, workers=[busy])[busy]
        os.kill(pid, signal.SIGKILL)
        worker.join(timeout=300)
    run = result["run"]
    assert run.units[0].worker != busy
    assert (run.summary.ingested, run.summary.analysed) == (len(big), len(big))
    assert [p.path.name for p in list_parts(tmp_path / "parts")] == [Path(run.units[0].path).name]


def _busy_worker(client: Client, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for address, keys in client.processing().items():
            if any(str(k).startswith("veille-unit-") for k in keys):
                time.sleep(1.0)  # inside the unit, not at its first line
                return address
        time.sleep(0.05)
    raise AssertionError("no unit started on the cluster")


@pytest.fixture
def veille_cli(capsys):
    def run(*argv) -> tuple[int, str, str]:
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err
    return run
