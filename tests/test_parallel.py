"""`--workers N`: N spawned processes, batches in flight, the same store as one process."""
from __future__ import annotations

import io
import json

import pytest

from testdata import GOLD_DIR
from veille.config import Settings
from veille.extract.analyze import Analyzer, Resources
from veille.parallel import PoolAnalyzer
from veille.pipeline import run_ingest
from veille.store import Store
from veille.store.export import export_jsonl


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The dev gold texts as one JSON Lines file."""
    path = tmp_path_factory.mktemp("par") / "dev.jsonl"
    rows = [{"id": g["doc_id"], "title": g["title"], "text": g["text"], "published": g["published"]}
            for g in (json.loads(f.read_text(encoding="utf-8")) for f in sorted(GOLD_DIR.glob("*.json")))]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def exported(db) -> dict[str, dict]:
    buf = io.StringIO()
    with Store.open(db, create=False) as store:
        export_jsonl(store, buf)
    return {d["doc_id"]: d for d in map(json.loads, buf.getvalue().splitlines())}


@pytest.mark.slow
def test_pool_of_two_workers_gives_the_single_process_store(corpus, tmp_path, nlp):
    one = Settings(db_path=tmp_path / "one.db", batch_size=4)
    # workers replaced after every chunk of 2 articles: recycling loses and changes nothing
    two = Settings(db_path=tmp_path / "two.db", batch_size=4, workers=2, worker_max_articles=2)
    single = run_ingest([str(corpus)], one, analyzer=Analyzer(Resources.load()))
    with PoolAnalyzer(two, workers=2) as pool:
        pooled = run_ingest([str(corpus)], two, analyzer=pool)
    assert single.analysed == pooled.analysed == 17
    assert exported(one.db_path) == exported(two.db_path)
