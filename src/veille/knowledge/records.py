"""Typed entries of the actor knowledge base (frozen: shared by every article of a process)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from veille.model import EntityKind


@dataclass(frozen=True, slots=True)
class Period:
    """A validity interval: start inclusive, end exclusive; None = open."""

    start: date | None = None
    end: date | None = None

    def covers(self, on: date | None) -> bool:
        if on is None:
            return True
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)

    def overlaps(self, other: "Period") -> bool:
        lo_a, hi_a = self.start or date.min, self.end or date.max
        lo_b, hi_b = other.start or date.min, other.end or date.max
        return lo_a < hi_b and lo_b < hi_a


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str  # the code actors carry (PLOVER: ISO 3166 alpha-3, KOS for Kosovo)
    name: str
    name_en: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    seats: tuple[str, ...] = ()
    part_of: str | None = None  # dependencies fold into their controlling state (PLOVER)
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    source: str = ""

    @property
    def code(self) -> str:
        """The country an actor from here is coded with."""
        return self.part_of or self.iso3

    @property
    def kb_id(self) -> str:
        return f"country:{self.iso3}"


@dataclass(frozen=True, slots=True)
class Rule:
    """A period during which an organisation holds power in a country."""

    country: str
    period: Period
    kind: str = "junta"  # junta | government | party


@dataclass(frozen=True, slots=True)
class Member:
    """A member state of an organisation for a period ("les cinq pays membres du G5 Sahel")."""

    country: str
    period: Period = Period()


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: str
    country: str
    sectors: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    name_en: str | None = None
    period: Period = Period()
    rules: tuple[Rule, ...] = ()
    parent: str | None = None
    org_as: str | None = None  # org id to report (a force of an organisation reports the organisation)
    members: tuple[Member, ...] = ()  # member states (IGOs), dated
    adjectives: tuple[str, ...] = ()  # adjectives naming it in a description ("la mission onusienne" -> UN)
    kind: EntityKind = EntityKind.ORGANISATION
    source: str = ""

    @property
    def kb_id(self) -> str:
        return f"org:{self.id}"

    @property
    def org(self) -> str:
        return self.org_as or self.id

    def members_on(self, on: date | None) -> tuple[str, ...]:
        """Codes of the member states on a date (all listed members when no date)."""
        return tuple(m.country for m in self.members if m.period.covers(on))

    def rule_on(self, on: date | None, country: str | None = None) -> Rule | None:
        for rule in self.rules:
            if (country is None or rule.country == country) and on is not None and rule.period.covers(on):
                return rule
        return None


@dataclass(frozen=True, slots=True)
class Tenure:
    """One role of a person: an office in a country or an organisation, for a period."""

    office: str
    country: str
    sectors: tuple[str, ...]
    period: Period
    org: str | None = None
    title: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    country: str
    sectors: tuple[str, ...]  # outside any role (before the first one)
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()  # surnames: matched only once the person is named in full, or after a title
    gender: str | None = None  # "m" | "f"
    roles: tuple[Tenure, ...] = ()
    source: str = ""

    @property
    def kb_id(self) -> str:
        return f"person:{self.id}"

    def tenure_on(self, on: date | None) -> Tenure | None:
        """The first listed role valid on the date (the current one when no date is given)."""
        for t in self.roles:
            if on is None and t.period.end is None or on is not None and t.period.covers(on):
                return t
        return None

    def last_tenure(self) -> Tenure | None:
        """The role that ended last (an open role counts as the latest)."""
        return max(self.roles, key=lambda t: t.period.end or date.max, default=None)


@dataclass(frozen=True, slots=True)
class Office:
    id: str
    scope: str  # country | org
    single: bool


@dataclass(frozen=True, slots=True)
class RoleTerm:
    """A role description ("la junte", "l'ambassadeur") and how to resolve it."""

    id: str
    terms: tuple[str, ...]
    sectors: tuple[str, ...]
    resolve: str | None = None  # "junta" | "regime" | "office:<id>"
    country: str | None = None  # None: from the phrase or the article; "explicit": from the phrase only;
    # "host": from the phrase or the place the text is about (the last place named); else fixed
    org: str | None = None
    inherit: bool = False  # take country/org (and sectors when it has some) from its "de X" complement
    anaphor: str | None = None  # "NGO" | "org": refers back to the last such actor
    other: bool = False  # "ses partenaires", "son homologue": another actor than the possessor
    default_country: str | None = None  # when the phrase names no country ("des ONG" -> NGO), not the article's
    metonymy: bool = False  # the phrase stands for its "de X" complement ("le documentaire d'Al Jazeera" -> X)
    kind: EntityKind = EntityKind.GROUP
    source: str = ""

    @property
    def office(self) -> str | None:
        return self.resolve[7:] if self.resolve and self.resolve.startswith("office:") else None


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Exonym:
    name: str
    geonames: str
    country: str
