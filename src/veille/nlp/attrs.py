"""Custom spaCy attributes veille sets, declared in one place."""
from __future__ import annotations

from spacy.tokens import Token

EXTENSIONS = {
    # True when the morphology repair changed this token's mood/tense or lemma.
    "morph_repaired": False,
}


def declare() -> None:
    for name, default in EXTENSIONS.items():
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)
