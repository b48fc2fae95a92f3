"""`kill -9` at a random point in the middle of a run with worker processes (issue 10): the store
stays intact, no worker outlives the killed process, and the next run marks the killed one finished."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

import veille
from veille.config import Settings
from veille.model import Analysis
from veille.pipeline import run_ingest
from veille.store import Store

WIKINEWS_JSONL = Path(__file__).parent / "data" / "corpus" / "wikinews-fr-2012" / "articles.jsonl"
POOL_SCRIPT = """
import sys
from veille.config import Settings
from veille.parallel import PoolAnalyzer
from veille.pipeline import run_ingest

if __name__ == "__main__":  # the workers import this file too
    settings = Settings(db_path=sys.argv[2], batch_size=8, workers=2)
    with PoolAnalyzer(settings, 2) as pool:
        run_ingest([sys.argv[1]], settings, analyzer=pool)
"""


def _analysed(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles WHERE analysed_at IS NOT NULL").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _running(processes: list[psutil.Process], within: float) -> list[int]:
    """The pids still running (not exited, not a zombie waiting for a reaper) after ``within`` s."""
    deadline = time.monotonic() + within
    while True:
        running = []
        for p in processes:
            try:
                if p.status() != psutil.STATUS_ZOMBIE:
                    running.append(p.pid)
            except psutil.NoSuchProcess:
                pass
        if not running or time.monotonic() > deadline:
            return running
        time.sleep(0.1)


@pytest.mark.slow
def test_kill_9_mid_run_leaves_an_intact_store_and_no_worker(tmp_path):
    source, db, script = tmp_path / "news.jsonl", tmp_path / "veille.db", tmp_path / "ingest.py"
    source.write_text(WIKINEWS_JSONL.read_text(encoding="utf-8"), encoding="utf-8")
    script.write_text(POOL_SCRIPT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(veille.__file__).parents[1]))
    child = subprocess.Popen([sys.executable, str(script), str(source), str(db)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while _analysed(db) < 8 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert child.poll() is None, child.stderr.read()
    time.sleep(random.Random().uniform(0.0, 1.5))  # somewhere in the middle of the analysis
    helpers = psutil.Process(child.pid).children(recursive=True)  # fork server and workers
    assert len(helpers) >= 3
    child.send_signal(signal.SIGKILL)
    child.wait()

    assert _running(helpers, within=5.0) == [], "worker(s) outlived the killed ingest"

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    stored, analysed = conn.execute("SELECT count(*), count(analysed_at) FROM articles").fetchone()
    assert stored % 8 == 0 or stored == 100  # whole batches only
    assert conn.execute("SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM articles)"
                        ).fetchone()[0] == 0
    conn.close()

    def keyword(articles):
        return [Analysis(a.doc_id) for a in articles]

    summary = run_ingest([str(source)], Settings(db_path=db), analyzer=keyword)
    assert summary.ingested + summary.already_stored == 100
    with Store.open(db) as store:
        runs = store.execute("SELECT id, finished, counts FROM runs ORDER BY id").fetchall()
    killed, rerun = runs[0], runs[-1]
    assert killed[1] is not None and json.loads(killed[2])["interrupted"] is True
    assert json.loads(killed[2])["owner"]["pid"] == child.pid
    assert rerun[1] is not None and json.loads(rerun[2])["analysed"] == 100 - analysed
