"""Load the French time vocabulary (lexicon/time.yaml) and compile the timex grammar from it.

Everything here is built once per process (``grammar()`` is cached): the regexes of
timex/grammar.py are assembled from the word lists of the data file, so adding a spelling
is a data change, not a code change.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import yaml

LEXICON_PATH = Path(__file__).parent.parent / "lexicon" / "time.yaml"
_FLAGS = re.IGNORECASE

# Building blocks that are not vocabulary: digits and boundaries. The scanning patterns are
# case-sensitive and start on their most distinctive token (a month, a digit...): re.IGNORECASE
# and optional leading groups make every position of the text expensive. Case variants are
# spelled out by `alternation`; what comes before the token ("le", "fin de", "ce") is read by
# small "left" patterns on the few characters before each match.
_L = r"(?<![\w])"
_R = r"(?![\w])"
# (a day number is 1-31; checked by the scanner, so that the pattern can start on a digit)
_DAY = r"(?P<day>\d(?<![\w]\d)\d?(?!\d)(?:er|re|ère)?|[Pp](?<![\w][Pp])remier)"
_DAY_ANON = r"(?:1er|1re|1ère|[Pp]remier|3[01]|[12]\d|0?[1-9])(?!\d)"
_YEAR4 = r"(?P<year>[12](?<![\w][12])\d{3})(?!\d)"
_YY = r"(?P<yy>['’]?\d{2})(?![\d,.]\d)(?!\d)"
_LINK = r"(?:,|et|ou|au|à|-|–)"
_PREFIX = (r"(?:(?:à\s+la|au|la|le|en|dès\s+la|dès\s+le)\s+)?"
           r"(?:{words})(?:\s+(?:de|du)\s+|\s+d['’]|\s+)|(?:{hyphenated})")
_MOIS_DE = r"(?:(?:le|au|ce)\s+)?mois\s+d(?:e\s+|['’])"
_DECADE_END = r"(?![\d%])(?![.,]\d)"
_OF_YEAR = r"(?:(?:de\s+)?l['’]année\s+|de\s+|d['’]|du\s+)?"


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
    shift_markers: Mapping[str, int]
    numbers: Mapping[str, int]
    month_cues: tuple[str, ...]
    short_year_cues: tuple[str, ...]
    year_min: int
    year_max: int
    year_old_min: int
    year_old_cues: tuple[str, ...]
    year_strong_cues: tuple[str, ...]
    year_quantity_cues: tuple[str, ...]
    year_followers: frozenset[str]
    future_words: frozenset[str]
    future_suffix: str
    future_exceptions: frozenset[str]
    past_words: frozenset[str]
    past_suffix: str
    participle_suffix: str
    decade_words: tuple[str, ...]
    before_christ: tuple[str, ...]
    seasons: Mapping[str, str]
    year_parts: Mapping[str, str]
    ordinals: Mapping[str, int]
    year_anaphors: Mapping[str, int]
    counted_shifts: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class TimexGrammar:
    """Compiled patterns; group names are read by timex/grammar.py."""

    lexicon: TimeLexicon
    date: re.Pattern[str]  # day month [year] [dernier]
    day_list: re.Pattern[str]  # "16" in "les 16 et 17 juin"
    numeric: re.Pattern[str]  # 21/08/2020, 21.08.2020, 2020-08-21
    month: re.Pattern[str]  # mars [2020 | dernier]
    month_range_next: re.Pattern[str]  # "-avril" after "mars"
    month_range_prev: re.Pattern[str]  # "mars-" before "avril"
    short_year: re.Pattern[str]  # "97" in "en 97,"
    year: re.Pattern[str]  # 2012
    weekday: re.Pattern[str]  # mardi [soir] [dernier]
    day_word: re.Pattern[str]  # hier [soir], aujourd'hui [vendredi]
    day_part: re.Pattern[str]  # ce matin, cette nuit
    anaphor: re.Pattern[str]  # la veille, le lendemain
    period: re.Pattern[str]  # semaine dernière, année, an prochain (determiner read on the left)
    ago: re.Pattern[str]  # il y a trois jours, dans deux semaines
    date_left: re.Pattern[str]  # "le mercredi " before "1er mai"
    part_left: re.Pattern[str]  # "la fin de ", "début du mois de " before a month or a year
    year_left: re.Pattern[str]  # "fin de l'année " before a year
    period_left: re.Pattern[str]  # "la fin de la ", "l'", "cette " before a unit
    weekday_left: re.Pattern[str]  # "ce " before a weekday
    month_cue_tail: re.Pattern[str]
    year_strong_tail: re.Pattern[str]
    year_quantity_tail: re.Pattern[str]
    year_old_tail: re.Pattern[str]  # a cue before a year earlier than year.min
    decade: re.Pattern[str]  # années 1990, années 80
    decade_left: re.Pattern[str]  # "la fin des ", "les " before "années 1990"
    decade_next: re.Pattern[str]  # " et 1960" after "années 1950"
    year_range: re.Pattern[str]  # 1985-1992, 2016-17, 2002/2003
    before_christ: re.Pattern[str]  # 52 av. J.-C.
    season: re.Pattern[str]  # été 2019
    season_pair_left: re.Pattern[str]  # "printemps/" before "été 2019"
    year_part: re.Pattern[str]  # premier trimestre (de l'année) 2020
    year_anaphor: re.Pattern[str]  # l'année suivante, la même année
    month_of_left: re.Pattern[str]  # "juillet de " before "la même année"
    counted_shift: re.Pattern[str]  # dix ans plus tard, trois jours plus tôt
    follower: re.Pattern[str]  # the word after a bare year
    word: re.Pattern[str]  # a word, for the tense of the clause (timex/tense.py)
    future_form: re.Pattern[str]  # fullmatch: a future verb form by its ending
    past_form: re.Pattern[str]  # fullmatch: an imparfait
    participle: re.Pattern[str]  # fullmatch: a past participle


def _escape(word: str) -> str:
    return re.escape(word).replace(r"\ ", r"\s+").replace(r"\-", "-").replace("'", "['’]")


def alternation(words, cased: bool = True, bounded: bool = False) -> str:
    """Regex alternation of words, longest first; spaces and apostrophes made flexible.

    With `cased`, each word is also listed Capitalised and in UPPER case (the scanning
    patterns are case-sensitive: re.IGNORECASE makes them several times slower). With
    `bounded`, the words must start a word; the check sits after the first character
    ("j(?<![\\w]j)anvier") so that the regex engine can still skip ahead on that character.
    """
    forms = set()
    for w in words:
        w = w.replace("’", "'")
        forms.update((w, w[:1].upper() + w[1:], w.upper()) if cased else (w,))
    by_first: dict[str, list[str]] = {}
    for w in forms:
        by_first.setdefault(w[0], []).append(w[1:])
    out = []
    for first, rests in sorted(by_first.items()):
        head = _escape(first)
        guard = rf"(?<![\w]{head})" if bounded else ""
        tails = "|".join(_escape(r) for r in sorted(rests, key=lambda x: (-len(x), x)))
        out.append(f"{head}{guard}(?:{tails})")
    return "|".join(out)


def _tail(words) -> re.Pattern[str]:
    """Matches a text ending with one of `words` (then spaces or a hyphen)."""
    return re.compile(rf"(?:^|[^\w'’])(?:{alternation(words, cased=False)})[\s-]*\Z", _FLAGS)


def _words(raw, key: str) -> tuple[str, ...]:
    """A word list of the data file; YAML turns bare `on`/`no` into booleans, so check."""
    bad = [w for w in raw if not isinstance(w, str)]
    if bad:
        raise ValueError(f"{LEXICON_PATH.name}: {key} has non-text entries {bad}; quote them")
    return tuple(raw)


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> TimeLexicon:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    year, tense, spans = raw["year"], raw["tense"], raw["spans"]
    ro = MappingProxyType
    return TimeLexicon(
        months=ro(raw["months"]), weekdays=ro(raw["weekdays"]), day_words=ro(raw["day_words"]),
        day_parts=_words(raw["day_parts"], "day_parts"), anaphoric_days=ro(raw["anaphoric_days"]),
        direction=ro(raw["direction"]), part_prefixes=_words(raw["part_prefixes"], "part_prefixes"),
        units=ro(raw["units"]), shift_markers=ro(raw["shift_markers"]), numbers=ro(raw["numbers"]),
        month_cues=_words(raw["month_cues"], "month_cues"),
        short_year_cues=_words(raw["year"]["short_cues"], "year.short_cues"),
        year_min=int(year["min"]), year_max=int(year["max"]),
        year_old_min=int(year["old_min"]), year_old_cues=_words(year["old_cues"], "year.old_cues"),
        year_strong_cues=_words(year["strong_cues"], "year.strong_cues"),
        year_quantity_cues=_words(year["quantity_cues"], "year.quantity_cues"),
        year_followers=frozenset(w.lower() for w in _words(year["followers"], "year.followers")),
        future_words=frozenset(_words(tense["future_words"], "tense.future_words")),
        future_suffix=tense["future_suffix"],
        future_exceptions=frozenset(_words(tense["future_exceptions"], "tense.future_exceptions")),
        past_words=frozenset(_words(tense["past_words"], "tense.past_words")),
        past_suffix=tense["past_suffix"], participle_suffix=tense["participle_suffix"],
        decade_words=_words(spans["decade_words"], "spans.decade_words"),
        before_christ=_words(spans["before_christ"], "spans.before_christ"),
        seasons=ro(spans["seasons"]), year_parts=ro(spans["year_parts"]),
        ordinals=ro({str(k): v for k, v in spans["ordinals"].items()}),
        year_anaphors=ro(raw["year_anaphors"]), counted_shifts=ro(raw["counted_shifts"]),
    )


def _left(p: str) -> re.Pattern[str]:
    """A pattern for the text just before a match (searched with endpos = match start)."""
    return re.compile(rf"{p}\Z", _FLAGS)


def build_grammar(lex: TimeLexicon) -> TimexGrammar:
    month = rf"(?P<month>{alternation(lex.months)})(?!\w)"
    month_anon = rf"(?:{alternation(lex.months)})(?!\w)"
    wd = rf"(?P<wd>{alternation(lex.weekdays)})"
    wd_start = rf"(?P<wd>{alternation(lex.weekdays, bounded=True)})"
    month_start = rf"(?P<month>{alternation(lex.months, bounded=True)})(?!\w)"
    wd_anon = rf"(?:{alternation(lex.weekdays)})"
    mod = rf"(?P<mod>{alternation(lex.direction)})"
    parts = rf"(?P<part>{alternation(lex.day_parts)})"
    prefix_words = alternation((w for w in lex.part_prefixes if not w.endswith("-")), cased=False)
    prefix = _PREFIX.format(
        words=prefix_words,
        hyphenated=alternation((w for w in lex.part_prefixes if w.endswith("-")), cased=False))
    number = rf"(?P<n>\d{{1,3}}|{alternation(lex.numbers)})"
    units = rf"(?P<unit>{alternation(lex.units)})"
    list_item = rf"(?:le\s+)?(?:{wd_anon}\s+)?{_DAY_ANON}"
    decade_words = alternation(lex.decade_words, bounded=True)
    return TimexGrammar(
        lexicon=lex,
        date=re.compile(rf"{_DAY}\s+{month}(?:\s+(?:{_YEAR4}|{_YY}))?(?:\s+{mod})?{_R}"),
        day_list=re.compile(
            rf"{_DAY}(?=\s*{_LINK}\s*(?:{list_item}\s*{_LINK}\s*)*{list_item}\s+{month_anon})"),
        numeric=re.compile(
            r"(?:(?P<d>\d(?<![\w]\d)\d?)(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
            r"(?![\w/]|[.,]\d)|(?P<iy>[12](?<![\w][12])\d{3})-(?P<im>\d{2})-(?P<id>\d{2})(?![\w-]))"),
        month=re.compile(rf"{month_start}(?:\s+(?:{_YEAR4}|{_YY}))?(?:\s+{mod})?{_R}"),
        month_range_next=re.compile(rf"\s*(?:-|–|et|à|au|ou)\s*(?:{_MOIS_DE})?{month_anon}"),
        month_range_prev=_left(rf"{month_anon}\s*(?:-|–|et|à|au|ou)\s*"),
        short_year=re.compile(
            rf"(?:{alternation(lex.short_year_cues, bounded=True)})\s+(?P<yy>['’]?\d{{2}})"
            rf"(?!\d)(?=\s*[,.;:()!?»]|\s*\Z)"),
        year=re.compile(rf"{_YEAR4}(?![.,]\d)"),
        weekday=re.compile(rf"{wd_start}(?:\s+{parts})?(?:\s+{mod})?{_R}(?!\s+[Ss]aint)"),
        day_word=re.compile(
            rf"(?P<rel>{alternation(lex.day_words, bounded=True)})(?:\s+{wd}(?!\s+\d))?(?:\s+{parts})?{_R}"),
        day_part=re.compile(rf"{_L}(?:[Cc]e|[Cc]et|[Cc]ette|CE|CET|CETTE)\s+{parts}{_R}(?!\s*-?\s*là)"),
        anaphor=re.compile(
            rf"(?P<ana>{alternation(lex.anaphoric_days, bounded=True)}){_R}(?!\s+d(?:e|u|es)\s)"),
        period=re.compile(
            rf"(?P<unit>{alternation(lex.units, bounded=True)})(?P<ci>-ci)?(?:\s+{mod})?{_R}(?!\s*-?\s*là)"),
        ago=re.compile(rf"(?P<dir>{alternation(lex.shift_markers, bounded=True)})\s+{number}\s+{units}{_R}"
                       rf"(?!\s+d(?:e|u|es)\s|\s+d['’])"),
        date_left=_left(
            rf"(?:{_L}(?P<det>les?)\s+)?(?:{_L}(?P<wd>{alternation(lex.weekdays, cased=False)})\s+)?"),
        part_left=_left(rf"(?:{_L}(?:{prefix}))?(?:{_L}{_MOIS_DE})?"),
        year_left=_left(rf"(?:{_L}(?:{prefix}))?(?:{_L}l['’]an(?:née)?\s+)?"),
        period_left=_left(rf"(?P<pre>{_L}(?:{prefix}))?{_L}(?P<det>cette|cet|ce|la|le|l['’]|du|au)\s*"),
        weekday_left=_left(rf"{_L}(?P<det>ce|le)\s+"),
        month_cue_tail=_tail(lex.month_cues),
        year_strong_tail=_tail(lex.year_strong_cues),
        year_quantity_tail=_tail(lex.year_quantity_cues),
        year_old_tail=_tail(lex.year_old_cues),
        decade=re.compile(rf"(?:{decade_words})\s+(?P<dec>[12]\d\d0|[2-9]0){_DECADE_END}"),
        decade_left=_left(rf"(?:{_L}(?:(?:à\s+la|au|la|le|dès\s+la|dès\s+le)\s+)?"
                          rf"(?:{prefix_words})\s+des\s+|{_L}(?:les|des|aux|ces)\s+)"),
        decade_next=re.compile(rf"\s*{_LINK}\s*(?:(?:les|des|aux)\s+)?(?:(?:{decade_words})\s+)?"
                               rf"(?P<dec>[12]\d\d0|[2-9]0){_DECADE_END}"),
        year_range=re.compile(rf"{_YEAR4}\s*[-–/]\s*(?P<y2>[12]\d{{3}}|\d{{2}})(?![\w/–-]|[.,]\d)"),
        before_christ=re.compile(rf"(?P<n>\d(?<![\w.,]\d)\d{{0,3}})\s+(?:{alternation(lex.before_christ)})"),
        season=re.compile(rf"(?P<season>{alternation(lex.seasons, bounded=True)})\s+{_OF_YEAR}{_YEAR4}(?![.,]?\d)"),
        season_pair_left=_left(rf"{_L}(?:{alternation(lex.seasons, cased=False)})\s*[/–-]\s*"),
        year_anaphor=re.compile(rf"(?P<ana>{alternation(lex.year_anaphors, bounded=True)}){_R}"),
        month_of_left=_left(rf"{_L}(?P<month>{alternation(lex.months, cased=False)})\s+d(?:e\s+|['’])"),
        counted_shift=re.compile(
            rf"(?<![\w-])(?P<n>\d{{1,3}}|{alternation(lex.numbers)})\s+{units}\s+"
            rf"(?P<dir>{alternation(lex.counted_shifts, cased=False)}){_R}(?!\s+qu)"),
        year_part=re.compile(rf"(?P<ord>{alternation(lex.ordinals, bounded=True)})\s+"
                             rf"(?P<part>{alternation(lex.year_parts)})\s+{_OF_YEAR}{_YEAR4}(?![.,]?\d)"),
        follower=re.compile(r"\s*([\w'’-]+)?"),
        word=re.compile(r"\w+(?:-\w+)*"),
        future_form=re.compile(rf"\w+{lex.future_suffix}"),
        past_form=re.compile(rf"\w+{lex.past_suffix}"),
        participle=re.compile(rf"\w\w+{lex.participle_suffix}"),
    )


@lru_cache(maxsize=1)
def grammar() -> TimexGrammar:
    """The grammar built from the packaged lexicon (compiled once per process)."""
    return build_grammar(load_lexicon())
