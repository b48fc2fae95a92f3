"""The stores the query, API and web tests share, each built once per test process.

``pipeline_store``: the real thing. The seed and the Wikinews 2012 HTML pages go
through ``veille.pipeline.run_ingest`` with the real analyser, together with two
files written for the edge cases: a syndicated copy of the seed (a near-duplicate
that must count as the same independent source) and an article whose title and
text hold HTML (it must come back escaped).

``gold_store``: the same corpus with the gold annotations of tests/data/gold/dev
as analyses, saved through the Store's own API (real SQLite), so that exact
counts (by status, members, copies, dates) can be read off the gold files,
whatever the extractor finds.

The conftests of tests/queries, tests/api and tests/web load this module by
path (``load_builder``) and share the built stores.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

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

DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "gold" / "dev"
WIKINEWS = DATA / "corpus" / "wikinews-fr-2012" / "articles.jsonl"
WIKINEWS_HTML = DATA / "corpus" / "wikinews-fr-2012" / "html"
SEED_FILE = DATA / "corpus" / "seed" / "mali-russie-junte-2020-09-01.txt"
COPY_FILE = "republicain-copie-mali-russie.txt"
HOSTILE_FILE = "hostile.txt"
SEED_ID = "seed-000"
COPY_ID = "seed-copy-republicain"
HOSTILE_ID = "hostile-html"
HOSTILE_TITLE = "Essai <script>alert('titre')</script> & <b>gras</b>"
HOSTILE_TEXT = ("La Chine a salué le Mali. <script>alert('corps')</script>"
                " <img src=x onerror=alert(1)> Le Mali remercie la Chine.")

# Coordinates of the places the gold files name (test data for the map; GeoNames points).
PLACES = {
    "Bamako": ("MLI", 12.65, -8.0), "place de l’Indépendance, Bamako": ("MLI", 12.65, -8.0),
    "Moscou": ("RUS", 55.7522, 37.6156), "Russie": ("RUS", 61.5, 105.3), "Kaboul": ("AFG", 34.5281, 69.1723),
    "Afghanistan": ("AFG", 33.0, 65.0), "place Tahrir, Le Caire": ("EGY", 30.0444, 31.2357),
    "Le Caire": ("EGY", 30.0444, 31.2357), "Tombouctou": ("MLI", 16.7735, -3.0074),
    "Gao": ("MLI", 16.2717, -0.0447), "Londres": ("GBR", 51.5085, -0.1257), "Téhéran": ("IRN", 35.6944, 51.4215),
    "Alep": ("SYR", 36.2021, 37.1343), "Homs": ("SYR", 34.7268, 36.7234), "Quito": ("ECU", -0.2299, -78.5249),
}
KB_IDS = {"CNSP": "org:CNSP", "ECOWAS": "org:ECOWAS"}  # by actor name: the organisations themselves


def gold_files() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


def _article(doc_id: str, title: str, text: str, published: str | None, **fields) -> Article:
    return Article(doc_id=doc_id, title=title, text=text, content_hash=content_hash(text),
                   source_kind=SourceKind.TEXT, locator=f"{doc_id}.txt", language="fr",
                   published=date.fromisoformat(published) if published else None, **fields)


def _actor(data: dict | None) -> Actor | None:
    if not data:
        return None
    kind = EntityKind.COUNTRY if data.get("sector") == ["GOV"] and not data.get("org") and \
        data["name"] in {"Russie", "Mali", "Chine", "Mauritanie", "Burkina Faso", "Niger", "Tchad"} else None
    kb_id = f"country:{data['country']}" if kind is EntityKind.COUNTRY else KB_IDS.get(data["name"])
    return Actor(name=data["name"], country=data.get("country"), sector=tuple(data.get("sector") or ()),
                 org=data.get("org"), kb_id=kb_id, role=data.get("role"), kind=kind, confidence=0.9)


def _span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def _event(text: str, data: dict, published: str | None) -> Event:
    place = None
    if data.get("place"):
        country, lat, lon = PLACES.get(data["place"], (None, None, None))
        place = Place(data["place"], country, lat, lon)
    when = EventDate(data["date"], data["date"]) if data.get("date") else \
        (EventDate(published, "", from_publication=True) if published else None)
    return Event(type=EventType(data["type"]), source=_actor(data["source"]), target=_actor(data["target"]),
                 evidence=_span(text, data["evidence"]), status=Status(data["status"]), mode=data.get("mode"),
                 attributed_to=_actor(data.get("attributed_to")), date=when, place=place, confidence=0.8)


def _entities(text: str, events: list[Event]) -> tuple[Entity, ...]:
    found: dict[tuple, Entity] = {}
    for event in events:
        for actor in (event.source, event.target):
            if actor is None or (actor.name, actor.country) in found:
                continue
            mentions, start = [], text.find(actor.name)
            while start >= 0:
                mentions.append(Span(start, start + len(actor.name), actor.name))
                start = text.find(actor.name, start + 1)
            kind = actor.kind or (EntityKind.ORGANISATION if actor.org else EntityKind.GROUP)
            found[actor.name, actor.country] = Entity(f"e{len(found) + 1}", actor.name, kind, actor.country,
                                                      actor.sector, actor.org, actor.kb_id, tuple(mentions))
    return tuple(found.values())


def gold_analysis(doc_id: str, text: str, gold: dict) -> Analysis:
    events = [_event(text, e, gold.get("published")) for e in gold["events"]]
    quotes = tuple(Quote(_actor(q["speaker"]), q["text"], *_offsets(text, q["text"]), QuoteKind(q["kind"]),
                         q.get("cue")) for q in gold["quotes"])
    timexes = tuple(Timex(t["text"], *_offsets(text, t["text"]), t["value"]) for t in gold["timexes"])
    return Analysis(doc_id=doc_id, events=tuple(events), quotes=quotes, timexes=timexes,
                    entities=_entities(text, events), versions={"gold": "dev"})


def _offsets(text: str, phrase: str) -> tuple[int, int]:
    span = _span(text, phrase)
    return span.start, span.end


def corpus_articles() -> tuple[list[Article], list[Analysis]]:
    """Every gold article with its analysis, the other Wikinews articles, the copy and the hostile one."""
    articles, analyses = [], []
    golds = gold_files()
    for gold in golds:
        extra = {"url": "https://example.org/mali-russie", "section": "Politique"} if gold["doc_id"] == SEED_ID else {}
        articles.append(_article(gold["doc_id"], gold["title"], gold["text"], gold["published"], **extra))
        analyses.append(gold_analysis(gold["doc_id"], gold["text"], gold))
    done = {g["doc_id"] for g in golds}
    for line in WIKINEWS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] not in done:
            articles.append(_article(record["id"], record["title"], record["text"], record.get("published")))
    seed = next(g for g in golds if g["doc_id"] == SEED_ID)
    copy_text = seed["text"] + "\n\nAvec Le Républicain."
    articles.append(_article(COPY_ID, seed["title"], copy_text, "2020-09-02", url="https://example.net/copie"))
    analyses.append(gold_analysis(COPY_ID, copy_text, seed))
    articles.append(_article(HOSTILE_ID, HOSTILE_TITLE, HOSTILE_TEXT, "2020-09-03"))
    analyses.append(_hostile_analysis())
    return articles, analyses


def _hostile_analysis() -> Analysis:
    evidence = _span(HOSTILE_TEXT, "La Chine a salué le Mali")
    china = Actor("Chine <i>", "CHN", ("GOV",), kind=EntityKind.COUNTRY)
    mali = Actor("Mali", "MLI", ("GOV",), kind=EntityKind.COUNTRY)
    event = Event(EventType.SUPPORT, china, mali, evidence, Status.ASSERTED,
                  date=EventDate("2020-09-03", "", from_publication=True), confidence=0.5)
    return Analysis(HOSTILE_ID, events=(event,), versions={"gold": "dev"})


def build_gold_store(path: Path) -> Path:
    """Fill a new store at ``path``; the copy is stored after its original so it links to it."""
    articles, analyses = corpus_articles()
    with Store.open(path) as store:
        store.add_articles(articles)
        store.save_analyses(analyses)
        record = store.get_record(COPY_ID)
        assert record.duplicate_of == SEED_ID, f"the syndicated copy should link to {SEED_ID}: {record}"
    return path


def build_pipeline_store(folder: Path) -> Path:
    """Ingest and analyse the corpus with the real pipeline into ``folder/veille.db``."""
    from veille.config import Settings
    from veille.extract.analyze import make_analyzer
    from veille.pipeline import run_ingest

    seed = SEED_FILE.read_text(encoding="utf-8")
    copy = seed.replace("\nComments", "\nArticle repris avec l’accord de la rédaction.\n\nComments", 1)
    assert copy != seed
    (folder / COPY_FILE).write_text(copy, encoding="utf-8")
    (folder / HOSTILE_FILE).write_text(f"{HOSTILE_TITLE}\n\n{HOSTILE_TEXT}\n", encoding="utf-8")
    settings = Settings(db_path=folder / "veille.db", workers=1)
    specs = [str(SEED_FILE), str(folder / COPY_FILE), str(folder / HOSTILE_FILE), str(WIKINEWS_HTML)]
    summary = run_ingest(specs, settings, analyzer=make_analyzer(settings))
    assert summary.analysed >= 100, f"the pipeline analysed too few articles: {summary}"
    return settings.db_path


def doc_id_by_locator(store: Store, suffix: str) -> str:
    """The doc_id the pipeline gave the article read from a file ending with ``suffix``."""
    row = store.execute("SELECT doc_id FROM articles WHERE locator LIKE ?", (f"%{suffix}",)).fetchone()
    assert row is not None, f"no article read from *{suffix}"
    return row[0]


_BUILT: dict[str, Path] = {}


def gold_store(tmp_path_factory) -> Path:
    if "gold" not in _BUILT:
        _BUILT["gold"] = build_gold_store(tmp_path_factory.mktemp("gold") / "veille.db")
    return _BUILT["gold"]


def pipeline_store(tmp_path_factory) -> Path:
    if "pipeline" not in _BUILT:
        _BUILT["pipeline"] = build_pipeline_store(tmp_path_factory.mktemp("pipeline"))
    return _BUILT["pipeline"]
