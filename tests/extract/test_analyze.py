"""The per-process analyser (extract/analyze.py): batches in, analyses out, bounded memory."""
from __future__ import annotations

from datetime import date

from veille.extract.analyze import Analyzer, Resources
from veille.ingest.dedup import content_hash
from veille.model import Article, EventType, SourceKind

TEXT = "Les rebelles du Zorglubistan ont attaqué une caserne de l'armée malienne à Xyzzyville."


def test_analyser_forgets_the_new_words_of_each_batch(nlp):
    analyzer = Analyzer(Resources.load())
    article = Article(doc_id="z-1", title="", text=TEXT, content_hash=content_hash(TEXT),
                      source_kind=SourceKind.JSONL, locator="z-1", published=date(2021, 3, 1), language="fr")
    before = len(nlp.vocab.strings)
    [analysis] = analyzer([article])
    assert [e.type for e in analysis.events] == [EventType.ASSAULT]
    assert "Zorglubistan" not in nlp.vocab.strings and len(nlp.vocab.strings) == before
