"""Candidates counted from an earlier expression of the text rather than from the publication
date: "en 1999 ... l'année suivante" (2000), "juillet de la même année", "le 2 mai ... trois
jours plus tard". Their values are computed in timex/find.py, which knows the last year and the
last day named before them.

"dix ans plus tard" is left out: as often as not it counts from an event ("vingt ans plus tard"
after the start of a war told in another year), and measured on gold/train it costs more
precision than it brings recall.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from veille.extract.timex.grammar import Candidate, Kind, _key, _left
from veille.extract.timex.lexicon import TimexGrammar

_BOUNDARY = re.compile(r"\s*(?:[,.;:)!?»]|\Z)")
_CLOSE_ONLY = ("après", "avant")  # "dix ans après" yes, "dix ans après l'indépendance" no


def scan_year_anaphors(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    lex = g.lexicon
    for m in g.year_anaphor.finditer(text):
        left = _left(g.month_of_left, text, m.start())
        month = lex.months[_key(left.group("month"))] if left else None
        yield Candidate(Kind.YEAR_ANAPHOR, left.start() if left else m.start(), m.end(), month=month,
                        offset=lex.year_anaphors[_key(m.group("ana"))])


def scan_counted_shifts(text: str, g: TimexGrammar, published: date | None) -> Iterator[Candidate]:
    """"trois jours plus tard", "deux jours plus tôt": days counted from the last day named."""
    lex = g.lexicon
    for m in g.counted_shift.finditer(text):
        marker, unit = _key(m.group("dir")), lex.units[_key(m.group("unit"))]
        if unit != "day" or (marker in _CLOSE_ONLY and not _BOUNDARY.match(text, m.end())):
            continue
        n = m.group("n")
        amount = (int(n) if n.isdigit() else lex.numbers[_key(n)]) * lex.counted_shifts[marker]
        yield Candidate(Kind.ANAPHOR, m.start(), m.end(), offset=amount)


def scan_anaphora(text: str, g: TimexGrammar, published: date | None) -> list[Candidate]:
    return [*scan_year_anaphors(text, g, published), *scan_counted_shifts(text, g, published)]
