"""The orchestrator: stream articles through ingest -> store -> analysis, batch by batch.

    summary = run_ingest(["article.html", "feed.xml"], settings, analyzer=analyzer, progress=bar)
    summary = run_analyze(settings, analyzer, progress=bar)

Each batch of ``settings.batch_size`` articles is stored in one transaction,
then the new French articles (not exact copies) are analysed and their
analyses saved in another. A process killed at any point leaves a consistent
store; running the same command again skips what is stored and analyses what
was stored but not yet analysed. An input a stage rejects (``RejectedInput``)
is recorded with its locator, stage and reason, and the run goes on. An
unexpected exception on one item (a bug) costs that item only: it is recorded
as a rejection naming the exception's type and message (with the traceback in
the debug log), and the run goes on. Only the store failing stops a run.
Warnings the stages log (a date ignored, bytes replaced) are collected in the
summary and the run's record.

This module never prints: it reports through the ``Progress`` it is given.
"""
from __future__ import annotations

import logging
import sqlite3
import time
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from typing import BinaryIO, Protocol

from veille.config import Settings
from veille.errors import RejectedInput, unexpected
from veille.ingest import iter_articles
from veille.model import Analysis, Article, Rejection
from veille.pipeline_runs import collect_warnings, start_run
from veille.store import AddResult, Store

ANALYZE_STAGE = "analyze"
STORE_STAGE = "store"
MAX_WARNINGS_KEPT = 200  # in the run's record; the summary counts them all
log = logging.getLogger(__name__)


class Analyzer(Protocol):
    """Turns a batch of French articles into one result per article, in order.

    A result is an Analysis, or a Rejection for an article it cannot analyse
    (a pool of worker processes reports that way); an analyser may instead raise
    ``RejectedInput``, and the orchestrator then retries article by article to
    isolate the bad one. The real one is ``veille.extract.analyze.make_analyzer(settings)``.
    """

    def __call__(self, articles: list[Article]) -> list[Analysis | Rejection]: ...


class Progress(Protocol):
    """Where the pipeline reports progress (a bar on a terminal, log lines otherwise)."""

    def start(self, label: str, total: int | None = None) -> None: ...

    def advance(self, n: int = 1) -> None: ...

    def finish(self) -> None: ...


class NoProgress:
    """A Progress that reports nothing."""

    def start(self, label: str, total: int | None = None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def finish(self) -> None:
        pass


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What one run did. ``ingested`` counts every article stored now, copies included;
    ``duplicates_*`` and ``non_french`` say how many of those were copies or not French."""

    run_id: int
    ingested: int = 0
    duplicates_exact: int = 0
    duplicates_near: int = 0
    already_stored: int = 0
    non_french: int = 0
    analysed: int = 0
    rejected: tuple[Rejection, ...] = ()
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0
    stage_seconds: tuple[tuple[str, float], ...] = ()
    slowest_stage: str | None = None

    def counts(self) -> dict:
        """The summary as plain counts (stored in the ``runs`` table)."""
        out = asdict(self)
        out["rejected"] = len(self.rejected)
        out["warnings"] = list(self.warnings[:MAX_WARNINGS_KEPT])
        out["stage_seconds"] = dict(self.stage_seconds)
        return out


@dataclass(slots=True)
class _Tally:
    """Mutable counts while a run goes on."""

    ingested: int = 0
    duplicates_exact: int = 0
    duplicates_near: int = 0
    already_stored: int = 0
    non_french: int = 0
    analysed: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, result: AddResult) -> None:
        self.ingested += len(result.new)
        self.duplicates_exact += len(result.duplicates_exact)
        self.duplicates_near += len(result.duplicates_near)
        self.already_stored += len(result.already_stored)
        self.non_french += len(result.non_french)


class _Clock:
    """Wall time spent per stage."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - start

    def timed(self, name: str, iterable: Iterable) -> Iterator:
        iterator = iter(iterable)
        while True:
            with self.stage(name):
                item = next(iterator, _END)
            if item is _END:
                return
            yield item

    def summary(self, run_id: int, tally: _Tally) -> RunSummary:
        stages = tuple((name, round(s, 3)) for name, s in sorted(self.seconds.items()))
        slowest = max(self.seconds, key=self.seconds.__getitem__) if self.seconds else None
        return RunSummary(run_id=run_id, ingested=tally.ingested, duplicates_exact=tally.duplicates_exact,
                          duplicates_near=tally.duplicates_near, already_stored=tally.already_stored,
                          non_french=tally.non_french, analysed=tally.analysed,
                          rejected=tuple(tally.rejected), warnings=tuple(tally.warnings),
                          seconds=round(time.perf_counter() - self.started, 3),
                          stage_seconds=stages, slowest_stage=slowest)


_END = object()


def run_ingest(specs: Iterable[str], settings: Settings, *, analyzer: Analyzer | None = None,
               progress: Progress | None = None, stdin: BinaryIO | None = None,
               items: Iterable[Article | Rejection] | None = None, command: str = "ingest") -> RunSummary:
    """Read ``specs``, store every article (linking duplicates) and analyse the new French ones.

    Analysis runs when ``settings.analyze`` is true and an analyzer is given. ``items``, when
    given, are the articles and rejections already read from ``specs`` elsewhere (a cluster
    run's Parquet parts, ``veille.cluster``); the run is recorded under ``command``.
    """
    specs = list(specs)
    progress = progress or NoProgress()
    clock, tally = _Clock(), _Tally()
    analyzer = analyzer if settings.analyze else None
    with _open_store(settings, create=True) as store, collect_warnings(tally.warnings):
        run_id = start_run(store, command, specs)
        progress.start(command)
        read = iter_articles(specs, settings, stdin=stdin) if items is None else items
        stream = clock.timed("read", read)
        analysis = _Analysis(store, run_id, analyzer, clock, tally) if analyzer is not None else None
        for articles, rejections in _batches(stream, settings.batch_size):
            _record_rejections(store, run_id, rejections, tally)
            with clock.stage("store"):
                result = _store(store, run_id, articles, tally)
            tally.add(result)
            if analysis is not None:
                analysis.add(list(result.to_analyse))
            progress.advance(len(articles) + len(rejections))
        if analysis is not None:
            analysis.finish()
        progress.finish()
        summary = clock.summary(run_id, tally)
        store.finish_run(run_id, summary.counts())
    return summary


def run_analyze(settings: Settings, analyzer: Analyzer, *, progress: Progress | None = None,
                retry_failed: bool = False) -> RunSummary:
    """Analyse every stored article that waits for it (French, not an exact copy)."""
    def prepare(store: Store) -> int:
        if retry_failed:
            store.clear_analysis_errors()
        return store.count_pending_analysis()

    return _run_stored("analyze", "analyse", settings, analyzer, progress, prepare,
                       lambda store, after: store.pending_analysis(settings.batch_size, after=after))


def run_reanalyze(settings: Settings, analyzer: Analyzer, versions: dict[str, str], *,
                  since: str | None = None, progress: Progress | None = None) -> RunSummary:
    """Redo the analyses an upgrade changed: those recorded with other ``versions`` than the
    current ones (or, with ``since``, those made by that version of any component)."""
    return _run_stored("reanalyze", "reanalyse", settings, analyzer, progress,
                       lambda store: store.count_outdated_analysis(versions, since=since),
                       lambda store, after: store.outdated_analysis(versions, settings.batch_size,
                                                                    since=since, after=after),
                       specs=[since] if since else [])


def _run_stored(command: str, label: str, settings: Settings, analyzer: Analyzer, progress: Progress | None,
                prepare, next_batch, specs: list[str] = ()) -> RunSummary:
    """Analyse stored articles page by page (``next_batch(store, after)``, ordered by doc_id)."""
    progress = progress or NoProgress()
    clock, tally = _Clock(), _Tally()
    with _open_store(settings, create=False) as store, collect_warnings(tally.warnings):
        run_id = start_run(store, command, specs)
        progress.start(label, total=prepare(store))
        after, analysis = None, _Analysis(store, run_id, analyzer, clock, tally)
        while batch := next_batch(store, after):
            after = batch[-1].doc_id
            analysis.add(batch)
            progress.advance(len(batch))
        analysis.finish()
        progress.finish()
        summary = clock.summary(run_id, tally)
        store.finish_run(run_id, summary.counts())
    return summary


def _open_store(settings: Settings, *, create: bool) -> Store:
    return Store.open(settings.db_path, create=create, near_threshold=settings.near_duplicate_threshold)


def _batches(stream: Iterable[Article | Rejection], size: int
             ) -> Iterator[tuple[list[Article], list[Rejection]]]:
    """Group the stream into batches of ``size`` articles (with the rejections met on the way)."""
    articles: list[Article] = []
    rejections: list[Rejection] = []
    for item in stream:
        if isinstance(item, Rejection):
            rejections.append(item)
            continue
        articles.append(item)
        if len(articles) >= size:
            yield articles, rejections
            articles, rejections = [], []
    if articles or rejections:
        yield articles, rejections


def _store(store: Store, run_id: int, articles: list[Article], tally: _Tally) -> AddResult:
    """Store a batch in one transaction; when it fails for a reason other than the database itself,
    store the articles one by one so that only the bad one is lost (and recorded)."""
    try:
        return store.add_articles(articles, run_id=run_id)
    except sqlite3.OperationalError:
        raise  # the store itself (locked, full, unreadable): nothing else can be stored either
    except Exception:  # noqa: BLE001 - isolated below, article by article
        if len(articles) == 1:
            raise
    results = []
    for article in articles:
        try:
            results.append(store.add_articles([article], run_id=run_id))
        except sqlite3.OperationalError:
            raise
        except Exception as exc:  # noqa: BLE001 - this article's bug costs this article only
            log.debug("unexpected error storing %s", article.locator, exc_info=True)
            _record_rejections(store, run_id, [Rejection(article.locator, STORE_STAGE, unexpected(exc))], tally)
    return AddResult(**{f.name: tuple(x for r in results for x in getattr(r, f.name)) for f in fields(AddResult)})


def _record_rejections(store: Store, run_id: int, rejections: list[Rejection], tally: _Tally) -> None:
    if rejections:
        store.add_rejections(run_id, rejections)
        tally.rejected.extend(rejections)


def _analyse(store: Store, run_id: int, articles: list[Article], analyzer: Analyzer,
             clock: _Clock, tally: _Tally) -> None:
    if not articles:
        return
    with clock.stage(ANALYZE_STAGE):
        analyses, rejected = _call_analyzer(analyzer, articles)
    _save(store, run_id, analyses, rejected, clock, tally)


def _save(store: Store, run_id: int, analyses: list[Analysis], rejected: list[tuple[str, Rejection]],
          clock: _Clock, tally: _Tally) -> None:
    with clock.stage("save"):
        tally.analysed += store.save_analyses(analyses)
        if rejected:
            store.record_analysis_errors((doc_id, r.reason) for doc_id, r in rejected)
            _record_rejections(store, run_id, [r for _, r in rejected], tally)


class _Analysis:
    """Analysis of the stored batches, in order. An analyzer with ``submit`` (a pool of worker
    processes) gets up to ``depth`` batches in flight while the next ones are read and stored."""

    def __init__(self, store: Store, run_id: int, analyzer: Analyzer, clock: _Clock, tally: _Tally,
                 depth: int = 2):
        self.store, self.run_id, self.analyzer = store, run_id, analyzer
        self.clock, self.tally, self.depth = clock, tally, depth
        self.in_flight: deque = deque()

    def add(self, articles: list[Article]) -> None:
        if not articles:
            return
        if not hasattr(self.analyzer, "submit"):
            _analyse(self.store, self.run_id, articles, self.analyzer, self.clock, self.tally)
            return
        self.in_flight.append((articles, self.analyzer.submit(articles)))
        while len(self.in_flight) > self.depth:
            self._collect()

    def finish(self) -> None:
        while self.in_flight:
            self._collect()

    def _collect(self) -> None:
        articles, futures = self.in_flight.popleft()
        with self.clock.stage(ANALYZE_STAGE):
            try:
                results = [r for future in futures for r in future.result()]
            except Exception as exc:  # noqa: BLE001 - a worker died (killed, out of memory): the batch is lost
                log.debug("analysis workers failed", exc_info=exc)
                results = [Rejection(a.locator, ANALYZE_STAGE, f"the analysis worker failed ({type(exc).__name__}: "
                                     f"{exc}); retry with `veille analyze --retry-failed`") for a in articles]
        analyses, rejected = _sorted_results(articles, results)
        _save(self.store, self.run_id, analyses, rejected, self.clock, self.tally)


def _call_analyzer(analyzer: Analyzer, articles: list[Article]
                   ) -> tuple[list[Analysis], list[tuple[str, Rejection]]]:
    """Analyse a batch; if the analyzer rejects, retry one by one to isolate the bad articles."""
    try:
        return _sorted_results(articles, list(analyzer(articles)))
    except Exception as exc:  # noqa: BLE001 - RejectedInput, or a bug: isolated below
        if len(articles) == 1:
            return [], [_rejection(articles[0], exc)]
    analyses, rejected = [], []
    for article in articles:
        try:
            done, refused = _sorted_results([article], list(analyzer([article])))
        except Exception as exc:  # noqa: BLE001 - this article's bug costs this article only
            done, refused = [], [_rejection(article, exc)]
        analyses += done
        rejected += refused
    return analyses, rejected


def _sorted_results(articles: list[Article], results: list[Analysis | Rejection]
                    ) -> tuple[list[Analysis], list[tuple[str, Rejection]]]:
    """Analyses apart from rejections; a rejection belongs to the article at its position."""
    analyses = [r for r in results if isinstance(r, Analysis)]
    if len(analyses) == len(results):
        return analyses, []
    if len(results) != len(articles):
        raise RuntimeError(f"the analyser returned {len(results)} results with rejections for "
                           f"{len(articles)} articles: cannot tell which article was rejected")
    rejected = [(a.doc_id, _located(r, a)) for a, r in zip(articles, results) if isinstance(r, Rejection)]
    return analyses, rejected


def _located(rejection: Rejection, article: Article) -> Rejection:
    locator = article.locator if article.locator == article.doc_id else f"{article.locator} ({article.doc_id})"
    return Rejection(locator=locator, stage=rejection.stage or ANALYZE_STAGE, reason=rejection.reason)


def _rejection(article: Article, exc: Exception) -> tuple[str, Rejection]:
    if isinstance(exc, RejectedInput):
        return article.doc_id, _located(Rejection(article.locator, exc.stage or ANALYZE_STAGE, exc.reason), article)
    log.debug("unexpected error analysing %s", article.locator, exc_info=exc)
    return article.doc_id, _located(Rejection(article.locator, ANALYZE_STAGE, unexpected(exc)), article)
