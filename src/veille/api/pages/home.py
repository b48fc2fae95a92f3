"""Home (search box, corpus counts, latest articles), search results, the article list."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from veille.api.pages.render import page
from veille.api.state import app_state, store_of
from veille.queries import EventFilters, list_articles, lookup_actors, pair_in_text, present_actors, search_events

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    store = store_of(request)
    actors = present_actors(store, limit=12, kb=app_state(request).kb())
    return page(request, "home.html", title="", stats=store.stats(),
                latest=list_articles(store, limit=8), actors=actors)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    q = q.strip()
    if not q:
        return page(request, "search.html", title="Search", q=q, actors=(), articles=None, events=None, pair=None)
    store, kb = store_of(request), app_state(request).kb()
    actors = lookup_actors(store, q, kb, limit=12)
    articles = list_articles(store, q, limit=20)
    events = search_events(store, EventFilters(text=q), limit=20)
    return page(request, "search.html", title=f"Search: {q}", q=q, actors=actors, articles=articles,
                events=events, pair=pair_in_text(store, q, kb))


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, search: Annotated[str, Query(max_length=500)] = "",
             offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    found = list_articles(store_of(request), search.strip() or None, limit=30, offset=offset)
    return page(request, "articles.html", title="Articles", found=found, search=search)
