"""One search box: actors by alias, articles by words, events by the words of their evidence."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from veille.api.routers.common import json_of
from veille.api.state import app_state, store_of
from veille.queries import jsonable as convert
from veille.queries import EventFilters, list_articles, lookup_actors, search_events
from veille.queries.shapes import SearchOut

router = APIRouter(prefix="/api", tags=["search"])


@router.get("/search", response_model=SearchOut, summary="Search actors, articles and events at once")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)],
           limit: Annotated[int, Query(ge=1, le=100)] = 10) -> SearchOut:
    store = store_of(request)
    return json_of(SearchOut(
        query=q,
        actors=[convert.actor_hit(h) for h in lookup_actors(store, q, app_state(request).kb(), limit=limit)],
        articles=convert.article_page(list_articles(store, q, limit=limit)),
        events=convert.event_page(search_events(store, EventFilters(text=q), limit=limit))))
