"""CLI fixtures: real store files in tmp_path, filled from the real test corpus."""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from veille.cli.main import main
from veille.ingest.dedup import content_hash
from veille.model import (
    Actor,
    Analysis,
    Article,
    Entity,
    EntityKind,
    Event,
    EventType,
    Quote,
    QuoteKind,
    SourceKind,
    Span,
    Status,
    Timex,
)
from veille.store import Store

DATA = Path(__file__).resolve().parents[1] / "data"
SEED_PATH = DATA / "corpus" / "seed" / "mali-russie-junte-2020-09-01.txt"
WIKINEWS_JSONL = DATA / "corpus" / "wikinews-fr-2012" / "articles.jsonl"


def _span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def _seed() -> Article:
    title, _, body = SEED_PATH.read_text(encoding="utf-8").partition("\n")
    body = body.strip()
    return Article("seed-000", title.strip(), body, content_hash(body), SourceKind.TEXT, str(SEED_PATH),
                   published=date(2020, 9, 1), language="fr", section="Politique")


def _wikinews(n: int) -> list[Article]:
    articles = []
    for line in WIKINEWS_JSONL.read_text(encoding="utf-8").splitlines()[:n]:
        r = json.loads(line)
        articles.append(Article(r["id"], r["title"], r["text"], content_hash(r["text"]), SourceKind.JSONL,
                                f"{WIKINEWS_JSONL}#{r['id']}", published=date.fromisoformat(r["published"]),
                                language="fr"))
    return articles


def _seed_analysis(text: str) -> Analysis:
    russia = Actor("Russie", "RUS", ("GOV",))
    evidence = _span(text, "recevraient une formation à Moscou auprès des forces armées russes")
    quote = _span(text, "les relations entre le Mali et la Russie sont anciennes")
    return Analysis(
        doc_id="seed-000",
        events=(Event(EventType.AID, russia, Actor("militaires maliens", "MLI", ("MIL",)), evidence,
                      Status.ALLEGED, attributed_to=Actor("sources militaires maliennes", "MLI", ("MIL",)),
                      confidence=0.7),),
        quotes=(Quote(Actor("Fatoumata Coulibaly", "MLI", ("EDU",), role="enseignante-chercheuse à Bamako"),
                      quote.text, quote.start, quote.end, QuoteKind.DIRECT, "Selon"),),
        timexes=(Timex("vendredi 21 août", *_offsets(text, "vendredi 21 août"), "2020-08-21"),),
        entities=(Entity("russie", "Russie", EntityKind.COUNTRY, "RUS", ("GOV",),
                         mentions=(_span(text, "Russie"),)),),
        versions={"test": "1"},
    )


def _offsets(text: str, phrase: str) -> tuple[int, int]:
    span = _span(text, phrase)
    return span.start, span.end


@pytest.fixture
def db(tmp_path) -> Path:
    """A store with the seed (analysed), five Wikinews articles and an exact copy of the seed."""
    path = tmp_path / "veille.db"
    seed = _seed()
    copy = Article("seed-copy", seed.title, seed.text, seed.content_hash, SourceKind.HTML, "copy.html",
                   language="fr")
    with Store.open(path) as store:
        store.add_articles([seed, copy] + _wikinews(5))
        store.save_analyses([_seed_analysis(seed.text)])
    return path


@pytest.fixture
def veille(capsys):
    """Run `veille ARGS...` in-process: returns (exit code, stdout, stderr)."""
    def run(*argv: str) -> tuple[int, str, str]:
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def sources(tmp_path) -> Path:
    """A folder of real files: the seed, three Wikinews pages and an English text."""
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(SEED_PATH, folder / SEED_PATH.name)
    for page in sorted((DATA / "corpus" / "wikinews-fr-2012" / "html").glob("*.html"))[:3]:
        shutil.copy(page, folder / page.name)
    (folder / "bbc.txt").write_text(
        "The military junta that seized power in Mali received the Russian ambassador in Bamako on "
        "Friday, according to a statement read on state television.", encoding="utf-8")
    return folder


@pytest.fixture
def seed_path() -> Path:
    return SEED_PATH
