"""The orchestrator: real sources -> real store file, batch by batch; rejections recorded, bugs loud."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import veille
from veille.config import Settings
from veille.errors import RejectedInput
from veille.model import Analysis, Article, Entity, EntityKind, Rejection, Span
from veille.pipeline import run_analyze, run_ingest
from veille.store import Store

DATA = Path(__file__).parent / "data"
SEED_PATH = DATA / "corpus" / "seed" / "mali-russie-junte-2020-09-01.txt"
WIKINEWS_JSONL = DATA / "corpus" / "wikinews-fr-2012" / "articles.jsonl"
WIKINEWS_HTML = DATA / "corpus" / "wikinews-fr-2012" / "html"
POISON = "Ce texte fait échouer l'analyseur."

ENGLISH = ("The military junta that seized power in Mali last month received the Russian ambassador "
           "in Bamako, according to a statement read on state television on Friday evening.")


class KeywordAnalyzer:
    """A small, real Analyzer: every 'Russie' becomes a mention; a poisoned text is rejected."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, articles: list[Article]) -> list[Analysis]:
        self.batches.append([a.doc_id for a in articles])
        if any(POISON in a.text for a in articles):
            raise RejectedInput("the parser cannot read this text", stage="analyze")
        return [self._one(a) for a in articles]

    def _one(self, article: Article) -> Analysis:
        spans, start = [], article.text.find("Russie")
        while start >= 0:
            spans.append(Span(start, start + 6, "Russie"))
            start = article.text.find("Russie", start + 1)
        entities = (Entity("russie", "Russie", EntityKind.COUNTRY, "RUS", ("GOV",), mentions=tuple(spans)),)
        return Analysis(article.doc_id, entities=entities if spans else (), versions={"keyword": "1"})


class RecordingProgress:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def start(self, label, total=None):
        self.calls.append(("start", label, total))

    def advance(self, n=1):
        self.calls.append(("advance", n))

    def finish(self):
        self.calls.append(("finish",))


@pytest.fixture
def corpus(tmp_path) -> Path:
    """Real documents: the seed, four Wikinews HTML pages, an English text, a poisoned text."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED_PATH, folder / SEED_PATH.name)
    for page in sorted(WIKINEWS_HTML.glob("*.html"))[:4]:
        shutil.copy(page, folder / page.name)
    (folder / "bbc.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "poison.txt").write_text(
        "Le président a reçu hier les ministres pour un conseil extraordinaire à Bamako. " + POISON,
        encoding="utf-8")
    return folder


def _settings(tmp_path: Path, **overrides) -> Settings:
    return Settings(db_path=tmp_path / "veille.db", **overrides)


def _table_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    tables = ("articles", "entities", "mentions", "events", "quotes", "timexes")
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    conn.close()
    return counts


def test_ingest_stores_analyses_and_reports_each_kind(tmp_path, corpus):
    analyzer = KeywordAnalyzer()
    summary = run_ingest([str(corpus), str(tmp_path / "missing.html")], _settings(tmp_path),
                         analyzer=analyzer)
    assert summary.ingested == 7
    assert summary.non_french == 1
    assert summary.analysed == 5  # seed + 4 Wikinews; the poisoned one is rejected
    assert (summary.duplicates_exact, summary.duplicates_near, summary.already_stored) == (0, 0, 0)
    reasons = {(Path(r.locator.split(" (")[0]).name, r.stage): r.reason for r in summary.rejected}
    assert reasons[("missing.html", "ingest")].startswith("no such file")
    assert reasons[("poison.txt", "analyze")] == "the parser cannot read this text"
    assert len(reasons) == 2
    assert summary.slowest_stage in {"read", "store", "analyze", "save"}
    with Store.open(tmp_path / "veille.db") as store:
        seed = next(r for r in store.iter_articles("Assimi Goita"))
        analysis = store.load_analysis(seed.article.doc_id)
        assert analysis.entities[0].mentions[0].text == "Russie"
        assert store.stats()["analysis_errors"] == 1
        assert len(store.rejections(summary.run_id)) == len(summary.rejected)


def test_ingest_twice_adds_nothing_new(tmp_path, corpus):
    settings = _settings(tmp_path)
    first = run_ingest([str(corpus)], settings, analyzer=KeywordAnalyzer())
    before = _table_counts(settings.db_path)
    second = run_ingest([str(corpus)], settings, analyzer=KeywordAnalyzer())
    assert second.ingested == 0 and second.analysed == 0
    assert second.already_stored == first.ingested
    assert _table_counts(settings.db_path) == before


def test_rejected_article_does_not_stop_its_batch(tmp_path, corpus):
    analyzer = KeywordAnalyzer()
    summary = run_ingest([str(corpus)], _settings(tmp_path, batch_size=64), analyzer=analyzer)
    assert len(analyzer.batches[0]) == 6  # one batch call, then one call per article
    assert len(analyzer.batches) == 1 + 6
    assert summary.analysed == 5


def test_rejections_returned_in_place_are_recorded_without_retry(tmp_path, corpus):
    """A pool of workers reports a rejection at the article's position instead of raising."""
    calls = []

    def pooled(articles):
        calls.append(len(articles))
        return [Rejection(a.locator, "analyze", "worker: the parser cannot read this text") if POISON in a.text
                else Analysis(a.doc_id) for a in articles]

    summary = run_ingest([str(corpus)], _settings(tmp_path), analyzer=pooled)
    assert calls == [6] and summary.analysed == 5
    rejected = [r for r in summary.rejected if r.stage == "analyze"]
    assert len(rejected) == 1 and "poison.txt (h-" in rejected[0].locator
    assert rejected[0].reason == "worker: the parser cannot read this text"


def test_batches_follow_batch_size_and_progress_is_reported(tmp_path, corpus):
    progress = RecordingProgress()
    run_ingest([str(corpus)], _settings(tmp_path, batch_size=3), analyzer=None, progress=progress)
    assert progress.calls[0] == ("start", "ingest", None)
    assert [c[1] for c in progress.calls if c[0] == "advance"] == [3, 3, 1]
    assert progress.calls[-1] == ("finish",)


def test_analyzer_bug_costs_one_article_and_is_recorded_with_its_type(tmp_path, corpus):
    keyword = KeywordAnalyzer()

    def buggy(articles):  # a bug on the seed article (the only one naming Russia)
        if any("Russie" in a.text for a in articles):
            raise ZeroDivisionError("bug in the analyser")
        return keyword(articles)

    settings = _settings(tmp_path)
    summary = run_ingest([str(corpus)], settings, analyzer=buggy)
    bugs = [r for r in summary.rejected if "ZeroDivisionError" in r.reason]
    assert summary.ingested == 7 and len(bugs) == 1 and bugs[0].stage == "analyze"
    assert SEED_PATH.name in bugs[0].locator
    assert bugs[0].reason.startswith("unexpected error (ZeroDivisionError: bug in the analyser)")
    assert summary.analysed == 4  # five French articles, the poisoned one rejected, the seed's bug
    with Store.open(settings.db_path) as store:
        assert store.stats()["articles"] == 7 and store.stats()["analysed"] == summary.analysed
    again = run_analyze(settings, KeywordAnalyzer(), retry_failed=True)  # the bug fixed: the rest is done
    assert again.analysed == 1 and len(again.rejected) == 1  # the seed now, the poisoned text again


def test_no_analyze_then_run_analyze(tmp_path, corpus):
    settings = _settings(tmp_path, analyze=False)
    summary = run_ingest([str(corpus)], settings, analyzer=KeywordAnalyzer())
    assert summary.analysed == 0
    progress = RecordingProgress()
    analysed = run_analyze(settings, KeywordAnalyzer(), progress=progress)
    assert analysed.analysed == 5 and len(analysed.rejected) == 1
    assert progress.calls[0] == ("start", "analyse", 6)
    assert run_analyze(settings, KeywordAnalyzer()).analysed == 0
    assert run_analyze(settings, KeywordAnalyzer(), retry_failed=True).rejected[0].stage == "analyze"


def test_run_analyze_without_a_store_is_rejected(tmp_path):
    with pytest.raises(RejectedInput, match="no store at"):
        run_analyze(_settings(tmp_path), KeywordAnalyzer())
    assert not (tmp_path / "veille.db").exists()


# --------------------------------------------------------------------------- crash safety

CRASH_SCRIPT = """
import sys, time
from veille.config import Settings
from veille.model import Analysis, Timex
from veille.pipeline import run_ingest

def slow_analyzer(articles):
    time.sleep(0.001 * len(articles))
    return [Analysis(a.doc_id, timexes=(Timex(a.text[:7], 0, 7, "2020-09-01"),)) for a in articles]

settings = Settings(db_path=sys.argv[2], batch_size=25)
summary = run_ingest([sys.argv[1]], settings, analyzer=slow_analyzer)
print(summary.ingested, summary.already_stored, summary.analysed, flush=True)
"""


def _big_jsonl(path: Path, count: int) -> None:
    """``count`` distinct French articles made of sentences of the Wikinews corpus."""
    sentences = []
    for line in WIKINEWS_JSONL.read_text(encoding="utf-8").splitlines():
        sentences += [s.strip() for s in json.loads(line)["text"].split(". ") if len(s) > 40]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            picked = random.Random(i).sample(sentences, 6)
            text = f"Dépêche numéro {i}. " + ". ".join(picked) + "."
            fh.write(json.dumps({"id": f"gen-{i:05d}", "title": f"Dépêche {i}", "published": "2020-09-01",
                                 "text": text}, ensure_ascii=False) + "\n")


def _child(script: Path, source: Path, db: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(Path(veille.__file__).parents[1]), os.environ.get("PYTHONPATH", "")]))
    return subprocess.Popen([sys.executable, str(script), str(source), str(db)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0
    finally:
        conn.close()


@pytest.mark.slow
def test_killed_ingest_leaves_consistent_store_and_rerun_completes(tmp_path):
    source, db, script = tmp_path / "big.jsonl", tmp_path / "veille.db", tmp_path / "ingest.py"
    total = 600
    _big_jsonl(source, total)
    script.write_text(CRASH_SCRIPT, encoding="utf-8")
    child = _child(script, source, db)
    deadline = time.monotonic() + 60
    while _stored(db) < 100 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL, child.stderr.read()

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    stored_at_kill = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 100 <= stored_at_kill < total and stored_at_kill % 25 == 0  # whole batches only
    conn.close()

    rerun = _child(script, source, db)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    ingested, already, analysed = map(int, out.split())
    assert (ingested, already) == (total - stored_at_kill, stored_at_kill)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT doc_id) FROM articles").fetchone() == (total, total)
    assert conn.execute("SELECT count(*) FROM articles WHERE analysed_at IS NULL").fetchone()[0] == 0
    assert conn.execute("SELECT count(*), count(DISTINCT doc_id) FROM timexes").fetchone() == (total, total)
    assert analysed >= total - stored_at_kill
    conn.close()
