"""Loaders for the ingest knowledge files in ``ingest/data/`` (STYLE habit 4).

Each file is read once per process and returned as a frozen record; the cue
phrases themselves live in the YAML files, never in code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).with_name("data")

_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([:;!?])")


def cue_key(line: str) -> str:
    """The form in which a line is compared with a cue: case, apostrophes,
    no-break spaces and the space before French punctuation do not matter."""
    line = line.replace("’", "'").casefold()
    line = _SPACES.sub(" ", line).strip()
    return _SPACE_BEFORE_PUNCT.sub(r"\1", line)


@dataclass(frozen=True, slots=True)
class Boilerplate:
    tail_exact: frozenset[str]
    tail_prefix: tuple[str, ...]
    drop_prefix: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MetadataCues:
    byline_cues: tuple[str, ...]
    staff_aliases: frozenset[str]
    staff_byline: str
    section_cues: tuple[str, ...]
    tag_cues: tuple[str, ...]
    date_cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DateNames:
    months: dict[str, int]  # lower-case name or abbreviation -> month number
    weekdays: tuple[str, ...]
    ordinal_suffixes: tuple[str, ...]


def _load(name: str) -> dict:
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    raw = _load("boilerplate.yaml")
    return Boilerplate(
        tail_exact=frozenset(cue_key(c) for c in raw["tail"]["exact"]),
        tail_prefix=tuple(dict.fromkeys(cue_key(c) for c in raw["tail"]["prefix"])),
        drop_prefix=tuple(dict.fromkeys(cue_key(c) for c in raw["drop_line"]["prefix"])),
    )


@lru_cache(maxsize=1)
def metadata_cues() -> MetadataCues:
    raw = _load("metadata.yaml")
    by_length = lambda cues: tuple(sorted(cues, key=len, reverse=True))  # noqa: E731 - longest cue wins
    return MetadataCues(
        byline_cues=by_length(raw["byline_cues"]),
        staff_aliases=frozenset(a.casefold() for a in raw["staff_aliases"]),
        staff_byline=raw["staff_byline"],
        section_cues=by_length(raw["section_cues"]),
        tag_cues=by_length(raw["tag_cues"]),
        date_cues=by_length(raw["date_cues"]),
    )


@lru_cache(maxsize=1)
def date_names() -> DateNames:
    raw = _load("dates.yaml")
    months = {name.casefold(): int(num) for num, names in raw["months"].items() for name in names}
    return DateNames(months=months, weekdays=tuple(raw["weekdays"]), ordinal_suffixes=tuple(raw["ordinal_suffixes"]))


@lru_cache(maxsize=1)
def field_aliases() -> dict[str, str]:
    """Lower-case column/key name -> Article field name."""
    raw = _load("fields.yaml")
    return {alias.casefold(): fld for fld, aliases in raw.items() for alias in aliases}
