"""Pydantic response and request models: the JSON the HTTP API promises (and /openapi.json documents)."""
from __future__ import annotations

from pydantic import BaseModel, Field, HttpUrl, model_validator

from veille.model import EventType, QuadClass, Status

StatusCountsJSON = dict[str, int]


class ActorOut(BaseModel):
    name: str
    country: str | None
    sector: list[str]
    org: str | None
    kb_id: str | None = None
    role: str | None = None
    kind: str | None = None


class SelectorOut(BaseModel):
    key: str = Field(description="the actor as a code: kb:<id>, org:<ORG>, RUS, MLI:GOV+MIL")
    label: str
    country: str | None
    sectors: list[str]
    org: str | None
    kb_id: str | None
    period: str | None = Field(None, description="while it rules its country (a junta): start → end")


class SpanOut(BaseModel):
    start: int
    end: int
    text: str
    within: str = Field("text", description="what start/end index: the article's text, or its title "
                                            "(an event of a question headline)")


class PlaceOut(BaseModel):
    name: str
    country: str | None
    lat: float | None
    lon: float | None


class ArticleRef(BaseModel):
    doc_id: str
    title: str
    published: str | None
    url: str | None
    duplicate_of: str | None


class EventOut(BaseModel):
    id: int
    doc_id: str
    idx: int
    type: EventType
    quad: QuadClass
    mode: str | None
    status: Status
    source: ActorOut | None
    target: ActorOut | None
    attributed_to: ActorOut | None
    evidence: SpanOut
    date: str | None = Field(description="the event's date (ISO, at its precision), else the article's")
    date_text: str | None
    date_from_publication: bool
    place: PlaceOut | None
    confidence: float
    trigger: str | None
    article: ArticleRef
    link: str = Field(description="the web page of the article at this event's sentence")


class BreakdownOut(BaseModel):
    key: str
    total: int
    by_status: StatusCountsJSON
    articles: int = Field(description="distinct articles")
    sources: int = Field(description="independent sources: a near-duplicate or syndicated copy counts once")
    first: str | None
    last: str | None


class CreditOut(BaseModel):
    name: str
    events: int


class TypeLineOut(BaseModel):
    type: EventType
    quad: QuadClass
    direction: str = Field(description="'ab' when the first actor is the source, 'ba' otherwise")
    source: str
    target: str
    summary: str = Field(description="the line in words, e.g. 'AID Russie → CNSP: 6 alleged'")
    counts: BreakdownOut
    according_to: list[CreditOut] = Field(description="whom the articles credit with these events "
                                                      "(events told in the articles' own voice are not listed)")
    partial: int = Field(0, description="of which the sentence does not name the other side (see `partial`)")
    asked: int = Field(0, description="of which a question headline asks (evidence in the title)")


class SourceArticleOut(ArticleRef):
    events: int


class DyadOut(BaseModel):
    a: SelectorOut
    b: SelectorOut
    members: bool
    overall: BreakdownOut
    answer: list[TypeLineOut]
    by_quad: list[BreakdownOut]
    by_month: list[BreakdownOut]
    evidence: list[EventOut]
    evidence_total: int
    sources: list[SourceArticleOut]
    partial: list[EventOut] = Field(description="events of one side whose sentence names no other participant, "
                                                "attributed to a source, in an article of this answer: counted "
                                                "in it, their missing side being the other actor")
    questions: list[SourceArticleOut] = Field(description="articles whose headline asks the question")
    quotes: list[QuoteHitOut] = Field(description="quotes in its articles where each side is the speaker or "
                                                  "named in the quoted words")
    same_actor: bool = Field(description="both names resolve to the same actor")
    resolved: list[ResolutionOut] | None = Field(None, description="with `explain=true`: how each typed name "
                                                                    "was resolved, and the other candidates")


class QuoteHitOut(BaseModel):
    doc_id: str
    idx: int
    speaker: ActorOut | None
    text: str
    start: int
    end: int
    kind: str
    cue: str | None
    title: str
    published: str | None


class ActorHitOut(BaseModel):
    selector: SelectorOut
    name: str
    kind: str | None
    origin: str = Field(description="'kb' (knowledge base alias) or 'store' (seen in stored events)")
    matched: str | None
    aliases: list[str]
    events: int
    link: str


class ResolutionOut(BaseModel):
    asked: str = Field(description="the name as typed")
    chosen: SelectorOut
    events: int = Field(description="its events in the store (with members), as every page counts them")
    alternatives: list[ActorHitOut] = Field(description="the other candidates, most events first")


class ActorListOut(BaseModel):
    query: str | None
    items: list[ActorHitOut]


class PartnerOut(BaseModel):
    selector: SelectorOut
    name: str
    events: int
    cooperation: int
    conflict: int
    by_status: StatusCountsJSON
    dyad: str


class MonthOut(BaseModel):
    month: str
    as_source: StatusCountsJSON
    as_target: StatusCountsJSON


class ProfileOut(BaseModel):
    selector: SelectorOut
    name: str
    names: list[str]
    members: bool
    events: int = Field(description="its events on either side, each counted once (the count every page gives)")
    as_source: BreakdownOut
    as_target: BreakdownOut
    types_as_source: list[BreakdownOut]
    types_as_target: list[BreakdownOut]
    by_month: list[MonthOut]
    partners: list[PartnerOut]
    quotes_by: list[QuoteHitOut]
    quotes_about: list[QuoteHitOut]


class EventPageOut(BaseModel):
    items: list[EventOut]
    total: int
    limit: int
    offset: int
    sort: str
    next_offset: int | None


class ArticleSummaryOut(BaseModel):
    doc_id: str
    title: str
    published: str | None
    url: str | None
    language: str | None
    duplicate_of: str | None
    duplicate_kind: str | None
    analysed: bool
    events: int


class ArticlePageOut(BaseModel):
    items: list[ArticleSummaryOut]
    total: int
    limit: int
    offset: int
    search: str | None
    next_offset: int | None


class QuoteOut(BaseModel):
    speaker: ActorOut | None
    text: str
    start: int
    end: int
    kind: str
    cue: str | None


class TimexOut(BaseModel):
    text: str
    start: int
    end: int
    value: str


class MentionOut(BaseModel):
    start: int
    end: int
    text: str


class EntityOut(BaseModel):
    id: str
    name: str
    kind: str
    country: str | None
    sector: list[str]
    org: str | None
    kb_id: str | None
    mentions: list[MentionOut]


class ArticleEventOut(BaseModel):
    idx: int
    anchor: str
    type: EventType
    quad: QuadClass
    mode: str | None
    status: Status
    source: ActorOut | None
    target: ActorOut | None
    attributed_to: ActorOut | None
    evidence: SpanOut
    date: str | None
    date_text: str | None
    place: PlaceOut | None
    confidence: float
    trigger: str | None


class ArticleOut(BaseModel):
    doc_id: str
    title: str
    text: str
    url: str | None
    published: str | None
    language: str | None
    byline: str | None
    section: str | None
    tags: list[str]
    ingested_at: str
    duplicate_of: str | None
    duplicate_kind: str | None
    copies: list[str]
    analysed_at: str | None
    analysis_versions: dict[str, str]
    events: list[ArticleEventOut]
    quotes: list[QuoteOut]
    timexes: list[TimexOut]
    entities: list[EntityOut]


class SearchOut(BaseModel):
    query: str
    actors: list[ActorHitOut]
    articles: ArticlePageOut
    events: EventPageOut


class EdgeOut(BaseModel):
    a: SelectorOut
    b: SelectorOut
    events: int
    cooperation: int
    conflict: int
    dyad: str


class NetworkOut(BaseModel):
    nodes: list[ActorHitOut]
    edges: list[EdgeOut]


class MapPointOut(BaseModel):
    name: str
    country: str | None
    lat: float
    lon: float
    total: int
    by_status: StatusCountsJSON
    doc_ids: list[str]


class IngestIn(BaseModel):
    """Either a URL to fetch or a text to store (first line: the title, unless ``title`` is given)."""

    url: HttpUrl | None = None
    text: str | None = Field(None, min_length=1, max_length=1_000_000,
                             description="a plain-text article as a scraper saves it (dates and bylines are read)")
    title: str | None = Field(None, max_length=1000)

    @model_validator(mode="after")
    def _one_source(self) -> "IngestIn":
        if (self.url is None) == (self.text is None):
            raise ValueError("give either 'url' or 'text'")
        return self


class RejectionOut(BaseModel):
    locator: str
    stage: str
    reason: str


class IngestOut(BaseModel):
    run_id: int
    ingested: int
    analysed: int
    duplicates_exact: int
    duplicates_near: int
    already_stored: int
    doc_ids: list[str]
    rejected: list[RejectionOut]
    links: list[str]
