"""Read the knowledge data files into typed records, collecting every problem found on the way."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from veille.knowledge.records import (
    Country, Exonym, Member, Office, Organisation, Period, Person, Region, RoleTerm, Rule, Tenure,
)
from veille.model import EntityKind, Sector

DATA_DIR = Path(__file__).resolve().parent / "data"
FILES = ("countries.yaml", "organisations.yaml", "people.yaml", "roles.yaml", "places_fr.yaml")
SECTORS = frozenset(s.value for s in Sector)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KnowledgeError(ValueError):
    """The knowledge data files are broken; the message lists what to fix."""


@dataclass
class Loaded:
    countries: list[Country] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    roles: list[RoleTerm] = field(default_factory=list)
    offices: dict[str, Office] = field(default_factory=dict)
    regions: list[Region] = field(default_factory=list)
    exonyms: list[Exonym] = field(default_factory=list)
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)  # former, locative, partitive, ambiguous...
    numbers: dict[str, int] = field(default_factory=dict)  # number words ("deux": 2) for collectives
    version: str = ""
    problems: list[str] = field(default_factory=list)


class _Reader:
    """Field access that records a problem (file, entry, field) instead of raising."""

    def __init__(self, problems: list[str], where: str):
        self.problems, self.where = problems, where

    def problem(self, msg: str) -> None:
        self.problems.append(f"{self.where}: {msg}")

    def text(self, d: dict, name: str, required: bool = True) -> str | None:
        v = d.get(name)
        if v is None or v == "":
            if required:
                self.problem(f"missing '{name}'")
            return None
        if not isinstance(v, (str, int, float)):
            self.problem(f"'{name}' must be text, got {type(v).__name__}")
            return None
        return str(v)

    def strings(self, d: dict, name: str) -> tuple[str, ...]:
        v = d.get(name) or []
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list):
            self.problem(f"'{name}' must be a list")
            return ()
        return tuple(str(x) for x in v if x is not None and str(x).strip())

    def sectors(self, d: dict, name: str = "sector") -> tuple[str, ...]:
        out = self.strings(d, name)
        for s in out:
            if s not in SECTORS:
                self.problem(f"unknown sector code '{s}' (PLOVER codes: {', '.join(sorted(SECTORS))})")
        return tuple(s for s in out if s in SECTORS)

    def day(self, d: dict, name: str) -> date | None:
        v = d.get(name)
        if v is None or isinstance(v, date):
            return v
        try:
            parts = [int(p) for p in str(v).split("-")]
            return date(parts[0], *(parts[1:] + [1, 1])[:2])
        except (ValueError, TypeError, IndexError):
            self.problem(f"'{name}' is not a date (YYYY-MM-DD): {v!r}")
            return None

    def period(self, d: dict) -> Period:
        p = Period(self.day(d, "start"), self.day(d, "end"))
        if p.start and p.end and p.end < p.start:
            self.problem(f"ends ({p.end}) before it starts ({p.start})")
        return p


def _read_yaml(path: Path, problems: list[str]) -> dict:
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except FileNotFoundError:
        problems.append(f"{path.name}: file missing")
        return {}
    except yaml.YAMLError as e:
        problems.append(f"{path.name}: not valid YAML: {e}")
        return {}
    if not isinstance(doc, dict):
        problems.append(f"{path.name}: expected a mapping at the top level")
        return {}
    return doc


def _entries(doc: dict, name: str, file: str, problems: list[str]) -> list[dict]:
    items = doc.get(name) or []
    if not isinstance(items, list):
        problems.append(f"{file}: '{name}' must be a list")
        return []
    good = [x for x in items if isinstance(x, dict)]
    if len(good) != len(items):
        problems.append(f"{file}: every entry of '{name}' must be a mapping")
    return good


def _country(d: dict, r: _Reader) -> Country | None:
    iso3, name = r.text(d, "iso3"), r.text(d, "name")
    if not iso3 or not name:
        return None
    r.where = f"countries.yaml: {iso3}"
    lat, lon = d.get("lat"), d.get("lon")
    return Country(iso3=iso3, name=name, name_en=r.text(d, "name_en", False) or name,
                   aliases=r.strings(d, "aliases"), demonyms=r.strings(d, "demonyms"),
                   capital=r.text(d, "capital", False), seats=r.strings(d, "seats"),
                   part_of=r.text(d, "part_of", False), lat=float(lat) if lat is not None else None,
                   lon=float(lon) if lon is not None else None, geonames_id=d.get("geonames_id"),
                   source=r.text(d, "source") or "")


def _organisation(d: dict, r: _Reader) -> Organisation | None:
    oid, name, country = r.text(d, "id"), r.text(d, "name"), r.text(d, "country")
    if not oid or not name or not country:
        return None
    r.where = f"organisations.yaml: {oid}"
    rules = []
    for rd in d.get("rules") or []:
        if isinstance(rd, dict) and r.text(rd, "country"):
            rules.append(Rule(str(rd["country"]), r.period(rd), str(rd.get("kind") or "junta")))
    return Organisation(id=oid, name=name, country=country, sectors=r.sectors(d), aliases=r.strings(d, "aliases"),
                        name_en=r.text(d, "name_en", False), period=r.period(d), rules=tuple(rules),
                        parent=r.text(d, "parent", False), org_as=r.text(d, "org_as", False),
                        members=_members(d, r), adjectives=r.strings(d, "adjectives"),
                        source=r.text(d, "source") or "")


def _members(d: dict, r: _Reader) -> tuple[Member, ...]:
    """`members: [MLI, {country: BFA, end: 2023-12-02}]`: plain codes or dated mappings."""
    out = []
    for m in d.get("members") or []:
        if isinstance(m, str):
            out.append(Member(m))
        elif isinstance(m, dict) and r.text(m, "country"):
            out.append(Member(str(m["country"]), r.period(m)))
        else:
            r.problem(f"a member must be a country code or {{country, start, end}}, not {m!r}")
    return tuple(out)


def _person(d: dict, r: _Reader) -> Person | None:
    pid, name, country = r.text(d, "id"), r.text(d, "name"), r.text(d, "country")
    if not pid or not name or not country:
        return None
    r.where = f"people.yaml: {pid}"
    source = r.text(d, "source", False) or ""
    tenures = []
    for td in d.get("roles") or []:
        if not isinstance(td, dict):
            r.problem("every role must be a mapping")
            continue
        office, tcountry = r.text(td, "office"), r.text(td, "country")
        tsource = r.text(td, "source", False) or source
        if not tsource:
            r.problem(f"role '{office}' has no source (give one on the role or the person)")
        if office and tcountry:
            tenures.append(Tenure(office=office, country=tcountry, sectors=r.sectors(td), period=r.period(td),
                                  org=r.text(td, "org", False), title=r.text(td, "title", False) or "",
                                  source=tsource))
    if not source and not tenures:
        r.problem("missing 'source'")
    gender = r.text(d, "gender", False)
    return Person(id=pid, name=name, country=country, sectors=r.sectors(d), aliases=r.strings(d, "aliases"),
                  short=r.strings(d, "short"), gender=gender, roles=tuple(tenures), source=source)


def _role(d: dict, r: _Reader, default_source: str) -> RoleTerm | None:
    rid = r.text(d, "id")
    if not rid:
        return None
    r.where = f"roles.yaml: {rid}"
    kind = r.text(d, "kind", False) or "group"
    if kind not in {k.value for k in EntityKind}:
        r.problem(f"unknown kind '{kind}'")
        kind = "group"
    return RoleTerm(id=rid, terms=r.strings(d, "terms"), sectors=r.sectors(d), resolve=r.text(d, "resolve", False),
                    country=r.text(d, "country", False), org=r.text(d, "org", False),
                    inherit=bool(d.get("inherit")), anaphor=r.text(d, "anaphor", False),
                    other=bool(d.get("other")), default_country=r.text(d, "default_country", False),
                    metonymy=bool(d.get("metonymy")),
                    kind=EntityKind(kind), source=r.text(d, "source", False) or default_source)


def _parse_places(doc: dict, out: Loaded) -> None:
    for i, d in enumerate(_entries(doc, "exonyms", "places_fr.yaml", out.problems)):
        r = _Reader(out.problems, f"places_fr.yaml: exonyms[{i}]")
        name, gn, cty = r.text(d, "name"), r.text(d, "geonames"), r.text(d, "country")
        if name and gn and cty:
            out.exonyms.append(Exonym(name, gn, cty))
    for i, d in enumerate(_entries(doc, "regions", "places_fr.yaml", out.problems)):
        r = _Reader(out.problems, f"places_fr.yaml: regions[{i}]")
        if name := r.text(d, "name"):
            out.regions.append(Region(name, r.text(d, "country", False), d.get("lat"), d.get("lon")))


def load_data(data_dir: Path | str | None = None) -> Loaded:
    """Parse every data file; schema problems are listed in `problems`, not raised."""
    base = Path(data_dir) if data_dir else DATA_DIR
    out = Loaded()
    digest = hashlib.sha256()
    docs = {}
    for name in FILES:
        path = base / name
        if path.exists():
            digest.update(name.encode() + b"\0" + path.read_bytes())
        docs[name] = _read_yaml(path, out.problems)
    out.version = digest.hexdigest()[:12]
    p = out.problems
    out.countries = [c for i, d in enumerate(_entries(docs["countries.yaml"], "countries", "countries.yaml", p))
                     if (c := _country(d, _Reader(p, f"countries.yaml: countries[{i}]")))]
    out.organisations = [o for i, d in enumerate(_entries(docs["organisations.yaml"], "organisations",
                                                          "organisations.yaml", p))
                         if (o := _organisation(d, _Reader(p, f"organisations.yaml: organisations[{i}]")))]
    out.people = [x for i, d in enumerate(_entries(docs["people.yaml"], "people", "people.yaml", p))
                  if (x := _person(d, _Reader(p, f"people.yaml: people[{i}]")))]
    roles_doc = docs["roles.yaml"]
    default_source = str(roles_doc.get("source_default") or "")
    out.roles = [x for i, d in enumerate(_entries(roles_doc, "roles", "roles.yaml", p))
                 if (x := _role(d, _Reader(p, f"roles.yaml: roles[{i}]"), default_source))]
    for d in _entries(roles_doc, "offices", "roles.yaml", p):
        if d.get("id"):
            out.offices[str(d["id"])] = Office(str(d["id"]), str(d.get("scope") or "country"), bool(d.get("single")))
    _parse_places(docs["places_fr.yaml"], out)
    out.lists = {k: tuple(str(x) for x in (roles_doc.get(k) or [])) for k in
                 ("former", "locative", "partitive", "motion_verbs", "dative_nouns", "collectives", "local")}
    out.numbers = _numbers(roles_doc.get("numbers"), p)
    out.lists["ambiguous"] = tuple(str(x) for x in (docs["organisations.yaml"].get("ambiguous") or []))
    out.lists["ambiguous_demonyms"] = tuple(str(x) for x in
                                            (docs["countries.yaml"].get("ambiguous_demonyms") or []))
    return out


def _numbers(raw, problems: list[str]) -> dict[str, int]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(v, int) for v in raw.values()):
        problems.append("roles.yaml: 'numbers' must map words to integers ({deux: 2, ...})")
        return {}
    return {str(k): v for k, v in raw.items()}


def version_of(data_dir: Path | str | None = None) -> str:
    """Hash of the data files (12 hex digits): the provenance of every resolved actor."""
    base = Path(data_dir) if data_dir else DATA_DIR
    digest = hashlib.sha256()
    for name in FILES:
        path = base / name
        if path.exists():
            digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]

