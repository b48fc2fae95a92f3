"""Is the clause around a time expression about the future? ("se rendra mardi" vs "a annoncé mardi")

A bare weekday or a date without a year is resolved backwards from the publication date
unless the clause is in the future. French puts the verb before the time adverb, so the
nearest tense marker before the expression (same sentence) decides; when there is none, the
nearest one after it. Markers are word lists and endings from lexicon/time.yaml.
"""
from __future__ import annotations

from enum import Enum

from veille.extract.timex.lexicon import TimexGrammar

_SENTENCE_ENDS = ".!?\n"
_REACH = 200  # characters searched either side for the sentence bounds


class Tense(Enum):
    PAST = "past"
    FUTURE = "future"


def word_tense(word: str, g: TimexGrammar) -> Tense | None:
    w = word.lower().replace("’", "'")
    lex = g.lexicon
    if w in lex.future_words or (g.future_form.fullmatch(w) and w not in lex.future_exceptions):
        return Tense.FUTURE
    if w in lex.past_words or g.past_form.fullmatch(w):
        return Tense.PAST
    return None


def _first_marker(words: list[str], g: TimexGrammar) -> Tense | None:
    """The tense of the first marked word; an auxiliary before a future participle ("a prévu
    de revenir lundi") counts as future."""
    for i, w in enumerate(words):
        tense = word_tense(w, g)
        if tense is Tense.PAST and i + 1 < len(words) and word_tense(words[i + 1], g) is Tense.FUTURE:
            return Tense.FUTURE
        if tense is not None:
            return tense
    return None


def clause_tense(text: str, start: int, end: int, g: TimexGrammar) -> Tense | None:
    """The tense of the sentence around text[start:end], None when no marker says."""
    found = max(text.rfind(c, max(0, start - _REACH), start) for c in _SENTENCE_ENDS)
    left = found + 1 if found >= 0 else max(0, start - _REACH)
    right = min((i for c in _SENTENCE_ENDS if (i := text.find(c, end, end + _REACH)) >= 0),
                default=min(len(text), end + _REACH))
    before = g.word.findall(text, left, start)[::-1]
    if before and g.participle.fullmatch(before[0].lower()) and word_tense(before[0], g) is None:
        return Tense.PAST  # "les modifications annoncées mercredi"
    return _first_marker(before, g) or _first_marker(g.word.findall(text, end, right), g)


def lean(text: str, start: int, end: int, g: TimexGrammar) -> int:
    """-1 past, +1 future, 0 unknown: the side of the publication date the clause points to."""
    tense = clause_tense(text, start, end, g)
    return 0 if tense is None else (1 if tense is Tense.FUTURE else -1)
