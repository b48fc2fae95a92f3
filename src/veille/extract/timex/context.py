"""Complete candidates from their neighbours before values are computed.

    "les 16 et 17 juin"                 "les 16" takes its month (and year) from "17 juin"
    "du 27 juillet au 12 août 2012"     "27 juillet" takes 2012 (2011 if it were "27 décembre")
    "du 6 au 15 septembre l'an prochain" both take the year of "l'an prochain"
    "en 97 (en janvier ...)"            "janvier" takes the year named just before it

Pure functions over the candidate list of timex/grammar.py, sorted by start, non-overlapping.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from veille.extract.timex.calendar import safe_date
from veille.extract.timex.grammar import Candidate, Kind

_RANGE_LINK = re.compile(r"\s*(?:,|et|ou|au|à|-|–|jusqu['’]au|jusqu['’]en)?\s*(?:le\s+)?", re.IGNORECASE)
_YEAR_LINK = re.compile(r"\s*,?\s*(?:de\s+|d['’])?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]")
_YEAR_REACH = 40  # characters between "en 97" and "(en janvier" for the year to carry over

_YEARLESS = (Kind.DATE, Kind.MONTH)


def complete(text: str, cands: list[Candidate], published: date | None) -> list[Candidate]:
    return _years_from_sentence(text, _complete_ranges(text, cands, published), published)


def _needs_year(c: Candidate) -> bool:
    return c.kind in _YEARLESS and c.year is None and not c.direction


def _complete_ranges(text: str, cands: list[Candidate], published: date | None) -> list[Candidate]:
    """Right to left, so that chains ("les 3, 4 et 5 juin 2012") pass the month along."""
    out: list[Candidate | None] = list(cands)
    for i in range(len(out) - 1, -1, -1):
        c, nxt = out[i], next((n for n in out[i + 1:] if n is not None), None)
        linked = nxt is not None and _RANGE_LINK.fullmatch(text, c.end, nxt.start) is not None
        if c.kind is Kind.FRAGMENT:
            if not (linked and nxt.kind is Kind.DATE and safe_date(nxt.year or 2000, nxt.month, c.day)):
                out[i] = None
                continue
            c = replace(c, kind=Kind.DATE, month=nxt.month, year=nxt.year, direction=nxt.direction)
        if _needs_year(c) and nxt is not None:
            c = replace(c, year=_year_from_next(text, c, nxt, linked, published))
        out[i] = c
    return [c for c in out if c is not None]


def _year_from_next(text: str, c: Candidate, nxt: Candidate, linked: bool, published: date | None) -> int | None:
    if nxt.kind is Kind.PERIOD and nxt.unit == "year" and published is not None \
            and _YEAR_LINK.fullmatch(text, c.end, nxt.start):
        return published.year + nxt.direction  # "le 15 septembre l'an prochain"
    if linked and nxt.kind is c.kind and nxt.year is not None:
        later = (c.month, c.day or 0) > (nxt.month, nxt.day or 0)
        return nxt.year - 1 if later else nxt.year  # "du 27 décembre au 3 janvier 2013"
    return None


def _named_year(c: Candidate, published: date | None) -> int | None:
    if c.kind is Kind.PERIOD and c.unit == "year":
        return published.year + c.direction if published else None  # "cette année"
    return c.year if c.kind in (Kind.YEAR, Kind.MONTH, Kind.DATE) else None


def _years_from_sentence(text: str, cands: list[Candidate], published: date | None) -> list[Candidate]:
    """A month or date without a year shortly after a year of the same sentence takes it
    ("en 97 (en janvier"), the next one when it comes earlier in the calendar ("le 4 novembre
    1979 ... le 20 janvier"); unless a weekday says otherwise."""
    out, last = [], None
    for c in cands:
        if _needs_year(c) and last is not None and c.start - last.end <= _YEAR_REACH \
                and not _SENTENCE_END.search(text, last.end, c.start):
            year = _named_year(last, published)
            if last.month is not None and (c.month, c.day or 0) < (last.month, last.day or 0):
                year += 1
            day = safe_date(year, c.month, c.day) if c.day else None
            if c.day is None or (day and (c.weekday is None or day.weekday() == c.weekday)):
                c = replace(c, year=year)
        if _named_year(c, published) is not None:
            last = c
        out.append(c)
    return out
