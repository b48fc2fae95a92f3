"""The per-request time budget (issue 10): a read request past ``Settings.request_budget_s`` is
answered 503 with a message, its work stops (SQLite's progress handler, the queries' loops), and
the server answers the next request at once."""
from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import warnings
from pathlib import Path

import httpx
import pytest

from veille import budget
from veille.api.main import create_app
from veille.config import Settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

COPIES = 1500  # every gold event this many times: a dyad that takes seconds to assemble
HEAVY_DYAD = "/api/dyads?a=RUS&b=MLI&evidence_limit=5000"


@pytest.fixture(scope="module")
def heavy_store(builder, tmp_path_factory):
    """The gold store with each event copied COPIES times (same articles, new indexes)."""
    path = tmp_path_factory.mktemp("heavy") / "heavy.db"
    shutil.copy(builder.gold_store(tmp_path_factory), path)
    conn = sqlite3.connect(path)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(events)") if row[1] not in ("id", "idx")]
    listed = ", ".join(columns)
    conn.execute(f"WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < {COPIES})"
                 f" INSERT INTO events ({listed}, idx) SELECT {listed}, idx + k * 100000 FROM events, n")
    conn.commit()
    conn.close()
    return path


def _client(path, seconds: float) -> TestClient:
    return TestClient(create_app(Settings(db_path=path, request_budget_s=seconds)))


def test_the_heavy_dyad_takes_longer_than_the_tiny_budget_when_allowed(heavy_store):
    client = _client(heavy_store, 60)
    assert client.get("/api/dyads?a=RUS&b=MLI&evidence_limit=1").status_code == 200  # knowledge base loaded
    started = time.monotonic()
    response = client.get(HEAVY_DYAD)
    assert response.status_code == 200 and response.json()["overall"]["total"] == 18 * (COPIES + 1)  # 18 gold events
    assert time.monotonic() - started > 0.6  # three times the budget below, on an idle machine


def test_a_request_past_its_budget_is_a_503_and_its_work_stops(heavy_store):
    client = _client(heavy_store, 0.2)
    started, cpu = time.monotonic(), time.process_time()
    response = client.get(HEAVY_DYAD)
    assert time.monotonic() - started < 1.0
    assert response.status_code == 503 and response.headers["retry-after"] == "60"
    assert response.json()["detail"].startswith("this request needed more than the server's 0.2 s budget")
    assert response.headers["x-content-type-options"] == "nosniff"
    time.sleep(0.5)
    assert time.process_time() - cpu < 1.0  # nothing kept running after the answer
    started = time.monotonic()
    light = client.get("/api/articles?limit=1")
    assert light.status_code == 200 and light.json()["items"]
    assert time.monotonic() - started < 0.2


def test_a_page_past_its_budget_is_a_503_page(heavy_store):
    response = _client(heavy_store, 0.2).get("/dyad?a=RUS&b=MLI")
    assert response.status_code == 503 and response.headers["content-type"].startswith("text/html")
    assert "Too long to answer" in response.text and "0.2 s budget" in response.text


def test_work_that_ignores_the_clock_is_answered_503_after_the_grace(heavy_store):
    app = create_app(Settings(db_path=heavy_store, request_budget_s=0.2))

    @app.get("/api/sleepy")
    def sleepy() -> dict:  # no query, no check(): only the middleware can answer in time
        time.sleep(2.5)
        return {"late": True}

    with TestClient(app) as client:
        started = time.monotonic()
        response = client.get("/api/sleepy")
        assert response.status_code == 503 and 1.1 <= time.monotonic() - started < 2.0
        assert "0.2 s budget" in response.json()["detail"]
        started = time.monotonic()
        assert client.get("/api/articles?limit=1").status_code == 200
        assert time.monotonic() - started < 0.5


def test_a_sqlite_statement_stops_at_the_deadline():
    conn = sqlite3.connect(":memory:")
    budget.guard(conn)
    endless = "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n) SELECT count(*) FROM n"
    with budget.within(0.1):
        started = time.monotonic()
        with pytest.raises(sqlite3.OperationalError, match="interrupted") as caught:
            conn.execute(endless).fetchone()
        assert 0.1 <= time.monotonic() - started < 0.3
        assert budget.spent_by(caught.value) == 0.1
    assert conn.execute("SELECT count(*) FROM (SELECT 1 UNION ALL SELECT 2)").fetchone() == (2,)  # no budget now
    assert not budget.expired()


def test_a_loop_check_raises_only_once_the_budget_is_spent():
    with budget.within(0.05):
        budget.check()
        time.sleep(0.06)
        with pytest.raises(budget.BudgetExceeded) as caught:
            budget.check()
    assert caught.value.seconds == 0.05
    budget.check()  # outside any budget: never


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


@pytest.fixture
def served(heavy_store):
    """`veille serve --request-budget 0.2` over the heavy store, on a free loopback port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "veille.cli.main", "serve", "--port", str(port),
                                "--request-budget", "0.2", "--db", str(heavy_store)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=os.environ | {"VEILLE_TOKEN": ""})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert httpx.get(base + "/api/health", timeout=2).status_code == 200
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.2)
        yield base, process.pid
    finally:
        process.kill()
        process.wait()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the server's CPU time in /proc")
def test_the_served_budget_stops_the_work_whether_the_client_waits_or_leaves(served):
    base, pid = served
    response = httpx.get(base + HEAVY_DYAD, timeout=10)
    assert response.status_code == 503 and "0.2 s budget" in response.json()["detail"]
    with pytest.raises(httpx.TimeoutException):  # this client leaves before any answer
        httpx.get(base + HEAVY_DYAD, timeout=0.05)
    time.sleep(0.5)  # the budget (0.2 s) is spent: the work has stopped by now
    cpu = _cpu_seconds(pid)
    time.sleep(1.0)
    assert _cpu_seconds(pid) - cpu < 0.2  # idle: nothing burns on after the answer or the departure
    started = time.monotonic()
    assert httpx.get(base + "/api/articles?limit=1", timeout=5).status_code == 200
    assert time.monotonic() - started < 0.5
