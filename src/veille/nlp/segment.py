"""Sentence starts that respect the article's layout.

Ingestion separates paragraphs and sub-headings with newlines; a sentence never crosses
one. Words joined by a hyphen ("enseignante-chercheuse") are never split across sentences.
Runs before the parser, which keeps boundaries that are already set.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def paragraph_starts(doc: Doc) -> tuple[list[int], list[int]]:
    """Token indices that must start a sentence, and those that must not."""
    starts, inner = [], []
    tokens = list(doc)  # once: doc[i] makes a new Token object at each call
    for tok, nxt in zip(tokens, tokens[1:]):
        text, space = tok.text, tok.whitespace_
        if "\n" in text or "\n" in space:
            if not nxt.is_space:
                starts.append(nxt.i)
        elif text in ("-", "‑") and not space and tok.i > 0 and not tokens[tok.i - 1].whitespace_:
            inner.extend([tok.i, nxt.i])
    return starts, inner


@Language.component("veille_paragraphs")
def set_paragraph_starts(doc: Doc) -> Doc:
    starts, inner = paragraph_starts(doc)
    for i in inner:
        doc[i].is_sent_start = False
    for i in starts:
        doc[i].is_sent_start = True
    return doc
