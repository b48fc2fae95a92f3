"""The event list: every filter of the search, stable pages."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from veille.api.pages.render import page
from veille.api.routers.common import EventQuery
from veille.api.state import store_of
from veille.model import EventType, QuadClass
from veille.queries import search_events

router = APIRouter()
PAGE = 50


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, query: Annotated[EventQuery, Depends()], offset: Annotated[int, Query(ge=0)] = 0,
           sort: Literal["-date", "date", "-confidence", "confidence"] = "-date") -> HTMLResponse:
    found = search_events(store_of(request), query.filters(request), limit=PAGE, offset=offset, sort=sort)
    return page(request, "events.html", title="Events", found=found, form=query, types=list(EventType),
                quads=list(QuadClass), sort=sort, resolved=query.resolutions(request))
