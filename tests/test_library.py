"""The Python API: veille.analyze / analyze_many (the pipeline's analyser) and veille.open."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from types import GeneratorType

import pytest

import veille
from veille.model import EventType, Status
from veille.store import Store

# Sentences of our own (not from any gold document).
TEXT = ("Le gouvernement malien a accusé mardi la France de soutenir des groupes armés dans le nord du pays.\n\n"
        "Selon le ministre des Affaires étrangères, la Russie livrerait des hélicoptères à l'armée malienne "
        "la semaine prochaine.")
OTHER = "Le Burkina Faso a expulsé deux diplomates français mercredi."


@pytest.fixture(scope="module")
def analysis(store_path):  # store_path first: the session's model is loaded already
    return veille.analyze(TEXT, title="Bamako hausse le ton", published="2022-02-01")


def test_analyze_finds_events_with_status_attribution_and_dates(analysis):
    events = [(e.type, e.status, e.source and e.source.name, e.target and e.target.name) for e in analysis.events]
    assert (EventType.ACCUSE, Status.ASSERTED, "gouvernement malien", "France") in events
    aid = next(e for e in analysis.events if e.type is EventType.AID and e.source and e.source.country == "RUS")
    assert aid.status is Status.ALLEGED and aid.attributed_to.name == "ministre des Affaires étrangères"
    assert aid.source.country == "RUS" and aid.date.value == "2022-W06"
    assert TEXT[aid.evidence.start:aid.evidence.end] == aid.evidence.text  # offsets index the given text
    assert [(t.text, t.value) for t in analysis.timexes] == [("mardi", "2022-02-01"),
                                                              ("la semaine prochaine", "2022-W06")]
    assert analysis.doc_id.startswith("h-") and analysis.versions["veille"] == veille.__version__


def test_analyze_is_the_pipelines_analysis(store_path, ids):
    """The seed through veille.analyze gives the events `veille ingest` stored for it."""
    with Store.open(store_path, create=False) as store:
        article = store.get_article(ids["seed"])
        stored = store.load_analysis(ids["seed"])
    mine = veille.analyze(article.text, title=article.title, published=article.published, url=article.url)
    assert mine.events == stored.events and mine.quotes == stored.quotes and mine.timexes == stored.timexes


def test_analyze_rejects_empty_text_and_bad_dates():
    with pytest.raises(veille.RejectedInput, match="no article text"):
        veille.analyze("   ")
    with pytest.raises(veille.RejectedInput, match="not an ISO date"):
        veille.analyze(OTHER, published="mardi")


def test_analyze_many_streams_in_order(analysis):
    results = veille.analyze_many([OTHER, {"text": TEXT, "published": date(2022, 2, 1), "doc_id": "mine",
                                           "title": "Bamako hausse le ton"}], batch_size=1)
    assert isinstance(results, GeneratorType)
    first, second = list(results)
    assert [(e.type, e.source.country, e.target.country) for e in first.events] == [
        (EventType.SANCTION, "BFA", "FRA")]
    assert second.doc_id == "mine" and second.events == analysis.events


def test_analyze_many_with_worker_processes(analysis):
    results = list(veille.analyze_many([TEXT, OTHER], workers=2, batch_size=1))
    assert [r.doc_id for r in results] == [veille.analyze(t).doc_id for t in (TEXT, OTHER)]
    assert [e.type for e in results[1].events] == [EventType.SANCTION]


def test_import_veille_loads_nothing_heavy():
    code = "import sys, veille; print(sorted(m for m in ('spacy', 'veille.library', 'pandas') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_public_names_resolve():
    assert all(getattr(veille, name) is not None for name in veille.__all__)
    with pytest.raises(AttributeError):
        veille.internal_thing  # noqa: B018


@pytest.fixture(scope="module")
def corpus(store_path):
    with veille.open(store_path) as opened:
        yield opened


def test_open_dyad_is_the_cli_answer(corpus):
    answer = corpus.dyad("Russie", "junte malienne")
    assert (answer.a.label, answer.b.label, answer.b.org) == ("Russie", "CNSP", "CNSP")
    assert answer.overall.total == len(answer.evidence) > 0
    assert all(e.source.country == "RUS" or e.target.country == "RUS" for e in answer.evidence)


def test_open_events_filters_and_tables(corpus):
    alleged = corpus.events(actor="Russie", status="alleged")
    assert len(alleged) == alleged.total > 0 and {e.status for e in alleged} == {Status.ALLEGED}
    table = alleged.to_arrow()
    assert table.num_rows == len(alleged) and {"type", "status", "source_name", "evidence_text"} <= set(table.column_names)
    frame = alleged.to_pandas()
    assert list(frame["status"].unique()) == ["alleged"] and frame.shape[0] == len(alleged)
    assert frame["evidence_text"].iloc[0] == alleged[0].evidence.text
    few = corpus.events(limit=3, sort="-date")
    assert len(few) == 3 and few.total > 3
    with pytest.raises(TypeError, match="unknown event filter"):
        corpus.events(colour="red")


def test_open_articles_actor_and_article(corpus, ids):
    found = corpus.articles(search="Russie")
    assert ids["seed"] in {a.doc_id for a in found} and found.to_arrow().num_rows == len(found)
    profile = corpus.actor("CNSP")
    assert profile.name == "CNSP" and profile.as_target.total > 0
    view = corpus.article(ids["seed"])
    assert view.analysis.events and corpus.article("nope") is None


def test_open_missing_store_says_what_to_do(tmp_path):
    with pytest.raises(veille.RejectedInput, match="veille ingest"):
        veille.open(tmp_path / "none.db")
