"""Interviews set out as questions and answers, each turn opened by its speaker's name and a dash:

    ... ? Awa Konaté - Nous avons vu les prix doubler. Radio Ndarason - Et depuis ? Konaté - ...

An answer (a turn that follows a question) is a direct quote of the person who opens it, up to the
next turn. Only names that open two turns at least count ("Awa Konaté", then "Konaté": by the last
word), and only in an article with two questions at least, so that a dash after a name in running
text ("M. X - qui ... -") is no turn.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from veille.extract.quotes.clauses import token_index_at
from veille.extract.quotes.frames import Attribution, Via
from veille.extract.quotes.subjects import SpeakerRef
from veille.nlp import doc_text

NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.]*(?:[ -][A-ZÀ-ÖØ-Þ][\w'’.]*){0,3}"
TURN = re.compile(r"(?:(?<=[.?!»\"”…])\s+|^|(?<=\n))(" + NAME + r") ?[-–—] ")
MIN_TURNS = 2


@dataclass(frozen=True, slots=True)
class _Turn:
    name_start: int
    name_end: int
    text_start: int
    text_end: int
    name: str


def _turns(text: str) -> list[_Turn]:
    found = [(m.start(1), m.end(1), m.end(), m.group(1)) for m in TURN.finditer(text)]
    counts = Counter(name.split()[-1] for *_, name in found)
    kept = [f for f in found if counts[f[3].split()[-1]] >= MIN_TURNS]
    turns = []
    for k, (a, b, start, name) in enumerate(kept):
        end = kept[k + 1][0] if k + 1 < len(kept) else len(text)
        newline = text.find("\n", start, end)
        end = newline if newline >= 0 else end
        while end > start and text[end - 1].isspace():
            end -= 1
        turns.append(_Turn(a, b, start, end, name))
    return turns


def interview_attributions(doc: Doc) -> list[Attribution]:
    """The answers of a question-and-answer interview, attributed to whoever opens them."""
    text = doc_text(doc)
    turns = _turns(text)
    questions = [t for t in turns if text[t.text_start:t.text_end].endswith("?")]
    if len(questions) < MIN_TURNS:
        return []
    fullest: dict[str, _Turn] = {}  # "Konaté" opens a turn as "Awa Konaté" did: the fuller name speaks
    for turn in turns:
        known = fullest.get(turn.name.split()[-1])
        if known is None or len(turn.name) > len(known.name):
            fullest[turn.name.split()[-1]] = turn
    out = []
    for before, turn in zip(turns, turns[1:]):
        said = text[turn.text_start:turn.text_end]
        if not text[before.text_start:before.text_end].endswith("?") or said.endswith("?") or not said.strip():
            continue
        named = fullest[turn.name.split()[-1]]
        first, last = token_index_at(doc, named.name_start), token_index_at(doc, named.name_end - 1)
        speaker = SpeakerRef(first, last + 1, last)
        out.append(Attribution(Via.INTERVIEW, None, turn.name_start, turn.text_start, turn.text_end, speaker,
                               direct=True))
    return out
