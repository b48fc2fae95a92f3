"""``--format gdelt``: a GDELT 2.0 events-style tab-separated file, one event per line.

The 61 columns of the GDELT 2.0 event table (GDELT Event Codebook V2.0), in its order and
without a header line (as GDELT's own files), then our own columns prefixed ``veille_``
(status, attribution, evidence...). docs/exports.md says how each field is filled and which
cannot be.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from veille.model import QUAD_CLASS, Actor, Place
from veille.store.formats.base import number, one_line
from veille.store.formats.cameo import CameoCodes, base_code, root_code
from veille.store.formats.countries import country
from veille.store.formats.rows import EventRow
from veille.store.rows import code

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{part}" for part in _ACTOR) + tuple(f"Actor2{part}" for part in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"{who}Geo_{part}" for who in ("Actor1", "Actor2", "Action") for part in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
VEILLE_COLUMNS: tuple[str, ...] = (
    "veille_doc_id", "veille_event_idx", "veille_status", "veille_attributed_to", "veille_evidence",
    "veille_plover_type", "veille_plover_mode", "veille_plover_quad", "veille_date", "veille_date_precision",
    "veille_confidence",
)
COLUMNS = GDELT_COLUMNS + VEILLE_COLUMNS

# GDELT geography types (codebook: ActionGeo_Type).
GEO_COUNTRY, GEO_WORLDCITY, GEO_WORLDSTATE = 1, 4, 5
UN = "UNO"  # CAMEO's known-group code of the United Nations, also a PLOVER non-state code


class GdeltEvents:
    name = "gdelt"
    media_type = "text/tab-separated-values; charset=utf-8"
    extension = "tsv"

    def __init__(self, *, header: bool = False, codes: CameoCodes | None = None):
        self.with_header = header
        self.codes = codes or CameoCodes.load()

    def header(self) -> str:
        return "\t".join(COLUMNS) + "\n" if self.with_header else ""

    def lines(self, rows: Iterable[EventRow]) -> Iterator[str]:
        for row in rows:
            yield "\t".join(one_line(str(v)) if v is not None else "" for v in self.values(row)) + "\n"

    def values(self, row: EventRow) -> list:
        ev = row.event
        cameo = self.codes.code(ev.type, ev.mode)
        day = row.day
        added = row.added
        values = [row.event_id, day.strftime("%Y%m%d") if day else None, day.strftime("%Y%m") if day else None,
                  day.year if day else None, _fraction(day) if day else None]
        values += actor_fields(ev.source) + actor_fields(ev.target)
        values += [int(row.in_lead), cameo, base_code(cameo), root_code(cameo), self.codes.quad_class(cameo),
                   None, 1, 1, 1, None]
        values += [None] * len(_GEO) * 2 + geo_fields(ev.place)
        values += [added.strftime("%Y%m%d%H%M%S") if added else None, row.url]
        values += [row.doc_id, row.idx, code(ev.status), ev.attributed_to.name if ev.attributed_to else None,
                   ev.evidence.text, code(ev.type), ev.mode, QUAD_CLASS[ev.type].value,
                   ev.date.value if ev.date else None, row.precision, number(ev.confidence, 3)]
        return values


def actor_fields(actor: Actor | None) -> list:
    """Code, name, country, known group, ethnic, two religions, three types (CAMEO actor fields)."""
    if actor is None:
        return [None] * len(_ACTOR)
    state = country(actor.country) is not None
    types = [code(s) for s in actor.sector]
    if actor.country and not state:
        types.insert(0, actor.country)  # IGO, NGO, MNC, IMG... are CAMEO actor types
    cameo = (actor.country if state else "") + "".join(types[:1] if state else types[:2])
    return [cameo or None, actor.name, actor.country if state else None, UN if actor.country == UN else None,
            None, None, None] + (types + [None] * 3)[:3]


def geo_fields(place: Place | None) -> list:
    """ActionGeo_*: type, full name, FIPS country, ADM1, ADM2, lat, long, feature id."""
    if place is None:
        return [None] * len(_GEO)
    state = country(place.country)
    is_country = state is not None and place.geonames_id is not None and place.geonames_id == state.geonames_id
    if is_country:
        kind, feature = GEO_COUNTRY, state.fips
    else:
        kind, feature = (GEO_WORLDCITY, place.geonames_id) if place.geonames_id else (GEO_WORLDSTATE, None)
    return [kind, place.name, state.fips if state else None, None, None, number(place.lat), number(place.lon),
            feature]


def _fraction(day) -> str:
    return f"{day.year + day.timetuple().tm_yday / 365:.4f}"
