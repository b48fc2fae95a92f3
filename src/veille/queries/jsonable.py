"""One shape for answers: typed query results (frozen dataclasses) to the JSON models that the
HTTP API returns and `veille ... --json` prints (``veille.queries.shapes``), and the web links."""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote, urlencode

from veille.queries import shapes as s
from veille.model import QUAD_CLASS, Actor, Entity, Event, Place, Quote, Timex
from veille.queries import (
    ActorHit,
    ActorProfile,
    ActorSelector,
    ArticlePage,
    ArticleView,
    Breakdown,
    Dyad,
    Edge,
    EventHit,
    EventPage,
    MapPoint,
    Partner,
    QuoteHit,
    Resolution,
    SourceArticle,
    TypeSummary,
)
from veille.store.rows import code


def article_link(doc_id: str, anchor: str | None = None) -> str:
    return _article_path(doc_id) + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=16384)
def _article_path(doc_id: str) -> str:
    """An article's page (a page of evidence links to the same few articles many times)."""
    return f"/articles/{quote(doc_id, safe='')}"


def actor_link(selector: ActorSelector) -> str:
    return f"/actors/{quote(selector.key, safe=':')}"


def dyad_link(a: ActorSelector, b: ActorSelector, members: bool = True) -> str:
    params = {"a": a.key, "b": b.key} | ({} if members else {"members": "false"})
    return f"/dyad?{urlencode(params)}"


def actor(a: Actor | None) -> s.ActorOut | None:
    return None if a is None else _actor_out(a)


@lru_cache(maxsize=8192)
def _actor_out(a: Actor) -> s.ActorOut:
    """One model per distinct actor (hundreds of events name the same few actors); never modified."""
    return s.ActorOut(name=a.name, country=a.country, sector=[code(x) for x in a.sector], org=a.org,
                      kb_id=a.kb_id, role=a.role, kind=code(a.kind))


def selector(sel: ActorSelector) -> s.SelectorOut:
    return s.SelectorOut(key=sel.key, label=sel.label, country=sel.country, sectors=list(sel.sectors),
                         org=sel.org, kb_id=sel.kb_id, period=sel.period)


def place(p: Place | None) -> s.PlaceOut | None:
    return None if p is None else s.PlaceOut(name=p.name, country=p.country, lat=p.lat, lon=p.lon)


def event(hit: EventHit) -> s.EventOut:
    return s.EventOut(
        id=hit.id, doc_id=hit.doc_id, idx=hit.idx, type=hit.type, quad=hit.quad, mode=hit.mode,
        status=hit.status, source=actor(hit.source), target=actor(hit.target),
        attributed_to=actor(hit.attributed_to),
        evidence=s.SpanOut(start=hit.evidence.start, end=hit.evidence.end, text=hit.evidence.text,
                           within=hit.evidence_in),
        date=hit.date, date_text=hit.date_text, date_from_publication=hit.date_from_publication,
        place=place(hit.place), confidence=hit.confidence, trigger=hit.trigger,
        article=s.ArticleRef(doc_id=hit.doc_id, title=hit.title, published=hit.published, url=hit.url,
                             duplicate_of=hit.duplicate_of),
        link=article_link(hit.doc_id, hit.anchor))


def breakdown(b: Breakdown) -> s.BreakdownOut:
    return s.BreakdownOut(key=b.key, total=b.total, by_status=b.by_status.as_dict(), articles=b.articles,
                          sources=b.sources, first=b.first, last=b.last)


def type_line(line: TypeSummary, a: ActorSelector, b: ActorSelector) -> s.TypeLineOut:
    source, target = (a, b) if line.direction == "ab" else (b, a)
    return s.TypeLineOut(type=line.type, quad=line.quad, direction=line.direction, source=source.label,
                         target=target.label, summary=summary_text(line, a, b),
                         counts=breakdown(line.breakdown),
                         according_to=[s.CreditOut(name=name, events=n) for name, n in line.according_to],
                         partial=line.partial, asked=line.asked)


def summary_text(line: TypeSummary, a: ActorSelector, b: ActorSelector) -> str:
    source, target = (a, b) if line.direction == "ab" else (b, a)
    counts = ", ".join(f"{n} {status.value}" for status, n in line.breakdown.by_status.items)
    credit = "; according to " + ", ".join(name for name, _ in line.according_to) if line.according_to else ""
    return f"{line.type.value} {source.label} → {target.label}: {counts}{credit}"


def dyad(d: Dyad) -> s.DyadOut:
    return s.DyadOut(
        a=selector(d.a), b=selector(d.b), members=d.members, overall=breakdown(d.overall),
        answer=[type_line(line, d.a, d.b) for line in d.by_type],
        by_quad=[breakdown(q) for q in d.by_quad], by_month=[breakdown(m) for m in d.by_month],
        evidence=[event(h) for h in d.evidence], evidence_total=d.evidence_total,
        sources=[source_article(a) for a in d.sources], partial=[event(h) for h in d.partial],
        questions=[source_article(a) for a in d.questions], quotes=[quote_hit(q) for q in d.quotes],
        same_actor=d.a.key == d.b.key)


def source_article(a: SourceArticle) -> s.SourceArticleOut:
    return s.SourceArticleOut(doc_id=a.doc_id, title=a.title, published=a.published, url=a.url,
                              duplicate_of=a.duplicate_of, events=a.events)


def actor_hit(hit: ActorHit) -> s.ActorHitOut:
    return s.ActorHitOut(selector=selector(hit.selector), name=hit.name, kind=hit.kind, origin=hit.origin,
                         matched=hit.matched, aliases=list(hit.aliases), events=hit.events,
                         link=actor_link(hit.selector))


def quote_hit(q: QuoteHit) -> s.QuoteHitOut:
    return s.QuoteHitOut(doc_id=q.doc_id, idx=q.idx, speaker=actor(q.speaker), text=q.text, start=q.start,
                         end=q.end, kind=q.kind, cue=q.cue, title=q.title, published=q.published)


def partner(p: Partner, of: ActorSelector, members: bool) -> s.PartnerOut:
    return s.PartnerOut(selector=selector(p.selector), name=p.name, events=p.events, cooperation=p.cooperation,
                        conflict=p.conflict, by_status=p.by_status.as_dict(),
                        dyad=dyad_link(of, p.selector, members))


def profile(p: ActorProfile) -> s.ProfileOut:
    return s.ProfileOut(
        selector=selector(p.selector), name=p.name, names=list(p.names), members=p.members, events=p.events,
        as_source=breakdown(p.as_source), as_target=breakdown(p.as_target),
        types_as_source=[breakdown(b) for b in p.types_as_source],
        types_as_target=[breakdown(b) for b in p.types_as_target],
        by_month=[s.MonthOut(month=m.month, as_source=m.as_source.as_dict(), as_target=m.as_target.as_dict())
                  for m in p.by_month],
        partners=[partner(x, p.selector, p.members) for x in p.partners],
        quotes_by=[quote_hit(q) for q in p.quotes_by], quotes_about=[quote_hit(q) for q in p.quotes_about])


def event_page(page: EventPage) -> s.EventPageOut:
    return s.EventPageOut(items=[event(h) for h in page.items], total=page.total, limit=page.limit,
                          offset=page.offset, sort=page.sort, next_offset=page.next_offset)


def article_page(page: ArticlePage) -> s.ArticlePageOut:
    items = [s.ArticleSummaryOut(doc_id=a.doc_id, title=a.title, published=a.published, url=a.url,
                                 language=a.language, duplicate_of=a.duplicate_of, duplicate_kind=a.duplicate_kind,
                                 analysed=a.analysed, events=a.events) for a in page.items]
    return s.ArticlePageOut(items=items, total=page.total, limit=page.limit, offset=page.offset,
                            search=page.search, next_offset=page.next_offset)


def _article_event(idx: int, e: Event) -> s.ArticleEventOut:
    return s.ArticleEventOut(
        idx=idx, anchor=f"ev-{idx}", type=e.type, quad=QUAD_CLASS[e.type],
        mode=e.mode, status=e.status, source=actor(e.source), target=actor(e.target),
        attributed_to=actor(e.attributed_to),
        evidence=s.SpanOut(start=e.evidence.start, end=e.evidence.end, text=e.evidence.text,
                           within=e.evidence_in),
        date=e.date.value if e.date else None, date_text=e.date.text if e.date else None,
        place=place(e.place), confidence=e.confidence, trigger=e.trigger)


def _quote(q: Quote) -> s.QuoteOut:
    return s.QuoteOut(speaker=actor(q.speaker), text=q.text, start=q.start, end=q.end, kind=code(q.kind), cue=q.cue)


def _timex(t: Timex) -> s.TimexOut:
    return s.TimexOut(text=t.text, start=t.start, end=t.end, value=t.value)


def _entity(e: Entity) -> s.EntityOut:
    return s.EntityOut(id=e.id, name=e.name, kind=code(e.kind), country=e.country, sector=[code(x) for x in e.sector],
                       org=e.org, kb_id=e.kb_id,
                       mentions=[s.MentionOut(start=m.start, end=m.end, text=m.text) for m in e.mentions])


def article(view: ArticleView) -> s.ArticleOut:
    a, analysis = view.article, view.analysis
    return s.ArticleOut(
        doc_id=a.doc_id, title=a.title, text=a.text, url=a.url,
        published=a.published.isoformat() if a.published else None, language=a.language, byline=a.byline,
        section=a.section, tags=list(a.tags), ingested_at=view.ingested_at, duplicate_of=view.duplicate_of,
        duplicate_kind=view.duplicate_kind, copies=list(view.copies), analysed_at=view.analysed_at,
        analysis_versions=view.analysis_versions,
        events=[_article_event(i, e) for i, e in enumerate(analysis.events)] if analysis else [],
        quotes=[_quote(q) for q in analysis.quotes] if analysis else [],
        timexes=[_timex(t) for t in analysis.timexes] if analysis else [],
        entities=[_entity(e) for e in analysis.entities] if analysis else [])


def edge(e: Edge) -> s.EdgeOut:
    return s.EdgeOut(a=selector(e.a), b=selector(e.b), events=e.events, cooperation=e.cooperation,
                     conflict=e.conflict, dyad=dyad_link(e.a, e.b))


def map_point(p: MapPoint) -> s.MapPointOut:
    return s.MapPointOut(name=p.name, country=p.country, lat=p.lat, lon=p.lon, total=p.by_status.total,
                         by_status=p.by_status.as_dict(), doc_ids=list(p.doc_ids))


def resolution(r: Resolution) -> s.ResolutionOut:
    return s.ResolutionOut(asked=r.asked, chosen=selector(r.chosen), events=r.events,
                           alternatives=[actor_hit(h) for h in r.alternatives])
