"""Honest accuracy: k-fold cross-validation by article over train, and train → dev.

    cv = cross_validate(load_corpus(train_dir, res), res, design=HYBRID)
    dev = train_then_score(train, load_corpus(dev_dir, res), res, design=HYBRID)

Every article is parsed once and its rule events found once (the rules learn nothing); for each
fold the model is fitted on the other folds' sentences only, then the held-out articles are
analysed with that model through the very ``analyze_doc`` of the pipeline and scored with the
gold scorer. No article is ever scored by a model that saw it.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc

from veille.evaluation.run import gold_article, load_gold
from veille.evaluation.scorer import score
from veille.extract.analyze import Resources, analyze_doc, sane_published, tokenizable
from veille.extract.event_model.model import EventTypeModel
from veille.extract.lexicon import Lexicon
from veille.knowledge.resolver import resolve_doc
from veille.model import Analysis, Article, EventType
from veille.store.export import article_to_export
from veille.training.arguments import Choice, argument_choices, fit_arguments
from veille.training.dataset import Example, sentence_examples
from veille.training.fit import FitConfig, Fitted, fit
from veille.training.folds import fold_splits

log = logging.getLogger(__name__)
TYPES = tuple(t.value for t in EventType)


@dataclass(frozen=True)
class Design:
    """One way of finding events: the rules, the model alone, or both."""

    name: str
    learned: bool
    hybrid: bool
    arguments: bool = False  # the learned argument picker fills the participants the rules miss


RULES = Design("rules (lexicon + syntax)", learned=False, hybrid=False)
MODEL = Design("learned sentence model alone", learned=True, hybrid=False)
HYBRID_RULE_ARGS = Design("hybrid, participants from the rules only", learned=True, hybrid=True)
HYBRID = Design("hybrid: rules as candidates and features, model decides; learned argument picker", learned=True,
                hybrid=True, arguments=True)
DESIGNS = (RULES, MODEL, HYBRID_RULE_ARGS, HYBRID)


@dataclass
class Parsed:
    """A gold article, parsed once, with its rule-only analysis."""

    article: Article
    doc: Doc
    gold: dict
    rules: Analysis | None  # None: the analysis failed (error recorded in ``error``)
    lexicon: Lexicon
    error: str | None = None

    _choices: list[Choice] | None = None

    def choices(self, res: Resources) -> list[Choice]:
        """The gold participants the argument picker learns to find in this article (computed once)."""
        if self._choices is None:
            actors = resolve_doc(self.doc, sane_published(self.article.published), res.kb, res.gazetteer,
                                 title=self.article.title)
            self._choices = argument_choices(self.article.doc_id, self.doc, self.gold.get("events", []), actors,
                                             res.lexicon)
        return self._choices

    def examples(self, design: Design) -> list[Example]:
        rule_events = self.rules.events if self.rules is not None and design.hybrid else ()
        return sentence_examples(self.article.doc_id, self.doc, self.gold.get("events", []), rule_events,
                                 self.lexicon)


def load_corpus(gold_dir: Path, res: Resources) -> list[Parsed]:
    gold = load_gold(gold_dir)
    articles = [gold_article(g, str(gold_dir / f"{d}.json")) for d, g in gold.items()]
    docs = res.nlp.pipe((tokenizable(a.text) for a in articles), batch_size=16)
    rules_only = replace(res, event_model=None)
    out = []
    for doc, article in zip(docs, articles):
        analysis, error = _analyse(doc, article, rules_only)
        out.append(Parsed(article, doc, gold[article.doc_id], analysis, res.lexicon, error))
    return out


def _analyse(doc: Doc, article: Article, res: Resources) -> tuple[Analysis | None, str | None]:
    try:
        return analyze_doc(doc, article, res), None
    except Exception as exc:  # noqa: BLE001 - scored as an article with nothing found, and reported
        log.warning("analysis of %s failed: %r", article.doc_id, exc)
        return None, f"{type(exc).__name__}: {exc}"


def to_model(fitted: Fitted, hybrid: bool, version: str = "in-memory") -> EventTypeModel:
    return EventTypeModel(types=tuple(EventType(t) for t in fitted.types),
                          index={n: i for i, n in enumerate(fitted.features)}, sparse=fitted.sparse,
                          dense=fitted.dense, intercept=fitted.intercept, thresholds=fitted.thresholds,
                          version=version, hybrid=hybrid)


def fit_design(corpus: Sequence[Parsed], design: Design, res: Resources,
               config: FitConfig = FitConfig()) -> EventTypeModel | None:
    if not design.learned:
        return None
    examples = [ex for p in corpus for ex in p.examples(design)]
    model = to_model(fit(examples, TYPES, config), design.hybrid)
    if not design.arguments:
        return model
    return replace(model, arguments=fit_arguments([c for p in corpus for c in p.choices(res)], config))


def export(corpus: Sequence[Parsed], res: Resources, model: EventTypeModel | None, design: Design) -> dict[str, dict]:
    """The export records of ``corpus`` analysed with ``model`` (the rules alone when None)."""
    out = {}
    for p in corpus:
        if design.learned:
            analysis, _ = _analyse(p.doc, p.article, replace(res, event_model=model))
        else:
            analysis = p.rules
        out[p.article.doc_id] = article_to_export(p.article, analysis)
    return out


def cross_validate(corpus: Sequence[Parsed], res: Resources, design: Design,
                   config: FitConfig = FitConfig()) -> tuple[dict, dict[str, dict]]:
    """(scores, system records) with each article analysed by the model of the folds it is not in."""
    system: dict[str, dict] = {}
    for train_ids, held_ids in fold_splits(p.article.doc_id for p in corpus):
        train = [p for p in corpus if p.article.doc_id in train_ids]
        held = [p for p in corpus if p.article.doc_id in held_ids]
        system.update(export(held, res, fit_design(train, design, res, config), design))
    return score(gold_of(corpus), system), system


def train_then_score(train: Sequence[Parsed], test: Sequence[Parsed], res: Resources, design: Design,
                     config: FitConfig = FitConfig()) -> tuple[dict, dict[str, dict]]:
    system = export(test, res, fit_design(train, design, res, config), design)
    return score(gold_of(test), system), system


def gold_of(corpus: Sequence[Parsed]) -> dict[str, dict]:
    return {p.article.doc_id: p.gold for p in corpus}
