"""Load the French time vocabulary (lexicon/time.yaml) and compile the timex grammar from it.

Everything here is built once per process (``grammar()`` is cached): the regexes of
timex_grammar.py are assembled from the word lists of the data file, so adding a spelling
is a data change, not a code change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import yaml

LEXICON_PATH = Path(__file__).parent / "lexicon" / "time.yaml"
_FLAGS = re.IGNORECASE

# Building blocks that are not vocabulary: digits and boundaries.
_L = r"(?<![\w])"
_R = r"(?![\w])"
_DAY = r"(?P<day>1er|1re|1ère|premier|3[01]|[12]\d|0?[1-9])(?!\d)"
_DAY_ANON = r"(?:1er|1re|1ère|premier|3[01]|[12]\d|0?[1-9])(?!\d)"
_YEAR4 = r"(?P<year>[12]\d{3})(?!\d)"
_YY = r"(?P<yy>['’]?\d{2})(?![\d,.]\d)(?!\d)"
_LINK = r"(?:,|et|ou|au|à|-|–)"
_PREFIX = (r"(?P<pre>(?:(?:à\s+la|au|la|le|en|dès\s+la|dès\s+le)\s+)?"
           r"(?:{words})(?:\s+(?:de|du)\s+|\s+d['’]|\s+)|(?:{hyphenated}))")


@dataclass(frozen=True, slots=True)
class TimeLexicon:
    """The word lists of time.yaml, as read-only mappings and tuples."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    day_words: Mapping[str, int]
    day_parts: tuple[str, ...]
    anaphoric_days: Mapping[str, int]
    direction: Mapping[str, int]
    part_prefixes: tuple[str, ...]
    units: Mapping[str, str]
    numbers: Mapping[str, int]
    month_cues: tuple[str, ...]
    year_min: int
    year_max: int
    year_strong_cues: tuple[str, ...]
    year_quantity_cues: tuple[str, ...]
    year_followers: frozenset[str]
    future_words: frozenset[str]
    future_suffix: str
    future_exceptions: frozenset[str]
    past_words: frozenset[str]


@dataclass(frozen=True, slots=True)
class TimexGrammar:
    """Compiled patterns; group names are read by timex_grammar.py."""

    lexicon: TimeLexicon
    date: re.Pattern[str]  # [le] [weekday] day month [year] [dernier]
    day_list: re.Pattern[str]  # "les 16" in "les 16 et 17 juin"
    numeric: re.Pattern[str]  # 21/08/2020, 21.08.2020
    iso: re.Pattern[str]  # 2020-08-21
    month_year: re.Pattern[str]  # [fin] [mois de] janvier 2020
    month: re.Pattern[str]  # [début] mars [dernier]
    month_range_next: re.Pattern[str]  # "-avril" after "mars"
    year: re.Pattern[str]  # [fin] [l'année] 2012
    weekday: re.Pattern[str]  # [ce] mardi [soir] [dernier]
    day_word: re.Pattern[str]  # hier [soir], aujourd'hui [vendredi]
    day_part: re.Pattern[str]  # ce matin, cette nuit
    anaphor: re.Pattern[str]  # la veille, le lendemain
    period: re.Pattern[str]  # la semaine dernière, cette année, l'an prochain
    ago: re.Pattern[str]  # il y a trois jours, dans deux semaines
    month_cue_tail: re.Pattern[str]
    year_strong_tail: re.Pattern[str]
    year_quantity_tail: re.Pattern[str]
    follower: re.Pattern[str]  # the word after a bare year
    future_word: re.Pattern[str]
    past_word: re.Pattern[str]


def alternation(words) -> str:
    """Regex alternation of words, longest first; spaces and apostrophes made flexible."""
    out = []
    for w in sorted(set(words), key=lambda x: (-len(x), x)):
        esc = re.escape(w.replace("’", "'")).replace(r"\ ", r"\s+").replace(r"\-", "-")
        out.append(esc.replace("'", "['’]"))
    return "|".join(out)


def _tail(words) -> re.Pattern[str]:
    """Matches a text ending with one of `words` (then spaces or a hyphen)."""
    return re.compile(rf"(?:^|[^\w'’])(?:{alternation(words)})[\s-]*$", _FLAGS)


def _words(raw, key: str) -> tuple[str, ...]:
    """A word list of the data file; YAML turns bare `on`/`no` into booleans, so check."""
    bad = [w for w in raw if not isinstance(w, str)]
    if bad:
        raise ValueError(f"{LEXICON_PATH.name}: {key} has non-text entries {bad}; quote them")
    return tuple(raw)


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> TimeLexicon:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    year, tense = raw["year"], raw["tense"]
    ro = MappingProxyType
    return TimeLexicon(
        months=ro(raw["months"]), weekdays=ro(raw["weekdays"]), day_words=ro(raw["day_words"]),
        day_parts=_words(raw["day_parts"], "day_parts"), anaphoric_days=ro(raw["anaphoric_days"]),
        direction=ro(raw["direction"]), part_prefixes=_words(raw["part_prefixes"], "part_prefixes"),
        units=ro(raw["units"]), numbers=ro(raw["numbers"]), month_cues=_words(raw["month_cues"], "month_cues"),
        year_min=int(year["min"]), year_max=int(year["max"]),
        year_strong_cues=_words(year["strong_cues"], "year.strong_cues"),
        year_quantity_cues=_words(year["quantity_cues"], "year.quantity_cues"),
        year_followers=frozenset(w.lower() for w in _words(year["followers"], "year.followers")),
        future_words=frozenset(_words(tense["future_words"], "tense.future_words")),
        future_suffix=tense["future_suffix"],
        future_exceptions=frozenset(_words(tense["future_exceptions"], "tense.future_exceptions")),
        past_words=frozenset(_words(tense["past_words"], "tense.past_words")),
    )


def _compile(p: str) -> re.Pattern[str]:
    return re.compile(p, _FLAGS)


def build_grammar(lex: TimeLexicon) -> TimexGrammar:
    month = rf"(?P<month>{alternation(lex.months)})(?!\w)"
    month_anon = rf"(?:{alternation(lex.months)})(?!\w)"
    wd = rf"(?P<wd>{alternation(lex.weekdays)})"
    wd_anon = rf"(?:{alternation(lex.weekdays)})"
    mod = rf"(?P<mod>{alternation(lex.direction)})"
    parts = rf"(?P<part>{alternation(lex.day_parts)})"
    prefix = _PREFIX.format(words=alternation(w for w in lex.part_prefixes if not w.endswith("-")),
                            hyphenated=alternation(w for w in lex.part_prefixes if w.endswith("-")))
    mois_de = r"(?:(?:le|au)\s+)?mois\s+d(?:e\s+|['’])"
    number = rf"(?P<n>\d{{1,3}}|{alternation(lex.numbers)})"
    units = rf"(?P<unit>{alternation(lex.units)})"
    list_item = rf"(?:le\s+)?(?:{wd_anon}\s+)?{_DAY_ANON}"
    return TimexGrammar(
        lexicon=lex,
        date=_compile(rf"{_L}(?P<det>le\s+)?(?:{wd}\s+)?{_DAY}\s+{month}"
                      rf"(?:\s+(?:{_YEAR4}|{_YY}))?(?:\s+{mod})?{_R}"),
        day_list=_compile(rf"{_L}(?P<det>les?\s+)?(?:{wd}\s+)?{_DAY}(?=\s*{_LINK}\s*"
                          rf"(?:{list_item}\s*{_LINK}\s*)*{list_item}\s+{month_anon})"),
        numeric=_compile(rf"{_L}(?P<d>\d{{1,2}})(?P<sep>[/.])(?P<m>\d{{1,2}})(?P=sep)"
                         rf"(?P<y>\d{{4}}|\d{{2}})(?![\w/]|[.,]\d)"),
        iso=_compile(rf"{_L}(?P<y>[12]\d{{3}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\w-])"),
        month_year=_compile(rf"{_L}{prefix}?(?:{mois_de})?{month}\s+(?:{_YEAR4}|{_YY})"),
        month=_compile(rf"{_L}(?:{prefix}|{mois_de})?{month}(?:\s+{mod})?{_R}"),
        month_range_next=_compile(rf"^\s*(?:-|–|et|à|au|ou)\s*(?:{mois_de})?{month_anon}"),
        year=_compile(rf"{_L}{prefix}?(?P<yr_det>l['’]an(?:née)?\s+)?{_YEAR4}(?![.,]\d)"),
        weekday=_compile(rf"{_L}(?:(?P<det>ce|le)\s+)?{wd}(?:\s+{parts})?(?:\s+{mod})?{_R}"),
        day_word=_compile(rf"{_L}(?P<rel>{alternation(lex.day_words)})(?:\s+{wd}(?!\s+\d))?"
                          rf"(?:\s+{parts})?{_R}"),
        day_part=_compile(rf"{_L}(?:ce|cet|cette)\s+{parts}{_R}(?!\s*-?\s*là)"),
        anaphor=_compile(rf"{_L}(?P<ana>{alternation(lex.anaphoric_days)}){_R}"),
        period=_compile(rf"{_L}{prefix}?(?P<det>cette|cet|ce|la|le|l['’])\s*{units}(?P<ci>-ci)?"
                        rf"(?:\s+{mod})?{_R}(?!\s*-?\s*là)"),
        ago=_compile(rf"{_L}(?P<dir>il\s+y\s+a|voici|voilà|dans)\s+{number}\s+{units}{_R}"),
        month_cue_tail=_tail(lex.month_cues),
        year_strong_tail=_tail(lex.year_strong_cues),
        year_quantity_tail=_tail(lex.year_quantity_cues),
        follower=re.compile(r"\s*([\w'’-]+)?", _FLAGS),
        future_word=_compile(rf"{_L}(?:{alternation(lex.future_words)}|\w+{lex.future_suffix}){_R}"),
        past_word=_compile(rf"{_L}(?:{alternation(lex.past_words)}){_R}"),
    )


@lru_cache(maxsize=1)
def grammar() -> TimexGrammar:
    """The grammar built from the packaged lexicon (compiled once per process)."""
    return build_grammar(load_lexicon())
