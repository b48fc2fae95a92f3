"""What every bench script shares: paths, the corpus texts, a results header, writing results."""
from __future__ import annotations

import json
import platform
import sys
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT / "tests" / "data"
GOLD_DIR = DATA / "gold" / "dev"
WIKINEWS_JSONL = DATA / "corpus" / "wikinews-fr-2012" / "articles.jsonl"
RESULTS = ROOT / "bench" / "results"


def corpus_articles() -> list:
    """The dev gold texts plus the 100 Wikinews articles, as Articles (distinct doc_ids)."""
    from veille.evaluation.run import gold_article, load_gold
    from veille.ingest.dedup import content_hash
    from veille.model import Article, SourceKind

    arts = [gold_article(g, d) for d, g in load_gold(GOLD_DIR).items()]
    for line in WIKINEWS_JSONL.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        pub = date.fromisoformat(r["published"][:10]) if r.get("published") else None
        arts.append(Article(doc_id=f"wn-{r['id']}", title=r["title"], text=r["text"], published=pub,
                            content_hash=content_hash(r["text"]), source_kind=SourceKind.JSONL,
                            locator=str(WIKINEWS_JSONL), language="fr"))
    return arts


def versions_line() -> str:
    import spacy

    from veille import __version__

    return (f"date {datetime.now().isoformat(timespec='seconds')}; veille {__version__}; "
            f"python {platform.python_version()}; spaCy {spacy.__version__}; machine {platform.machine()}, "
            f"{__import__('os').cpu_count()} cores")


def write_result(name: str, text: str) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / name
    out.write_text(text, encoding="utf-8")
    print(text)
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return out


def words(texts) -> int:
    return sum(len(t.split()) for t in texts)
