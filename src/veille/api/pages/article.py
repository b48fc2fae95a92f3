"""The article page: its text with actors, events, quotes and time expressions highlighted."""
from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from veille.api.pages.annotate import Annotation, pieces
from veille.api.pages.render import page
from veille.api.state import store_of
from veille.model import QUAD_CLASS, Analysis, Entity
from veille.queries import ActorSelector, ArticleView, article_view
from veille.queries.counts import has_events

router = APIRouter()


@router.get("/articles/{doc_id}", response_class=HTMLResponse)
def article(request: Request, doc_id: str, ev: Annotated[int | None, Query(ge=0)] = None) -> HTMLResponse:
    """``?ev=3`` (or the fragment ``#ev-3``) lands on the third event's sentence and highlights it."""
    view = article_view(store_of(request), doc_id)
    if view is None:
        raise HTTPException(404, f"no article {doc_id!r}: it may have been removed, or the link is wrong")
    analysis = view.analysis or Analysis(doc_id)
    text = view.article.text
    store = store_of(request)
    known: dict[str, bool] = {}

    def linked(selector: ActorSelector | None) -> ActorSelector | None:
        """Only actors with events get a link: their page has something to show."""
        if selector is None:
            return None
        if selector.key not in known:
            known[selector.key] = has_events(store, selector)
        return selector if known[selector.key] else None

    return page(request, "article.html", title=view.article.title, view=view, analysis=analysis,
                pieces=pieces(text, annotations(analysis, linked)), focus=f"ev-{ev}" if ev is not None else None,
                status_counts=Counter(e.status for e in analysis.events), quads=QUAD_CLASS,
                entities=_entities(analysis, linked), copy_note=_copy_note(view))


def annotations(analysis: Analysis, linked=lambda selector: selector) -> list[Annotation]:
    out = [Annotation(e.evidence.start, e.evidence.end, "event", f"ev-{i}", {"event": e, "idx": i})
           for i, e in enumerate(analysis.events) if e.evidence_in == "text"]  # the title's: under the title
    out += [Annotation(q.start, q.end, "quote", f"q-{i}", {"quote": q}) for i, q in enumerate(analysis.quotes)]
    out += [Annotation(t.start, t.end, "timex", f"t-{i}", {"timex": t}) for i, t in enumerate(analysis.timexes)]
    for entity in analysis.entities:
        for j, mention in enumerate(entity.mentions):
            out.append(Annotation(mention.start, mention.end, "mention", f"m-{entity.id}-{j}",
                                  {"entity": entity, "selector": linked(entity_selector(entity))}))
    return out


def entity_selector(entity: Entity) -> ActorSelector | None:
    """The actor page an entity links to (its knowledge-base id, organisation or country)."""
    if entity.kind.value == "country" and entity.country:
        return ActorSelector(entity.name, entity.country)
    if entity.kb_id:
        return ActorSelector(entity.name, entity.country, tuple(entity.sector), entity.org, entity.kb_id)
    if entity.org:
        return ActorSelector(entity.name, entity.country, tuple(entity.sector), entity.org)
    if entity.country and entity.kind.value != "place":
        return ActorSelector(entity.name, entity.country, tuple(entity.sector)[:1])
    return None


def _entities(analysis: Analysis, linked) -> list[tuple[Entity, ActorSelector | None]]:
    ranked = sorted(analysis.entities, key=lambda e: (-len(e.mentions), e.name))
    return [(e, linked(entity_selector(e))) for e in ranked]


def _copy_note(view: ArticleView) -> str | None:
    if view.duplicate_kind == "exact":
        return f"An exact copy of {view.duplicate_of}; the analysis shown is the original's."
    if view.duplicate_kind == "near":
        return f"A near-duplicate (syndicated copy) of {view.duplicate_of}: it counts as the same source."
    return None
