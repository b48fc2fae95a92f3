"""`veille eval`: analyse the gold articles and score the export against the gold.

Without a store, the gold files' own texts are analysed in a temporary store through the
real pipeline; with one, the stored articles whose doc_id is in the gold folder are scored.
"""
from __future__ import annotations

import io
import json
import tempfile
from datetime import date
from pathlib import Path

from veille.config import Settings
from veille.errors import RejectedInput
from veille.evaluation.scorer import score
from veille.ingest.dedup import content_hash
from veille.model import Article, SourceKind
from veille.pipeline import Analyzer, run_analyze
from veille.store import Store
from veille.store.export import export_jsonl


def load_gold(path: Path) -> dict[str, dict]:
    """doc_id -> gold dict for a gold folder (or one gold file)."""
    if not path.exists():
        raise RejectedInput(f"no gold at {path}: give a folder of gold JSON files")
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise RejectedInput(f"no *.json gold files in {path}")
    gold = {}
    for f in files:
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise RejectedInput(f"{f}: not a JSON gold file ({exc})") from None
        gold[str(d["doc_id"])] = d
    return gold


def gold_article(g: dict, locator: str) -> Article:
    """The article a gold file carries (dev gold includes the clean text its offsets index)."""
    if not g.get("text"):
        raise RejectedInput(f"{locator}: gold file has no text; score a store that holds it with --db")
    published = date.fromisoformat(g["published"]) if g.get("published") else None
    return Article(doc_id=str(g["doc_id"]), title=g.get("title") or "", text=g["text"],
                   content_hash=content_hash(g["text"]), source_kind=SourceKind.JSONL, locator=locator,
                   published=published, language="fr")


def system_export(store: Store, doc_ids: list[str]) -> dict[str, dict]:
    buf = io.StringIO()
    export_jsonl(store, buf, doc_ids=[d for d in doc_ids if store.get_article(d) is not None])
    rows = (json.loads(line) for line in buf.getvalue().splitlines() if line.strip())
    return {str(r["doc_id"]): r for r in rows}


def evaluate_store(gold: dict[str, dict], db_path: Path) -> dict:
    with Store.open(db_path, create=False) as store:
        return score(gold, system_export(store, list(gold)))


def analyse_gold(gold: dict[str, dict], analyzer: Analyzer, gold_dir: Path, db: Path) -> None:
    """Store the gold articles' texts in a new store at ``db`` and analyse them."""
    settings = Settings(db_path=db, near_duplicate_threshold=1.0)
    with Store.open(db) as store:
        store.add_articles([gold_article(g, str(gold_dir / f"{d}.json")) for d, g in gold.items()])
    run_analyze(settings, analyzer)


def evaluate_texts(gold: dict[str, dict], analyzer: Analyzer, gold_dir: Path) -> dict:
    """Analyse the gold texts in a temporary store, then score its export."""
    with tempfile.TemporaryDirectory(prefix="veille-eval-") as tmp:
        db = Path(tmp) / "eval.db"
        analyse_gold(gold, analyzer, gold_dir, db)
        return evaluate_store(gold, db)
