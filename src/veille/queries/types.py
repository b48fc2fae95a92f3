"""Typed results of the evidence queries (frozen dataclasses; the API turns them into pydantic).

An ``ActorSelector`` names one actor the way the store records actors:
a knowledge-base id, an organisation id, or a country with sectors. With
``members`` a selector also covers the actors that belong to it, by one rule
(``veille.queries.sqlparts.actor_clause``), time-bounded and typed:

- a country's members are its institutions: every actor of that country;
- an organisation's members are its units (the actors carrying its org id);
- a body ruling a country (a junta, ``ruling`` gives the period) also has, in the articles
  published while it rules, that country's institutions in its sectors (the CNSP from
  18 August 2020 to 18 January 2021: Mali's government and army), but never a person: a person belongs to
  a group only through a role the resolver dated (Goïta is the CNSP while he leads it;
  the president it overthrew never is);
- a person's members are only the person.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from veille.model import Actor, EventType, Place, QuadClass, Span, Status

STATUS_ORDER: tuple[Status, ...] = tuple(Status)


@dataclass(frozen=True, slots=True)
class ActorSelector:
    label: str
    country: str | None = None
    sectors: tuple[str, ...] = ()
    org: str | None = None
    kb_id: str | None = None
    ruling: tuple[str | None, str | None] | None = None  # (start, end) ISO dates while it rules its country

    @property
    def key(self) -> str:
        """A stable, URL-safe text form that ``parse_selector`` reads back."""
        if self.kb_id:
            return f"kb:{self.kb_id}"
        if self.org:
            return f"org:{self.org}"
        if self.country and self.sectors:
            return f"{self.country}:{'+'.join(self.sectors)}"
        return self.country or ""

    @property
    def is_country(self) -> bool:
        """A whole country (no organisation, no knowledge-base identity)."""
        return not self.kb_id and not self.org

    @property
    def is_person(self) -> bool:
        return bool(self.kb_id and self.kb_id.startswith("person:"))

    @property
    def period(self) -> str | None:
        """Its period as text ("2020-08-18 → 2021-01-18"), when it has one."""
        if self.ruling is None:
            return None
        start, end = self.ruling
        return f"{start or '…'} → {end or 'today'}"


@dataclass(frozen=True, slots=True)
class StatusCounts:
    """Counts per status, always in the order of ``Status``; zero counts left out."""

    items: tuple[tuple[Status, int], ...] = ()

    @classmethod
    def of(cls, counts: dict[Status, int]) -> "StatusCounts":
        return cls(tuple((s, counts[s]) for s in STATUS_ORDER if counts.get(s)))

    @property
    def total(self) -> int:
        return sum(n for _, n in self.items)

    def get(self, status: Status) -> int:
        return dict(self.items).get(status, 0)

    def as_dict(self) -> dict[str, int]:
        return {s.value: n for s, n in self.items}


@dataclass(frozen=True, slots=True)
class ActorHit:
    """An actor found by a lookup: what it is, where the name came from, how often it acts."""

    selector: ActorSelector
    name: str
    kind: str | None = None  # country | person | organisation | group | place
    origin: str = "store"    # "kb" (knowledge base alias) or "store" (seen in events)
    matched: str | None = None  # the alias or name that matched the query
    aliases: tuple[str, ...] = ()
    events: int = 0


@dataclass(frozen=True, slots=True)
class EventHit:
    """One stored event with what a reader needs to check it: the article and the offsets."""

    id: int
    doc_id: str
    idx: int
    type: EventType
    quad: QuadClass
    mode: str | None
    status: Status
    source: Actor | None
    target: Actor | None
    attributed_to: Actor | None
    evidence: Span
    date: str | None             # the event's date (ISO, any precision), else the article's
    date_text: str | None
    date_from_publication: bool
    place: Place | None
    confidence: float
    trigger: str | None
    title: str
    published: str | None
    url: str | None
    duplicate_of: str | None
    evidence_in: str = "text"    # "title": the evidence offsets index the article's title

    @property
    def anchor(self) -> str:
        return f"ev-{self.idx}"


@dataclass(frozen=True, slots=True)
class Breakdown:
    """Events of one group (a type, a quad class, a month...) split by status."""

    key: str
    by_status: StatusCounts
    articles: int = 0
    sources: int = 0
    first: str | None = None
    last: str | None = None

    @property
    def total(self) -> int:
        return self.by_status.total


@dataclass(frozen=True, slots=True)
class TypeSummary:
    """One line of a dyad's answer: events of one type in one direction, and according to whom
    (the names the article credits, most events first; events told in its own voice are not listed)."""

    type: EventType
    quad: QuadClass
    direction: str  # "ab" (first actor is the source) or "ba"
    breakdown: Breakdown
    according_to: tuple[tuple[str, int], ...] = ()
    partial: int = 0  # of which the other side is not named in the event's sentence (see ``Dyad.partial``)
    asked: int = 0    # of which a question headline asks (their evidence is the title)


@dataclass(frozen=True, slots=True)
class SourceArticle:
    doc_id: str
    title: str
    url: str | None
    published: str | None
    duplicate_of: str | None
    events: int


@dataclass(frozen=True, slots=True)
class Dyad:
    a: ActorSelector
    b: ActorSelector
    members: bool
    overall: Breakdown
    by_type: tuple[TypeSummary, ...]
    by_quad: tuple[Breakdown, ...]
    by_month: tuple[Breakdown, ...]
    evidence: tuple[EventHit, ...]
    evidence_total: int
    sources: tuple[SourceArticle, ...]
    # Events of one side whose other participant the sentence does not name, attributed to a
    # source, in an article of the answer (the other side by coreference): counted, and said so.
    partial: tuple[EventHit, ...] = ()
    questions: tuple[SourceArticle, ...] = ()  # articles whose headline asks the question
    quotes: tuple[QuoteHit, ...] = ()          # quotes of either side about the other, in its articles


@dataclass(frozen=True, slots=True)
class Partner:
    selector: ActorSelector
    name: str
    events: int
    cooperation: int
    conflict: int
    by_status: StatusCounts


@dataclass(frozen=True, slots=True)
class QuoteHit:
    doc_id: str
    idx: int
    speaker: Actor | None
    text: str
    start: int
    end: int
    kind: str
    cue: str | None
    title: str
    published: str | None


@dataclass(frozen=True, slots=True)
class MonthActivity:
    month: str
    as_source: StatusCounts
    as_target: StatusCounts


@dataclass(frozen=True, slots=True)
class ActorProfile:
    selector: ActorSelector
    name: str
    members: bool
    as_source: Breakdown
    as_target: Breakdown
    types_as_source: tuple[Breakdown, ...]
    types_as_target: tuple[Breakdown, ...]
    by_month: tuple[MonthActivity, ...]
    partners: tuple[Partner, ...]
    quotes_by: tuple[QuoteHit, ...]
    quotes_about: tuple[QuoteHit, ...]
    names: tuple[str, ...] = ()
    events: int = 0  # on either side, counted once: ``count_events``, the number every page gives


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Filters of an event search; every one optional, all combined with AND."""

    source: ActorSelector | None = None
    target: ActorSelector | None = None
    actor: ActorSelector | None = None          # either side
    members: bool = True
    types: tuple[EventType, ...] = ()
    quads: tuple[QuadClass, ...] = ()
    modes: tuple[str, ...] = ()
    statuses: tuple[Status, ...] = ()
    date_from: str | None = None                 # ISO date, any precision
    date_to: str | None = None
    place: str | None = None                     # place name (prefix) or country code
    country: str | None = None                   # source or target country
    text: str | None = None                      # words of the evidence (accents, case ignored)
    doc_id: str | None = None


SORTS = ("date", "-date", "confidence", "-confidence")


@dataclass(frozen=True, slots=True)
class EventPage:
    items: tuple[EventHit, ...]
    total: int
    limit: int
    offset: int
    sort: str

    @property
    def next_offset(self) -> int | None:
        end = self.offset + len(self.items)
        return end if end < self.total else None


@dataclass(frozen=True, slots=True)
class Edge:
    a: ActorSelector
    b: ActorSelector
    a_name: str
    b_name: str
    events: int
    cooperation: int
    conflict: int


@dataclass(frozen=True, slots=True)
class Network:
    nodes: tuple[ActorHit, ...]
    edges: tuple[Edge, ...]


@dataclass(frozen=True, slots=True)
class MapPoint:
    name: str
    country: str | None
    lat: float
    lon: float
    by_status: StatusCounts
    doc_ids: tuple[str, ...] = field(default_factory=tuple)
