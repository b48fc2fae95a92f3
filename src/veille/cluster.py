"""Ingest and analysis on a Dask cluster, loaded into the store by the same pipeline.

    run = run_cluster_ingest(["corpus/"], settings, parquet_dir=Path("veille.db.parquet"))
    summary = run_load(Path("veille.db.parquet"), settings)     # `veille load`: the load alone

How the work is split. The client expands the sources into *units*: every file a
directory or glob names, every URL, and stdin (read on the client, sent with the task).
A unit is one task: a big JSONL or WARC file is **one** unit, not split by byte ranges,
so that record locators (``file#line-12``), generated ids and WARC gzip members are
exactly those of a single-machine run; split very large files before a cluster run
(``split -l 20000 big.jsonl part-``) to spread them over the workers.

What a worker runs: the stages of the single-machine path and nothing else.
``veille.ingest.iter_articles([unit])`` reads the unit; the French articles go, a batch
at a time, through ``veille.parallel.analyse_each`` with the analyser that
``make_analyzer(settings)`` built once in that worker (``AnalyzerPlugin.setup``). The
rows (article, analysis or the analyser's reason, ingest rejections) go to one Parquet
part per unit (``veille.store.parquet``: written to a temporary name, then renamed; named
by the unit, so a retried or rerun unit overwrites its part). A worker dying mid-unit
is handled by Dask: the scheduler runs the unit again on another worker.

What the client runs: ``veille.pipeline.run_ingest`` itself, fed with the parts' rows
in unit order instead of reading files, while the later units are still computing.
The store, the single writer, decides duplicates (exact and near) exactly as on one
machine; the analyser handed to the pipeline is ``PartAnalyses``, which gives back the
analyses the workers made, so only those of articles the store accepts as new and not
exact copies are saved, and rejections land in the store's rejections table and the
run summary. The price: workers also analyse the copies the store then ignores.

The parts folder must be readable by the client under the same path the workers wrote
to (a shared file system on a real cluster).
"""
from __future__ import annotations

import io
import logging
import sys
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from distributed import Client, LocalCluster, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from veille import __version__
from veille.config import Settings
from veille.errors import RejectedInput
from veille.ingest import iter_articles
from veille.ingest.fetch import is_url
from veille.ingest.sources import STDIN_LOCATOR
from veille.ingest.sources import expand_paths  # the very expansion of the local path
from veille.model import Analysis, Article, Rejection
from veille.parallel import analyse_each
from veille.pipeline import ANALYZE_STAGE, Progress, RunSummary, run_ingest
from veille.store.articles import ANALYSED_LANGUAGE
from veille.store.parquet import PartRow, PartWriter, article_row, list_parts, read_part, rejection_row

PLUGIN_NAME = "veille-analyzer"
STAGE = "ingest"
CONNECT_TIMEOUT_S = 10


def default_parquet_dir(db_path: Path) -> Path:
    """The parts folder beside the store: ``veille.db`` -> ``veille.db.parquet/``."""
    return db_path.with_name(db_path.name + ".parquet")


# --------------------------------------------------------------------------- units


@dataclass(frozen=True, slots=True)
class Unit:
    """One task: a file path or URL as ``iter_articles`` takes it, or stdin with its bytes."""

    spec: str
    order: int
    data: bytes | None = None


def plan_units(specs: Iterable[str], settings: Settings, *, stdin: BinaryIO | None = None
               ) -> list[Unit | Rejection]:
    """The units of ``specs`` in the order a single-machine run reads them, with the
    specs that name nothing as Rejections. Files are not read here."""
    plan: list[Unit | Rejection] = []
    for spec in map(str, specs):
        if spec == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            plan.append(Unit(spec, len(plan), stream.read(settings.max_input_bytes + 1)))
        elif is_url(spec):
            plan.append(Unit(spec, len(plan)))
        else:
            paths = expand_paths(spec)
            if isinstance(paths, Rejection):
                plan.append(paths)
                continue
            for path in paths:
                plan.append(Unit(str(path), len(plan)))
    return plan


# --------------------------------------------------------------------------- on a worker


class AnalyzerPlugin(WorkerPlugin):
    """Builds the analyser once per worker (``make_analyzer``), when the worker joins."""

    name = PLUGIN_NAME

    def __init__(self, settings_json: str):
        self.settings_json = settings_json
        self.analyzer = None

    def setup(self, worker) -> None:
        from veille.extract.analyze import make_analyzer

        self.analyzer = make_analyzer(Settings.model_validate_json(self.settings_json)).warm()

    def teardown(self, worker) -> None:
        self.analyzer = None


@dataclass(frozen=True, slots=True)
class UnitResult:
    """What a worker did with one unit (the rows themselves are in the part)."""

    unit: str
    order: int
    path: str
    worker: str
    articles: int
    rejected: int
    words: int
    seconds: float


def process_unit(unit: Unit, directory: str, settings_json: str) -> UnitResult:
    """Read one unit, analyse its French articles, write its part (runs on a worker)."""
    start = time.perf_counter()
    settings = Settings.model_validate_json(settings_json)
    worker = get_worker()
    analyzer = worker.plugins[PLUGIN_NAME].analyzer if settings.analyze else None
    stdin = io.BytesIO(unit.data) if unit.data is not None else None
    articles = rejected = words = 0
    with PartWriter(directory, unit=STDIN_LOCATOR if unit.spec == "-" else unit.spec,
                    order=unit.order) as part:
        for batch in _batched(iter_articles([unit.spec], settings, stdin=stdin), settings.batch_size):
            rows = unit_rows(batch, analyzer)
            part.write(rows)
            articles += sum(isinstance(item, Article) for item in batch)
            rejected += sum(row["reason"] is not None for row in rows)
            words += sum(len(item.text.split()) for item in batch if isinstance(item, Article))
    return UnitResult(unit.spec, unit.order, str(part.path), worker.address, articles, rejected, words,
                      round(time.perf_counter() - start, 3))


def unit_rows(batch: list[Article | Rejection], analyzer) -> list[dict]:
    """The part rows of a batch, in order: French articles analysed, the others as they are."""
    french = [item for item in batch if isinstance(item, Article) and item.language == ANALYSED_LANGUAGE]
    results: dict[int, Analysis | Rejection] = {}
    if analyzer is not None and french:
        done = analyse_each(analyzer, french)
        if len(done) != len(french):
            raise RuntimeError(f"the analyser returned {len(done)} results for {len(french)} articles")
        results = {id(article): result for article, result in zip(french, done)}
    return [rejection_row(item) if isinstance(item, Rejection) else article_row(item, results.get(id(item)))
            for item in batch]


def _batched(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# --------------------------------------------------------------------------- loading parts


class PartAnalyses:
    """The pipeline's Analyzer for a load: the analyses the workers made, by doc_id.

    Rows are remembered as the load reads them (the last ``keep``: a stored batch is
    always among them). An article that was analysed on the cluster gets its analysis,
    one the analyser rejected gets that Rejection; one read with analysis off gets
    nothing and stays in the queue of `veille analyze`. When a batch mixes those last
    two, ``RejectedInput`` makes the pipeline ask article by article.
    """

    def __init__(self, keep: int):
        self.keep = keep
        self._rows: OrderedDict[str, PartRow] = OrderedDict()

    def remember(self, row: PartRow) -> None:
        doc_id = row.article.doc_id
        if doc_id not in self._rows:  # the store keeps the first article with a doc_id
            self._rows[doc_id] = row
            if len(self._rows) > self.keep:
                self._rows.popitem(last=False)

    def __call__(self, articles: list[Article]) -> list[Analysis | Rejection]:
        results = [self._result(article) for article in articles]
        found = [r for r in results if r is not None]
        if len(found) < len(results) and any(isinstance(r, Rejection) for r in found):
            raise RejectedInput("some articles were analysed on the cluster and some not", stage=ANALYZE_STAGE)
        return found

    def _result(self, article: Article) -> Analysis | Rejection | None:
        row = self._rows.get(article.doc_id)
        if row is None:
            raise RuntimeError(f"no row for {article.doc_id!r} among the last {self.keep} read")
        if row.article.text != article.text:
            return Rejection(article.locator, ANALYZE_STAGE,
                             "the stored article with this id has another text than the one analysed on "
                             "the cluster; analyse it here with `veille analyze --retry-failed`")
        return row.rejection or row.analysis()


def part_items(rows: Iterable[PartRow], analyses: PartAnalyses) -> Iterator[Article | Rejection]:
    """The articles and rejections of part rows, as the pipeline takes them."""
    for row in rows:
        if row.article is None:
            yield row.rejection
        else:
            analyses.remember(row)
            yield row.article


def run_load(directory: Path, settings: Settings, *, progress: Progress | None = None) -> RunSummary:
    """Load the parts in ``directory`` into the store (`veille load`); loading again adds nothing."""
    if not directory.is_dir():
        raise RejectedInput(f"no folder {directory}; give the --parquet-dir of a `veille ingest --engine dask` run")
    parts = list_parts(directory)
    if not parts:
        raise RejectedInput(f"no Parquet parts (part-*.parquet) in {directory}; "
                            "write them with `veille ingest SOURCES --engine dask --parquet-dir DIR`")
    analyses = PartAnalyses(keep=_keep(settings))
    rows = (row for part in parts for row in read_part(part.path))
    return run_ingest([str(directory)], settings.model_copy(update={"analyze": True}), analyzer=analyses,
                      progress=progress, items=part_items(rows, analyses), command="load")


def _keep(settings: Settings) -> int:
    return max(4 * settings.batch_size, 1024)


# --------------------------------------------------------------------------- the cluster run


@dataclass(frozen=True, slots=True)
class ClusterRun:
    """A cluster ingest: the store's run summary and what the cluster did."""

    summary: RunSummary
    scheduler: str
    workers: int
    units: tuple[UnitResult, ...]
    parquet_dir: Path

    @property
    def words(self) -> int:
        return sum(u.words for u in self.units)


def run_cluster_ingest(specs: Iterable[str], settings: Settings, *, parquet_dir: Path,
                       scheduler: str | None = None, workers: int | None = None,
                       progress: Progress | None = None, stdin: BinaryIO | None = None) -> ClusterRun:
    """Ingest and analyse ``specs`` on Dask workers, then load the parts into the store.

    With no ``scheduler`` address, a LocalCluster of ``workers`` processes (default
    ``settings.workers``), one thread each. The store is loaded while units still compute.
    """
    specs = [str(s) for s in specs]
    _make_folder(parquet_dir)
    plan = plan_units(specs, settings, stdin=stdin)
    _write_rejection_parts(plan, parquet_dir)
    settings_json = settings.model_dump_json()
    with open_client(scheduler, workers or settings.workers) as client:
        if settings.analyze:
            ensure_analyzers(client, settings)
        futures = {u.order: client.submit(process_unit, u, str(parquet_dir), settings_json, pure=False,
                                          key=f"veille-unit-{u.order}-{time.time_ns()}")
                   for u in plan if isinstance(u, Unit)}
        done: list[UnitResult] = []
        analyses = PartAnalyses(keep=_keep(settings))
        items = part_items(_planned_rows(plan, futures, done), analyses)
        summary = run_ingest(specs, settings, analyzer=analyses, progress=progress, items=items)
        address, n_workers = client.scheduler.address, len(client.scheduler_info()["workers"])
    return ClusterRun(summary, address, n_workers, tuple(done), parquet_dir)


def _planned_rows(plan: list[Unit | Rejection], futures: dict, done: list[UnitResult]) -> Iterator[PartRow]:
    """Rows in plan order, each unit's as soon as its part is written."""
    for entry in plan:
        if isinstance(entry, Rejection):
            yield PartRow(None, rejection=entry)
            continue
        result: UnitResult = futures[entry.order].result()
        done.append(result)
        yield from read_part(result.path)


def _write_rejection_parts(plan: list[Unit | Rejection], directory: Path) -> None:
    """Specs that name nothing get a part too, so that `veille load` reports them as well."""
    for order, entry in enumerate(plan):
        if isinstance(entry, Rejection):
            with PartWriter(directory, unit=entry.locator, order=order) as part:
                part.write([rejection_row(entry)])


def _make_folder(folder: Path) -> None:
    if not folder.parent.is_dir():
        raise RejectedInput(f"cannot write parts to {folder}: folder {folder.parent} does not exist")
    folder.mkdir(exist_ok=True)


@contextmanager
def open_client(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a LocalCluster of ``workers`` processes."""
    if scheduler is None:
        with local_cluster(workers) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError) as exc:
        raise RejectedInput(f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with "
                            "`dask scheduler` or leave out --scheduler to run on this machine") from None
    try:
        check_versions(client)
        yield client
    finally:
        client.close()


def local_cluster(workers: int) -> LocalCluster:
    """Worker processes on this machine, one thread each, on the loopback interface; no
    dashboard (it needs bokeh), the scheduler's HTTP endpoint on a free port."""
    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address=None, silence_logs=logging.ERROR,
                        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"})


def check_versions(client: Client) -> None:
    """Every worker must run this veille version (same code, same knowledge, same model)."""
    try:
        versions = client.run(_veille_version)
    except ImportError as exc:
        raise RejectedInput(f"the workers cannot import veille ({exc}); install veille {__version__} "
                            "on every machine") from None
    wrong = {address: v for address, v in versions.items() if v != __version__}
    if wrong:
        listed = ", ".join(f"{a} has {v}" for a, v in sorted(wrong.items()))
        raise RejectedInput(f"workers must run veille {__version__} like this client: {listed}; "
                            "install the same version on every machine")


def _veille_version() -> str:
    import veille

    return veille.__version__


def ensure_analyzers(client: Client, settings: Settings) -> None:
    """Give every worker its analyser, unless all already have one built with these settings
    (a long-lived cluster keeps its models between runs; workers that join later get theirs)."""
    wanted = settings.model_dump_json(exclude={"db_path"})
    built = client.run(_plugin_settings)
    if not built or any(v != wanted for v in built.values()):
        client.register_plugin(AnalyzerPlugin(wanted), name=PLUGIN_NAME)


def _plugin_settings(dask_worker) -> str | None:
    plugin = dask_worker.plugins.get(PLUGIN_NAME)
    return None if plugin is None or plugin.analyzer is None else plugin.settings_json
