"""``--format acled``: an ACLED-style CSV of the events ACLED codes (violence, demonstrations,
strategic developments), with ACLED's 31 columns in its order, then ours prefixed ``veille_``.

Which PLOVER events become which ACLED types, and actors' "inter" codes, are data
(store/data/acled.yaml). docs/exports.md says how each field is filled and which cannot be.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from veille.model import Actor, EventType
from veille.store.formats.base import delimited, number
from veille.store.formats.countries import country
from veille.store.formats.rows import EventRow
from veille.store.rows import code

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
VEILLE_COLUMNS: tuple[str, ...] = (
    "veille_doc_id", "veille_event_idx", "veille_status", "veille_attributed_to", "veille_plover_type",
    "veille_plover_mode", "veille_confidence", "veille_url",
)
COLUMNS = ACLED_COLUMNS + VEILLE_COLUMNS

ARMED = frozenset({1, 2, 3, 8})
RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = 5, 6, 7, 8
TIME_PRECISION = {"day": 1, "week": 2, "publication": 2, "month": 3, "year": 3}


@dataclass(frozen=True, slots=True)
class AcledType:
    disorder: str
    event: str
    sub: str


@dataclass(frozen=True, slots=True)
class AcledRules:
    events: tuple[dict, ...]
    inter: tuple[dict, ...]

    @classmethod
    def load(cls) -> "AcledRules":
        return _load_rules()

    def inter_code(self, actor: Actor | None, *, place_country: str | None = None) -> int | None:
        """ACLED's inter code of an actor (1 state forces ... 8 external/other), None when none fits."""
        if actor is None:
            return None
        sectors = {code(s) for s in actor.sector}
        for rule in self.inter:
            if rule.get("countries") and actor.country not in rule["countries"]:
                continue
            if rule.get("state") and country(actor.country) is None:
                continue
            if rule.get("sectors") and not sectors & set(rule["sectors"]):
                continue
            if rule["code"] == 1 and place_country and actor.country != place_country:
                return EXTERNAL  # a state's forces abroad
            return rule["code"]
        return None

    def event_type(self, event_type: EventType, mode: str | None, target_inter: int | None,
                   has_target: bool) -> AcledType | None:
        target = "armed" if target_inter in ARMED else ("unarmed" if has_target else "none")
        for rule in self.events:
            if rule["type"] != event_type.value:
                continue
            if rule.get("modes") and mode not in rule["modes"]:
                continue
            if rule.get("target") and rule["target"] != target:
                continue
            return AcledType(rule["disorder"], rule["event"], rule["sub"])
        return None


class AcledEvents:
    name = "acled"
    media_type = "text/csv; charset=utf-8"
    extension = "csv"

    def __init__(self, rules: AcledRules | None = None):
        self.rules = rules or AcledRules.load()

    def header(self) -> str:
        return delimited(COLUMNS)

    def lines(self, rows: Iterable[EventRow]) -> Iterator[str]:
        for row in rows:
            values = self.values(row)
            if values is not None:
                yield delimited(values)

    def values(self, row: EventRow) -> list | None:
        """The row's ACLED fields, or None when ACLED does not code this kind of event."""
        ev, place = row.event, row.event.place
        where = place.country if place else None
        inter1 = self.rules.inter_code(ev.source, place_country=where)
        inter2 = self.rules.inter_code(ev.target, place_country=where)
        kind = self.rules.event_type(ev.type, ev.mode, inter2, ev.target is not None)
        if kind is None:
            return None
        if kind.event in ("Protests", "Riots"):
            inter1 = RIOTERS if kind.event == "Riots" else PROTESTERS
        state = country(where)
        day = row.day
        added = row.added
        return [
            f"{where or 'XXX'}{row.event_id}", day.isoformat() if day else None, day.year if day else None,
            TIME_PRECISION.get(row.precision or ""), kind.disorder, kind.event, kind.sub,
            ev.source.name if ev.source else None, None, inter1,
            ev.target.name if ev.target else None, None, inter2, interaction(inter1, inter2),
            "Civilian targeting" if inter2 == CIVILIANS and kind.disorder == "Political violence" else None,
            state.numeric if state else None, None, state.name if state else None, None, None, None,
            place.name if place else None, number(place.lat) if place else None,
            number(place.lon) if place else None, _geo_precision(row), row.outlet, None, ev.evidence.text, None,
            None, int(added.timestamp()) if added else None,
            row.doc_id, row.idx, code(ev.status), ev.attributed_to.name if ev.attributed_to else None,
            code(ev.type), ev.mode, number(ev.confidence, 3), row.url,
        ]


def interaction(inter1: int | None, inter2: int | None) -> str | None:
    """ACLED's two-digit interaction code: the two inter codes, lower first; one actor alone: X0."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return None
    return f"{codes[0]}0" if len(codes) == 1 else f"{codes[0]}{codes[1]}"


def _geo_precision(row: EventRow) -> int | None:
    """1: the town itself; 3: only a larger area (a country, a region) is known."""
    place = row.event.place
    if place is None or place.lat is None:
        return None
    state = country(place.country)
    if place.geonames_id is None or (state is not None and place.geonames_id == state.geonames_id):
        return 3
    return 1


@cache
def _load_rules() -> AcledRules:
    path = resources.files("veille.store").joinpath("data", "acled.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return AcledRules(tuple(data["events"]), tuple(data["inter"]))
