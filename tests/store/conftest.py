"""Store fixtures: real SQLite files in tmp_path, articles built from the real test corpus."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from veille.ingest.dedup import content_hash
from veille.model import (
    Actor,
    Analysis,
    Article,
    Entity,
    EntityKind,
    Event,
    EventDate,
    EventType,
    Place,
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


def make_article(doc_id: str, text: str, *, title: str = "Titre", language: str | None = "fr",
                 published: date | None = None, locator: str | None = None,
                 source_kind: SourceKind = SourceKind.TEXT, **fields) -> Article:
    return Article(doc_id=doc_id, title=title, text=text, content_hash=content_hash(text),
                   source_kind=source_kind, locator=locator or f"{doc_id}.txt",
                   language=language, published=published, **fields)


def wikinews_articles() -> list[Article]:
    articles = []
    for line in WIKINEWS_JSONL.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        articles.append(make_article(
            record["id"], record["text"], title=record["title"], url=record.get("url"),
            published=date.fromisoformat(record["published"]) if record.get("published") else None,
            locator=f"{WIKINEWS_JSONL}#{record['id']}", source_kind=SourceKind.JSONL))
    return articles


def seed_article(doc_id: str = "seed-000") -> Article:
    raw = SEED_PATH.read_text(encoding="utf-8")
    title, _, body = raw.partition("\n")
    return make_article(doc_id, body.strip(), title=title.strip(), published=date(2020, 9, 1),
                        byline="rédaction", section="Politique", tags=("Mali", "Russie"),
                        url="https://example.org/mali-russie")


def seed_analysis(article: Article) -> Analysis:
    """A hand-made analysis of the seed article, with verbatim offsets into its text."""
    text = article.text

    def span(phrase: str) -> Span:
        start = text.index(phrase)
        return Span(start, start + len(phrase), phrase)

    russia = Actor("Russie", "RUS", ("GOV",), None, kb_id="Q159", confidence=0.9, kind=EntityKind.COUNTRY)
    junta = Actor("CNSP", "MLI", ("GOV", "MIL"), "CNSP", kb_id="org:cnsp")
    sources = Actor("sources militaires maliennes", "MLI", ("MIL",))
    speaker = Actor("Fatoumata Coulibaly", "MLI", ("EDU",), role="enseignante-chercheuse à Bamako",
                    kind=EntityKind.PERSON)
    consult = span("l’Ambassadeur russe a été reçu en audience par les militaires au pouvoir")
    training = span("recevraient une formation à Moscou auprès des forces armées russes")
    quote = span("les relations entre le Mali et la Russie sont anciennes")
    when = span("vendredi 21 août")
    return Analysis(
        doc_id=article.doc_id,
        events=(
            Event(EventType.CONSULT, russia, junta, consult, Status.ASSERTED, mode="visit",
                  date=EventDate("2020-08", "", from_publication=True),
                  place=Place("Bamako", "MLI", 12.65, -8.0, geonames_id=2460596),
                  confidence=0.8, trigger="recevoir"),
            Event(EventType.AID, russia, Actor("militaires maliens", "MLI", ("MIL",)), training,
                  Status.ALLEGED, attributed_to=sources, date=EventDate("2020-01", "depuis janvier 2020"),
                  confidence=0.6),
            Event(EventType.PROTEST, Actor("manifestants", "MLI", ("CVL",)), None, span("mobilisation"),
                  mode="demo"),
        ),
        quotes=(Quote(speaker, quote.text, quote.start, quote.end, QuoteKind.DIRECT, "Selon"),
                Quote(None, "pour leur soutien au Mali", *_offsets(text, "pour leur soutien au Mali"),
                      QuoteKind.MIXED)),
        timexes=(Timex(when.text, when.start, when.end, "2020-08-21"),
                 Timex("janvier 2020", *_offsets(text, "janvier 2020"), "2020-01")),
        entities=(
            Entity("e1", "Russie", EntityKind.COUNTRY, "RUS", ("GOV",), None, "Q159",
                   mentions=tuple(_all_spans(text, "Russie"))),
            Entity("e2", "Fatoumata Coulibaly", EntityKind.PERSON, "MLI", ("EDU",),
                   mentions=(span("Fatoumata Coulibaly"),)),
            Entity("e10", "CEDEAO", EntityKind.ORGANISATION, "IGO", ("GOV",), "ECOWAS",
                   mentions=tuple(_all_spans(text, "CEDEAO"))),
        ),
        versions={"veille": "0.1.0", "model": "fr_core_news_md-3.8.0"},
    )


def _offsets(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _all_spans(text: str, phrase: str) -> list[Span]:
    spans, start = [], text.find(phrase)
    while start >= 0:
        spans.append(Span(start, start + len(phrase), phrase))
        start = text.find(phrase, start + 1)
    return spans


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "veille.db"


@pytest.fixture
def store(db_path):
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture(scope="session")
def wikinews() -> list[Article]:
    return wikinews_articles()


@pytest.fixture(scope="session")
def seed() -> Article:
    return seed_article()


@pytest.fixture(scope="session")
def analysis(seed) -> Analysis:
    return seed_analysis(seed)


@pytest.fixture(scope="session")
def article():
    """Build an article from text: ``article("doc-1", "Le texte...", language="en")``."""
    return make_article
