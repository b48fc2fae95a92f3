"""Custom spaCy attributes veille sets, declared in one place."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

EXTENSIONS = {
    # True when the morphology repair changed this token's mood/tense or lemma.
    "morph_repaired": False,
}

# Set by the "veille" pipeline component (veille/spacy_component.py):
DOC_EXTENSIONS = {
    "veille": None,  # the article's veille.model.Analysis: events, quotes, timexes, entities
}
SPAN_EXTENSIONS = {  # on the spans of doc.spans["veille_events"], ["veille_quotes"], ["veille_timexes"]:
    "veille_event": None,  # its veille.model.Event (status, attribution, actors, date, place)
    "veille_quote": None,  # its veille.model.Quote (speaker, cue)
    "veille_timex": None,  # its veille.model.Timex (normalised value)
}


def declare() -> None:
    for name, default in EXTENSIONS.items():
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)


def declare_component() -> None:
    """The attributes of the "veille" component (and those of the components it runs)."""
    declare()
    for kind, extensions in ((Doc, DOC_EXTENSIONS), (Span, SPAN_EXTENSIONS)):
        for name, default in extensions.items():
            if not kind.has_extension(name):
                kind.set_extension(name, default=default)
