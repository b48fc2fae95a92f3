"""Analysis from Python: ``veille.analyze`` and ``veille.analyze_many``.

    import veille
    result = veille.analyze("Le Mali a accusé la France ...", published="2022-02-01")
    [(e.type.value, e.status.value, e.evidence.text) for e in result.events]

The same code path as ``veille ingest``: an ``Article`` (``ingest.article.build_article``)
through the pipeline's ``Analyzer`` (extract/analyze.py). The model and the knowledge load
once per process, on the first call. Offsets index the text exactly as given.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import cache

from veille.config import Settings
from veille.errors import RejectedInput
from veille.model import Analysis, Article, Rejection, SourceKind

LOCATOR = "veille.analyze"
DEFAULT_BATCH = 32
IN_FLIGHT = 2  # batches a pool of workers keeps going while results are read


def analyze(text: str, *, title: str | None = None, published: date | str | None = None,
            url: str | None = None) -> Analysis:
    """Events (PLOVER, with status and attribution), quotes, time expressions and actors of one
    French article. ``published`` (a date or ISO text) anchors relative dates ("vendredi").

    Raises ``veille.RejectedInput`` for an empty or too long text."""
    article = make_article(text, title=title, published=published, url=url)
    return _analyzer()([article])[0]


def analyze_many(items: Iterable[str | Mapping | Article], *, workers: int = 1,
                 batch_size: int = DEFAULT_BATCH) -> Iterator[Analysis]:
    """One ``Analysis`` per item, in order, streamed batch by batch.

    An item is a text, a mapping with ``text`` and optionally ``title``, ``published``, ``url``
    and ``doc_id``, or an ``Article``. With ``workers`` > 1, batches are analysed by that many
    processes sharing one loaded model (as ``veille ingest --workers``).
    Raises ``veille.RejectedInput`` at the first item that cannot be analysed."""
    articles = (_as_article(item) for item in items)
    if workers <= 1:
        analyzer = _analyzer()
        for batch in _batches(articles, batch_size):
            yield from analyzer(batch)
        return
    yield from _pooled(articles, workers, batch_size)


def make_article(text: str, *, title: str | None = None, published: date | str | None = None,
                 url: str | None = None, doc_id: str | None = None) -> Article:
    """The ``Article`` the pipeline would analyse for this text (id "h-" + its content hash)."""
    from veille.ingest.article import build_article

    if isinstance(published, str):
        try:
            published = date.fromisoformat(published[:10])
        except ValueError:
            raise RejectedInput(f"published={published!r} is not an ISO date such as 2020-09-01") from None
    return build_article(title=title, text=text, kind=SourceKind.TEXT, locator=LOCATOR, settings=_settings(),
                         doc_id=doc_id, url=url, published=published)


def _as_article(item: str | Mapping | Article) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return make_article(item)
    if isinstance(item, Mapping):
        if "text" not in item:
            raise RejectedInput(f"an item without 'text' (keys: {', '.join(map(str, item))})")
        return make_article(item["text"], title=item.get("title"), published=item.get("published"),
                            url=item.get("url"), doc_id=item.get("doc_id"))
    raise TypeError(f"analyze_many takes texts, mappings with 'text' or Articles, not {type(item).__name__}")


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _pooled(articles: Iterable[Article], workers: int, batch_size: int) -> Iterator[Analysis]:
    from veille.parallel import PoolAnalyzer

    settings = _settings().model_copy(update={"workers": workers, "batch_size": batch_size})
    with PoolAnalyzer(settings, workers) as pool:
        pending: deque = deque()
        for batch in _batches(articles, batch_size):
            pending.append(pool.submit(batch))
            if len(pending) > IN_FLIGHT:
                yield from _results(pending.popleft())
        while pending:
            yield from _results(pending.popleft())


def _results(futures) -> Iterator[Analysis]:
    for future in futures:
        for result in future.result():
            if isinstance(result, Rejection):
                raise RejectedInput(result.reason, locator=result.locator, stage=result.stage)
            yield result


@cache
def _settings() -> Settings:
    return Settings(workers=1)


@cache
def _analyzer():
    """The process's analyser: model and knowledge loaded once (extract/analyze.py)."""
    from veille.extract.analyze import Analyzer, Resources

    settings = _settings()
    return Analyzer(Resources.load(), batch_size=settings.batch_size, max_chars=settings.max_text_chars)
