"""Typed records that cross stage boundaries.

Data flows one way: Source -> Article -> Analysis (Entity, Event, Quote, Timex) -> store.
Every record here is a frozen dataclass; codes are enums (str-valued so they
serialise as the plain codes of ../shared/gold/GUIDELINES.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class EventType(str, Enum):
    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class QuadClass(str, Enum):
    """PLOVER's four-way grouping used by dyad summaries."""

    VERBAL_COOPERATION = "verbal cooperation"
    MATERIAL_COOPERATION = "material cooperation"
    VERBAL_CONFLICT = "verbal conflict"
    MATERIAL_CONFLICT = "material conflict"


QUAD_CLASS: dict[EventType, QuadClass] = {
    EventType.AGREE: QuadClass.VERBAL_COOPERATION,
    EventType.CONSULT: QuadClass.VERBAL_COOPERATION,
    EventType.SUPPORT: QuadClass.VERBAL_COOPERATION,
    EventType.CONCEDE: QuadClass.VERBAL_COOPERATION,
    EventType.COOPERATE: QuadClass.MATERIAL_COOPERATION,
    EventType.AID: QuadClass.MATERIAL_COOPERATION,
    EventType.RETREAT: QuadClass.MATERIAL_COOPERATION,
    EventType.REQUEST: QuadClass.VERBAL_CONFLICT,
    EventType.ACCUSE: QuadClass.VERBAL_CONFLICT,
    EventType.REJECT: QuadClass.VERBAL_CONFLICT,
    EventType.THREATEN: QuadClass.VERBAL_CONFLICT,
    EventType.PROTEST: QuadClass.MATERIAL_CONFLICT,
    EventType.SANCTION: QuadClass.MATERIAL_CONFLICT,
    EventType.MOBILIZE: QuadClass.MATERIAL_CONFLICT,
    EventType.COERCE: QuadClass.MATERIAL_CONFLICT,
    EventType.ASSAULT: QuadClass.MATERIAL_CONFLICT,
}


class Status(str, Enum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    ALLEGED = "alleged"
    QUESTIONED = "questioned"
    NEGATED = "negated"
    FUTURE = "future"
    HYPOTHETICAL = "hypothetical"


class Sector(str, Enum):
    GOV = "GOV"
    MIL = "MIL"
    COP = "COP"
    JUD = "JUD"
    LEG = "LEG"
    PTY = "PTY"
    OPP = "OPP"
    REB = "REB"
    PRM = "PRM"
    SPY = "SPY"
    UAF = "UAF"
    UNK = "UNK"
    CVL = "CVL"
    JRN = "JRN"
    EDU = "EDU"
    BUS = "BUS"
    LAB = "LAB"
    AGR = "AGR"
    REF = "REF"
    REL = "REL"
    MED = "MED"
    SOC = "SOC"
    ELI = "ELI"
    CRM = "CRM"
    PRE = "PRE"


# PLOVER non-state "country" codes (GUIDELINES §2).
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})


class EntityKind(str, Enum):
    COUNTRY = "country"
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    GROUP = "group"


class QuoteKind(str, Enum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class SourceKind(str, Enum):
    TEXT = "text"
    HTML = "html"
    FEED = "feed"
    WARC = "warc"
    JSONL = "jsonl"
    CSV = "csv"


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class Source:
    """One raw input as read from a file, stdin, a URL or a container record."""

    locator: str  # file path, URL, "stdin", or "path#record-3" for a record inside a container
    data: bytes
    url: str | None = None
    kind_hint: SourceKind | None = None  # set when a container already knows (WARC response = html)
    published_hint: date | None = None  # e.g. WARC-Date, feed item date
    title_hint: str | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    """A sub-heading kept in the body text, as offsets into Article.text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    doc_id: str
    title: str
    text: str  # clean body text; every offset of the analysis indexes into it
    content_hash: str
    source_kind: SourceKind
    locator: str
    url: str | None = None
    published: date | None = None
    language: str | None = None
    byline: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    standfirst: str | None = None
    headings: tuple[Heading, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not become an article, with a reason a person can act on."""

    locator: str
    stage: str
    reason: str


# --------------------------------------------------------------------------- analysis


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    country: str | None = None
    sector: tuple[str, ...] = ()
    org: str | None = None
    kb_id: str | None = None
    confidence: float = 0.5
    role: str | None = None
    kind: EntityKind | None = None

    def to_json(self, with_role: bool = False) -> dict:
        out = {"name": self.name, "country": self.country, "sector": list(self.sector), "org": self.org}
        if with_role:
            out["role"] = self.role
        return out


@dataclass(frozen=True, slots=True)
class Span:
    """A verbatim slice of Article.text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    span: Span
    actor: Actor


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    kind: EntityKind
    country: str | None = None
    sector: tuple[str, ...] = ()
    org: str | None = None
    kb_id: str | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True)
class Timex:
    text: str
    start: int
    end: int
    value: str  # ISO 8601 at the precision given: 2020, 2020-01, 2020-08-21, 2020-W35


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str
    text: str
    from_publication: bool = False  # no time expression: the publication date stands in


@dataclass(frozen=True, slots=True)
class Event:
    type: EventType
    source: Actor | None
    target: Actor | None
    evidence: Span
    status: Status = Status.ASSERTED
    mode: str | None = None
    attributed_to: Actor | None = None
    date: EventDate | None = None
    place: Place | None = None
    confidence: float = 0.5
    trigger: str | None = None  # the lemma or phrase that fired
    evidence_in: str = "text"  # what the evidence offsets index: "text", or "title" (a question headline)


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: Actor | None
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything extracted from one article. Built from a spaCy Doc; holds no Doc."""

    doc_id: str
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    entities: tuple[Entity, ...] = ()
    versions: dict[str, str] = field(default_factory=dict)
