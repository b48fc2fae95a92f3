"""The analysis stage: Article -> spaCy Doc -> typed Analysis (no Doc leaves this module).

Order inside one article: time expressions, actor resolution, quotes, then events (whose
status and attribution read the quotes and time expressions found before).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from veille import __version__
from veille.config import Settings
from veille.errors import RejectedInput
from veille.extract.event_model.model import EventTypeModel, shipped_version
from veille.extract.events import find_events
from veille.extract.headline import headline_events
from veille.extract.lexicon import Lexicon
from veille.extract.quotes import find_quotes
from veille.extract.timex import find_timexes
from veille.extract.timex.calendar import sane_published
from veille.knowledge.gazetteer import Gazetteer
from veille.knowledge.kb import KnowledgeBase
from veille.knowledge.resolver import resolve_doc
from veille.model import Analysis, Article
from veille.nlp import load_nlp, model_version


LONG_RUN_CHARS = 300  # spaCy's tokenizer is quadratic in the length of one space-free "word"
_LONG_RUN = re.compile(r"\S{%d,}" % LONG_RUN_CHARS)


def tokenizable(text: str) -> str:
    """``text`` with a space every 100 characters of a run of non-space characters longer than
    LONG_RUN_CHARS (a base64 image, a row of brackets), so that the tokenizer stays linear (such a
    run of 9,000 characters took 11 s); one character for one, so every offset still indexes the text."""
    if len(text) < LONG_RUN_CHARS or not _LONG_RUN.search(text):
        return text
    return _LONG_RUN.sub(lambda m: "".join(" " if (i + 1) % 100 == 0 else c for i, c in enumerate(m.group())), text)


RULES_ONLY = "none (rules only)"


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything the analysis needs, loaded once per process."""

    nlp: Language
    kb: KnowledgeBase
    gazetteer: Gazetteer
    lexicon: Lexicon
    event_model: EventTypeModel | None = None  # None: the rules alone

    @classmethod
    def load(cls, *, learned: bool = True) -> "Resources":
        """Everything loaded; ``learned=False``: the rules alone (training starts from them)."""
        model = EventTypeModel.load() if learned else None
        return cls(load_nlp(), KnowledgeBase.load(), Gazetteer.load(), Lexicon.load(), model)

    def versions(self) -> dict[str, str]:
        return current_versions(self.kb, self.lexicon, self.event_model or RULES_ONLY)


def current_versions(kb: KnowledgeBase | None = None, lexicon: Lexicon | None = None,
                     event_model: EventTypeModel | str | None = None) -> dict[str, str]:
    """What an analysis made now would record: code, spaCy model, knowledge base, lexicon and learned
    event-model versions.

    Cheap (no model loading), so a run can tell which stored analyses are out of date.
    """
    kb, lexicon = kb or KnowledgeBase.load(), lexicon or Lexicon.load()
    events = event_model if isinstance(event_model, str) else (
        event_model.version if event_model is not None else shipped_version())
    return {"veille": __version__, "model": model_version(), "kb": kb.version, "lexicon": lexicon.version,
            "event_model": events}


def analyze_doc(doc: Doc, article: Article, res: Resources) -> Analysis:
    """All layers of one parsed article."""
    published = sane_published(article.published)  # 0001-01-01 anchors nothing
    timexes = find_timexes(article.text, published)
    actors = resolve_doc(doc, published, res.kb, res.gazetteer, title=article.title)
    quotes = find_quotes(doc, actors)
    events = find_events(doc, actors, res.lexicon, timexes=timexes, quotes=quotes,
                         gazetteer=res.gazetteer, published=published, title=article.title,
                         model=res.event_model)
    events = tuple(events) + headline_events(res, article.title, published)  # after the body's
    return Analysis(doc_id=article.doc_id, events=events, quotes=tuple(quotes),
                    timexes=tuple(timexes), entities=tuple(actors.entities()), versions=res.versions())


class Analyzer:
    """Callable the pipeline feeds with batches of articles (one model per process).

    Without ``resources`` they are loaded on the first batch, so a run with nothing new to
    analyse (a rerun over an unchanged corpus) never pays for loading the model.
    """

    def __init__(self, resources: Resources | None = None, batch_size: int = 32, max_chars: int = 1_000_000):
        self._res = resources
        self.batch_size = batch_size
        self.max_chars = max_chars

    @property
    def res(self) -> Resources:
        if self._res is None:
            self._res = Resources.load()
        return self._res

    def warm(self) -> "Analyzer":
        """Load the model and knowledge now (a Dask worker does it when it joins)."""
        _ = self.res
        return self

    @property
    def versions(self) -> dict[str, str]:
        return current_versions() if self._res is None else self._res.versions()

    def check(self, article: Article) -> None:
        """Reject what cannot be analysed, before it reaches the parser."""
        if not article.text.strip():
            raise RejectedInput("empty body text: nothing to analyse", locator=article.doc_id, stage="analyze")
        if len(article.text) > self.max_chars:
            raise RejectedInput(f"body text of {len(article.text):,} characters exceeds the analysis limit of "
                                f"{self.max_chars:,} (raise Settings.max_text_chars to analyse it)",
                                locator=article.doc_id, stage="analyze")

    def __call__(self, articles: list[Article]) -> list[Analysis]:
        for article in articles:
            self.check(article)
        docs = self.res.nlp.pipe((tokenizable(a.text) for a in articles), batch_size=self.batch_size)
        return [analyze_doc(doc, article, self.res) for doc, article in zip(docs, articles)]


def make_analyzer(settings: Settings) -> Analyzer:
    """The analyser of this process; its model loads with the first batch."""
    return Analyzer(batch_size=settings.batch_size, max_chars=settings.max_text_chars)
